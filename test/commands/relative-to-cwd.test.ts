import path from "node:path";
import { describe, expect, it } from "vitest";
import { relativeToCwd } from "../../src/commands/workspace.js";
import type { Diagnostic } from "../../src/model/diagnostic.js";

const FILES = [
  "projects/a.yaml",
  "a.yaml",
  "deep/er/still/b.yml",
  "./x.yaml",
  "a/./b.yaml",
  "a/../b.yaml",
  "../outside.yaml",
  "a//b.yaml",
  "dir/",
  "..hidden/c.yaml",
  ".pmo/d.yaml",
  "a/..b/c.yaml",
  "with space/é.yaml",
  "back\\slash.yaml",
  "/abs/olute.yaml",
  "",
];

const diagnostic = (file: string): Diagnostic => ({
  ruleId: "r",
  severity: "warn",
  message: "m",
  file,
  line: 1,
  column: 1,
  pointer: "",
});

describe("relativeToCwd", () => {
  it.each([
    ["/work/repo", "/work/repo"],
    ["/work/repo", "/work"],
    ["/work/repo/sub", "/work"],
    ["/work/repo", "/other/place"],
    ["/work", "/work/repo"],
    ["/work/..repo", "/work"],
    ["bench/p1", process.cwd()],
  ])("root %s seen from %s: each file as path.relative gives it, the source key kept", (root, cwd) => {
    const shown = relativeToCwd(FILES.map(diagnostic), root, cwd);
    const expected = FILES.map((file) =>
      path.resolve(root) === path.resolve(cwd) || path.isAbsolute(file)
        ? file
        : path.relative(cwd, path.join(root, file)).split(path.sep).join("/"),
    );
    expect(shown.map((d) => d.file)).toEqual(expected);
    if (path.resolve(root) !== path.resolve(cwd)) expect(shown.map((d) => d.sourceKey)).toEqual(FILES);
  });
});
