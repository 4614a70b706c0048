import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { AS_OF, MANIFEST, generate } from "../../bench/generate.mjs";

const root = mkdtempSync(join(tmpdir(), "pmo-bench-generate-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

type Doc = Record<string, any>;

function loadDocuments(dir: string): Doc[] {
  return listFiles(dir)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => parse(readFileSync(join(dir, file), "utf8")) as Doc);
}

const first = join(root, "a");
const second = join(root, "b");
const options = { projects: 20, risksPerProject: 5, seed: 7 };
let result: ReturnType<typeof generate>;
beforeAll(() => {
  result = generate(first, options);
  generate(second, options);
});

describe("bench/generate.mjs", () => {
  it("is deterministic: the same seed gives byte-identical files", () => {
    const files = listFiles(first);
    expect(files).toEqual(listFiles(second));
    for (const file of files) {
      expect(readFileSync(join(second, file)), file).toEqual(readFileSync(join(first, file)));
    }
    expect(files).toContain(MANIFEST);
    expect(result.files).toBe(files.length - 1);
  });

  it("reuses a repository generated with the same parameters", () => {
    expect(generate(first, options).reused).toBe(true);
    expect(generate(join(root, "c"), { ...options, seed: 8 }).reused).toBe(false);
  });

  it("writes one well-formed pmo document per file, with unique ids and resolving references", () => {
    const docs = loadDocuments(first);
    const byId = new Map<string, Doc>();
    for (const doc of docs) {
      expect(doc.apiVersion).toBe("pmo/v1");
      expect(byId.has(doc.id), `duplicate id ${doc.id}`).toBe(false);
      byId.set(doc.id, doc);
    }
    const ofKind = (kind: string) => docs.filter((d) => d.kind === kind);
    expect(ofKind("Engagement")).toHaveLength(1);
    expect(ofKind("Project")).toHaveLength(20);
    expect(ofKind("Risk").filter((r) => r.project)).toHaveLength(100);
    expect(ofKind("Issue").length + ofKind("Decision").length).toBeGreaterThan(0);

    const refs: [string, string | undefined, string][] = []; // [from, id, expected kind]
    const ref = (from: string, id: string | undefined, kind: string) => refs.push([from, id, kind]);
    const forums = new Set(ofKind("Engagement")[0]!.governance.forums.map((f: Doc) => f.id));
    const asOf = AS_OF;

    for (const p of ofKind("Portfolio")) {
      ref(p.id, p.owner, "Person");
      if (p.parent) ref(p.id, p.parent, "Portfolio");
      const sum = (list: Doc[]) => list.reduce((s, x) => s + x.weight, 0);
      expect(sum(p.objectives), `${p.id} objective weights`).toBe(100);
      expect(sum(p.prioritisation.criteria), `${p.id} criteria weights`).toBe(100);
    }
    for (const p of ofKind("Project")) {
      const portfolio = byId.get(p.portfolio);
      ref(p.id, p.portfolio, "Portfolio");
      ref(p.id, p.sponsor, "Person");
      ref(p.id, p.manager, "Person");
      for (const d of p.dependencies ?? []) ref(p.id, d.project, "Project");
      for (const g of p.gates ?? []) ref(p.id, g.decision, "Decision");
      for (const c of p.contributions ?? []) {
        expect(
          portfolio?.objectives.map((o: Doc) => o.id),
          `${p.id} contribution`,
        ).toContain(c.objective);
      }
      const criteria = portfolio?.prioritisation.criteria.map((c: Doc) => c.id);
      for (const key of Object.keys(p.scores ?? {})) expect(criteria, `${p.id} score`).toContain(key);
      expect(p.milestones.length).toBeGreaterThanOrEqual(3);
      expect(p.milestones.length).toBeLessThanOrEqual(8);
      p.milestones.forEach((m: Doc, index: number) => {
        for (const dep of m.dependsOn ?? []) {
          const [project, milestone] = dep.includes("/") ? dep.split("/") : [p.id, dep];
          const target = byId.get(project);
          expect(
            target?.milestones.some((t: Doc) => t.id === milestone),
            `${p.id}/${m.id} -> ${dep}`,
          ).toBe(true);
          // Edges only point to earlier milestones or earlier projects, so there are no cycles.
          if (project === p.id) expect(Number(milestone.slice(1))).toBeLessThan(index + 1);
          else expect(project < p.id).toBe(true);
        }
        if (m.actual) expect(m.actual <= asOf).toBe(true);
      });
      const s = p.schedule;
      expect(s.baselineStart < s.baselineFinish).toBe(true);
      if (s.actualStart) expect(s.actualStart <= asOf).toBe(true);
      if (s.actualFinish) expect(s.actualStart < s.actualFinish && s.actualFinish <= asOf).toBe(true);
      if (p.status) expect(p.status.asOf <= asOf).toBe(true);
    }
    for (const r of ofKind("Risk")) {
      if (r.project) ref(r.id, r.project, "Project");
      if (r.portfolio) ref(r.id, r.portfolio, "Portfolio");
      ref(r.id, r.owner, "Person");
      for (const m of r.mitigations ?? []) ref(r.id, m.owner, "Person");
      expect(r.raised <= r.lastReviewed && r.lastReviewed <= asOf).toBe(true);
    }
    for (const i of ofKind("Issue")) {
      if (i.project) ref(i.id, i.project, "Project");
      if (i.portfolio) ref(i.id, i.portfolio, "Portfolio");
      if (i.risk) ref(i.id, i.risk, "Risk");
      ref(i.id, i.owner, "Person");
      if (i.resolved) expect(i.resolved <= asOf).toBe(true);
    }
    for (const d of ofKind("Decision")) {
      if (d.project) ref(d.id, d.project, "Project");
      if (d.portfolio) ref(d.id, d.portfolio, "Portfolio");
      if (d.decidedBy) ref(d.id, d.decidedBy, "Person");
      if (d.forum) expect(forums.has(d.forum), `${d.id} forum`).toBe(true);
      if (d.status === "approved") expect(d.decidedBy && d.date <= asOf).toBeTruthy();
    }
    for (const [from, id, kind] of refs) {
      expect(byId.get(id ?? "")?.kind, `${from} -> ${id}`).toBe(kind);
    }
  });

  // Needs the CLI (src/cli) built into dist/ — `npm test` builds first.
  it.skipIf(!existsSync("src/cli/index.ts"))("validates clean with pmo validate", () => {
    const child = spawnSync(process.execPath, ["bin/pmo.js", "validate", first, "--as-of", AS_OF], {
      encoding: "utf8",
    });
    expect(child.status, child.stdout + child.stderr).toBe(0);
  });
});
