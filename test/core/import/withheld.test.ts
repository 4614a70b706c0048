import { describe, expect, it } from "vitest";
import { importCsv } from "../../../src/core/import/index.js";

const MAPPING = `kind: Project
blanks: ["", No DCA]
blankPatterns: ["^exempt under"]
fields:
  id: Ref
  name: Ref
  status.asOf: { column: Date, when: status.overall }
  status.overall:
    column: [Rating, Own rating]
    map: { Green: green, Red: red, Reset: null }
    withheld: not-assessed
`;

/** Each row: how the two rating cells read, and what the document's status becomes. */
const CSV = `Ref,Date,Rating,Own rating
A,2026-01-31,Green,
B,2026-01-31,,Red
C,2026-01-31,Exempt under Section 43 of the Freedom of Information Act,
D,2026-01-31,No DCA,Exempt under section 26
E,2026-01-31,Reset,
F,2026-01-31,,
G,2026-01-31,Exempt under Section 43,Green
`;

describe("a field's withheld value", () => {
  it("is written when the cells tried hold text but no value, never for empty cells or when a later column rates", () => {
    const result = importCsv({
      bytes: new TextEncoder().encode(CSV),
      file: "ratings.csv",
      mapping: { text: MAPPING, file: "mapping.yaml" },
      where: [],
    });
    expect(result.rejected).toEqual([]);
    const status = Object.fromEntries(
      result.imported.map((r) => [r.value["id"], (r.value["status"] as { overall?: string } | undefined)?.overall]),
    );
    expect(status).toEqual({
      A: "green",
      B: "red",
      C: "not-assessed",
      D: "not-assessed",
      E: "not-assessed", // mapped to blank by the value map
      F: undefined, // both empty: no status report at all (status.asOf has `when: status.overall`)
      G: "green", // the owner's rating is published
    });
    expect(result.imported.find((r) => r.value["id"] === "F")?.value["status"]).toBeUndefined();
    expect(result.imported.find((r) => r.value["id"] === "C")?.value["status"]).toEqual({
      asOf: "2026-01-31",
      overall: "not-assessed",
    });
  });
});
