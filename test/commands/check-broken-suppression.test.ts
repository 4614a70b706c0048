import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const repos: string[] = [];
afterEach(() => repos.splice(0).forEach(removeRepo));

/** A delivery project 25% over its approved budget, reported green, with its finding suppressed inline. */
const project = (indent: string) => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
${indent}name: Billing replacement
sponsor: Ann
manager: Bob
stage: delivery
budget: { currency: EUR, approved: 1000000, forecast: 1250000 }
status:
  asOf: 2026-11-27
  overall: green
  budget: green   # pmo-ignore budget-rag-consistent -- change request CR-7 approved
  recoveryPlan: Re-plan
  escalation: { to: Ann }
`;

async function check(indent: string) {
  const dir = makeRepo({ "engagement.yaml": ENGAGEMENT, "projects/prj-1.yaml": project(indent) });
  repos.push(dir);
  const result = await runCli(["check", ".", "--format", "json", "--as-of", "2026-11-30"], { cwd: dir });
  const json = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string }[] };
  return json.diagnostics.filter((d) => d.file === "projects/prj-1.yaml").map((d) => d.ruleId);
}

describe("an inline suppression in a file that does not parse", () => {
  it("is not reported as suppressing nothing: the rules did not judge the file", async () => {
    // Parsed, the suppression is used (its finding is waived), so no unused-suppression either.
    expect(await check("")).not.toContain("unused-suppression");
    // One space of indentation too few: the syntax error, and the note on references, only.
    const broken = await check(" ");
    expect(broken).toContain("yaml-syntax");
    expect(broken).not.toContain("unused-suppression");
  });
});
