import type { PmoDocument } from "../../../model/document.js";
import {
  dependsOnRef,
  everyAt,
  isString,
  label,
  list,
  milestoneIds,
  obj,
  resolveMilestone,
  select,
  str,
  valueAt,
} from "./raw.js";
import { defineValidationRule, type ValidationContext } from "./rule.js";

/** Where a reference may point, by the kinds of document it may name. */
export interface RefSpec {
  kinds: readonly string[];
  path: readonly string[];
  targets: readonly string[];
}

/** References that must resolve in every repository. */
export const WHOLE_REPO_REFS: readonly RefSpec[] = [
  { kinds: ["Portfolio"], path: ["parent"], targets: ["Portfolio"] },
  { kinds: ["Project"], path: ["portfolio"], targets: ["Portfolio"] },
  { kinds: ["Project"], path: ["dependencies", "*", "project"], targets: ["Project"] },
  { kinds: ["Project"], path: ["gates", "*", "decision"], targets: ["Decision"] },
  { kinds: ["Risk", "Issue", "Decision"], path: ["project"], targets: ["Project"] },
  { kinds: ["Risk", "Issue", "Decision"], path: ["portfolio"], targets: ["Portfolio"] },
  { kinds: ["Issue"], path: ["risk"], targets: ["Risk"] },
  { kinds: ["Decision"], path: ["supersedes"], targets: ["Decision"] },
];

/** References to people, checked only when the repository keeps a roster (any Person document). */
export const PERSON_REFS: readonly RefSpec[] = [
  { kinds: ["Portfolio"], path: ["owner"], targets: ["Person"] },
  { kinds: ["Project"], path: ["sponsor"], targets: ["Person"] },
  { kinds: ["Project"], path: ["manager"], targets: ["Person"] },
  { kinds: ["Project"], path: ["benefits", "*", "owner"], targets: ["Person"] },
  { kinds: ["Risk", "Issue"], path: ["owner"], targets: ["Person"] },
  { kinds: ["Risk"], path: ["mitigations", "*", "owner"], targets: ["Person"] },
  { kinds: ["Decision"], path: ["decidedBy"], targets: ["Person"] },
  { kinds: ["Decision"], path: ["recommendation", "by"], targets: ["Person"] },
  { kinds: ["Portfolio", "Engagement"], path: ["message", "author"], targets: ["Person"] },
  { kinds: ["Engagement"], path: ["contacts", "*", "person"], targets: ["Person"] },
  { kinds: ["Engagement"], path: ["governance", "forums", "*", "chair"], targets: ["Person"] },
  { kinds: ["Engagement"], path: ["governance", "forums", "*", "members", "*"], targets: ["Person"] },
];

const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/**
 * A reference that resolves to nothing (or to the wrong kind of document) silently drops the
 * link: a project outside every portfolio total, an issue that no longer shows its risk.
 */
