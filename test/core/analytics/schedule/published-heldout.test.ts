import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/cli.js";
import { makeRepo, removeRepo } from "../../../helpers/repo.js";

// A held-out check of the recipe in docs/schedule.md ("Recipe: writing a textbook network as a
// pmo project"): a published network that is in no other test, written as YAML by hand from
// the recipe's steps alone (no helper converts it), run through `pmo schedule`, and every
// printed figure compared.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const doc = readFileSync(path.join(root, "docs/schedule.md"), "utf8");
const engagement = /<!-- recipe-example: engagement\.yaml -->\n```yaml\n([\s\S]*?)```/.exec(doc)![1]!;

interface Item {
  project: string;
  id: string;
  es: number;
  ef: number;
  ls: number;
  lf: number;
  totalFloat: number;
  freeFloat: number;
}
interface ScheduleJson {
  items: Item[];
  criticalPaths: string[][];
}

async function schedule(dir: string): Promise<ScheduleJson> {
  const result = await runCli(["-C", dir, "schedule", "--as-of", "2026-01-05", "--format", "json"], { cwd: root });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ScheduleJson;
}

/**
 * Bernard W. Taylor III, Introduction to Management Science, Chapter 8 "Project Management",
 * solutions to the end-of-chapter problems, p. 114 (the first network solved on that page):
 * https://ar.scribd.com/doc/47113515/TaylCh08. The solution prints, per arrow (i-j), its time
 * and ES, EF, LS, LF and slack, and "Critical path = 1 - 3 - 4 - 5 - 6". The book's ES is
 * E(i) counted from 0 and EF = ES + t (pmo's convention, recipe step 5); its slack is total
 * float. It prints no free float, so none is compared here.
 *
 * The project below is written by recipe steps 1, 2 and 4: one item per arrow, id `A` + the
 * arrow's events (`A1-2`), name the arrow as printed, `dependsOn` every arrow ending at its
 * tail event (arrows 1-2 and 1-3 leave the start event 1 and have none).
 */
const TAYLOR_114 = `apiVersion: pmo/v1
kind: Project
id: TAYLOR114
name: Taylor chapter 8, p. 114
stage: planning
schedule: { baselineStart: 2026-01-05 }
milestones:
  - { id: A1-2, name: "1-2", duration: 7 }
  - { id: A1-3, name: "1-3", duration: 10 }
  - { id: A2-4, name: "2-4", duration: 6, dependsOn: [A1-2] }
  - { id: A3-4, name: "3-4", duration: 5, dependsOn: [A1-3] }
  - { id: A3-5, name: "3-5", duration: 4, dependsOn: [A1-3] }
  - { id: A4-5, name: "4-5", duration: 3, dependsOn: [A2-4, A3-4] }
  - { id: A5-6, name: "5-6", duration: 2, dependsOn: [A3-5, A4-5] }
`;

/** As printed, p. 114: activity, ES, EF, LS, LF, slack. */
const PRINTED: Record<string, [es: number, ef: number, ls: number, lf: number, slack: number]> = {
  "A1-2": [0, 7, 2, 9, 2],
  "A1-3": [0, 10, 0, 10, 0],
  "A2-4": [7, 13, 9, 15, 2],
  "A3-4": [10, 15, 10, 15, 0],
  "A3-5": [10, 14, 14, 18, 4],
  "A4-5": [15, 18, 15, 18, 0],
  "A5-6": [18, 20, 18, 20, 0],
};

/**
 * Recipe step 7 (a required completion time later than the early finish): the same network
 * with a finish item dated on day T - 1 that waits on the last arrow. Taylor's network is used
 * with T = 25 days, 5 more than its early finish of 20: every early date stays, every total
 * float grows by exactly 5, and only the finish item is critical.
 */
const TAYLOR_114_DUE = TAYLOR_114.replace("id: TAYLOR114", "id: TAYLOR114DUE").concat(
  '  - { id: DUE, name: "Required completion, day 25", forecast: 2026-01-29, dependsOn: [A5-6] }\n',
);

describe("a held-out published network through the recipe alone", () => {
  const dir = makeRepo({
    "engagement.yaml": engagement,
    "taylor114.yaml": TAYLOR_114,
    "taylor114due.yaml": TAYLOR_114_DUE,
  });
  let json: ScheduleJson;
  beforeAll(async () => {
    json = await schedule(dir);
  });
  afterAll(() => removeRepo(dir));

  const itemsOf = (project: string) => json.items.filter((i) => i.project === project);

  it("Taylor, ch. 8 solutions p. 114: every printed ES, EF, LS, LF and slack, the duration and the critical path", () => {
    const actual = Object.fromEntries(itemsOf("TAYLOR114").map((i) => [i.id, [i.es, i.ef, i.ls, i.lf, i.totalFloat]]));
    expect(actual).toEqual(PRINTED);
    expect(Math.max(...itemsOf("TAYLOR114").map((i) => i.ef))).toBe(20);
    expect(json.criticalPaths.filter((p) => p[0]!.startsWith("TAYLOR114/"))).toEqual([
      ["TAYLOR114/A1-3", "TAYLOR114/A3-4", "TAYLOR114/A4-5", "TAYLOR114/A5-6"],
    ]);
  });

  it("recipe step 7: a required completion time T adds T - E(n) to every total float and moves no early date", () => {
    const due = new Map(itemsOf("TAYLOR114DUE").map((i) => [i.id, i]));
    for (const [id, [es, ef, ls, lf, slack]] of Object.entries(PRINTED)) {
      const i = due.get(id)!;
      expect([i.es, i.ef, i.ls, i.lf, i.totalFloat], id).toEqual([es, ef, ls + 5, lf + 5, slack + 5]);
    }
    expect(due.get("DUE")).toMatchObject({ es: 25, ef: 25, totalFloat: 0 });
    // The last arrow's free float is now measured to the required completion time: 25 - 20.
    expect(due.get("A5-6")!.freeFloat).toBe(5);
    expect(json.criticalPaths.filter((p) => p[0]!.startsWith("TAYLOR114DUE/"))).toEqual([["TAYLOR114DUE/DUE"]]);
  });
});
