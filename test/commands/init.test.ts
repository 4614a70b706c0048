import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main, version, type Host } from "../../src/cli/index.js";
import { getSchema } from "../../src/core/validate/index.js";
import { runCli } from "../helpers/cli.js";
import { makeRepo, removeRepo } from "../helpers/repo.js";

const repos: string[] = [];
afterEach(() => repos.splice(0).forEach(removeRepo));

function emptyFolder(): string {
  const dir = makeRepo({});
  repos.push(dir);
  return dir;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

const FLAGS = [
  "--yes",
  "--client",
  "Acme: Water",
  "--type",
  "strategic",
  "--type",
  "tactical",
  "--phase",
  "design",
  "--cadence",
  "fortnightly",
  "--currency",
  "gbp",
  "--provider",
  "Keystone PMO Partners",
  "--as-of",
  "2026-11-30",
];

describe("pmo init", () => {
  it("writes the scaffold (golden), with the schemas as pmo schema prints them", async () => {
    const root = emptyFolder();
    const result = await runCli(["init", "acme-water", ...FLAGS], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const dir = path.join(root, "acme-water");
    const files = listFiles(dir);
    const schemaFiles = files.filter((f) => f.startsWith("schemas/"));
    for (const file of schemaFiles)
      expect(JSON.parse(readFileSync(path.join(dir, file), "utf8"))).toEqual(getSchema(path.basename(file)));
    expect(schemaFiles).toContain("schemas/project.schema.json");
    const snapshot = [
      result.stdout,
      ...files
        .filter((f) => !f.startsWith("schemas/"))
        .map((f) => `=== ${f}\n${readFileSync(path.join(dir, f), "utf8")}`),
    ].join("\n");
    await expect(snapshot).toMatchFileSnapshot("init/scaffold.golden.txt");
  });

  it("writes configuration files that parse: the CI pipelines, editor settings", async () => {
    const root = emptyFolder();
    await runCli(["init", ...FLAGS], { cwd: root });
    const workflow = parse(readFileSync(path.join(root, ".github/workflows/pmo.yml"), "utf8")) as {
      jobs: { check: { steps: { run?: string }[] } };
    };
    const runs = workflow.jobs.check.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.some((r) => r.startsWith("npx pmo check") && r.includes("sarif=pmo.sarif"))).toBe(true);
    expect(runs.some((r) => r.startsWith("npx pmo report"))).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, not a template literal
    expect(runs.some((r) => r.startsWith("npx pmo diff") && r.includes("origin/${BASE_REF}"))).toBe(true);
    expect(runs[0]).toBe("npm ci");
    expect(Object.keys(parse(readFileSync(path.join(root, ".gitlab-ci.yml"), "utf8")) as object)).toEqual([
      "workflow",
      "variables",
      "default",
      "pmo-check",
      "pmo-report",
      "pmo-diff",
    ]);
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      private: boolean;
      devDependencies: Record<string, string>;
    };
    expect(manifest.private).toBe(true);
    expect(manifest.devDependencies).toEqual({ "@pmo-as-code/pmo": version() });
    const settings = JSON.parse(readFileSync(path.join(root, ".vscode/settings.json"), "utf8")) as {
      "yaml.schemas": Record<string, string[]>;
    };
    for (const schema of Object.keys(settings["yaml.schemas"])) expect(existsSync(path.join(root, schema))).toBe(true);
  });

  it("runs the pmo check, fmt and report commands of its CI pipelines as written", async () => {
    const root = emptyFolder();
    await runCli(["init", ...FLAGS], { cwd: root });
    const workflow = parse(readFileSync(path.join(root, ".github/workflows/pmo.yml"), "utf8")) as {
      jobs: { check: { steps: { run?: string }[] } };
    };
    const gitlab = parse(readFileSync(path.join(root, ".gitlab-ci.yml"), "utf8")) as Record<
      string,
      { script?: string[] }
    >;
    const lines = [
      ...workflow.jobs.check.steps.flatMap((s) => (s.run ? [s.run] : [])),
      ...Object.values(gitlab).flatMap((job) => job.script ?? []),
    ];
    const runnable = lines.filter((l) => /^npx pmo (check|fmt|report)\b/.test(l));
    expect(runnable.length).toBeGreaterThanOrEqual(4);
    for (const line of runnable) {
      const args = line
        .replace(/\s*(\|\||>|\|).*$/, "")
        .split(/\s+/)
        .slice(2);
      const asOf = args[0] === "fmt" ? [] : ["--as-of", "2026-11-30"];
      const result = await runCli([...args, ...asOf], { cwd: root });
      expect(result.code, `${line}\n${result.stderr}`).toBe(0);
    }
  });

  it.each(["strategic", "tactical", "operational", "project", "strategic,tactical,operational,project"])(
    "the scaffold of a %s PMO passes pmo check and is in canonical form",
    async (type) => {
      const root = emptyFolder();
      expect((await runCli(["init", "--yes", "--type", type, "--as-of", "2026-11-30"], { cwd: root })).code).toBe(0);
      const check = await runCli(["check", "--as-of", "2026-11-30", "--fail-severity", "info"], { cwd: root });
      // The GitLab pipeline (.gitlab-ci.yml) is a dot-file, another tool's settings: not read, not counted.
      expect(check.stdout).toBe("✔ no problems in 6 documents\n");
      expect(check.code).toBe(0);
      expect((await runCli(["fmt", "--check"], { cwd: root })).code).toBe(0);
      expect(readFileSync(path.join(root, "pmo.config.yaml"), "utf8")).toContain(
        `extends: [recommended, ${type.split(",").join(", ")}]`,
      );
    },
  );

  it("never overwrites: lists the files that exist, writes nothing, exits 2; --force overwrites", async () => {
    const root = emptyFolder();
    writeFileSync(path.join(root, "README.md"), "mine\n");
    writeFileSync(path.join(root, ".editorconfig"), "mine\n");
    const result = await runCli(["init", "--yes"], { cwd: root });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: 2 files pmo init would write already exist; nothing was written (use --force to overwrite):\n  README.md\n  .editorconfig\n",
    });
    expect(listFiles(root)).toEqual([".editorconfig", "README.md"]);
    expect((await runCli(["init", "--yes", "--force"], { cwd: root })).code).toBe(0);
    expect(readFileSync(path.join(root, "README.md"), "utf8")).not.toBe("mine\n");
  });

  it("refuses a folder that already holds an engagement", async () => {
    const root = emptyFolder();
    writeFileSync(path.join(root, "eng.yaml"), "apiVersion: pmo/v1\nkind: Engagement\nid: ENG\n");
    expect(await runCli(["init", "--yes"], { cwd: root })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: . already holds an engagement (eng.yaml); nothing was written (use --force to add the scaffold anyway)\n",
    });
  });

  it.each([
    [
      ["--type", "strategc"],
      'error: unknown PMO type "strategc": expected strategic, tactical, operational, project (several separated by commas)\n',
    ],
    [["--phase", "build"], 'error: unknown phase "build": expected preparation, design, deployment, monitoring\n'],
    [
      ["--cadence", "daily"],
      'error: unknown reporting cadence "daily": expected weekly, fortnightly, monthly, quarterly\n',
    ],
    [
      ["--currency", "pounds"],
      'error: "pounds" is not a currency code: expected three letters (ISO 4217), e.g. EUR, GBP, USD\n',
    ],
  ])("rejects %j with exit 2 and writes nothing", async (flags, stderr) => {
    const root = emptyFolder();
    expect(await runCli(["init", "--yes", ...flags], { cwd: root })).toEqual({ code: 2, stdout: "", stderr });
    expect(listFiles(root)).toEqual([]);
  });

  it("takes the defaults without asking when input is not a terminal", async () => {
    const root = emptyFolder();
    const stdin = Object.assign(new PassThrough(), { isTTY: false });
    const { code, stderr } = await runWithStdin(
      ["init", "north-water", "--as-of", "2026-11-30"],
      root,
      stdin,
      () => undefined,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const engagement = parse(readFileSync(path.join(root, "north-water/engagement.yaml"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(engagement).toMatchObject({
      id: "ENG-NORTH-WATER",
      client: { name: "North Water" },
      pmoType: ["tactical"],
      phase: { current: "preparation", since: "2026-11-30" },
      reporting: { cadence: "monthly" },
      currency: "EUR",
      provider: { name: "PMO provider" },
    });
  });

  it("asks in a terminal for what the flags do not give, and asks again after a bad answer", async () => {
    const root = emptyFolder();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const answers = ["Acme Water Ltd", "strategic, tacticle", "strategic, tactical", "", "weekly", "gbp"];
    const { code, stderr } = await runWithStdin(
      ["init", "acme-water", "--currency", "USD", "--provider", "Keystone", "--as-of", "2026-11-30"],
      root,
      stdin,
      () => answers.shift(),
    );
    expect(code).toBe(0);
    expect(stderr).toBe(
      "Client [Acme Water]: PMO type (strategic, tactical, operational, project; several with commas) [tactical]: " +
        '  unknown PMO type "tacticle": expected strategic, tactical, operational, project (several separated by commas)\n' +
        "PMO type (strategic, tactical, operational, project; several with commas) [tactical]: Phase (preparation, design, deployment, monitoring) [preparation]: Reporting cadence (weekly, fortnightly, monthly, quarterly) [monthly]: ",
    );
    const engagement = parse(readFileSync(path.join(root, "acme-water/engagement.yaml"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(engagement).toMatchObject({
      client: { name: "Acme Water Ltd" },
      pmoType: ["strategic", "tactical"],
      phase: { current: "preparation" },
      reporting: { cadence: "weekly" },
      currency: "USD",
      provider: { name: "Keystone" },
    });
    expect(answers).toEqual(["gbp"]);
  });
});

/** Runs the CLI with a given stdin; `next` gives the answer to type after each prompt. */
async function runWithStdin(
  args: string[],
  cwd: string,
  stdin: PassThrough & { isTTY: boolean },
  next: () => string | undefined,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const collector = (onText: (s: string) => void) =>
    Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          onText(chunk.toString());
          callback();
        },
      }),
      { isTTY: false },
    );
  const host: Host = {
    stdout: collector((s) => (stdout += s)),
    stderr: collector((s) => {
      stderr += s;
      if (s.endsWith(": ")) {
        const answer = next();
        if (answer !== undefined) setImmediate(() => stdin.write(`${answer}\n`));
      }
    }),
    stdin,
    env: { NO_COLOR: "1" },
    cwd,
    now: () => new Date(Date.UTC(2026, 10, 30, 12)),
  };
  const code = await main(args, host);
  stdin.end();
  return { code, stdout, stderr };
}