export const rule = defineValidationRule({
  meta: {
    id: "unresolved-reference",
    description: "References resolve to an existing document of the right kind",
    layer: "integrity",
    finds:
      "a reference to an id that does not exist or is of the wrong kind: portfolio, parent, project, dependency, decision, risk, forum, objective, prioritisation criterion, milestone, recommended option, and people when a roster exists",
    fix: "correct the id or add the document",
    messages: {
      missing: '{{field}} refers to "{{value}}", but no {{targets}} has that id{{suggestion}}',
      missingPerson: '{{field}} refers to "{{value}}", but no {{targets}} has that id{{suggestion}}',
      wrongKind: '{{field}} refers to "{{value}}", which is a {{kind}} ({{file}}), not a {{targets}}',
      unknownForum: 'forum "{{forum}}" is not one of the engagement\'s governance forums{{known}}',
      bothOwners: "{{kind}} names both a project and a portfolio",
      unknownObjective: 'objective "{{objective}}" is not an objective of portfolio "{{portfolio}}"{{known}}',
      unknownCriterion: 'score "{{criterion}}" is not a prioritisation criterion of portfolio "{{portfolio}}"{{known}}',
      contributionsWithoutPortfolio: "contributions name objectives, but the project has no portfolio",
      missingDependencyProject: 'milestone dependency "{{ref}}" names project "{{project}}", which does not exist',
      missingDependencyMilestone:
        'milestone dependency "{{ref}}" names milestone "{{milestone}}", which project {{project}} does not have',
      unknownRebaselineMilestone: 'milestone "{{ref}}" is not a milestone of project {{project}}{{known}}',
      unknownRebaselineKey: 're-baselined milestone "{{key}}" is not a milestone of project {{project}}{{known}}',
      unknownOption: 'recommended option "{{option}}" is not one of the decision\'s options{{known}}',
    },
    hints: {
      missing: "check the id, or add the {{targets}}",
      missingPerson: "add the person to the roster, or correct the id",
      wrongKind: "use the id of a {{targets}}",
      unknownForum: "use the id of a forum listed under governance.forums in the engagement",
      bothOwners: "keep one: the project it belongs to, or the portfolio",
      unknownObjective: "use the id of one of the portfolio's objectives",
      unknownCriterion: "score the portfolio's criteria by their ids",
      contributionsWithoutPortfolio: "set the project's portfolio",
      missingDependencyProject: "write M2 for a milestone of this project, or PRJ-002/M3 for one of another project",
      missingDependencyMilestone: "write M2 for a milestone of this project, or PRJ-002/M3 for one of another project",
      unknownRebaselineMilestone: "use the id of one of the project's milestones",
      unknownRebaselineKey: "key the new dates by the project's milestone ids, or finish for the project's finish",
      unknownOption: "use the id of one of the decision's options, or add the option",
    },
  },
  check(ctx) {
    const { documents, engagement } = ctx;
    const forumIds = list(obj(obj(engagement?.value)?.["governance"])?.["forums"])
      .map((f) => str(obj(f)?.["id"]))
      .filter(isString);
    const forums = new Set(forumIds);
    const specs = specsByKind(
      documents.some((d) => d.kind === "Person") ? [...WHOLE_REPO_REFS, ...PERSON_REFS] : WHOLE_REPO_REFS,
    );
    const scopes = new Map<string | undefined, PortfolioScope>();
    for (const doc of documents) {
      checkSpecs(doc, specs.get(doc.kind) ?? [], ctx);
      if (doc.kind === "Decision") {
        const forum = doc.value["forum"];
        if (typeof forum === "string" && !forums.has(forum)) {
          ctx.report({
            doc,
            path: ["forum"],
            messageId: "unknownForum",
            data: { forum, known: forums.size ? ` (${[...forums].sort().join(", ")})` : "" },
            refs: [forum],
          });
        }
      }
      if (doc.kind === "Project") checkProjectLocalRefs(doc, ctx, scopes);
      if (doc.kind === "Decision") checkDecisionMilestones(doc, ctx);
      if (doc.kind === "Decision") checkRecommendedOption(doc, ctx);
      if (doc.kind === "Risk" || doc.kind === "Issue" || doc.kind === "Decision") {
        if (doc.value["project"] !== undefined && doc.value["portfolio"] !== undefined) {
          ctx.report({ doc, path: ["portfolio"], messageId: "bothOwners", data: { kind: doc.kind.toLowerCase() } });
        }
      }
    }
  },
});

/** A reference spec with the words its messages use, computed once. */
interface KindSpec {
  path: readonly string[];
  targets: readonly string[];
  /** "Portfolio or Project" */
  named: string;
  /** The path has a `*` (any list item). */
  wildcard: boolean;
}

