import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { discoverFiles } from "../../../src/core/load/index.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pmo-links-"));
  dirs.push(dir);
  return dir;
}

describe("discoverFiles: symbolic links to folders", () => {
  it("does not follow them, and says so (a folder of decisions kept elsewhere would otherwise vanish without a word)", async () => {
    const outside = folder();
    mkdirSync(path.join(outside, "decisions"));
    writeFileSync(path.join(outside, "decisions", "DEC-1.yaml"), "apiVersion: pmo/v1\nkind: Decision\nid: DEC-1\n");
    const root = folder();
    mkdirSync(path.join(root, "raid"));
    writeFileSync(path.join(root, "raid", "RSK-1.yaml"), "apiVersion: pmo/v1\nkind: Risk\nid: RSK-1\n");
    symlinkSync(path.join(outside, "decisions"), path.join(root, "raid", "decisions"));
    const found = await discoverFiles(root);
    expect(found.files).toEqual(["raid/RSK-1.yaml"]);
    expect(found.diagnostics.map((d) => `${d.file} ${d.severity} ${d.ruleId} ${d.message}`)).toEqual([
      `raid/decisions warn unreadable-file symbolic link to a folder (${realpathSync(path.join(outside, "decisions"))}): not followed, so the files in it are not read`,
    ]);
    // Listed in .pmoignore (or the config's ignore), it is left alone without a word.
    writeFileSync(path.join(root, ".pmoignore"), "raid/decisions\n");
    expect((await discoverFiles(root)).diagnostics).toEqual([]);
  });
});
