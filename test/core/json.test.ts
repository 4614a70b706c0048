import { describe, expect, it } from "vitest";
import { indentedJson, indentedJsonPieces, JsonList } from "../../src/core/json.js";

// The reading of record is JSON.stringify(value, null, 2) + "\n" of the body with each list
// mapped: the pieces, joined, must be that text byte for byte, whatever the slice size.
const expected = (body: Record<string, unknown>): string =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, v instanceof JsonList ? v.items.map((x) => v.shape(x)) : v]),
    ),
    null,
    2,
  ) + "\n";

const item = (i: number) => ({
  id: `PRJ-${i}`,
  name: i % 3 === 0 ? 'quote " backslash \\ line\nbreak ✓' : `Project ${i}`,
  value: i % 4 === 0 ? null : i / 7,
  gone: undefined,
  nested: { list: i % 2 === 0 ? [] : [1, { a: [null, "x"] }], empty: {} },
});

const bodies: [string, Record<string, unknown>][] = [
  ["no property", {}],
  ["only properties JSON leaves out", { a: undefined, f: () => 1 }],
  ["an empty list", { asOf: "2026-11-30", items: new JsonList([], item) }],
  ["a list first and last", { items: new JsonList([1, 2, 3], item), after: [1, 2] }],
  [
    "lists between plain properties, one left out",
    {
      version: 1,
      baseline: null,
      skipped: undefined,
      projects: new JsonList(
        Array.from({ length: 11 }, (_, i) => i),
        item,
      ),
      rollups: new JsonList(["a", "b"], (s) => ({ id: s, figures: { value: s.length } })),
      'key "quoted"': { deep: [[], {}] },
      truncated: false,
    },
  ],
  ["items that JSON writes as null", { items: new JsonList([1, 2], () => undefined) }],
];

describe("indentedJsonPieces", () => {
  for (const [what, body] of bodies)
    for (const slice of [1, 2, 3, 5, 250])
      it(`writes JSON.stringify's text for ${what} (slices of ${slice})`, () => {
        expect([...indentedJsonPieces(body, slice)].join("")).toBe(expected(body));
      });

  it("writes a long list in several pieces, each no longer than its slice", () => {
    const body = {
      items: new JsonList(
        Array.from({ length: 10 }, (_, i) => i),
        (i) => ({ i }),
      ),
    };
    const pieces = [...indentedJsonPieces(body, 4)];
    expect(pieces.length).toBe(1 + 3 + 1 + 1); // the key, three slices, the list's end, the body's end
    expect(indentedJson(body)).toBe(expected(body));
  });
});
