import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/core/config/index.js";
import { UsageError } from "../../../src/core/errors.js";
import { loadWorkspaceAtRevision, openRepository, resolveRevision } from "../../../src/core/git/index.js";
import { loadWorkspace } from "../../../src/core/load/index.js";
import { validateWorkspace } from "../../../src/core/validate/index.js";
import { commitAll, copyInto, git, makeGitRepo, writeFiles } from "../../helpers/git.js";
import { ENGAGEMENT, removeRepo } from "../../helpers/repo.js";

const example = path.resolve(fileURLToPath(import.meta.url), "../../../../examples/meridian-water");
const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));

const project = (id: string, extra = ""): string =>
  `apiVersion: pmo/v1\nkind: Project\nid: ${id}\nname: Project ${id}\nstage: delivery\n${extra}`;

async function atRef(dir: string, ref: string) {
  const repo = await openRepository(dir, dir, ref);
  const revision = await resolveRevision(repo, ref);
  return loadWorkspaceAtRevision(repo, revision, dir);
}

const plain = (docs: { file: string; docIndex: number; kind: string; id: string | undefined; value: unknown }[]) =>
  docs.map(({ file, docIndex, kind, id, value }) => ({ file, docIndex, kind, id, value }));

describe("loadWorkspaceAtRevision", () => {
  it("reads the bundled example at a commit exactly as the folder loader reads the folder", async () => {
    const dir = makeGitRepo();
    repos.push(dir);
    copyInto(dir, example, "pmo");
    commitAll(dir, "example");
    const { workspace, config } = await atRef(path.join(dir, "pmo"), "HEAD");
    const fromFolder = await loadWorkspace(path.join(dir, "pmo"), { ignore: config.ignore });
    expect(plain(workspace.documents)).toEqual(plain(fromFolder.documents));
    expect(workspace.diagnostics).toEqual(fromFolder.diagnostics);
    expect([...workspace.sources.keys()]).toEqual([...fromFolder.sources.keys()]);
    const expected = await loadConfig(path.join(dir, "pmo"));
    expect(config.raw).toEqual(expected.raw);
    // Positions work the same: the same path resolves to the same range.
    const a = workspace.documents.find((d) => d.id === "PRJ-002")!;
    const b = fromFolder.documents.find((d) => d.id === "PRJ-002")!;
    expect(a.locate(["status", "overall"])).toEqual(b.locate(["status", "overall"]));
  });

  it("notes, as the folder loader does, a file that does not parse and the ids it seems to hold, so that validation does not report references to them as dangling", async () => {
    const dir = makeGitRepo({
      "engagement.yaml": ENGAGEMENT,
      // One space of indentation too few: the project does not parse.
      "projects/PRJ-001.yaml": project("PRJ-001", "budget:\n  currency: EUR\n approved: 5\n"),
      "raid/RSK-001.yaml":
        "apiVersion: pmo/v1\nkind: Risk\nid: RSK-001\ntitle: T\nproject: PRJ-001\nstatus: open\nprobability: 1\nimpact: 1\n",
      "notes/other.yaml": "just: notes\n",
    });
    repos.push(dir);
    commitAll(dir, "broken project");
    const { workspace, config } = await atRef(dir, "HEAD");
    const fromFolder = await loadWorkspace(dir, { ignore: config.ignore });
    expect(workspace.broken).toEqual([{ file: "projects/PRJ-001.yaml", ids: ["PRJ-001"] }]);
    expect(workspace.broken).toEqual(fromFolder.broken);
    expect(workspace.notPmo).toEqual(["notes/other.yaml"]);
    expect(workspace.notPmo).toEqual(fromFolder.notPmo);
    const findings = validateWorkspace(workspace, { asOf: "2026-11-30" });
    expect(findings.filter((d) => d.ruleId === "unresolved-reference" && d.severity === "error")).toEqual([]);
    expect(findings.map((d) => [d.file, d.ruleId, d.severity])).toEqual(
      validateWorkspace(fromFolder, { asOf: "2026-11-30" }).map((d) => [d.file, d.ruleId, d.severity]),
    );
  });

  it("with kinds, reads the documents of those kinds exactly as the folder loader does with the same kinds", async () => {
    const dir = makeGitRepo();
    repos.push(dir);
    copyInto(dir, example);
    // A risk file that is not valid YAML: with kinds that leave risks out it is skipped unparsed.
    writeFiles(dir, { "risks/RSK-BROKEN.yaml": "apiVersion: pmo/v1\nkind: Risk\nid: RSK-BROKEN\ntitle: a: b\n" });
    commitAll(dir, "example");
    const kinds = ["Engagement", "Portfolio", "Project", "Decision", "Person"] as const;
    const repo = await openRepository(dir, dir, "HEAD");
    const { workspace, config } = await loadWorkspaceAtRevision(
      repo,
      await resolveRevision(repo, "HEAD"),
      dir,
      undefined,
      { kinds },
    );
    const fromFolder = await loadWorkspace(dir, { ignore: config.ignore, kinds });
    const full = await loadWorkspace(dir, { ignore: config.ignore });
    expect(plain(workspace.documents)).toEqual(plain(fromFolder.documents));
    expect(plain(workspace.documents)).toEqual(
      plain(full.documents.filter((d) => (kinds as readonly string[]).includes(d.kind))),
    );
    expect(workspace.documents.some((d) => d.kind === "Project")).toBe(true);
    expect(workspace.documents.some((d) => d.kind === "Risk" || d.kind === "Issue")).toBe(false);
    expect(workspace.diagnostics).toEqual(fromFolder.diagnostics);
    expect(workspace.diagnostics.some((d) => d.file === "risks/RSK-BROKEN.yaml")).toBe(false);
    expect(full.diagnostics.some((d) => d.file === "risks/RSK-BROKEN.yaml")).toBe(true);
    expect(workspace.kinds).toEqual(kinds);
  });

  it("reads the committed state, not the working tree, and leaves the working tree alone", async () => {
    const dir = makeGitRepo({ "engagement.yaml": ENGAGEMENT, "p1.yaml": project("P1", "percentComplete: 10\n") });
    repos.push(dir);
    commitAll(dir, "first");
    writeFiles(dir, { "p1.yaml": project("P1", "percentComplete: 50\n"), "p2.yaml": project("P2") });
    const before = git(dir, "status", "--porcelain");
    const { workspace } = await atRef(dir, "HEAD");
    expect(workspace.documents.map((d) => d.id)).toEqual(["ENG", "P1"]);
    expect(workspace.documents[1]!.value["percentComplete"]).toBe(10);
    expect(git(dir, "status", "--porcelain")).toBe(before);
    expect(readFileSync(path.join(dir, "p1.yaml"), "utf8")).toContain("percentComplete: 50");
  });

  it("honours dot-folders, node_modules, .pmoignore and the config's ignore list at that ref", async () => {
    const dir = makeGitRepo({
      "engagement.yaml": ENGAGEMENT,
      ".github/workflow.yaml": project("HIDDEN"),
      "node_modules/x/p.yaml": project("DEP"),
      "drafts/p.yaml": project("DRAFT"),
      "archive/old.yml": project("OLD"),
      "notes.txt": project("TXT"),
      "kept/p.yml": project("KEPT"),
      ".pmoignore": "archive/\n",
      "pmo.config.yaml": "ignore:\n  - drafts/\n",
    });
    repos.push(dir);
    commitAll(dir, "layout");
    const { workspace } = await atRef(dir, "HEAD");
    expect(workspace.documents.map((d) => d.id)).toEqual(["ENG", "KEPT"]);
  });

  it("follows a committed symbolic link to a file, and reports a broken one", async () => {
    const dir = makeGitRepo({ "engagement.yaml": ENGAGEMENT, "real/p.txt": project("P1") });
    repos.push(dir);
    symlinkSync("real/p.txt", path.join(dir, "link.yaml"));
    symlinkSync("missing.yaml", path.join(dir, "broken.yaml"));
    commitAll(dir, "links");
    const { workspace } = await atRef(dir, "HEAD");
    expect(workspace.documents.map((d) => `${d.file}:${d.id}`)).toEqual(["engagement.yaml:ENG", "link.yaml:P1"]);
    expect(workspace.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      "broken.yaml: broken symbolic link: its target does not exist; remove it or add it to .pmoignore",
    ]);
  });

  it("reads a file linked from inside the repository once, by its own path, as the folder loader does", async () => {
    const risk =
      "apiVersion: pmo/v1\nkind: Risk\nid: RSK-001\ntitle: T\nproject: PRJ-001\nstatus: open\nprobability: 1\nimpact: 1\n";
    const dir = makeGitRepo({
      "engagement.yaml": ENGAGEMENT,
      "projects/PRJ-001.yaml": project("PRJ-001"),
      "raid/RSK-001.yaml": risk,
      "hidden/RSK-002.txt": risk.replace("RSK-001", "RSK-002"),
    });
    repos.push(dir);
    // One link to a file found by its own path; two to a file that is not (only the first is read).
    symlinkSync("../projects/PRJ-001.yaml", path.join(dir, "raid", "PRJ-001.yaml"));
    symlinkSync("../hidden/RSK-002.txt", path.join(dir, "raid", "a.yaml"));
    symlinkSync("../hidden/RSK-002.txt", path.join(dir, "raid", "b.yaml"));
    commitAll(dir, "links");
    const { workspace, config } = await atRef(dir, "HEAD");
    const fromFolder = await loadWorkspace(dir, { ignore: config.ignore });
    for (const ws of [workspace, fromFolder]) {
      expect(ws.documents.map((d) => `${d.file} ${d.id}`)).toEqual([
        "engagement.yaml ENG",
        "projects/PRJ-001.yaml PRJ-001",
        "raid/RSK-001.yaml RSK-001",
        "raid/a.yaml RSK-002",
      ]);
      const notes = validateWorkspace(ws, { asOf: "2026-11-30" }).filter((d) => d.ruleId !== "schema");
      expect(notes.map((d) => `${d.file} ${d.severity} ${d.ruleId} ${d.message}`)).toEqual([
        "raid/PRJ-001.yaml info unreadable-file symbolic link to a file already read as projects/PRJ-001.yaml: not read a second time (its documents would be duplicates of themselves)",
        "raid/b.yaml info unreadable-file symbolic link to a file already read as raid/a.yaml: not read a second time (its documents would be duplicates of themselves)",
      ]);
    }
    expect(workspace.diagnostics).toEqual(fromFolder.diagnostics);
  });

  it("reports YAML problems at a ref with the same positions as in a folder", async () => {
    const dir = makeGitRepo({
      "engagement.yaml": ENGAGEMENT,
      "bad.yaml": "apiVersion: pmo/v1\nkind: Project\nid: P1\n\tname: x\n",
    });
    repos.push(dir);
    commitAll(dir, "bad");
    const { workspace } = await atRef(dir, "HEAD");
    const fromFolder = await loadWorkspace(dir);
    expect(workspace.diagnostics).toEqual(fromFolder.diagnostics);
    expect(workspace.diagnostics[0]).toMatchObject({ file: "bad.yaml", line: 4, ruleId: "yaml-syntax" });
  });

  it("uses the config committed at that ref", async () => {
    const dir = makeGitRepo({ "engagement.yaml": ENGAGEMENT, "pmo.config.yaml": "rules:\n  project-scored: off\n" });
    repos.push(dir);
    commitAll(dir, "config");
    writeFiles(dir, { "pmo.config.yaml": "rules:\n  project-scored: error\n" });
    const { config } = await atRef(dir, "HEAD");
    expect(config.raw).toEqual({ rules: { "project-scored": "off" } });
  });
});

