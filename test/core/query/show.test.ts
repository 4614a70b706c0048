import { describe, expect, it } from "vitest";
import { buildModel, documentsThatValidate } from "../../../src/core/domain/index.js";
import { documentsOf } from "../../../src/core/load/index.js";
import { buildRelations, buildShowView, type QueryContext } from "../../../src/core/query/index.js";
import { validateWorkspace } from "../../../src/core/validate/index.js";
import type { Diagnostic } from "../../../src/model/diagnostic.js";
import { AS_OF, BASE_FILES } from "../../helpers/rule-tester.js";

/** A query context as pmo show builds it: relations over every document, the model over those that validate. */
function context(files: Record<string, string>): QueryContext {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const documents = Object.entries({ ...BASE_FILES, ...files }).flatMap(([file, text]) =>
    documentsOf(file, text, diagnostics, sources),
  );
  const problems = validateWorkspace({ root: "/", documents, sources, diagnostics }, { asOf: AS_OF });
  const model = buildModel(documentsThatValidate(documents, problems), { values: {} }, AS_OF);
  return { relations: buildRelations(documents), asOf: AS_OF, model };
}

const fact = (ctx: QueryContext, id: string, label: string) =>
  buildShowView(id, ctx).facts.find((f) => f.label === label);

describe("pmo show reads its judgements from the domain model", () => {
  const issue = (id: string, extra = "") =>
    `apiVersion: pmo/v1\nkind: Issue\nid: ${id}\ntitle: Late kit\nportfolio: PF-A\npriority: high\nstatus: open\nowner: ann\nraised: 2026-11-01\ndue: 2026-11-20\n${extra}`;
  const ctx = context({
    "p1.yaml":
      "apiVersion: pmo/v1\nkind: Project\nid: P1\nname: One\nportfolio: PF-A\nstage: delivery\nbudget: { baseline: 100, forecast: 120 }\n",
    "p2.yaml":
      "apiVersion: pmo/v1\nkind: Project\nid: P2\nname: Two\nportfolio: PF-A\nstage: delivery\nbudget: { approved: 200, forecast: 150 }\n",
    "i1.yaml": issue("ISS-1"),
    "i2.yaml": issue("ISS-2", "colour: blue\n"),
    "d1.yaml":
      "apiVersion: pmo/v1\nkind: Decision\nid: DEC-1\ntitle: Go\nportfolio: PF-A\nstatus: approved\ndate: 2026-11-02\ndecidedBy: ann\nforum: steerco\n",
  });

  it("cost variance: the domain's, against the approved budget, else the baseline", () => {
    expect(fact(ctx, "P1", "Budget")).toEqual({
      label: "Budget",
      text: "baseline EUR 100, forecast EUR 120 (forecast +20% against baseline)",
      tone: "red",
    });
    expect(fact(ctx, "P2", "Budget")).toEqual({
      label: "Budget",
      text: "approved EUR 200, forecast EUR 150 (forecast -25% against approved)",
    });
  });

  it("an open issue past its due date is overdue by whole days; one that fails its schema is shown, not judged", () => {
    expect(fact(ctx, "ISS-1", "Due")).toEqual({ label: "Due", text: "2026-11-20 (overdue by 10 days)", tone: "red" });
    expect(ctx.model.catalog.byId.has("ISS-2")).toBe(false);
    expect(fact(ctx, "ISS-2", "Due")).toEqual({ label: "Due", text: "2026-11-20" });
  });

  it("a decision's forum is named from the engagement's forums", () => {
    expect(fact(ctx, "DEC-1", "Forum")).toEqual({ label: "Forum", text: "steerco (Steering committee)" });
  });
});