/** The specs that apply to each kind, in their order. */
function specsByKind(specs: readonly RefSpec[]): Map<string, KindSpec[]> {
  const byKind = new Map<string, KindSpec[]>();
  for (const spec of specs)
    for (const kind of spec.kinds) {
      const list = byKind.get(kind) ?? [];
      list.push({
        path: spec.path,
        targets: spec.targets,
        named: spec.targets.join(" or "),
        wildcard: spec.path.includes("*"),
      });
      byKind.set(kind, list);
    }
  return byKind;
}

function checkSpecs(doc: PmoDocument, specs: readonly KindSpec[], { byId, report }: ValidationContext): void {
  const resolves = (targets: readonly string[], value: unknown): boolean => {
    if (typeof value !== "string") return true;
    const target = byId.get(value);
    return target !== undefined && targets.includes(target.kind);
  };
  for (const spec of specs) {
    // Paths are built only for a finding: a plain field's is the pattern, a list's come from select.
    if (!spec.wildcard) {
      if (resolves(spec.targets, valueAt(doc.value, spec.path))) continue;
    } else if (everyAt(doc.value, spec.path, (value) => resolves(spec.targets, value))) continue;
    for (const [path, value] of select(doc.value, spec.path)) {
      if (typeof value !== "string") continue;
      const target = byId.get(value);
      const targets = spec.named;
      if (!target) {
        const messageId = spec.targets[0] === "Person" ? "missingPerson" : "missing";
        report({
          doc,
          path,
          messageId,
          data: { field: label(path), value, targets, suggestion: suggest(value, byId, spec.targets) },
          refs: [value],
        });
      } else if (!spec.targets.includes(target.kind)) {
        report({
          doc,
          path,
          messageId: "wrongKind",
          data: { field: label(path), value, kind: target.kind, file: target.file, targets },
        });
      }
    }
  }
}

/** What a project's portfolio chain defines: the objectives and criteria its fields may name. */
interface PortfolioScope {
  /** The chain has at least one portfolio. */
  found: boolean;
  objectives: Set<string>;
  criteria: Set<string>;
}

/** The scope of a project whose portfolio is `portfolio`: the same for every project of it. */
function portfolioScope(portfolio: string | undefined, byId: ReadonlyMap<string, PmoDocument>): PortfolioScope {
  const portfolios = portfolioChain(portfolio, byId);
  const objectives = new Set<string>();
  const criteria = new Set<string>();
  for (const p of portfolios) {
    for (const o of list(p.value["objectives"])) addString(objectives, obj(o)?.["id"]);
    for (const c of list(obj(p.value["prioritisation"])?.["criteria"])) addString(criteria, obj(c)?.["id"]);
  }
  return { found: portfolios.length > 0, objectives, criteria };
}

/** References that resolve inside a project's portfolio chain or the project itself. */
function checkProjectLocalRefs(
  doc: PmoDocument,
  { byId, report }: ValidationContext,
  scopes: Map<string | undefined, PortfolioScope>,
): void {
  const portfolio = str(doc.value["portfolio"]);
  let scope = scopes.get(portfolio);
  if (scope === undefined) {
    scope = portfolioScope(portfolio, byId);
    scopes.set(portfolio, scope);
  }
  const { objectives, criteria } = scope;
  if (scope.found) {
    list(doc.value["contributions"]).forEach((c, i) => {
      const objective = str(obj(c)?.["objective"]);
      if (objective !== undefined && !objectives.has(objective)) {
        report({
          doc,
          path: ["contributions", i, "objective"],
          messageId: "unknownObjective",
          data: { objective, portfolio: String(portfolio), known: known(objectives) },
        });
      }
    });
    for (const key of Object.keys(obj(doc.value["scores"]) ?? {})) {
      if (key.startsWith("x-") || criteria.has(key)) continue;
      report({
        doc,
        path: ["scores", key],
        key: true,
        messageId: "unknownCriterion",
        data: { criterion: key, portfolio: String(portfolio), known: known(criteria) },
      });
    }
  } else if (portfolio === undefined && list(doc.value["contributions"]).length > 0) {
    report({ doc, path: ["contributions"], messageId: "contributionsWithoutPortfolio" });
  }

  list(doc.value["milestones"]).forEach((m, i) => {
    list(obj(m)?.["dependsOn"]).forEach((entry, j) => {
      const { ref, path } = dependsOnRef(entry, ["milestones", i, "dependsOn", j]);
      if (ref === undefined) return;
      const target = resolveMilestone(doc, ref, byId);
      if (target.ok) return;
      if (target.milestone === undefined)
        report({
          doc,
          path,
          messageId: "missingDependencyProject",
          data: { ref, project: target.project },
          refs: [ref],
        });
      else
        report({
          doc,
          path,
          messageId: "missingDependencyMilestone",
          data: { ref, project: target.project, milestone: target.milestone },
        });
    });
  });
}