describe("resolveRevision", () => {
  it("resolves branches, tags, commits and A...B as the merge base", async () => {
    const dir = makeGitRepo({ "engagement.yaml": ENGAGEMENT });
    repos.push(dir);
    const first = commitAll(dir, "first");
    git(dir, "tag", "v1");
    git(dir, "checkout", "-q", "-b", "feature");
    writeFiles(dir, { "p1.yaml": project("P1") });
    const feature = commitAll(dir, "feature work");
    git(dir, "checkout", "-q", "main");
    writeFiles(dir, { "p2.yaml": project("P2") });
    commitAll(dir, "main moves on");
    git(dir, "checkout", "-q", "feature");
    const repo = await openRepository(dir, dir, "x");
    expect((await resolveRevision(repo, "v1")).commit).toBe(first);
    expect((await resolveRevision(repo, "feature")).commit).toBe(feature);
    expect((await resolveRevision(repo, first.slice(0, 10))).commit).toBe(first);
    expect((await resolveRevision(repo, "main...feature")).commit).toBe(first);
    expect((await resolveRevision(repo, "main...")).commit).toBe(first);
    const { workspace } = await loadWorkspaceAtRevision(repo, await resolveRevision(repo, "main...HEAD"), dir);
    expect(workspace.documents.map((d) => d.id)).toEqual(["ENG"]);
  });

  it("names the ref when it does not exist", async () => {
    const dir = makeGitRepo({ "engagement.yaml": ENGAGEMENT });
    repos.push(dir);
    commitAll(dir, "first");
    const repo = await openRepository(dir, dir, "x");
    await expect(resolveRevision(repo, "no-such-branch")).rejects.toThrow(
      /unknown git ref "no-such-branch": no branch, tag or commit has that name/,
    );
    await expect(resolveRevision(repo, "main...nope")).rejects.toThrow(/unknown git ref "nope" \(in "main...nope"\)/);
    await expect(resolveRevision(repo, "--output=x")).rejects.toBeInstanceOf(UsageError);
  });

  it("explains how to fetch a base that a shallow clone is missing", async () => {
    const origin = makeGitRepo({ "engagement.yaml": ENGAGEMENT });
    repos.push(origin);
    commitAll(origin, "first");
    writeFiles(origin, { "p1.yaml": project("P1") });
    commitAll(origin, "second");
    const parent = mkdtempSync(path.join(os.tmpdir(), "pmo-shallow-"));
    repos.push(parent);
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${origin}`, "clone"], { cwd: parent, stdio: "ignore" });
    const repo = await openRepository(path.join(parent, "clone"), "clone", "HEAD~1");
    expect(repo.shallow).toBe(true);
    await expect(resolveRevision(repo, "HEAD~1")).rejects.toThrow(
      /unknown git ref "HEAD~1": this is a shallow clone.*git fetch --unshallow.*fetch-depth: 0/,
    );
  });

  it("says when the folder is not inside a git repository", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pmo-nogit-"));
    repos.push(dir);
    await expect(openRepository(dir, "plain-folder", "main")).rejects.toThrow(
      'cannot read git ref "main": plain-folder is not inside a git repository',
    );
  });
});
