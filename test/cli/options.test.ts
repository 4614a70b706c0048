import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { main, type Host } from "../../src/cli/index.js";
import { reflowProse, terminalWidth } from "../../src/cli/terminal.js";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * The option vocabulary shared by every command (docs/commands/options.md): -o/--output names a
 * file, --out-dir a folder, -f is --format, md and markdown are one format, paths are read
 * relative to -C, and old spellings still work for a while with a notice on stderr.
 */
const projectRoot = path.resolve(import.meta.dirname, "../..");
const example = path.join(projectRoot, "examples/meridian-water");
const AS_OF = ["--as-of", "2026-11-30"];

const repos: string[] = [];
function repo(files: Record<string, string>): string {
  const dir = makeRepo(files);
  repos.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of repos.splice(0)) removeRepo(dir);
});

const notice = (spelling: string, canonical: string) =>
  `warning: ${spelling} is deprecated and will be removed in pmo 0.3; use ${canonical}\n`;

describe("old spellings", () => {
  it("schema -o and --out still write the folder, each with a deprecation notice on stderr", async () => {
    const dir = repo({});
    for (const spelling of ["-o", "--out"]) {
      const result = await runCli(["schema", spelling, `by${spelling}`], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(notice(spelling, "--out-dir"));
      expect(existsSync(path.join(dir, `by${spelling}`, "project.schema.json"))).toBe(true);
    }
    const current = await runCli(["schema", "--out-dir", "current"], { cwd: dir });
    expect(current.stderr).toBe("");
    expect(readFileSync(path.join(dir, "current/project.schema.json"), "utf8")).toBe(
      readFileSync(path.join(dir, "by-o/project.schema.json"), "utf8"),
    );
  });

  it("export --out is --output; report -o is --out-dir", async () => {
    const dir = repo({});
    const exported = await runCli(
      ["-C", example, "export", "json", "--kind", "projects", "--out", path.join(dir, "old.json")],
      { cwd: dir },
    );
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe(`${notice("--out", "--output")}wrote old.json\n`);
    const current = await runCli(
      ["-C", example, "export", "json", "--kind", "projects", "--output", path.join(dir, "new.json")],
      { cwd: dir },
    );
    expect(current.stderr).toBe("wrote new.json\n");
    expect(readFileSync(path.join(dir, "old.json"), "utf8")).toBe(readFileSync(path.join(dir, "new.json"), "utf8"));

    // The spelling is what is tested: a one-document repository reports in a fraction of the example's time.
    const small = repo({ "engagement.yaml": ENGAGEMENT });
    const report = await runCli(["report", small, ...AS_OF, "--no-history", "--single", "-o", path.join(dir, "site")], {
      cwd: dir,
    });
    expect(report.code).toBe(0);
    expect(report.stderr).toBe(notice("-o", "--out-dir"));
    expect(existsSync(path.join(dir, "site/report.html"))).toBe(true);
  });

  it("import -o and -f are --out-dir and --force, even though --out-dir is required", async () => {
    const dir = repo({
      "engagement.yaml": ENGAGEMENT,
      "risks.csv": "id,title,probability,impact,status\nRSK-001,Supplier fails,3,4,open\n",
    });
    const first = await runCli(["import", "csv", "risks.csv", "--kind", "risk", "-o", "raid", ...AS_OF], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(notice("-o", "--out-dir"));
    const again = await runCli(["import", "csv", "risks.csv", "--kind", "risk", "--out-dir", "raid", "-f", ...AS_OF], {
      cwd: dir,
    });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(notice("-f", "--force"));
    expect(readFileSync(path.join(dir, "raid/RSK-001.yaml"), "utf8")).toMatch(/title: Supplier fails/);
    const missing = await runCli(["import", "csv", "risks.csv", "--kind", "risk"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--out-dir <dir>' not specified/);
  });

  it("the old spellings are not in --help", async () => {
    const help = (await runCli(["import", "csv", "--help"], { cwd: projectRoot })).stdout;
    expect(help).toMatch(/--out-dir <dir>/);
    expect(help).toMatch(/^ {2}--force /m);
    expect(help).not.toMatch(/-o,|--out |-f,/);
  });
});

describe("md and markdown", () => {
  it("are one format in every command that writes Markdown", async () => {
    const md = await runCli(["rules", "--format", "md"], { cwd: projectRoot });
    const markdown = await runCli(["rules", "--format", "markdown"], { cwd: projectRoot });
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(markdown.stdout);
    for (const args of [["check"], ["rank", "PF-ASSET"], ["schedule"]]) {
      const short = await runCli(["-C", example, ...args, ...AS_OF, "--format", "md"], { cwd: projectRoot });
      const long = await runCli(["-C", example, ...args, ...AS_OF, "--format", "markdown"], { cwd: projectRoot });
      expect(short.stdout, args.join(" ")).toBe(long.stdout);
      expect(short.stdout.length).toBeGreaterThan(0);
    }
    const report = await runCli(
      ["report", example, ...AS_OF, "--no-history", "--single", "--format", "markdown", "--out-dir", repo({})],
      { cwd: projectRoot },
    );
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/open .*report\.md\n$/);
  });

  it("help shows markdown, and a wrong value lists the choices as help shows them", async () => {
    expect((await runCli(["report", "--help"], { cwd: projectRoot })).stdout).toMatch(/choices: "html", "markdown"/);
    const wrong = await runCli(["report", "--format", "mdown"], { cwd: projectRoot });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Allowed choices are html, markdown, pdf\./);
  });
});

describe("paths relative to -C", () => {
  it("--config is read relative to -C, like the folder", async () => {
    const result = await runCli(["-C", example, "validate", "--config", "pmo.config.yaml", ...AS_OF], {
      cwd: projectRoot,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("a --config found only relative to the current folder is still read, with a deprecation notice", async () => {
    const result = await runCli(["-C", "..", "validate", "meridian-water", "--config", "pmo.config.yaml", ...AS_OF], {
      cwd: example,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "warning: --config pmo.config.yaml was read relative to the current folder; it is now taken relative to -C .., like every other path, and from pmo 0.3 only there: pass --config meridian-water/pmo.config.yaml\n",
    );
  });

  it("a --config that exists nowhere is a usage error", async () => {
    const result = await runCli(["-C", example, "validate", "--config", "nope.yaml", ...AS_OF], { cwd: projectRoot });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot read config file .*nope\.yaml: ENOENT/);
  });

  it("--output and --format name=file write into -C", async () => {
    const dir = repo({ "pmo/engagement.yaml": ENGAGEMENT });
    const result = await runCli(
      ["-C", "pmo", "check", ...AS_OF, "--format", "json=findings.json", "--format", "md", "--output", "findings.md"],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "pmo/findings.json"), "utf8"))).toBeTruthy();
    expect(readFileSync(path.join(dir, "pmo/findings.md"), "utf8")).toMatch(/pmo check/i);
    expect(existsSync(path.join(dir, "findings.md"))).toBe(false);
  });
});

describe("pmo import and the config", () => {
  it("does not check against documents the config's ignore list leaves out", async () => {
    const archived =
      "apiVersion: pmo/v1\nkind: Risk\nid: RSK-001\ntitle: An old risk\nprobability: 2\nimpact: 2\nstatus: closed\n";
    const files = {
      "engagement.yaml": ENGAGEMENT,
      "archive/old.yaml": archived,
      "risks.csv": "id,title,probability,impact,status\nRSK-001,Supplier fails,3,4,open\n",
    };
    const ignored = repo({ ...files, "pmo.config.yaml": "ignore:\n  - archive/\n" });
    const result = await runCli(
      ["import", "csv", "risks.csv", "--kind", "risk", "--out-dir", "raid", "--dry-run", ...AS_OF],
      { cwd: ignored },
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/would import 1 of 1 rows/);
    expect(result.code).toBe(0);

    // The same repository without the ignore list: the archived risk is read, and the id is taken.
    const read = repo({ ...files, "pmo.config.yaml": "ignore: []\n" });
    const clash = await runCli(
      ["import", "csv", "risks.csv", "--kind", "risk", "--out-dir", "raid", "--dry-run", ...AS_OF],
      { cwd: read },
    );
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/row 2 \(line 2, key "RSK-001"\): .*RSK-001/);

    // --config names another config, read relative to where pmo runs (or -C).
    const named = await runCli(
      [
        "import",
        "csv",
        "risks.csv",
        "--kind",
        "risk",
        "--out-dir",
        "raid",
        "--dry-run",
        "--config",
        "other.yaml",
        ...AS_OF,
      ],
      { cwd: repo({ ...files, "pmo.config.yaml": "ignore: []\n", "other.yaml": "ignore: [archive/]\n" }) },
    );
    expect(named.code).toBe(0);
  });
});

class Screen extends Writable {
  text = "";
  constructor(
    readonly isTTY: boolean,
    readonly columns?: number,
  ) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

async function helpOn(stdout: Screen, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const host: Host = {
    stdout,
    stderr: new Screen(false),
    env: { NO_COLOR: "1", ...env },
    cwd: projectRoot,
    now: () => new Date(Date.UTC(2026, 10, 30, 12)),
  };
  expect(await main(["report", "--help"], host)).toBe(0);
  return stdout.text;
}

/** The longest line of help that is not an example (examples are commands to copy, kept whole). */
const widest = (help: string) =>
  Math.max(
    ...help
      .split("\n")
      .filter((l) => !l.startsWith("  $"))
      .map((l) => l.length),
  );

describe("help follows the terminal's width", () => {
  it("wraps to the terminal's columns, to 80 when output is not a terminal, and to COLUMNS when set", async () => {
    const wide = await helpOn(new Screen(true, 140));
    const pipe = await helpOn(new Screen(false, 140));
    const narrow = await helpOn(new Screen(true, 60));
    const asked = await helpOn(new Screen(false), { COLUMNS: "100" });
    expect(widest(pipe)).toBeLessThanOrEqual(80);
    expect(widest(wide)).toBeGreaterThan(100);
    expect(widest(wide)).toBeLessThanOrEqual(140);
    expect(widest(narrow)).toBeLessThanOrEqual(60);
    expect(widest(asked)).toBeGreaterThan(80);
    expect(widest(asked)).toBeLessThanOrEqual(100);
    // The same words, only the line breaks differ.
    const words = (s: string) => s.split(/\s+/).join(" ");
    expect(words(wide)).toBe(words(pipe));
  });

  it("re-flows paragraphs but keeps examples, headings and blank lines as written", () => {
    const text = "\nOne two three\nfour five six.\n\nExamples:\n  $ pmo report --out-dir a-very-long-folder-name\n";
    expect(reflowProse(text, 14, (p, w) => p.replace(new RegExp(`(.{1,${w}})( |$)`, "g"), "$1\n").trimEnd())).toBe(
      "\nOne two three\nfour five six.\n\nExamples:\n  $ pmo report --out-dir a-very-long-folder-name\n",
    );
    expect(reflowProse("a b\nc d", 80, (p) => p)).toBe("a b c d");
  });

  it("takes COLUMNS first, then a terminal's width, else 80, and never less than 40", () => {
    expect(terminalWidth({ isTTY: true, columns: 120 }, {})).toBe(120);
    expect(terminalWidth({ isTTY: false, columns: 120 }, {})).toBe(80);
    expect(terminalWidth(undefined, {})).toBe(80);
    expect(terminalWidth({ isTTY: true, columns: 120 }, { COLUMNS: "90" })).toBe(90);
    expect(terminalWidth({ isTTY: true, columns: 120 }, { COLUMNS: "wide" })).toBe(120);
    expect(terminalWidth({ isTTY: true, columns: 12 }, {})).toBe(40);
  });
});
