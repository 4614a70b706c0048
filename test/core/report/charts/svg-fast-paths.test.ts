import { describe, expect, it } from "vitest";
import { escapeXml, fitText, hash, hashOfParts, num, textWidth } from "../../../../src/core/report/charts/svg.js";

/**
 * The chart vocabulary's fast paths (every chart of a 2,500-project report calls these tens of
 * thousands of times) against the plain definitions they replace: the same output, always.
 */
const reference = {
  escapeXml: (value: string): string =>
    value
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the definition removes these control characters
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""),
  num: (value: number): string => {
    if (!Number.isFinite(value)) return "0";
    const rounded = Math.round(value * 10) / 10;
    return (rounded === 0 ? 0 : rounded).toFixed(1).replace(/\.0$/, "");
  },
  textWidth: (text: string, fontSize: number): number => {
    let units = 0;
    for (const ch of text) {
      if (/[il.,:;'|!ijtf1 ]/.test(ch)) units += 0.33;
      else if (/[mwMW@%]/.test(ch)) units += 0.85;
      else if (/[A-Z0-9#&]/.test(ch)) units += 0.65;
      else units += 0.55;
    }
    return units * fontSize;
  },
};

/** A seeded generator (mulberry32), so a failure names an input that can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("chart text and number fast paths", () => {
  it("num gives the text of toFixed(1) without its .0, for every kind of number", () => {
    const next = random(1);
    const values = [
      0,
      -0,
      1,
      -1,
      1e14 - 1,
      1e14,
      1e14 + 1,
      -1e14,
      0.04,
      -0.04,
      0.05,
      -0.05,
      0.25,
      -0.35,
      1e15,
      -1e15,
      999999999999999.9,
      1e16,
      1e21,
      1e300,
    ];
    values.push(Number.NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE);
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(next() * 18 - 2);
      values.push(
        (next() - 0.5) * magnitude,
        Math.round(next() * 10_000) / 10 - 500,
        (Math.floor(next() * 9000) + 0.05) / 10,
        // Whole numbers, the most common coordinates, up to and past where num stops taking them as they are.
        Math.round((next() - 0.5) * magnitude),
        Math.round((next() - 0.5) * 4e14),
      );
    }
    for (const v of values) expect(num(v), String(v)).toBe(reference.num(v));
  });

  it("escapeXml escapes and drops what it did before, and returns plain text as it is", () => {
    const next = random(2);
    const alphabet = [
      "a",
      "Z",
      " ",
      "&",
      "<",
      ">",
      '"',
      "'",
      "\u0000",
      "\u0008",
      "\t",
      "\n",
      "\u000b",
      "\r",
      "\u001f",
      "é",
      "\ufffe",
      "\uffff",
      "\u{1f534}",
      "—",
    ];
    const texts = ["", "plain text", "R&D <spend> \"quoted\" 'single'", "\u0007bell"];
    for (let i = 0; i < 5_000; i++)
      texts.push(
        Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""),
      );
    for (const t of texts) expect(escapeXml(t), JSON.stringify(t)).toBe(reference.escapeXml(t));
  });

  it("textWidth sums the same widths, in the same order, for every character", () => {
    const next = random(3);
    const texts = ["", "Hollin Moor WTW treatment upgrade", "MW@% il1", "\u{1f534} red", "Åland — ñ"];
    for (let code = 0; code < 256; code++) texts.push(String.fromCharCode(code));
    for (let i = 0; i < 5_000; i++)
      texts.push(
        Array.from({ length: Math.floor(next() * 30) }, () => String.fromCodePoint(Math.floor(next() * 0x2fff))).join(
          "",
        ),
      );
    for (const t of texts)
      for (const size of [10, 11, 12]) expect(textWidth(t, size), JSON.stringify(t)).toBe(reference.textWidth(t, size));
  });
});

describe("fitText", () => {
  // The definition: drop one character at a time until the rest and an ellipsis fit.
  const fitReference = (text: string, width: number, fontSize: number): string => {
    if (textWidth(text, fontSize) <= width) return text;
    const chars = [...text];
    while (chars.length > 1 && textWidth(`${chars.join("")}\u2026`, fontSize) > width) chars.pop();
    return `${chars.join("").trimEnd()}\u2026`;
  };

  it("keeps the longest prefix that fits with its ellipsis, as dropping a character at a time does", () => {
    const next = random(4);
    const texts = ["", "Hollin Moor WTW treatment upgrade", "MW@% il1", "\u{1f534} red and \u{1f7e2} green", "a   b"];
    const alphabet = ["i", "l", "m", "W", "A", "0", " ", "é", "\u{1f534}", "—", ".", "%"];
    for (let i = 0; i < 5_000; i++)
      texts.push(
        Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""),
      );
    for (const t of texts)
      for (const [width, size] of [
        [0, 12],
        [5, 10],
        [90, 10],
        [180, 11],
        [220, 12],
        [next() * 300, 12],
      ] as const)
        expect(fitText(t, width, size), JSON.stringify([t, width, size])).toBe(fitReference(t, width, size));
  });
});

describe("hashOfParts", () => {
  it("is the hash of the parts joined by line breaks, without joining them", () => {
    const cases: string[][] = [
      ["title", "description", "", "<rect/>\n<line/>"],
      ["", "", "", ""],
      ["one"],
      ["Ünïcödé — “quotes”", "🟢 status", "\u0000", "a\nb"],
    ];
    // FNV-1a over the joined text, as the ids were always derived.
    const fnv = (text: string): string => {
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return h.toString(36).padStart(7, "0");
    };
    for (const parts of cases) {
      expect(hashOfParts(parts)).toBe(fnv(parts.join("\n")));
      expect(hash(parts.join("\n"))).toBe(fnv(parts.join("\n")));
    }
  });
});
