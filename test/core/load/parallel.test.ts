import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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
    // Threads started for another repository are not used (nor left running) by this load.
    prestartLoaderThreads(path.join(repo, "schema"), true, { entries: 1, workers: 1 });
    const other = await loadWorkspace(repo, { schema: true });
    expect(isDeepStrictEqual(plain(other), plain(alone))).toBe(true);
  });
});

describe("loads begun before the command has loaded its modules and read its config (prestartLoad)", () => {
  type Loader = typeof import("../../../src/core/load/index.js");
  const loader = async (): Promise<Loader> => (await import(path.join(dist, "index.js"))) as Loader;
  const kinds = ["Engagement", "Portfolio", "Project", "Decision", "Person"] as const;
  const drafts = {
    "drafts/project.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PRJ-DRAFT\nname: Not yet\n",
    "drafts/broken.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PRJ-BROKEN\n name: bad indent\n",
  };
  const threads = { entries: 1, workers: 1 };

  it("are taken over by the load of the same root, ignore patterns, kinds and schema check", async () => {
    const { loadWorkspace, prestartLoad } = await loader();
    const dir = makeRepo({
      ...files,
      ...drafts,
      "pmo.config.yaml": "# what is not a pmo file\nignore:\n  - drafts/\n",
    });
    try {
      const options = { schema: true, kinds, ignore: ["drafts/"] };
      const alone = await loadWorkspace(dir, { ...options, workers: 0 });
      expect(alone.documents.length).toBeGreaterThan(20);
      expect(alone.documents.some((d) => d.file.startsWith("drafts/"))).toBe(false);
      prestartLoad(dir, { schema: true, kinds, threads });
      // Found before this file was written: a load that takes the early one over does not see it.
      writeFileSync(path.join(dir, "late.yaml"), "apiVersion: pmo/v1\nkind: Person\nid: late\nname: Late\n");
      const early = await loadWorkspace(dir, options);
      expect(isDeepStrictEqual(plain(early), plain(alone))).toBe(true);
      expect(early.documents.map((d) => d.schemaProblems)).toEqual(alone.documents.map((d) => d.schemaProblems));
    } finally {
      removeRepo(dir);
    }
  });

  it("are not used by a load whose ignore patterns, kinds or schema check differ: it finds the files afresh", async () => {
    const { loadWorkspace, prestartLoad } = await loader();
    const dir = makeRepo({ ...files, ...drafts, "pmo.config.yaml": "ignore: [drafts/]\n" });
    try {
      const late = (): void =>
        writeFileSync(path.join(dir, "late.yaml"), "apiVersion: pmo/v1\nkind: Person\nid: late\nname: Late\n");
      const cases = [
        // The validated config says something else than its text seemed to (it is read afresh).
        [
          { schema: true, kinds },
          { schema: true, kinds, ignore: [] },
        ],
        [
          { schema: true, kinds },
          { schema: true, ignore: ["drafts/"] },
        ],
        [{ schema: true }, { schema: true, kinds, ignore: ["drafts/"] }],
        [
          { schema: true, kinds: ["Project"] as const },
          { schema: true, kinds, ignore: ["drafts/"] },
        ],
        [
          { schema: false, kinds },
          { schema: true, kinds, ignore: ["drafts/"] },
        ],
      ] as const;
      for (const [begun, options] of cases) {
        rmSync(path.join(dir, "late.yaml"), { force: true });
        prestartLoad(dir, { ...begun, threads });
        late();
        const loaded = await loadWorkspace(dir, options);
        const alone = await loadWorkspace(dir, { ...options, workers: 0 });
        expect(isDeepStrictEqual(plain(loaded), plain(alone))).toBe(true);
        expect(loaded.documents.some((d) => d.id === "late")).toBe(true);
        expect(loaded.documents.some((d) => d.file.startsWith("drafts/"))).toBe(!options.ignore?.length);
      }
    } finally {
      removeRepo(dir);
    }
  });

  it("are dropped when the command ends without loading, or another load is begun", async () => {
    const { dropEarlyLoad, loadWorkspace, prestartLoad } = await loader();
    const dir = makeRepo(files);
    try {
      const options = { schema: true, kinds };
      const person = (id: string): void =>
        writeFileSync(path.join(dir, `${id}.yaml`), `apiVersion: pmo/v1\nkind: Person\nid: ${id}\nname: ${id}\n`);
      prestartLoad(dir, { ...options, threads });
      dropEarlyLoad();
      person("after-drop");
      expect((await loadWorkspace(dir, options)).documents.some((d) => d.id === "after-drop")).toBe(true);
      prestartLoad(dir, { ...options, threads });
      person("between");
      prestartLoad(dir, { ...options, threads });
      person("after-second");
      const loaded = await loadWorkspace(dir, options);
      expect(loaded.documents.some((d) => d.id === "between")).toBe(true);
      expect(loaded.documents.some((d) => d.id === "after-second")).toBe(false);
    } finally {
      removeRepo(dir);
    }
  });

  it("read the ignore patterns from the config's text only when it is certain what the config says", async () => {
    const { configIgnore } = await loader();
    const cases: [Record<string, string>, string | undefined, readonly string[] | undefined][] = [
      [{}, undefined, []],
      [{ "pmo.config.yaml": "" }, undefined, []],
      [{ "pmo.config.yaml": "# nothing yet\n" }, undefined, []],
      [{ "pmo.config.yaml": "extends: recommended\n" }, undefined, []],
      [{ "pmo.config.yaml": "ignore:\n  - drafts/\n  - '*.tmp.yaml'\n" }, undefined, ["drafts/", "*.tmp.yaml"]],
      [{ "pmo.config.yaml": "ignore: [a/, b/]\r\n" }, undefined, ["a/", "b/"]],
      [{ "other.yaml": "ignore: [other/]\n" }, "other.yaml", ["other/"]],
      // A --config that does not exist is the config loader's to report.
      [{}, "missing.yaml", undefined],
      // Not certain: an anchor (outside the subset reader), two documents, not a list of strings.
      [{ "pmo.config.yaml": "ignore: &i [a/]\n" }, undefined, undefined],
      [{ "pmo.config.yaml": "ignore: [a/]\n---\nignore: [b/]\n" }, undefined, undefined],
      [{ "pmo.config.yaml": "ignore: drafts/\n" }, undefined, undefined],
      [{ "pmo.config.yaml": "ignore: [1, 2]\n" }, undefined, undefined],
      [{ "pmo.config.yaml": "- ignore\n" }, undefined, undefined],
    ];
    for (const [repoFiles, explicit, expected] of cases) {
      const dir = makeRepo(repoFiles);
      try {
        expect(configIgnore(dir, explicit && path.join(dir, explicit)), JSON.stringify(repoFiles)).toEqual(expected);
      } finally {
        removeRepo(dir);
      }
    }
  });

  it("do not keep the process alive when no load takes them over (a usage error stopped the command)", () => {
    const dir = makeRepo(files);
    try {
      const script = `const { prestartLoad } = await import(${JSON.stringify(pathToFileURL(path.join(dist, "index.js")).href)});
        prestartLoad(${JSON.stringify(dir)}, { schema: true, threads: { entries: 1, workers: 1 } });
        process.stdout.write("begun\\n");`;
      // A script file, not --input-type: the loader thread inherits the process's options.
      const file = path.join(dir, "begin.mjs");
      writeFileSync(file, script);
      // Held, the thread would wait for the rest of its list until the time-out ends the process.
      const run = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 20_000 });
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe("begun\n");
      expect(run.status).toBe(0);
    } finally {
      removeRepo(dir);
    }
  });
});
