import { describe, expect, it } from "vitest";
import { pathToPointer, pointerToPath } from "../../../src/core/load/locate.js";

describe("JSON pointers (RFC 6901)", () => {
  it.each([
    [[], ""],
    [["milestones", 2, "forecast"], "/milestones/2/forecast"],
    [["a/b", "c~d", "~/", "~1"], "/a~1b/c~0d/~0~1/~01"],
    [[""], "/"],
  ] as [(string | number)[], string][])("%j <-> %s", (path, pointer) => {
    expect(pathToPointer(path)).toBe(pointer);
    if (pointer !== "/") expect(pointerToPath(pointer)).toEqual(path.map(String));
  });
});
