import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

const repos: string[] = [];
afterEach(() => repos.splice(0).forEach(removeRepo));

/** A delivery project 25% over its approved budget (tolerance 10%); `overall` as reported. */
const project = (overall: string) => `apiVersion: pmo/v1
kind: Project
id: PRJ-1
name: Billing replacement
sponsor: Ann
manager: Bob
stage: delivery
budget: { currency: EUR, approved: 1000000, forecast: 1250000 }
status: { asOf: 2026-11-27, overall: ${overall}, recoveryPlan: Re-plan, escalation: { to: Ann } }
`;

async function budgetFindings(files: Record<string, string>): Promise<string[]> {
  const dir = makeRepo({ "engagement.yaml": ENGAGEMENT, ...files });
  repos.push(dir);
  const result = await runCli(["check", ".", "--format", "json", "--as-of", "2026-11-30"], { cwd: dir });
  const json = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; entity?: string }[] };
  return json.diagnostics
    .map((d) => d.ruleId)
    .filter((r) => r === "budget-rag-consistent" || r === "cost-variance-beyond-tolerance");
}

describe("one finding for a project reported green over its budget tolerance", () => {
  it("keeps budget-rag-consistent (the status and the numbers), not also cost-variance-beyond-tolerance", async () => {
    expect(await budgetFindings({ "p.yaml": project("green") })).toEqual(["budget-rag-consistent"]);
  });

  it("reports the overrun alone when the status is not green, or when budget-rag-consistent is off", async () => {
    expect(await budgetFindings({ "p.yaml": project("red") })).toEqual(["cost-variance-beyond-tolerance"]);
    expect(
      await budgetFindings({
        "p.yaml": project("green"),
        "pmo.config.yaml": "rules:\n  budget-rag-consistent: off\n",
      }),
    ).toEqual(["cost-variance-beyond-tolerance"]);
  });
});
