import { describe, expect, it } from "vitest";
import { indentedJson, indentedJsonPieces, JsonList } from "../../src/core/json.js";

// The reading of record is JSON.stringify(value, null, 2) + "\n" of the body with each list
// mapped: the pieces, joined, must be that text byte for byte, whatever the slice size.
const expected = (body: Record<string, unknown>): string =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, v instanceof JsonList ? [...v.items].map((x) => v.shape(x)) : v]),
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

  it("reads a list given as an iterable once, in order, a slice at a time, and the next list only after it", () => {
    const read: string[] = [];
    let done = false;
    function* measured(): Generator<number> {
      for (let i = 0; i < 7; i++) {
        read.push(`item ${i}`);
        yield i;
      }
      done = true;
    }
    const after = {
      [Symbol.iterator]: () => {
        read.push(done ? "totals after the items" : "totals too early");
        return ["total"][Symbol.iterator]();
      },
    };
    const body = {
      version: 1,
      items: new JsonList(measured(), (i) => ({ i })),
      totals: new JsonList(after, (s) => ({ s })),
    };
    const pieces = indentedJsonPieces(body, 3);
    const text: string[] = [];
    for (const piece of pieces) {
      text.push(piece);
      if (piece.includes('"i": 2')) expect(read).toEqual(["item 0", "item 1", "item 2"]);
    }
    expect(read).toEqual([...Array.from({ length: 7 }, (_, i) => `item ${i}`), "totals after the items"]);
    const copy = {
      version: 1,
      items: new JsonList([0, 1, 2, 3, 4, 5, 6], (i) => ({ i })),
      totals: new JsonList(["total"], (s) => ({ s })),
    };
    expect(text.join("")).toBe(expected(copy));
  });

  it("writes an empty iterable as an empty list", () => {
    const body = { items: new JsonList(new Set<number>(), (i) => ({ i })), after: 1 };
    expect([...indentedJsonPieces(body)].join("")).toBe(`{\n  "items": [],\n  "after": 1\n}\n`);
  });
});
