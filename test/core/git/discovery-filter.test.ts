import { describe, expect, it } from "vitest";
import { discoveryFilter } from "../../../src/core/git/index.js";

const paths = [
  "engagement.yaml",
  "projects/a.yaml",
  "projects/a.YML",
  "projects/notes.txt",
  "projects/.hidden.yaml",
  ".github/workflow.yaml",
  "node_modules/x/y.yaml",
  "archive/old.yaml",
  "archive/deep/older.yaml",
  "drafts/d.yaml",
  "#literal/x.yaml",
];

/** The paths a filter keeps, asked twice (the second answer comes from its memo). */
function kept(pmoignore: string, configIgnore: string[] = []): string[] {
  const include = discoveryFilter(pmoignore, configIgnore);
  const first = paths.filter(include);
  expect(paths.filter(include)).toEqual(first);
  return first;
}

const always = ["engagement.yaml", "projects/a.yaml", "projects/a.YML", "archive/old.yaml", "archive/deep/older.yaml"];

describe("discoveryFilter (the folder loader's discovery rules for paths from git)", () => {
  it.each([
    ["no .pmoignore", ""],
    ["blank lines only", "\n  \n\r\n"],
    ["comments only", "# nothing is ignored here\n#archive/\n"],
  ])("with %s, keeps every YAML file outside dot-folders and node_modules", (_, pmoignore) => {
    expect(kept(pmoignore)).toEqual([...always, "drafts/d.yaml", "#literal/x.yaml"]);
  });

  it("leaves out what .pmoignore names, folders and files alike", () => {
    expect(kept("archive/\ndrafts/d.yaml\n")).toEqual([
      "engagement.yaml",
      "projects/a.yaml",
      "projects/a.YML",
      "#literal/x.yaml",
    ]);
  });

  it("treats an escaped # as a pattern, not a comment", () => {
    expect(kept("\\#literal/\n")).toEqual([...always, "drafts/d.yaml"]);
  });

  it("leaves out what the config's ignore names, with an empty .pmoignore", () => {
    expect(kept("", ["drafts/**", "**/older.yaml"])).toEqual([
      "engagement.yaml",
      "projects/a.yaml",
      "projects/a.YML",
      "archive/old.yaml",
      "#literal/x.yaml",
    ]);
  });
});
