import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/cli.js";
import { makeRepo, removeRepo } from "../../../helpers/repo.js";
import {
  type Figures,
  PUBLISHED_NETWORKS,
  type PublishedNetwork,
  RELIABLE_ESTIMATES,
  isoDate,
  rowsOf,
} from "./published-networks.js";
import type { Row } from "./textbook.js";

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

interface ScheduleJson {
  items: {
    project: string;
    id: string;
    es: number;
    ef: number;
    ls: number;
    lf: number;
    totalFloat: number;
    freeFloat: number;
    earlyStart: string;
    earlyFinish: string;
    lateStart: string;
    lateFinish: string;
  }[];
  projects: { id: string; start: string; finish: string }[];
  criticalPaths: string[][];
}

async function schedule(dir: string): Promise<ScheduleJson> {
  const result = await runCli(["-C", dir, "schedule", "--as-of", "2026-01-05", "--format", "json"], { cwd: root });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ScheduleJson;
}

describe("the recipe's worked conversion in docs/schedule.md", () => {
  const dir = makeRepo({ "engagement.yaml": example("engagement.yaml"), "taha.yaml": example("taha.yaml") });
  afterAll(() => removeRepo(dir));

  it("gives Taha's figures, every one", async () => {
    // Hamdy A. Taha, Operations Research: An Introduction, 8th ed. (2007), Example 6.5-2
    // (critical path A-D-dummy-H, 25 days) and Example 6.5-4 (B TF 5 FF 2, C 3/0, E 3/3,
    // F 6/6, G 11/11), pp. 282-284; ES/EF/LS/LF from the event times of Example 6.5-2.
    const json = await schedule(dir);
    const figures = Object.fromEntries(
      json.items.map((i) => [i.id, [i.es, i.ef, i.ls, i.lf, i.totalFloat, i.freeFloat]]),
    );
    expect(figures).toEqual(PUBLISHED_NETWORKS.find((n) => n.id === "TAHA")!.figures);
    expect(json.criticalPaths).toEqual([["TAHA/A", "TAHA/D", "TAHA/dummy", "TAHA/H"]]);
  });
});

// ---------------------------------------------------------------------------------------------
// The held-out check: a published table in, the recipe applied mechanically, every printed
// figure compared. Each step below is the recipe step of docs/schedule.md it implements.

const DEFAULT_START = "2026-01-05";
const startOf = (n: PublishedNetwork): string => (n.dates ? isoDate(n.dates.start) : DEFAULT_START);

/** Dates `days` apart, in ISO form. */
const addDays = (iso: string, days: number): string =>
  new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10) + days)).toISOString().slice(0, 10);

const LINK_TYPES = { FS: "finish-to-start", SS: "start-to-start", FF: "finish-to-finish", SF: "start-to-finish" };

/** Step 2: ids start with a letter; an activity numbered 10, or an arrow named 1-2, gets an A in front. */
const pmoId = (name: string): string => (/^[A-Za-z]/.test(name) ? name : `A${name}`);

/** Step 3: `B` stays `B`; `B(SS1)` becomes `{ milestone: B, type: start-to-start, lag: 1 }`. */
function dependsOn(predecessors: string): string {
  const entries = predecessors
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^([^()]+)(?:\((FS|SS|FF|SF)(-?\d+(?:\.\d+)?)?\))?$/.exec(p)!;
      const [, name, type, lag] = m;
      if (!type || (type === "FS" && !lag)) return pmoId(name!);
      const parts = [`milestone: ${pmoId(name!)}`];
      if (type !== "FS") parts.push(`type: ${LINK_TYPES[type as keyof typeof LINK_TYPES]}`);
      if (lag) parts.push(`lag: ${lag}`);
      return `{ ${parts.join(", ")} }`;
    });
  return entries.length ? `, dependsOn: [${entries.join(", ")}]` : "";
}

/**
 * Steps 1, 2 and 6: one project per network, one item per activity (a duration, or a
 * three-point estimate), starting on the publication's own first day where it prints dates.
 */
