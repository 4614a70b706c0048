import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * A full disk, simulated while a command runs: a write to a file whose path holds "FULL"
 * creates the file, then fails as Node's write(2) does on a full file system, with ENOSPC and
 * no path.
 */
const disk = vi.hoisted(() => ({
  full: false,
  error: () =>
    Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      errno: -28,
      syscall: "write",
    }),
}));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const writeFileSync: typeof fs.writeFileSync = (file, data, options) => {
    if (disk.full && String(file).includes("FULL")) {
      fs.writeFileSync(file, "", options);
      throw disk.error();
    }
    fs.writeFileSync(file, data, options);
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});
vi.mock("node:fs/promises", async (importOriginal) => {
  const fsp = await importOriginal<typeof import("node:fs/promises")>();
  const writeFile: typeof fsp.writeFile = async (file, data, options) => {
    if (disk.full && String(file).includes("FULL")) {
      await fsp.writeFile(file, "", options);
      throw disk.error();
    }
    return fsp.writeFile(file, data, options);
  };
  return { ...fsp, default: { ...fsp, writeFile }, writeFile };
});

const repos: string[] = [];
afterEach(() => repos.splice(0).forEach(removeRepo));

async function onFullDisk(args: string[], cwd: string) {
  disk.full = true;
  try {
    return await runCli(args, { cwd });
  } finally {
    disk.full = false;
  }
}

function repo(files: Record<string, string> = {}): string {
  const dir = makeRepo({
    "engagement.yaml": ENGAGEMENT,
    "projects/PRJ-001.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PRJ-001\nname: P\nstage: planning\n",
    ...files,
  });
  repos.push(dir);
  return dir;
}

describe("a full disk is the environment's failure, named with the path, and leaves no partial file", () => {
  it("pmo new", async () => {
    const dir = repo();
    const result = await onFullDisk(["new", "project", "--id", "PRJ-FULL", "--as-of", "2026-11-30"], dir);
    expect(result.stderr).toBe(
      `error: ${path.join(dir, "projects/PRJ-FULL.yaml")}: no space left on the device (ENOSPC, write)\n`,
    );
    expect(result.code).toBe(2);
    expect(readdirSync(path.join(dir, "projects"))).toEqual(["PRJ-001.yaml"]);
  });

  it("pmo fmt: the file it was rewriting, not its temporary copy, and the file is left as it was", async () => {
    const text = "kind: Project\napiVersion: pmo/v1\nid: PRJ-FULL\nname: P\nstage: planning\n";
    const dir = repo({ "projects/PRJ-FULL.yaml": text });
    const result = await onFullDisk(["fmt"], dir);
    expect(result.stderr).toBe(
      `error: ${path.join(dir, "projects/PRJ-FULL.yaml")}: no space left on the device (ENOSPC, write)\n`,
    );
    expect(result.code).toBe(2);
    expect(readdirSync(path.join(dir, "projects"))).toEqual(["PRJ-001.yaml", "PRJ-FULL.yaml"]);
    expect(readFileSync(path.join(dir, "projects/PRJ-FULL.yaml"), "utf8")).toBe(text);
  });

  it("pmo report: the page of --out-dir, and no report nor staging folder is left", async () => {
    const dir = repo();
    const result = await onFullDisk(["report", "--out-dir", "FULL", "--as-of", "2026-11-30"], dir);
    const page = /^error: (.*): no space left on the device \(ENOSPC, write\)\n$/.exec(result.stderr)?.[1];
    expect(page?.startsWith(`${path.join(dir, "FULL")}${path.sep}`)).toBe(true);
    expect(result.code).toBe(2);
    expect(existsSync(path.join(dir, "FULL"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes("FULL"))).toEqual([]);
  });

  it("pmo import --sync: the file it was creating, and nothing of the import is written", async () => {
    const dir = repo({
      "pmo.config.yaml": "ignore: [mapping.yaml]\n",
      "mapping.yaml": "kind: Project\nfields:\n  id: Ref\n  name: Name\nconstants:\n  stage: planning\n",
      "sheet.csv": "Ref,Name\nPRJ-002,Bridge\nPRJ-003,Tunnel\n",
    });
    const result = await onFullDisk(
      [
        "import",
        "csv",
        "sheet.csv",
        "--mapping",
        "mapping.yaml",
        "--out-dir",
        "FULL",
        "--sync",
        "--as-of",
        "2026-11-30",
      ],
      dir,
    );
    expect(result.stderr).toMatch(
      /^error: could not write the import, nothing was changed: .*FULL[\\/]PRJ-00[23]\.yaml: no space left on the device \(ENOSPC, write\)\n$/,
    );
    expect(result.code).toBe(2);
    expect(existsSync(path.join(dir, "FULL", "PRJ-002.yaml"))).toBe(false);
    expect(existsSync(path.join(dir, "FULL", "PRJ-003.yaml"))).toBe(false);
  });
});
