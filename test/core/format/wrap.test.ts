import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { wrapProse } from "../../../src/core/format/index.js";

describe("wrapProse", () => {
  it("re-flows a paragraph to the width and keeps paragraphs apart", () => {
    expect(wrapProse("one two three\nfour five\n\nsix", 9)).toEqual(["one two", "three", "four five", "", "six"]);
  });

  it("keeps a word longer than the line whole, on its own line", () => {
    expect(wrapProse("see https://example.org/a/very/long/path now", 12)).toEqual([
      "see",
      "https://example.org/a/very/long/path",
      "now",
    ]);
  });

  it("measures CJK characters as two columns and breaks between them", () => {
    const lines = wrapProse("供給業者の倒産により計画が遅れる可能性がある", 10);
    expect(lines.join("")).toBe("供給業者の倒産により計画が遅れる可能性がある");
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(10);
    expect(lines[0]).toBe("供給業者の");
  });

  it("never starts a line with closing punctuation", () => {
    const lines = wrapProse("計画は遅れる。予算は足りる。", 14);
    expect(lines).toEqual(["計画は遅れる。", "予算は足りる。"]);
    // At 12 columns 。 does not fit after る, so る goes down with it.
    expect(wrapProse("計画は遅れる。予算は足りる。", 12)[1]).toMatch(/^る。/);
    for (const line of wrapProse("あいう、えお。かき、くけ。", 6)) expect(line).not.toMatch(/^[、。]/);
  });

  it("mixes Latin and CJK text, spaces kept where the text has them", () => {
    expect(wrapProse("Phase 2 は 計画中 です", 80)).toEqual(["Phase 2 は 計画中 です"]);
    expect(wrapProse("Phase 2 は計画中です", 12)).toEqual(["Phase 2 は計", "画中です"]);
  });
});
