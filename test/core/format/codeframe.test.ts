import { describe, expect, it } from "vitest";
import { codeFrame, PLAIN } from "../../../src/core/format/index.js";
import { runCli } from "../../helpers/cli.js";
import { makeRepo, removeRepo } from "../../helpers/repo.js";

/** The caret line of a frame, without the gutter. */
const caretOf = (frame: string) =>
  frame
    .split("\n")
    .at(-1)!
    .replace(/^ +\d* *\| /, "");

describe("code frame", () => {
  it("puts the caret under the reported column of plain text", () => {
    const frame = codeFrame("name: x\nstage: nowhere\n", 2, 8, 2, 15, PLAIN);
    expect(frame).toBe("  1 | name: x\n> 2 | stage: nowhere\n    | " + " ".repeat(7) + "^^^^^^^");
  });

  it("counts wide characters as two columns, so the caret stands under the value after CJK text", () => {
    // 項目名 is three characters (three code units) but six terminal columns.
    const source = "name: 項目名\nstage: 計画中です\n";
    const line = source.split("\n")[1]!;
    const column = line.indexOf("計") + 1; // 8, in code units
    const frame = codeFrame(source, 2, column, 2, column + "計画中です".length, PLAIN);
    // "stage: " is 7 columns wide; 計画中です is 5 characters, 10 columns.
    expect(caretOf(frame)).toBe(`${" ".repeat(7)}${"^".repeat(10)}`);

    const after = "title: 风险 owner\n";
    const owner = after.indexOf("owner") + 1;
    expect(caretOf(codeFrame(after, 1, owner, 1, owner + 5, PLAIN))).toBe(
      `${" ".repeat("title: 风险 ".length + 2)}^^^^^`,
    );
  });

  it("marks a whole wide character, or an emoji outside the basic plane, when no end is given", () => {
    expect(caretOf(codeFrame("a: 計\n", 1, 4, undefined, undefined, PLAIN))).toBe("   ^^");
    expect(caretOf(codeFrame("a: 😀 b\n", 1, 7, undefined, undefined, PLAIN))).toBe(`${" ".repeat(6)}^`);
  });

  it("counts a tab as the one arrow it is shown as", () => {
    expect(codeFrame("\tname: x\n", 1, 2, undefined, undefined, PLAIN)).toBe("> 1 | →name: x\n    |  ^");
  });

  it("is what pmo validate shows for a file with Japanese text", async () => {
    const dir = makeRepo({
      "risk.yaml":
        "apiVersion: pmo/v1\nkind: Risk\nid: RSK-001\ntitle: 供給業者の倒産\nprobability: 3\nimpact: 4\nstatus: 未対応\n",
    });
    try {
      const result = await runCli(["validate", "--as-of", "2026-11-30"], { cwd: dir });
      expect(result.code).toBe(1);
      const lines = result.stdout.split("\n");
      const source = lines.find((l) => l.includes("status: 未対応"))!;
      const caret = lines[lines.indexOf(source) + 1]!;
      // The caret starts under 未 and covers its six columns.
      expect(caret.indexOf("^")).toBe(source.indexOf("未"));
      expect(caret.trim().replace(/^\|\s*/, "")).toBe("^^^^^^");
    } finally {
      removeRepo(dir);
    }
  });
});
