import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * The pipelines pmo init writes, run step by step with their real commands against pmo packed
 * as it would be published (npm pack), offline: npm ci installs from the packed tarball and
 * npm's cache (filled by this project's own npm ci), and `npx pmo` runs the installed package.
 * Steps that call other services (actions/*, gh, curl) are checked for their inputs, or run
 * against a stub that records its arguments.
 */

const PROJECT = path.resolve(import.meta.dirname, "../..");
const NPM_ENV = {
  npm_config_offline: "true",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};
// npm ci from the cache plus a few spawned commands: slow on a busy machine, not stuck.
const SLOW = 240_000;

let work: string;
let tarball: string;
let repo: string;
let origin: string;
let stubs: string;

interface Lockfile {
  packages: Record<
    string,
    {
      version?: string;
      license?: string;
      dependencies?: Record<string, string>;
      bin?: unknown;
      engines?: unknown;
      dev?: boolean;
    }
  >;
}

/**
 * What `npm install` writes for a project whose one dev dependency is the packed pmo: pmo's own
 * production dependencies at the versions its lockfile pins (npm install itself needs the
 * registry's metadata, which an offline test does not have; npm ci needs only the tarballs).
 */
function lockfileFor(name: string, spec: string, resolved: string): object {
  const own = JSON.parse(readFileSync(path.join(PROJECT, "package-lock.json"), "utf8")) as Lockfile;
  const root = own.packages[""]!;
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  const packages: Record<string, object> = {
    "": { name, devDependencies: { "@pmo-as-code/pmo": spec } },
    "node_modules/@pmo-as-code/pmo": {
      version: root.version,
      resolved,
      integrity,
      dev: true,
      license: root.license,
      dependencies: root.dependencies,
      bin: root.bin,
      engines: root.engines,
    },
  };
  for (const [key, entry] of Object.entries(own.packages))
    if (key !== "" && entry.dev !== true) packages[key] = { ...entry, dev: true };
  return { name, lockfileVersion: 3, requires: true, packages };
}

function sh(command: string, cwd: string, env: Record<string, string> = {}): { code: number; output: string } {
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", command], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...NPM_ENV, PATH: `${stubs}${path.delimiter}${process.env.PATH ?? ""}`, ...env },
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "pmo-pipelines-"));
  // One tarball per run. dist/ is what npm test has just built; --ignore-scripts skips the
  // prepare script's second build.
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], {
      cwd: PROJECT,
      encoding: "utf8",
      env: { ...process.env, ...NPM_ENV },
    }),
  ) as { filename: string }[];
  tarball = path.join(work, packed[0]!.filename);
  stubs = path.join(work, "stubs");
  mkdirSync(stubs);
  // gh and curl reach GitHub's and GitLab's APIs: record the call instead.
  for (const tool of ["gh", "curl"]) {
    writeFileSync(path.join(stubs, tool), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${path.join(work, `${tool}.calls`)}"\n`);
    chmodSync(path.join(stubs, tool), 0o755);
  }

  // A consultant's machine: pmo installed from the tarball, then `pmo init` from that install.
  const tool = path.join(work, "tool");
  mkdirSync(tool);
  writeFileSync(
    path.join(tool, "package.json"),
    JSON.stringify({ name: "tool", private: true, devDependencies: { "@pmo-as-code/pmo": `file:${tarball}` } }),
  );
  writeFileSync(
    path.join(tool, "package-lock.json"),
    JSON.stringify(lockfileFor("tool", `file:${tarball}`, `file:${path.relative(tool, tarball)}`)),
  );
  const install = sh("npm ci", tool);
  if (install.code !== 0) throw new Error(`npm ci of the packed pmo failed:\n${install.output}`);
  repo = path.join(work, "acme-water");
  const init = sh(`npx pmo init ${JSON.stringify(repo)} --yes --client "Acme Water"`, tool);
  if (init.code !== 0) throw new Error(`pmo init failed:\n${init.output}`);

  // The consultant's `npm install`, commit, and a pull request branch.
  writeFileSync(
    path.join(repo, "package-lock.json"),
    JSON.stringify(lockfileFor("acme-water-pmo", `file:${tarball}`, `file:${path.relative(repo, tarball)}`), null, 2),
  );
  origin = path.join(work, "origin.git");
  git(work, "init", "-q", "--bare", "-b", "main", origin);
  git(repo, "init", "-q", "-b", "main");
  for (const [key, value] of [
    ["user.name", "Test User"],
    ["user.email", "test@example.com"],
    ["commit.gpgsign", "false"],
  ])
    git(repo, "config", key!, value!);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "Engagement repository from pmo init");
  git(repo, "remote", "add", "origin", origin);
  git(repo, "push", "-q", "origin", "main");
  git(repo, "checkout", "-q", "-b", "raise-risk");
  const risk = path.join(repo, "raid/risks/RSK-001.yaml");
  writeFileSync(risk, readFileSync(risk, "utf8").replace(/^(\s*impact:\s*)\d/m, "$15"));
  git(repo, "commit", "-q", "-am", "The risk's impact is now very high");
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, SLOW);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

