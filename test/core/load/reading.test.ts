import { cpSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadWorkspace, parseSource } from "../../../src/core/load/index.js";
import { validateWorkspace } from "../../../src/core/validate/index.js";
import { makeRepo, removeRepo } from "../../helpers/repo.js";

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeRepo(dirs.pop()!);
});
function repo(files: Record<string, string>): string {
  const dir = makeRepo(files);
  dirs.push(dir);
  return dir;
}

const RISK = "apiVersion: pmo/v1\nkind: Risk\nid: R-1\ntitle: Late steel\n";
const shown = (text: string, file = "x.yaml"): string[] =>
  parseSource(file, text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);
const readValue = (text: string): unknown => parseSource("x.yaml", text).documents[0]?.value;

describe("one meaning for the same bytes", () => {
  it.each([
    ["12_400_000", "12_400_000"],
    ["0b101", "0b101"],
    ["0x_1", "0x_1"],
    ["0x1F", 31],
    ["0o17", 15],
    ["+.5", 0.5],
    ["2025-11-24", "2025-11-24"],
    ["yes", "yes"],
  ])("%s reads as %j with or without an anchor in the file", (scalar, expected) => {
    const plain = `${RISK}approved: ${scalar}\n`;
    const anchored = `${RISK}owner: &o p1\napproved: ${scalar}\nx-copy: *o\n`;
    expect((readValue(plain) as Record<string, unknown>)["approved"]).toEqual(expected);
    expect((readValue(anchored) as Record<string, unknown>)["approved"]).toEqual(expected);
  });

  it("reads CR-only and CRLF files, with or without anchors, as the LF file", () => {
    const lf = `${RISK}owner: &o p1\nx-copy: *o\n`;
    expect(readValue(lf.replace(/\n/g, "\r"))).toEqual(readValue(lf));
    expect(readValue(lf.replace(/\n/g, "\r\n"))).toEqual(readValue(lf));
    expect(readValue(RISK.replace(/\n/g, "\r"))).toEqual(readValue(RISK));
  });

  it("reads a %YAML 1.1 file as YAML 1.2 and says so", () => {
    const parsed = parseSource("x.yaml", `%YAML 1.1\n---\n${RISK}raised: 2025-11-24\nx-flag: yes\n`);
    expect(parsed.documents[0]!.value).toMatchObject({ raised: "2025-11-24", "x-flag": "yes" });
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}`)).toEqual(["1:1 warn"]);
    expect(parsed.diagnostics[0]!.message).toMatch(/declares %YAML 1\.1, but pmo reads YAML 1\.2/);
  });

  it("keeps a document with a tag it does not resolve, as text, with a warning", () => {
    const parsed = parseSource("x.yaml", `${RISK}x-blob: !!binary aGVsbG8=\n`);
    expect(parsed.documents[0]!.value["x-blob"]).toBe("aGVsbG8=");
    expect(shown(`${RISK}x-blob: !!binary aGVsbG8=\n`)).toEqual([
      "5:9 warn the tag !!binary is not one pmo reads; the value is read as plain text",
    ]);
  });
});

describe("nothing vanishes", () => {
  it.each([
    [
      "a JSON document with a missing brace",
      '{"apiVersion": "pmo/v1", "kind": "Risk", "id": "R-1"\n',
      "1:1 error this { is never closed",
    ],
    ["quoted keys", '"kind": "Risk"\n"id": "R-1\n', "3:1 error this quoted string is never closed"],
    [
      "a space before the colon",
      "apiVersion : pmo/v1\nkind: Risk\nid: R-1\n  title: x\n",
      "4:3 error this line is indented by 2 spaces, which matches no field or list above it (expected 0)",
    ],
  ])("reports a broken pmo file that does not match the usual markers: %s", (_name, text, expected) => {
    expect(shown(text, "notes/x.yaml")[0]).toBe(expected);
  });

  it("reports any file in a pmo folder that does not parse", () => {
    expect(shown("a: [\n", "raid/risks/x.yaml")[0]).toMatch(/^1:4 error this \[ is never closed/);
  });

  it("warns about other YAML that does not parse, and counts files that hold no pmo document", async () => {
    const root = repo({
      "risk.yaml": RISK,
      "ci.yml": "jobs:\n  - run: [\n",
      "compose.yaml": "services: {}\n",
      "pmo.config.yaml": "ignore: []\n",
    });
    const ws = await loadWorkspace(root);
    expect(ws.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`)).toEqual(["ci.yml:2:10 warn"]);
    expect(ws.diagnostics[0]!.message).toMatch(/the file was not read, as nothing in it looks like a pmo document/);
    expect(ws.notPmo).toEqual(["compose.yaml"]);
  });

  it("does not read dot-files, other tools' settings, even when they do not parse", async () => {
    const root = repo({
      "risk.yaml": RISK,
      ".gitlab-ci.yml": "workflow:\n  rules: [\n",
      "ci/.pre-commit-config.yaml": "repos: []\n",
    });
    const ws = await loadWorkspace(root);
    expect(ws.diagnostics).toEqual([]);
    expect(ws.notPmo).toEqual([]);
    expect(ws.documents.map((d) => d.file)).toEqual(["risk.yaml"]);
  });
});

