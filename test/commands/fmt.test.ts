import { lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const repos: string[] = [];
afterEach(() => repos.splice(0).forEach(removeRepo));

const UNORDERED = `# The pilot project.
name: Pilot
kind: Project
apiVersion: pmo/v1
id: PRJ-001
stage: planning # agreed at kick-off
`;
const ORDERED = `# The pilot project.
apiVersion: pmo/v1
kind: Project
id: PRJ-001
name: Pilot
stage: planning # agreed at kick-off
`;
const CONFIG = `waivers: []\nextends: [recommended]\n`;
const BROKEN = `apiVersion: pmo/v1\nkind: Project\nid: PRJ-002\nname: 'Broken\nstage: planning\n`;
const OTHER_TOOL = `name:   'build'\non: [push]\n`;

function repo(files: Record<string, string>): string {
  const dir = makeRepo({ "engagement.yaml": ENGAGEMENT, ...files });
  repos.push(dir);
  return dir;
}

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), "utf8");

describe("pmo fmt", () => {
  it("rewrites only the files that change, including the config; leaves other tools' YAML alone", async () => {
    const dir = repo({ "projects/PRJ-001.yaml": UNORDERED, "pmo.config.yaml": CONFIG, "ci/build.yaml": OTHER_TOOL });
    const before = statSync(path.join(dir, "engagement.yaml")).mtimeMs;
    const result = await runCli(["fmt"], { cwd: dir });
    expect(result).toEqual({
      code: 0,
      stdout: "pmo.config.yaml\nprojects/PRJ-001.yaml\n",
      stderr: "2 files rewritten, 1 already in canonical form\n",
    });
    expect(read(dir, "projects/PRJ-001.yaml")).toBe(ORDERED);
    expect(read(dir, "pmo.config.yaml")).toBe(`extends: [recommended]\nwaivers: []\n`);
    expect(read(dir, "ci/build.yaml")).toBe(OTHER_TOOL);
    expect(statSync(path.join(dir, "engagement.yaml")).mtimeMs).toBe(before);
    expect(await runCli(["fmt", "--check"], { cwd: dir })).toEqual({
      code: 0,
      stdout: "",
      stderr: "3 files in canonical form\n",
    });
  });

  it("--check lists the files that would change, writes nothing and exits 1", async () => {
    const dir = repo({ "projects/PRJ-001.yaml": UNORDERED });
    const result = await runCli(["fmt", "--check"], { cwd: dir });
    expect(result).toEqual({
      code: 1,
      stdout: "projects/PRJ-001.yaml\n",
      stderr: "1 of 2 files not in canonical form; run pmo fmt to rewrite it\n",
    });
    expect(read(dir, "projects/PRJ-001.yaml")).toBe(UNORDERED);
  });

  it("reports a file that does not parse with its position, never rewrites it, formats the rest and exits 1", async () => {
    const dir = repo({ "projects/PRJ-001.yaml": UNORDERED, "projects/PRJ-002.yaml": BROKEN });
    const result = await runCli(["fmt"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("projects/PRJ-001.yaml\n");
    expect(result.stderr).toContain(
      "projects/PRJ-002.yaml\n  4:7  error  this quoted string is never closed; the file was not formatted  yaml-syntax",
    );
    expect(result.stderr).toContain(
      "1 file rewritten, 1 already in canonical form; 1 file not formatted (left as it is): projects/PRJ-002.yaml\n",
    );
    expect(read(dir, "projects/PRJ-002.yaml")).toBe(BROKEN);
    expect(read(dir, "projects/PRJ-001.yaml")).toBe(ORDERED);
  });

  it("formats only the files and folders named, relative to -C", async () => {
    const dir = repo({
      "projects/PRJ-001.yaml": UNORDERED,
      "other/PRJ-003.yaml": UNORDERED.replace("PRJ-001", "PRJ-003"),
      "ci/build.yaml": OTHER_TOOL,
    });
    const result = await runCli(["-C", dir, "fmt", "projects", "ci/build.yaml"], { cwd: path.dirname(dir) });
    const base = path.basename(dir);
    expect(result.stdout).toBe(`${base}/ci/build.yaml\n${base}/projects/PRJ-001.yaml\n`);
    expect(read(dir, "ci/build.yaml")).toBe(`name: build\non: [push]\n`);
    expect(read(dir, "other/PRJ-003.yaml")).toBe(UNORDERED.replace("PRJ-001", "PRJ-003"));
  });

  it("exits 2 for a path that does not exist", async () => {
    const dir = repo({});
    expect(await runCli(["fmt", "nowhere.yaml"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: no such file or folder: nowhere.yaml\n",
    });
  });

  it("is idempotent on a whole repository: a second run rewrites nothing", async () => {
    const dir = repo({
      "projects/PRJ-001.yaml": UNORDERED,
      "raid/RSK-001.yaml": `kind: Risk\napiVersion: pmo/v1\nid: RSK-001\nstatus: open\ntitle: 'Late: supplier'\nimpact: 2\nprobability: 3\n`,
    });
    await runCli(["fmt"], { cwd: dir });
    const after = read(dir, "raid/RSK-001.yaml");
    expect(after).toBe(
      `apiVersion: pmo/v1\nkind: Risk\nid: RSK-001\ntitle: "Late: supplier"\nprobability: 3\nimpact: 2\nstatus: open\n`,
    );
    writeFileSync(path.join(dir, "marker"), "");
    expect((await runCli(["fmt"], { cwd: dir })).stdout).toBe("");
  });

  it("keeps each file's line breaks and byte order mark: a Windows checkout is in canonical form", async () => {
    const crlf = (text: string) => text.replaceAll("\n", "\r\n");
    const dir = repo({
      "projects/PRJ-001.yaml": crlf(UNORDERED),
      "projects/PRJ-002.yaml": `\uFEFF${crlf(ORDERED.replace("PRJ-001", "PRJ-002"))}`,
      "pmo.config.yaml": crlf(CONFIG),
    });
    const check = await runCli(["fmt", "--check"], { cwd: dir });
    expect(check.stdout).toBe("pmo.config.yaml\nprojects/PRJ-001.yaml\n");
    expect(check.code).toBe(1);
    expect((await runCli(["fmt"], { cwd: dir })).code).toBe(0);
    expect(read(dir, "projects/PRJ-001.yaml")).toBe(crlf(ORDERED));
    expect(read(dir, "pmo.config.yaml")).toBe(crlf("extends: [recommended]\nwaivers: []\n"));
    expect(read(dir, "projects/PRJ-002.yaml")).toBe(`\uFEFF${crlf(ORDERED.replace("PRJ-001", "PRJ-002"))}`);
    const again = await runCli(["fmt", "--check"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe("4 files in canonical form\n");
  });

  it("writes through a symbolic link to its target and leaves the link a link", async () => {
    const dir = repo({ "shared/PRJ-001.yaml": UNORDERED });
    symlinkSync("shared/PRJ-001.yaml", path.join(dir, "projects-link.yaml"));
    const result = await runCli(["fmt", "projects-link.yaml"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(lstatSync(path.join(dir, "projects-link.yaml")).isSymbolicLink()).toBe(true);
    expect(read(dir, "shared/PRJ-001.yaml")).toBe(ORDERED);
  });

  it("formats a repository whose documents use an anchor before its alias in schema order (exit 0, order kept)", async () => {
    const text =
      "apiVersion: pmo/v1\nkind: Project\nid: PRJ-001\nname: Pilot\nmanager: &pm chloe.evans\nsponsor: *pm\nstage: planning\n";
    const dir = repo({ "projects/PRJ-001.yaml": text });
    const result = await runCli(["fmt", "--check"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(dir, "projects/PRJ-001.yaml")).toBe(text);
  });
});