/** A rebaseline decision's milestones and re-baselined dates name milestones of its project. */
function checkDecisionMilestones(doc: PmoDocument, { byId, report }: ValidationContext): void {
  const project = str(doc.value["project"]);
  const target = project === undefined ? undefined : byId.get(project);
  if (project === undefined || target?.kind !== "Project") return;
  const approves = obj(doc.value["approves"]);
  // Most decisions re-baseline nothing: the project's milestones are looked at only for those that do.
  if (approves?.["milestones"] === undefined && approves?.["baselines"] === undefined) return;
  const ids = new Set(milestoneIds(target));
  const listed = ids.size ? ` (known: ${[...ids].sort().join(", ")})` : "";
  const name = (ref: string): string => (ref.startsWith(`${project}/`) ? ref.slice(project.length + 1) : ref);
  list(approves?.["milestones"]).forEach((ref, i) => {
    if (typeof ref === "string" && !ids.has(name(ref))) {
      report({
        doc,
        path: ["approves", "milestones", i],
        messageId: "unknownRebaselineMilestone",
        data: { ref, project, known: listed },
      });
    }
  });
  for (const key of Object.keys(obj(approves?.["baselines"]) ?? {})) {
    if (key === "finish" || key.startsWith("x-") || ids.has(name(key))) continue;
    report({
      doc,
      path: ["approves", "baselines", key],
      key: true,
      messageId: "unknownRebaselineKey",
      data: { key, project, known: listed },
    });
  }
}

/** A recommendation names one of the decision's own options. */
function checkRecommendedOption(doc: PmoDocument, { report }: ValidationContext): void {
  const option = str(obj(doc.value["recommendation"])?.["option"]);
  if (option === undefined) return;
  const ids = new Set(
    list(doc.value["options"])
      .map((o) => str(obj(o)?.["id"]))
      .filter(isString),
  );
  if (ids.has(option)) return;
  report({ doc, path: ["recommendation", "option"], messageId: "unknownOption", data: { option, known: known(ids) } });
}

/** A project's portfolio (`portfolio`), its parent and so on up, stopping at a cycle or a missing portfolio. */
function portfolioChain(portfolio: string | undefined, byId: ReadonlyMap<string, PmoDocument>): PmoDocument[] {
  const chain: PmoDocument[] = [];
  let id = portfolio;
  const seen = new Set<string>();
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const p = byId.get(id);
    if (p?.kind !== "Portfolio") break;
    chain.push(p);
    id = str(p.value["parent"]);
  }
  return chain;
}

/** ` (did you mean "PF-TOP"?)` when an id of the right kind differs only in case. */
function suggest(value: string, byId: ReadonlyMap<string, PmoDocument>, targets: readonly string[]): string {
  if (!ID.test(value)) return "";
  const lower = value.toLowerCase();
  for (const [id, doc] of byId) {
    if (targets.includes(doc.kind) && id.toLowerCase() === lower) return ` (did you mean "${id}"?)`;
  }
  return "";
}

function known(set: Set<string>): string {
  return set.size ? ` (known: ${[...set].sort().join(", ")})` : "";
}

function addString(set: Set<string>, value: unknown): void {
  if (typeof value === "string") set.add(value);
}
