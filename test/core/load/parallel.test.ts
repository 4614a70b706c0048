import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { Workspace } from "../../../src/model/document.js";
import { makeRepo, removeRepo } from "../../helpers/repo.js";
import { yamlTestSuite } from "../../helpers/yaml-test-suite.js";

/**
 * Loader threads (src/core/load/parallel.ts) read part of a large repository. They run the
 * compiled dist/core/load/worker.js, so this test loads the built loader (npm test builds
 * first) and compares a load with threads to one without, on a repository that holds every
 * kind of file the loader meets: the example, broken and hostile files, and every case of the
 * YAML test suite.
 */
const root = path.resolve(fileURLToPath(import.meta.url), "../../../..");
const dist = path.join(root, "dist/core/load");

function filesOf(dir: string, prefix = ""): Record<string, string | Buffer> {
  const out: Record<string, string | Buffer> = {};
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, filesOf(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(full);
  }
  return out;
}

const files: Record<string, string | Buffer> = {
  ...filesOf(path.join(root, "examples/meridian-water")),
  "broken/indent.yaml": "apiVersion: pmo/v1\nkind: Risk\nid: RSK-X\n title: bad indent\n",
  "broken/flow.yaml": '{"apiVersion": "pmo/v1", "kind": "Risk", "id": "RSK-Y"',
  "broken/binary.yaml": Buffer.from([0x61, 0x00, 0x62]),
  "broken/latin1.yaml": Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]),
  "broken/cr.yaml": "apiVersion: pmo/v1\rkind: Person\rid: cr.person\rname: &n CR\rnote: *n\r",
  "other/compose.yaml": "services:\n  web:\n    image: nginx\n",
  "schema/risk.yaml": "apiVersion: pmo/v1\nkind: Risk\nid: RSK-Z\nprobability: high\nsurprise: 1\n",
  "schema/no-version.yaml": "kind: Risk\nid: RSK-W\ntitle: no apiVersion\n",
  "schema/two.yaml":
    "apiVersion: pmo/v1\nkind: Person\nid: ok.person\nname: Ok\n---\napiVersion: pmo/v1\nkind: Person\nid: bad.person\nname: [1, 2]\n",
  "other/tabs.yaml": "a:\n\tb: 1\n",
};
for (const c of yamlTestSuite()) files[`suite/${c.id}.yaml`] = c.yaml;
const repo = makeRepo(files);
afterAll(() => removeRepo(repo));

/** Everything a workspace holds, positions included, as plain data. */
function plain(ws: Workspace): unknown {
  return {
    ...ws,
    documents: ws.documents.map(({ locate, ...doc }) => ({
      ...doc,
      id: locate(["id"]),
      name: locate(["name"], { key: true }),
    })),
  };
}

describe("how many loader threads", () => {
  it.each([
    [100, 2, 0],
    [7255, 2, 0],
    [19999, 8, 0],
    [20000, 1, 0],
    [20000, 2, 1],
    [72386, 2, 1],
    [72386, 4, 3],
    [72386, 16, 3],
  ])("%i files on %i cores: %i threads, however busy the cores are", async (files, cores, threads) => {
    const { defaultWorkers } = await import("../../../src/core/load/parallel.js");
    expect(defaultWorkers(files, cores)).toBe(threads);
  });

  it.each([
    [1, 1, 1],
    [100, 1, 7],
    [7255, 1, 256],
    [72386, 3, 256],
  ])("%i files, %i threads: batches of %i, several per thread", async (files, threads, batch) => {
    const { batchSize } = await import("../../../src/core/load/parallel.js");
    expect(batchSize(files, threads)).toBe(batch);
  });
});