describe("a broken file does not cascade", () => {
  it("leaves out references to the ids it seems to define, and says so once", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "pmo-cascade-"));
    dirs.push(root);
    cpSync("examples/meridian-water", root, { recursive: true });
    const file = path.join(root, "projects/network/PRJ-007.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {2}/m, "\t"));
    const found = validateWorkspace(await loadWorkspace(root), { asOf: "2026-11-30" });
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity} ${d.ruleId}`)).toEqual([
      "projects/network/PRJ-007.yaml:1 info unresolved-reference",
      "projects/network/PRJ-007.yaml:7 error yaml-syntax",
    ]);
    expect(found[0]!.message).toBe(
      "references to PRJ-007, PRJ-007/M2, PRJ-007/M4 were not checked: they may be defined in this file, which does not parse",
    );
  });

  it("holds back only findings about ids that do not exist, whatever else their message quotes", async () => {
    // The broken project's text defines M2 too, but M2 of PRJ-A is a milestone of a project
    // that was read: its absence is a finding, not a cascade.
    const root = repo({
      "b.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PRJ-B\nmilestones:\n  - id: M2\n name: x\n",
      "a.yaml":
        "apiVersion: pmo/v1\nkind: Project\nid: PRJ-A\nportfolio: PRJ-B\nmilestones:\n  - id: M1\n    dependsOn: [M2]\n  - id: M3\n    dependsOn: [PRJ-B/M2]\n",
    });
    const found = validateWorkspace(await loadWorkspace(root), { asOf: "2026-11-30" }).filter(
      (d) => d.ruleId === "unresolved-reference",
    );
    expect(found.map((d) => `${d.file} ${d.severity} ${d.message}`)).toEqual([
      'a.yaml error milestone dependency "M2" names milestone "M2", which project PRJ-A does not have',
      "b.yaml info references to PRJ-B, PRJ-B/M2 were not checked: they may be defined in this file, which does not parse",
    ]);
  });
});

describe("symbolic links", () => {
  it("does not read a file outside the repository through a link, and says so", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "pmo-outside-"));
    dirs.push(outside);
    writeFileSync(path.join(outside, "secret.yaml"), RISK.replace("R-1", "R-9"));
    const root = repo({ "risk.yaml": RISK });
    symlinkSync(path.join(outside, "secret.yaml"), path.join(root, "linked.yaml"));
    symlinkSync("risk.yaml", path.join(root, "inside-link.yaml"));
    const ws = await loadWorkspace(root);
    // The link inside the repository names a file read by its own path: read once, not twice.
    expect(ws.documents.map((d) => `${d.file}:${d.id}`)).toEqual(["risk.yaml:R-1"]);
    expect(ws.diagnostics.map((d) => `${d.file} ${d.severity} ${d.message.replace(outside, "<outside>")}`)).toEqual([
      `linked.yaml warn symbolic link to a file outside the repository (${realpathSync(path.join(outside, "secret.yaml")).replace(outside, "<outside>")}): not read`,
      "inside-link.yaml info symbolic link to a file already read as risk.yaml: not read a second time (its documents would be duplicates of themselves)",
    ]);
    expect(ws.sources.has("linked.yaml")).toBe(false);
  });
});
