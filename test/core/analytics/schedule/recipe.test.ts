import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/cli.js";
import { makeRepo, removeRepo } from "../../../helpers/repo.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const doc = readFileSync(path.join(root, "docs/schedule.md"), "utf8");

/** The YAML block after `<!-- recipe-example: NAME -->` in docs/schedule.md. */
function example(name: string): string {
  const m = new RegExp(`<!-- recipe-example: ${name.replace(".", "\\.")} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(
    doc,
  );
  if (!m) throw new Error(`docs/schedule.md has no recipe example ${name}`);
  return m[1]!;
}

describe("the recipe's worked conversion in docs/schedule.md", () => {
  const dir = makeRepo({ "engagement.yaml": example("engagement.yaml"), "taha.yaml": example("taha.yaml") });
  afterAll(() => removeRepo(dir));

  it("gives Taha's figures, every one", async () => {
    // Hamdy A. Taha, Operations Research: An Introduction, 8th ed. (2007), Example 6.5-2
    // (critical path A-D-dummy-H, 25 days) and Example 6.5-4 (B TF 5 FF 2, C 3/0, E 3/3,
    // F 6/6, G 11/11), pp. 282-284; ES/EF/LS/LF from the event times of Example 6.5-2.
    const result = await runCli(["-C", dir, "schedule", "--as-of", "2026-01-05", "--format", "json"], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      items: { id: string; es: number; ef: number; ls: number; lf: number; totalFloat: number; freeFloat: number }[];
      criticalPaths: string[][];
    };
    const figures = Object.fromEntries(
      json.items.map((i) => [i.id, [i.es, i.ef, i.ls, i.lf, i.totalFloat, i.freeFloat]]),
    );
    expect(figures).toEqual({
      A: [0, 5, 0, 5, 0, 0],
      B: [0, 6, 5, 11, 5, 2],
      C: [5, 8, 8, 11, 3, 0],
      D: [5, 13, 5, 13, 0, 0],
      E: [8, 10, 11, 13, 3, 3],
      F: [8, 19, 14, 25, 6, 6],
      G: [13, 14, 24, 25, 11, 11],
      dummy: [13, 13, 13, 13, 0, 0],
      H: [13, 25, 13, 25, 0, 0],
    });
    expect(json.criticalPaths).toEqual([["TAHA/A", "TAHA/D", "TAHA/dummy", "TAHA/H"]]);
  });
});
