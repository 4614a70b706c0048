import { describe, expect, it } from "vitest";
import { formatMoney } from "../../src/core/money.js";

/** formatMoney's definition, with the trailing zeros cut by a regular expression as it first was. */
function reference(amount: number, currency: string | undefined): string {
  const trim = (n: number): string => n.toFixed(n >= 100 ? 1 : 2).replace(/\.?0+$/, "");
  const prefix = currency ? `${currency} ` : "";
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  if (abs >= 1e9) return `${prefix}${sign}${trim(abs / 1e9)}bn`;
  if (abs >= 1e6) return `${prefix}${sign}${trim(abs / 1e6)}M`;
  if (abs >= 1e4) return `${prefix}${sign}${trim(abs / 1e3)}k`;
  return `${prefix}${sign}${formatMoney(Math.round(abs), undefined)}`;
}

describe("formatMoney", () => {
  it("reads as people write amounts", () => {
    expect(formatMoney(14_260_000, "GBP")).toBe("GBP 14.26M");
    expect(formatMoney(450_000, "GBP")).toBe("GBP 450k");
    expect(formatMoney(1_320_000, "EUR")).toBe("EUR 1.32M");
    expect(formatMoney(100_000_000, "EUR")).toBe("EUR 100M");
    expect(formatMoney(120_500_000, undefined)).toBe("120.5M");
    expect(formatMoney(-2_500_000_000, "USD")).toBe("USD -2.5bn");
    expect(formatMoney(950, "USD")).toBe("USD 950");
    expect(formatMoney(9_999.6, undefined)).toBe("10,000");
  });

  it("cuts trailing zeros exactly as the regular expression did, for every size of amount", () => {
    // A seeded generator (mulberry32), so that a failure names an input that can be run again.
    let a = 7;
    const next = (): number => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const amounts = [0, 1e4, 1e6, 1e9, 99_995, 99_994, 999_950, 1e21, 1e30, Number.NaN, Infinity, -Infinity];
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(next() * 14);
      amounts.push((next() - 0.3) * magnitude, Math.round(next() * magnitude), Math.round(next() * 1000) * magnitude);
    }
    for (const amount of amounts) expect(formatMoney(amount, "EUR"), String(amount)).toBe(reference(amount, "EUR"));
  });
});
