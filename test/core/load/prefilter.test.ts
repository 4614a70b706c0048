import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../../bench/generate.mjs";
import { declaredKind, loadWorkspace, normaliseLineBreaks, parseSource } from "../../../src/core/load/index.js";
import { KINDS, type Kind, type Workspace } from "../../../src/model/document.js";
import { makeRepo, removeRepo } from "../../helpers/repo.js";
import { mutate, prng } from "../../helpers/yaml-mutations.js";
import { yamlTestSuite } from "../../helpers/yaml-test-suite.js";

/**
 * The prefilter (src/core/load/prefilter.ts) lets a load that wants some kinds skip a file
 * without parsing it. It must never claim a kind the full reading does not give: whenever it
 * names a kind, the full reading of the same bytes gives either no document or exactly one
 * document of that kind. Checked on every case of the YAML test suite (also with a kind line
 * put before, after and inside it), the example repository, a generated bench repository,
 * hostile texts, and seeded mutations of all of them.
 */

function filesOf(dir: string, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...filesOf(path.join(dir, entry.name), `${rel}/`));
    else if (/\.ya?ml$/.test(entry.name)) out.push([rel, readFileSync(path.join(dir, entry.name), "utf8")]);
  }
  return out;
}

const benchDir = mkdtempSync(path.join(tmpdir(), "pmo-prefilter-"));
afterAll(() => rmSync(benchDir, { recursive: true, force: true }));
generate(benchDir, { projects: 12, risksPerProject: 5, seed: 3 });

const example = filesOf(path.resolve("examples/meridian-water")).map(
  ([f, t]) => [`example/${f}`, t] as [string, string],
);
const bench = filesOf(benchDir).map(([f, t]) => [`bench/${f}`, t] as [string, string]);

/** Texts written to fool a line-based reading of `kind:`. */
const HOSTILE: [string, string][] = [
  ["kind in a multi-line double-quoted scalar", 'apiVersion: pmo/v1\nkind: Project\nname: "a\nkind: Risk\n"\n'],
  ["kind in a multi-line single-quoted scalar", "apiVersion: pmo/v1\nname: 'a\nkind: Risk\n'\n"],
  ["kind in a flow mapping", "apiVersion: pmo/v1\nx: {\nkind: Risk }\n"],
  ["kind in a flow sequence", "apiVersion: pmo/v1\nx: [\nkind: Risk ]\n"],
  ["kind in a block scalar", "apiVersion: pmo/v1\nkind: Project\nnote: |\n  text\nkind: Risk\n"],
  ["kind continued on the next line", "apiVersion: pmo/v1\nkind: Risk\n  Register\nid: R\n"],
  ["kind continued after a blank line", "apiVersion: pmo/v1\nkind: Risk\n\n  Register\nid: R\n"],
  ["kind continued after a comment", "apiVersion: pmo/v1\nkind: Risk\n# c\n  Register\n"],
  ["kind twice", "apiVersion: pmo/v1\nkind: Risk\nkind: Project\n"],
  ["kind twice, one quoted", 'apiVersion: pmo/v1\nkind: Risk\n"kind": Project\n'],
  ["kind written with an escape", 'apiVersion: pmo/v1\n"k\\x69nd": Project\nkind: Risk\n'],
  ["kind as a complex key", "apiVersion: pmo/v1\n? kind\n: Project\nkind: Risk\n"],
  ["a second document", "apiVersion: pmo/v1\nkind: Risk\n---\nkind: Project\n"],
  ["a document end then more", "kind: Risk\n...\nkind: Project\n"],
  ["a directive", "%YAML 1.1\n---\nkind: Risk\n"],
  ["a tag on the value", "kind: !!str Risk\n"],
  ["an anchor on the value", "kind: &k Risk\nother: *k\n"],
  ["an alias as the value", "a: &k Project\nkind: *k\n"],
  ["a comment touching the value", "kind: Risk#x\n"],
  ["a root sequence", "- kind: Risk\n"],
  ["an indented root mapping", "  kind: Risk\n  id: R\n"],
  ["a root scalar", "kind\n"],
  ["a tab before the value", "kind:\tRisk\n"],
  ["CR line breaks", "apiVersion: pmo/v1\rkind: Risk\rid: R\r"],
  ["a BOM", "\uFEFFkind: Risk\nid: R\n"],
  ["a merge key", "<<: {kind: Project}\nkind: Risk\n"],
  ["an unknown kind", "kind: Risky\n"],
  ["a lower-case kind", "kind: risk\n"],
  ["a kind key with a space before the colon", "kind : Risk\n"],
  ["kind under a key at column 0 (compact sequence)", "items:\n- a\nkind: Risk\n"],
  ["kind after a broken indent", "apiVersion: pmo/v1\nkind: Risk\nid: R\n title: x\n"],
  ["quoted kind", 'kind: "Risk"\nid: R\n'],
  ["single-quoted kind", "kind: 'Risk' # a comment\nid: R\n"],
  ["kind with a document start", "---\nkind: Decision\nid: D\n"],
  ["kind with a comment line first", "# header\n\nkind: Issue\nid: I\n"],
];

const SUITE = yamlTestSuite();

