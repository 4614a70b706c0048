import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { createLocator } from "../../../src/core/load/locate.js";

/** Keys that are not plain scalars get a field name from the yaml package; the locator finds them by it. */
describe("locating fields whose key is a collection or an alias", () => {
  it.each([
    {
      name: "a flow sequence key",
      text: "apiVersion: pmo/v1\nkind: Project\nid: P-1\n? [a]\n: b\n",
      key: "[ a ]",
      at: [4, 3],
    },
    {
      name: "a block sequence key",
      text: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: x\n?\n  - a\n  - b\n: c\n",
      key: "[ a, b ]",
      at: [6, 3],
    },
    {
      name: "a flow mapping key",
      text: "apiVersion: pmo/v1\nkind: Project\nid: P-1\n? { a: 1 }\n: b\n",
      key: "{ a: 1 }",
      at: [4, 3],
    },
    {
      name: "an alias key",
      text: "apiVersion: pmo/v1\nkind: Project\nid: &i P-1\n*i : b\n",
      key: "P-1",
      at: [4, 1],
    },
  ])("$name", ({ text, key, at }) => {
    expect(Object.keys(parse(text, { logLevel: "silent" }) as object)).toContain(key);
    const locate = createLocator(text, true);
    expect(locate(0, [key], { key: true })).toMatchObject({ line: at[0], column: at[1] });
    // The id line is what a missing field points at; a collection key is not missing.
    expect(locate(0, ["noSuchField"], { key: true })).toMatchObject({ line: 3, column: 1 });
  });
});