/** The parts of GitHub's expression language the scaffold uses, for a pull_request event. */
function githubExpression(expression: string, context: Record<string, string>): string {
  const value = context[expression.trim()];
  if (value === undefined) throw new Error(`the test does not know the expression \${{ ${expression} }}`);
  return value;
}

function githubCondition(condition: string | undefined, failed: boolean, cwd: string): boolean {
  if (condition === undefined) return !failed; // success()
  const inner = condition.replace(/^\$\{\{\s*/, "").replace(/\s*\}\}$/, "");
  return inner.split("&&").every((term) => {
    const t = term.trim();
    if (t === "!cancelled()") return true;
    if (t === "github.event_name == 'pull_request'") return true;
    const hash = /^hashFiles\('([^']+)'\) != ''$/.exec(t);
    if (hash) return existsSync(path.join(cwd, hash[1]!));
    throw new Error(`the test does not know the condition ${t}`);
  });
}

describe("the pipelines pmo init writes, run from the packed package", () => {
  it("installs pmo from where the running pmo came from: the packed tarball", () => {
    const manifest = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    expect(manifest.devDependencies).toEqual({ "@pmo-as-code/pmo": `file:${tarball}` });
  });

  it(
    "GitHub Actions: every step runs, and the diff is commented on the pull request even when the check fails",
    () => {
      const workflow = parse(readFileSync(path.join(repo, ".github/workflows/pmo.yml"), "utf8")) as {
        jobs: { check: { steps: Step[] } };
      };
      const context: Record<string, string> = {
        "github.base_ref": "main",
        "github.token": "token",
        "github.event.pull_request.number": "7",
      };
      const runPipeline = (skip: (step: Step) => boolean): { step: string; code: number; output: string }[] => {
        const results: { step: string; code: number; output: string }[] = [];
        let failed = false;
        for (const step of workflow.jobs.check.steps) {
          if (skip(step) || !githubCondition(step.if, failed, repo)) continue;
          const label = step.name ?? step.run ?? step.uses!;
          if (step.uses !== undefined) {
            // Another service's action: what it is given must exist.
            if (step.uses.startsWith("github/codeql-action/upload-sarif"))
              expect(existsSync(path.join(repo, String(step.with?.sarif_file)))).toBe(true);
            if (step.uses.startsWith("actions/upload-artifact"))
              expect(existsSync(path.join(repo, String(step.with?.path)))).toBe(true);
            results.push({ step: label, code: 0, output: "" });
            continue;
          }
          const env = Object.fromEntries(
            Object.entries(step.env ?? {}).map(([k, v]) => [
              k,
              v.replace(/\$\{\{([^}]*)\}\}/g, (_, e: string) => githubExpression(e, context)),
            ]),
          );
          expect(step.run, "expressions go through env, not into the script").not.toMatch(/\$\{\{/);
          const result = sh(step.run!, repo, env);
          results.push({ step: label, ...result });
          if (result.code !== 0) failed = true;
        }
        return results;
      };

      const clean = runPipeline(() => false);
      for (const result of clean) expect(result.code, `${result.step}\n${result.output}`).toBe(0);
      expect(clean.map((r) => r.step)).toEqual([
        "actions/checkout@v4",
        "actions/setup-node@v4",
        "npm ci",
        "Governance check",
        "Files in canonical form",
        "Upload findings to code scanning",
        "Status report",
        "actions/upload-artifact@v4",
        "What this pull request changes",
        "Comment the diff on the pull request",
      ]);
      expect(JSON.parse(readFileSync(path.join(repo, "pmo.sarif"), "utf8"))).toHaveProperty("version", "2.1.0");
      expect(readFileSync(path.join(repo, "pmo-diff.md"), "utf8")).toContain("RSK-001");
      expect(readFileSync(path.join(work, "gh.calls"), "utf8")).toBe(
        "pr comment 7 --body-file pmo-diff.md --edit-last\n",
      );

      // A change that breaks the check: the check step fails, the diff is still commented.
      const project = path.join(repo, "projects/PRJ-001.yaml");
      writeFileSync(project, readFileSync(project, "utf8").replace(/^portfolio: .*$/m, "portfolio: PF-404"));
      git(repo, "commit", "-q", "-am", "Move the project to a portfolio that does not exist");
      rmSync(path.join(repo, "pmo-diff.md"));
      rmSync(path.join(work, "gh.calls"));
      const broken = runPipeline((step) => step.run === "npm ci"); // installed above
      expect(broken.find((r) => r.step === "Governance check")?.code).toBe(1);
      expect(broken.find((r) => r.step === "Governance check")?.output).toContain("PF-404");
      expect(broken.map((r) => r.step)).toContain("Comment the diff on the pull request");
      expect(readFileSync(path.join(work, "gh.calls"), "utf8")).toBe(
        "pr comment 7 --body-file pmo-diff.md --edit-last\n",
      );
      git(repo, "reset", "-q", "--hard", "HEAD~1");
    },
    SLOW,
  );

  it(
    "GitLab CI: one pipeline per push (the merge request's while one is open), and every job's script runs",
    () => {
      const config = parse(readFileSync(path.join(repo, ".gitlab-ci.yml"), "utf8")) as Record<string, unknown> & {
        workflow: { rules: { if: string; when?: string }[] };
        variables: Record<string, string>;
        default: { before_script: string[] };
      };
      // GitLab's rules: the first whose `if` holds decides; none means no pipeline.
      const holds = (expression: string, vars: Record<string, string>): boolean =>
        expression.split("&&").every((term) => {
          const t = term.trim();
          const eq = /^\$(\w+) == "([^"]*)"$/.exec(t);
          if (eq) return vars[eq[1]!] === eq[2];
          const set = /^\$(\w+)$/.exec(t);
          if (set) return (vars[set[1]!] ?? "") !== "";
          throw new Error(`the test does not know the rule ${t}`);
        });
      const decide = (rules: { if: string; when?: string }[], vars: Record<string, string>): boolean => {
        const rule = rules.find((r) => holds(r.if, vars));
        return rule !== undefined && rule.when !== "never";
      };
      const mergeRequest = {
        CI_PIPELINE_SOURCE: "merge_request_event",
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main",
        CI_MERGE_REQUEST_IID: "3",
        CI_PROJECT_ID: "42",
        CI_API_V4_URL: "https://gitlab.invalid/api/v4",
      };
      expect(decide(config.workflow.rules, mergeRequest)).toBe(true);
      expect(
        decide(config.workflow.rules, {
          CI_PIPELINE_SOURCE: "push",
          CI_COMMIT_BRANCH: "raise-risk",
          CI_OPEN_MERGE_REQUESTS: "acme/pmo!3",
        }),
      ).toBe(false);
      expect(decide(config.workflow.rules, { CI_PIPELINE_SOURCE: "push", CI_COMMIT_BRANCH: "main" })).toBe(true);

      const jobs = Object.entries(config).filter(
        ([name]) => !["workflow", "variables", "default", "stages"].includes(name),
      ) as [string, { script: string[]; rules?: { if: string }[] }][];
      expect(jobs.map(([name]) => name)).toEqual(["pmo-check", "pmo-report", "pmo-diff"]);
      const vars = { ...config.variables, ...mergeRequest, PMO_BOT_TOKEN: "token" };
      let installed = false;
      for (const [name, job] of jobs) {
        if (job.rules && !decide(job.rules, vars)) continue;
        // Each job starts on a fresh runner; here the first job's npm ci serves them all.
        const result = sh([...(installed ? [] : config.default.before_script), ...job.script].join("\n"), repo, vars);
        installed = true;
        expect(result.code, `${name}\n${result.output}`).toBe(0);
      }
      expect(existsSync(path.join(repo, "pmo-junit.xml"))).toBe(true);
      expect(readFileSync(path.join(repo, "pmo-diff.md"), "utf8")).toContain("RSK-001");
      expect(readFileSync(path.join(work, "curl.calls"), "utf8")).toContain(
        "https://gitlab.invalid/api/v4/projects/42/merge_requests/3/notes",
      );
    },
    SLOW,
  );
});