function corpus(): [string, string][] {
  const texts: [string, string][] = [...example, ...bench, ...HOSTILE];
  for (const c of SUITE) {
    texts.push([`suite ${c.id}`, c.yaml]);
    texts.push([`suite ${c.id} after a kind`, `apiVersion: pmo/v1\nkind: Risk\n${c.yaml}`]);
    texts.push([`suite ${c.id} before a kind`, `${c.yaml}\nkind: Risk\n`]);
    const lines = c.yaml.split("\n");
    for (let i = 1; i < Math.min(lines.length, 12); i++)
      texts.push([
        `suite ${c.id} with a kind at line ${i + 1}`,
        [...lines.slice(0, i), "kind: Project", ...lines.slice(i)].join("\n"),
      ]);
  }
  const random = prng(20261202);
  const seeds = [...example, ...bench, ...HOSTILE];
  for (let i = 0; i < 3000; i++) {
    const [name, text] = seeds[Math.floor(random() * seeds.length)]!;
    let mutated = mutate(text, random);
    if (random() < 0.5) mutated = mutate(mutated, random);
    texts.push([`${name} mutation ${i}`, mutated]);
  }
  return texts;
}

describe("the prefilter never names a kind the full reading does not give", () => {
  const texts = corpus();

  it(`holds on ${texts.length} texts`, () => {
    const wrong: string[] = [];
    let answered = 0;
    for (const [name, text] of texts) {
      const kind = declaredKind(normaliseLineBreaks(text));
      if (kind === undefined) continue;
      answered++;
      const kinds = parseSource(name.replace(/ .*/, ""), text).documents.map((d) => d.value["kind"]);
      if (kinds.length > 1 || (kinds.length === 1 && kinds[0] !== kind))
        wrong.push(`${name}: prefilter ${kind}, full reading ${JSON.stringify(kinds)}`);
    }
    expect(wrong).toEqual([]);
    expect(answered).toBeGreaterThan(1000);
  });

  it("answers the hostile texts it can be certain about, and only those", () => {
    const answers = Object.fromEntries(HOSTILE.map(([name, text]) => [name, declaredKind(normaliseLineBreaks(text))]));
    expect(answers).toEqual({
      ...Object.fromEntries(HOSTILE.map(([name]) => [name, undefined])),
      "kind under a key at column 0 (compact sequence)": "Risk",
      "kind after a broken indent": "Risk",
      "quoted kind": "Risk",
      "single-quoted kind": "Risk",
      "kind with a document start": "Decision",
      "kind with a comment line first": "Issue",
      "CR line breaks": "Risk",
      // The full reading refuses the duplicate key: no document either way.
      "kind written with an escape": "Risk",
    });
  });

  it("answers nearly every document of the example and of a generated repository", () => {
    for (const files of [example, bench]) {
      const single = files.filter(
        ([file, text]) => file.endsWith(".yaml") && !/\n---/.test(text) && !/config/.test(file),
      );
      const answered = single.filter(([, text]) => declaredKind(normaliseLineBreaks(text)) !== undefined);
      expect(answered.length / single.length).toBeGreaterThan(0.9);
    }
  });
});

describe("loading some kinds only", () => {
  const files: Record<string, string | Buffer> = {
    ...Object.fromEntries(example.map(([f, t]) => [f.replace(/^example\//, "example/"), t])),
    ...Object.fromEntries(bench.map(([f, t]) => [f, t])),
    ...Object.fromEntries(HOSTILE.map(([name, t], i) => [`hostile/${i}-${name.replace(/\W+/g, "-")}.yaml`, t])),
    ...Object.fromEntries(SUITE.map((c) => [`suite/${c.id}.yaml`, c.yaml])),
    "broken/binary.yaml": Buffer.from([0x61, 0x00, 0x62]),
  };
  const repo = makeRepo(files);
  afterAll(() => removeRepo(repo));

  /** Documents as plain data, positions included. */
  const plain = (ws: Workspace): unknown[] =>
    ws.documents.map(({ locate, ...doc }) => ({ ...doc, at: locate(["id"]), key: locate(["name"], { key: true }) }));

  it.each<[string, Kind[]]>([
    ["projects and what they reference", ["Engagement", "Portfolio", "Project", "Decision", "Person"]],
    ["risks only", ["Risk"]],
    ["no kind", []],
    ["every kind", [...KINDS]],
  ])("gives exactly the documents of a full load that have the kinds (%s)", async (_name, kinds) => {
    const full = await loadWorkspace(repo, { workers: 0 });
    const some = await loadWorkspace(repo, { workers: 0, kinds });
    expect(plain(some)).toEqual(
      plain({ ...full, documents: full.documents.filter((d) => kinds.includes(d.kind as Kind)) }),
    );
    expect(some.kinds).toEqual(kinds);
    // Every source a kept document points at is there, for code frames.
    for (const doc of some.documents) expect(some.sources.get(doc.file)).toBe(full.sources.get(doc.file));
  });

  it("does not parse the files it can tell are of another kind", async () => {
    const full = await loadWorkspace(repo, { workers: 0 });
    const projects = await loadWorkspace(repo, { workers: 0, kinds: ["Project"] });
    // Files of one risk each (the example keeps several risks per file: those are parsed).
    const perFile = new Map<string, string[]>();
    for (const d of full.documents) perFile.set(d.file, [...(perFile.get(d.file) ?? []), d.kind]);
    const riskFiles = [...perFile].filter(([, kinds]) => kinds.length === 1 && kinds[0] === "Risk").map(([f]) => f);
    const unread = riskFiles.filter((f) => !projects.sources.has(f));
    expect(riskFiles.length).toBeGreaterThan(50);
    expect(unread.length / riskFiles.length).toBeGreaterThan(0.9);
  });
});