describe("loading with loader threads", () => {
  it("the built loader has its thread script (else it reads on one thread, and this test would prove nothing)", () => {
    expect(existsSync(path.join(dist, "worker.js"))).toBe(true);
  });

  it("gives the same documents, positions, sources, diagnostics and findings, in the same order", async () => {
    const { loadWorkspace } = (await import(
      path.join(dist, "index.js")
    )) as typeof import("../../../src/core/load/index.js");
    const alone = await loadWorkspace(repo, { workers: 0 });
    expect(alone.documents.length).toBeGreaterThan(50);
    expect(alone.diagnostics.length).toBeGreaterThan(50);
    expect(alone.notPmo?.length).toBeGreaterThan(50);
    for (const workers of [1, 3]) {
      const threaded = await loadWorkspace(repo, { workers });
      expect(isDeepStrictEqual(plain(threaded), plain(alone))).toBe(true);
    }
  });

  it("threads that read every batch (this thread reading none) read what this thread reads alone", async () => {
    const { discoverFiles } = (await import(
      path.join(dist, "index.js")
    )) as typeof import("../../../src/core/load/index.js");
    const { readFiles, batchSize } = (await import(
      path.join(dist, "parallel.js")
    )) as typeof import("../../../src/core/load/parallel.js");
    const { files } = await discoverFiles(repo);
    const alone = await readFiles(repo, files, 0);
    expect(alone.length).toBe(files.length);
    for (const [workers, batch] of [
      [1, batchSize(files.length, 1)],
      [3, 7],
    ] as const) {
      const stats = { threadBatches: 0 };
      const threaded = await readFiles(repo, files, workers, undefined, { batch, ownShare: false, stats });
      expect(stats.threadBatches).toBe(Math.ceil(files.length / batch));
      expect(isDeepStrictEqual(threaded, alone)).toBe(true);
    }
  });

  it("threads that read every batch of a load of some kinds, leaving the parsing to this thread, read what this thread reads alone", async () => {
    const { discoverFiles } = (await import(
      path.join(dist, "index.js")
    )) as typeof import("../../../src/core/load/index.js");
    const { readFiles } = (await import(
      path.join(dist, "parallel.js")
    )) as typeof import("../../../src/core/load/parallel.js");
    const { importSchemaCheck } = (await import(
      path.join(dist, "documents.js")
    )) as typeof import("../../../src/core/load/documents.js");
    const schemaCheck = await importSchemaCheck();
    const { files } = await discoverFiles(repo);
    for (const kinds of [["Engagement", "Portfolio", "Project", "Decision", "Person"], ["Risk"], []] as const) {
      const alone = await readFiles(repo, files, 0, kinds, { schemaCheck });
      expect(alone.filter((read) => read.skipped).length).toBeGreaterThan(10);
      for (const workers of [1, 3]) {
        const stats = { threadBatches: 0 };
        const threaded = await readFiles(repo, files, workers, kinds, {
          batch: 7,
          ownShare: false,
          stats,
          schemaCheck,
        });
        expect(stats.threadBatches).toBe(Math.ceil(files.length / 7));
        expect(threaded.some((read) => read.pending)).toBe(false);
        expect(isDeepStrictEqual(threaded, alone)).toBe(true);
      }
    }
  });

  it("finds the same schema problems while loading, on any thread, as validation finds afterwards", async () => {
    const { loadWorkspace } = (await import(
      path.join(dist, "index.js")
    )) as typeof import("../../../src/core/load/index.js");
    const { schemaDiagnostics } = (await import(
      path.join(root, "dist/core/validate/index.js")
    )) as typeof import("../../../src/core/validate/index.js");
    const alone = await loadWorkspace(repo, { workers: 0 });
    const afterwards = alone.documents.map(schemaDiagnostics);
    expect(afterwards.flat().length).toBeGreaterThan(3);
    expect(afterwards.flat().map((d) => d.ruleId)).toContain("api-version");
    for (const workers of [0, 1, 3]) {
      const checked = await loadWorkspace(repo, { workers, schema: true });
      expect(checked.documents.map((d) => d.schemaProblems)).toEqual(afterwards);
      expect(checked.documents.map(schemaDiagnostics)).toEqual(afterwards);
      const withoutProblems = { ...checked, documents: checked.documents.map(({ schemaProblems, ...d }) => d) };
      expect(isDeepStrictEqual(plain(withoutProblems), plain(alone))).toBe(true);
    }
  });

  it("gives the same when only some kinds are loaded (threads skip the same files)", async () => {
    const { loadWorkspace } = (await import(
      path.join(dist, "index.js")
    )) as typeof import("../../../src/core/load/index.js");
    const kinds = ["Engagement", "Portfolio", "Project", "Decision", "Person"] as const;
    const alone = await loadWorkspace(repo, { workers: 0, kinds });
    expect(alone.documents.length).toBeGreaterThan(20);
    for (const workers of [1, 3]) {
      const threaded = await loadWorkspace(repo, { workers, kinds });
      expect(isDeepStrictEqual(plain(threaded), plain(alone))).toBe(true);
    }
  });
});

describe("loader threads started before the repository is opened", () => {
  it("guess a large repository from a quick look at the tree", async () => {
    const { holdsAtLeast } = await import("../../../src/core/load/discover.js");
    const small = makeRepo({
      "a.yaml": "",
      "b/c.yml": "",
      "b/d.txt": "",
      "b/e/f.yaml": "",
      ".git/g.yaml": "",
      "node_modules/h.yaml": "",
    });
    try {
      // a.yaml, b, b/c.yml, b/e and b/e/f.yaml: neither the text file nor what discovery skips counts.
      expect(holdsAtLeast(small, 5, 10)).toBe(true);
      expect(holdsAtLeast(small, 6, 10)).toBe(false);
      // Within two folders, the root and b are looked into, not b/e.
      expect(holdsAtLeast(small, 5, 2)).toBe(false);
      expect(holdsAtLeast(small, 4, 2)).toBe(true);
    } finally {
      removeRepo(small);
    }
  });

  it("are taken over by the load of their repository, which gives what a load without threads gives", async () => {
    const { loadWorkspace, prestartLoaderThreads } = (await import(
      path.join(dist, "index.js")
    )) as typeof import("../../../src/core/load/index.js");
    const alone = await loadWorkspace(repo, { workers: 0, schema: true });
    for (const workers of [1, 3]) {
      prestartLoaderThreads(repo, true, { entries: 1, workers });
      const early = await loadWorkspace(repo, { schema: true });
      expect(isDeepStrictEqual(plain(early), plain(alone))).toBe(true);
      expect(early.documents.map((d) => d.schemaProblems)).toEqual(alone.documents.map((d) => d.schemaProblems));
    }
    // Threads started for a load of some kinds: they check no schema (they read, and leave the
    // parsing to this thread), as prestartLoad starts them for it.
    const kinds = ["Engagement", "Portfolio", "Project"] as const;
    const some = await loadWorkspace(repo, { workers: 0, schema: true, kinds });
    prestartLoaderThreads(repo, false, { entries: 1, workers: 1 });
    const handing = await loadWorkspace(repo, { schema: true, kinds });
    expect(isDeepStrictEqual(plain(handing), plain(some))).toBe(true);
    expect(handing.documents.map((d) => d.schemaProblems)).toEqual(some.documents.map((d) => d.schemaProblems));
    // Threads started for another repository are not used (nor left running) by this load.
    prestartLoaderThreads(path.join(repo, "schema"), true, { entries: 1, workers: 1 });
    const other = await loadWorkspace(repo, { schema: true });
    expect(isDeepStrictEqual(plain(other), plain(alone))).toBe(true);
  });
});