function project(
  id: string,
  title: string,
  rows: Row[],
  estimates?: Map<string, [number, number, number]>,
  start = DEFAULT_START,
): string {
  const items = rows.map(([name, duration, preds]) => {
    const e = estimates?.get(name);
    const time = e
      ? `durationEstimate: { optimistic: ${e[0]}, mostLikely: ${e[1]}, pessimistic: ${e[2]} }`
      : `duration: ${duration}`;
    return `  - { id: ${pmoId(name)}, name: ${JSON.stringify(name)}, ${time}${dependsOn(preds)} }`;
  });
  return [
    "apiVersion: pmo/v1",
    "kind: Project",
    `id: ${id}`,
    `name: ${JSON.stringify(title)}`,
    "stage: planning",
    `schedule: { baselineStart: ${start} }`,
    "milestones:",
    ...items,
    "",
  ].join("\n");
}

/** Step 5: the figures of one project, keyed by the publication's names. */
function figuresOf(json: ScheduleJson, published: PublishedNetwork, projectId: string): Figures {
  const names = new Map(rowsOf(published).map(([name]) => [pmoId(name), name]));
  const out: Figures = {};
  for (const i of json.items.filter((i) => i.project === projectId))
    out[names.get(i.id)!] = [i.es, i.ef, i.ls, i.lf, i.totalFloat, i.freeFloat];
  return out;
}

/** Critical paths in a fixed order: a publication lists them in no particular one. */
const sorted = (paths: string[][]): string[][] => [...paths].sort((a, b) => a.join(" ").localeCompare(b.join(" ")));

function pathsOf(json: ScheduleJson, published: PublishedNetwork, projectId: string): string[][] {
  const names = new Map(rowsOf(published).map(([name]) => [`${projectId}/${pmoId(name)}`, name]));
  return json.criticalPaths.filter((p) => p[0]!.startsWith(`${projectId}/`)).map((p) => p.map((k) => names.get(k)!));
}

describe("every published network through the recipe and `pmo schedule`, every figure", () => {
  const hillier = PUBLISHED_NETWORKS.find((n) => n.id === "HILLIER")!;
  const files: Record<string, string> = { "engagement.yaml": example("engagement.yaml") };
  for (const n of PUBLISHED_NETWORKS)
    files[`${n.id.toLowerCase()}.yaml`] = project(n.id, n.title, rowsOf(n), undefined, startOf(n));
  // Step 6 on the same publication's three-point estimates (see RELIABLE_ESTIMATES).
  files["reliable-pert.yaml"] = project(
    "RELIABLEPERT",
    "Reliable Construction Co. on PERT means",
    rowsOf(hillier),
    new Map(RELIABLE_ESTIMATES.map(([id, o, m, p]) => [id, [o, m, p]])),
  );
  const dir = makeRepo(files);
  let json: ScheduleJson;
  beforeAll(async () => {
    json = await schedule(dir);
  });
  afterAll(() => removeRepo(dir));

  it.each(PUBLISHED_NETWORKS.map((n) => [n.title, n] as const))("%s", (_title, published) => {
    expect(figuresOf(json, published, published.id)).toEqual(published.figures);
    expect(sorted(pathsOf(json, published, published.id))).toEqual(sorted(published.criticalPaths));
    // The project finish as a date: day `finish` counted from the start is the last working day.
    const finish = json.projects.find((p) => p.id === published.id)!.finish;
    expect(finish).toBe(addDays(startOf(published), published.finish - 1));
  });

  it.each(PUBLISHED_NETWORKS.filter((n) => n.dates).map((n) => [n.title, n] as const))(
    "%s: pmo's dates are the printed dates",
    (_title, published) => {
      const names = new Map(rowsOf(published).map(([name]) => [pmoId(name), name]));
      const dates: Record<string, string[]> = {};
      for (const i of json.items.filter((i) => i.project === published.id))
        dates[names.get(i.id)!] = [i.earlyStart, i.earlyFinish, i.lateStart, i.lateFinish];
      const printed = Object.fromEntries(
        Object.entries(published.dates!.rows).map(([name, row]) => [
          name,
          row.slice(0, 4).map((d) => isoDate(d as string)),
        ]),
      );
      expect(dates).toEqual(printed);
    },
  );

  it("Hillier and Lieberman's three-point estimates, scheduled on their means, give the same figures", () => {
    expect(figuresOf(json, hillier, "RELIABLEPERT")).toEqual(hillier.figures);
    expect(sorted(pathsOf(json, hillier, "RELIABLEPERT"))).toEqual(sorted(hillier.criticalPaths));
  });
});
