import type { Diagnostic } from "../../model/diagnostic.js";
import type { Path, PmoDocument } from "../../model/document.js";

/**
 * Layer 3 of validation: what no single document's schema can tell. Ids are unique across the
 * repository, references resolve to a document of the right kind, dependency graphs have no
 * cycles, dates are in order and actual dates are not in the future of `asOf`, and values
 * follow the engagement's scales. Works on every document, including ones with schema errors,
 * so it reads values defensively and only judges what has the expected type.
 */
export function checkIntegrity(documents: readonly PmoDocument[], asOf: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const index = indexDocuments(documents, out);
  const engagement = checkEngagementCount(documents, out);
  const scale = statusScaleOf(engagement);
  const riskScale = riskScaleOf(engagement);
  const forums = new Set(list(obj(obj(engagement?.value)?.["governance"])?.["forums"]).map((f) => str(obj(f)?.["id"])).filter(isString));
  const hasRoster = documents.some((d) => d.kind === "Person");

  for (const doc of documents) {
    checkReferences(doc, index, hasRoster, forums, out);
    checkDates(doc, asOf, out);
    checkScales(doc, scale, riskScale, out);
  }
  checkCycles(documents, index, out);
  return out;
}

type Index = Map<string, PmoDocument>;

const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function indexDocuments(documents: readonly PmoDocument[], out: Diagnostic[]): Index {
  const byId = new Map<string, PmoDocument[]>();
  for (const doc of documents) {
    if (!doc.id) continue;
    const same = byId.get(doc.id);
    if (same) same.push(doc);
    else byId.set(doc.id, [doc]);
  }
  const index: Index = new Map();
  for (const [id, docs] of byId) {
    index.set(id, docs[0]!);
    if (docs.length < 2) continue;
    for (const doc of docs) {
      const others = docs.filter((d) => d !== doc).map(where).join(", ");
      out.push(diagnostic(doc, ["id"], "duplicate-id", `duplicate id "${id}": also used by ${others}`, "ids must be unique across the repository (all kinds); rename one of them"));
    }
  }
  return index;
}

function where(doc: PmoDocument): string {
  const { line } = doc.locate(["id"]);
  return `${doc.kind} in ${doc.file}:${line}`;
}

function checkEngagementCount(documents: readonly PmoDocument[], out: Diagnostic[]): PmoDocument | undefined {
  const engagements = documents.filter((d) => d.kind === "Engagement");
  if (engagements.length === 0 && documents.length > 0) {
    out.push({
      ruleId: "engagement-count",
      severity: "error",
      message: "no Engagement document found: a pmo repository describes exactly one engagement",
      hint: "add an engagement.yaml (see examples/meridian-water/engagement.yaml)",
      file: documents[0]!.file,
      line: 1,
      column: 1,
      pointer: "",
    });
  }
  if (engagements.length > 1) {
    for (const doc of engagements.slice(1)) {
      out.push(diagnostic(doc, ["kind"], "engagement-count", `more than one Engagement: the first is ${where(engagements[0]!)}`, "a repository describes exactly one engagement; remove this one or move it to its own repository"));
    }
  }
  return engagements[0];
}

/** Where a reference may point, by the kinds of document it may name. */
interface RefSpec {
  kinds: readonly string[];
  path: readonly string[];
  targets: readonly string[];
}

const WHOLE_REPO_REFS: readonly RefSpec[] = [
  { kinds: ["Portfolio"], path: ["parent"], targets: ["Portfolio"] },
  { kinds: ["Project"], path: ["portfolio"], targets: ["Portfolio"] },
  { kinds: ["Project"], path: ["dependencies", "*", "project"], targets: ["Project"] },
  { kinds: ["Project"], path: ["gates", "*", "decision"], targets: ["Decision"] },
  { kinds: ["Risk", "Issue", "Decision"], path: ["project"], targets: ["Project"] },
  { kinds: ["Risk", "Issue", "Decision"], path: ["portfolio"], targets: ["Portfolio"] },
  { kinds: ["Issue"], path: ["risk"], targets: ["Risk"] },
  { kinds: ["Decision"], path: ["supersedes"], targets: ["Decision"] },
];

const PERSON_REFS: readonly RefSpec[] = [
  { kinds: ["Portfolio"], path: ["owner"], targets: ["Person"] },
  { kinds: ["Project"], path: ["sponsor"], targets: ["Person"] },
  { kinds: ["Project"], path: ["manager"], targets: ["Person"] },
  { kinds: ["Project"], path: ["benefits", "*", "owner"], targets: ["Person"] },
  { kinds: ["Risk", "Issue"], path: ["owner"], targets: ["Person"] },
  { kinds: ["Risk"], path: ["mitigations", "*", "owner"], targets: ["Person"] },
  { kinds: ["Decision"], path: ["decidedBy"], targets: ["Person"] },
  { kinds: ["Engagement"], path: ["contacts", "*", "person"], targets: ["Person"] },
  { kinds: ["Engagement"], path: ["governance", "forums", "*", "chair"], targets: ["Person"] },
  { kinds: ["Engagement"], path: ["governance", "forums", "*", "members", "*"], targets: ["Person"] },
];

function checkReferences(doc: PmoDocument, index: Index, hasRoster: boolean, forums: Set<string>, out: Diagnostic[]): void {
  const specs = hasRoster ? [...WHOLE_REPO_REFS, ...PERSON_REFS] : WHOLE_REPO_REFS;
  for (const spec of specs) {
    if (!spec.kinds.includes(doc.kind)) continue;
    for (const [path, value] of select(doc.value, spec.path)) {
      if (typeof value !== "string") continue;
      const target = index.get(value);
      const what = spec.targets.join(" or ");
      if (!target) {
        const hint = spec.targets[0] === "Person" ? "add the person to the roster, or correct the id" : `check the id, or add the ${what}`;
        out.push(diagnostic(doc, path, "unresolved-reference", `${label(path)} refers to "${value}", but no ${what} has that id${suggest(value, index, spec.targets)}`, hint));
      } else if (!spec.targets.includes(target.kind)) {
        out.push(diagnostic(doc, path, "unresolved-reference", `${label(path)} refers to "${value}", which is a ${target.kind} (${target.file}), not a ${what}`, `use the id of a ${what}`));
      }
    }
  }
  if (doc.kind === "Decision") {
    const forum = doc.value["forum"];
    if (typeof forum === "string" && !forums.has(forum)) {
      out.push(diagnostic(doc, ["forum"], "unresolved-reference", `forum "${forum}" is not one of the engagement's governance forums${forums.size ? ` (${[...forums].sort().join(", ")})` : ""}`, "use the id of a forum listed under governance.forums in the engagement"));
    }
  }
  if (doc.kind === "Project") checkProjectLocalRefs(doc, index, out);
  if (doc.kind === "Decision") checkDecisionMilestones(doc, index, out);
  if (doc.kind === "Risk" || doc.kind === "Issue" || doc.kind === "Decision") {
    if (doc.value["project"] !== undefined && doc.value["portfolio"] !== undefined) {
      out.push(diagnostic(doc, ["portfolio"], "unresolved-reference", `${doc.kind.toLowerCase()} names both a project and a portfolio`, "keep one: the project it belongs to, or the portfolio"));
    }
  }
}

/** References that resolve inside a project's portfolio or the project itself. */
function checkProjectLocalRefs(doc: PmoDocument, index: Index, out: Diagnostic[]): void {
  const portfolios = portfolioChain(doc, index);
  const objectives = new Set<string>();
  const criteria = new Set<string>();
  for (const p of portfolios) {
    for (const o of list(p.value["objectives"])) addString(objectives, obj(o)?.["id"]);
    for (const c of list(obj(p.value["prioritisation"])?.["criteria"])) addString(criteria, obj(c)?.["id"]);
  }
  const portfolioId = str(doc.value["portfolio"]);
  if (portfolios.length > 0) {
    list(doc.value["contributions"]).forEach((c, i) => {
      const objective = str(obj(c)?.["objective"]);
      if (objective !== undefined && !objectives.has(objective)) {
        out.push(diagnostic(doc, ["contributions", i, "objective"], "unresolved-reference", `objective "${objective}" is not an objective of portfolio "${portfolioId}"${known(objectives)}`, "use the id of one of the portfolio's objectives"));
      }
    });
    const scores = obj(doc.value["scores"]);
    for (const key of Object.keys(scores ?? {})) {
      if (key.startsWith("x-") || criteria.has(key)) continue;
      out.push(diagnostic(doc, ["scores", key], "unresolved-reference", `score "${key}" is not a prioritisation criterion of portfolio "${portfolioId}"${known(criteria)}`, "score the portfolio's criteria by their ids", { key: true }));
    }
  } else if (portfolioId === undefined && list(doc.value["contributions"]).length > 0) {
    out.push(diagnostic(doc, ["contributions"], "unresolved-reference", "contributions name objectives, but the project has no portfolio", "set the project's portfolio"));
  }

  const milestoneIds = new Set<string>();
  list(doc.value["milestones"]).forEach((m, i) => {
    const id = str(obj(m)?.["id"]);
    if (id === undefined) return;
    if (milestoneIds.has(id)) {
      out.push(diagnostic(doc, ["milestones", i, "id"], "duplicate-id", `duplicate milestone id "${id}" in project ${doc.id ?? ""}`, "milestone ids must be unique within their project"));
    }
    milestoneIds.add(id);
  });
  list(doc.value["milestones"]).forEach((m, i) => {
    list(obj(m)?.["dependsOn"]).forEach((entry, j) => {
      const { ref, path } = dependsOnRef(entry, ["milestones", i, "dependsOn", j]);
      if (ref === undefined) return;
      const target = resolveMilestone(doc, ref, index);
      if (target.ok) return;
      out.push(diagnostic(doc, path, "unresolved-reference", `milestone dependency "${ref}" ${target.why}`, "write M2 for a milestone of this project, or PRJ-002/M3 for one of another project"));
    });
  });
}

/** A rebaseline decision's milestones and re-baselined dates name milestones of its project. */
function checkDecisionMilestones(doc: PmoDocument, index: Index, out: Diagnostic[]): void {
  const projectId = str(doc.value["project"]);
  const project = projectId === undefined ? undefined : index.get(projectId);
  if (project?.kind !== "Project") return;
  const approves = obj(doc.value["approves"]);
  const known = new Set(list(project.value["milestones"]).map((m) => str(obj(m)?.["id"])).filter(isString));
  const name = (ref: string): string => (ref.startsWith(`${projectId}/`) ? ref.slice(projectId!.length + 1) : ref);
  list(approves?.["milestones"]).forEach((ref, i) => {
    if (typeof ref === "string" && !known.has(name(ref))) {
      out.push(diagnostic(doc, ["approves", "milestones", i], "unresolved-reference", `milestone "${ref}" is not a milestone of project ${projectId}${known.size ? ` (known: ${[...known].sort().join(", ")})` : ""}`, "use the id of one of the project's milestones"));
    }
  });
  for (const key of Object.keys(obj(approves?.["baselines"]) ?? {})) {
    if (key === "finish" || key.startsWith("x-") || known.has(name(key))) continue;
    out.push(diagnostic(doc, ["approves", "baselines", key], "unresolved-reference", `re-baselined milestone "${key}" is not a milestone of project ${projectId}${known.size ? ` (known: ${[...known].sort().join(", ")})` : ""}`, "key the new dates by the project's milestone ids, or finish for the project's finish", { key: true }));
  }
}

function resolveMilestone(doc: PmoDocument, ref: string, index: Index): { ok: true; key: string } | { ok: false; why: string } {
  const slash = ref.indexOf("/");
  const projectId = slash >= 0 ? ref.slice(0, slash) : doc.id;
  const milestoneId = slash >= 0 ? ref.slice(slash + 1) : ref;
  const project = projectId === undefined ? undefined : index.get(projectId);
  if (project?.kind !== "Project") return { ok: false, why: `names project "${projectId}", which does not exist` };
  const found = list(project.value["milestones"]).some((m) => obj(m)?.["id"] === milestoneId);
  if (!found) return { ok: false, why: `names milestone "${milestoneId}", which project ${projectId} does not have` };
  return { ok: true, key: `${projectId}/${milestoneId}` };
}

function portfolioChain(doc: PmoDocument, index: Index): PmoDocument[] {
  const chain: PmoDocument[] = [];
  let id = str(doc.value["portfolio"]);
  const seen = new Set<string>();
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const p = index.get(id);
    if (p?.kind !== "Portfolio") break;
    chain.push(p);
    id = str(p.value["parent"]);
  }
  return chain;
}

/** Date fields that must be in order, per kind: [earlier, later]. */
const DATE_ORDER: Record<string, readonly (readonly [readonly string[], readonly string[]])[]> = {
  Project: [
    [["schedule", "baselineStart"], ["schedule", "baselineFinish"]],
    [["schedule", "forecastStart"], ["schedule", "forecastFinish"]],
    [["schedule", "actualStart"], ["schedule", "actualFinish"]],
    [["milestones", "*", "estimate", "optimistic"], ["milestones", "*", "estimate", "mostLikely"]],
    [["milestones", "*", "estimate", "mostLikely"], ["milestones", "*", "estimate", "pessimistic"]],
  ],
  Portfolio: [[["budget", "period", "start"], ["budget", "period", "end"]]],
  Engagement: [[["phase", "plan", "*", "start"], ["phase", "plan", "*", "end"]]],
  Risk: [[["raised"], ["closed"]]],
  Issue: [[["raised"], ["resolved"]]],
};

/** Date fields that record what has happened, so cannot be after the as-of date. */
const PAST_DATES: Record<string, readonly (readonly string[])[]> = {
  Project: [
    ["schedule", "actualStart"],
    ["schedule", "actualFinish"],
    ["milestones", "*", "actual"],
    ["status", "asOf"],
    ["benefits", "*", "realisedDate"],
    ["closure", "date"],
    ["gates", "*", "date"],
  ],
  Risk: [["raised"], ["lastReviewed"], ["closed"]],
  Issue: [["raised"], ["resolved"]],
  Engagement: [["phase", "since"], ["reviews", "last"]],
};

function checkDates(doc: PmoDocument, asOf: string, out: Diagnostic[]): void {
  for (const [earlier, later] of DATE_ORDER[doc.kind] ?? []) {
    const firsts = select(doc.value, earlier);
    const seconds = new Map(select(doc.value, later).map(([p, v]) => [p.slice(0, -1).join("/") + "|" + earlier.length, v]));
    for (const [path, start] of firsts) {
      const end = seconds.get(path.slice(0, -1).join("/") + "|" + earlier.length);
      if (!isDate(start) || !isDate(end) || start <= end) continue;
      const laterPath = [...path.slice(0, -1), later[later.length - 1]!];
      out.push(diagnostic(doc, laterPath, "date-order", `${label(laterPath)} ${end} is before ${label(path)} ${start}`, "correct one of the two dates"));
    }
  }
  for (const spec of PAST_DATES[doc.kind] ?? []) {
    for (const [path, value] of select(doc.value, spec)) {
      if (!isDate(value) || value <= asOf) continue;
      out.push(diagnostic(doc, path, "date-in-future", `${label(path)} ${value} is after the as-of date ${asOf}: it records something that has not happened yet`, "use a forecast date for what is planned, or check --as-of"));
    }
  }
  if (doc.kind === "Decision" && isDate(doc.value["date"]) && doc.value["status"] !== "proposed" && (doc.value["date"] as string) > asOf) {
    out.push(diagnostic(doc, ["date"], "date-in-future", `decision date ${String(doc.value["date"])} is after the as-of date ${asOf}`, "a decision is dated when it is taken; leave the date out while it is proposed"));
  }
}

const STATUS_DIMENSIONS = ["overall", "schedule", "budget", "scope", "resources", "quality"] as const;
const BUILTIN_SCALES: Record<string, readonly string[]> = {
  rag: ["green", "amber", "red"],
  dca5: ["green", "amber-green", "amber", "amber-red", "red"],
};

function statusScaleOf(engagement: PmoDocument | undefined): { name: string; values: readonly string[] } {
  const declared = engagement?.value["statusScale"];
  if (Array.isArray(declared)) {
    return { name: "custom", values: declared.map((l) => str(obj(l)?.["value"])).filter(isString) };
  }
  const name = typeof declared === "string" && BUILTIN_SCALES[declared] ? declared : "rag";
  return { name, values: BUILTIN_SCALES[name]! };
}

function riskScaleOf(engagement: PmoDocument | undefined): { probability: number; impact: number } {
  const scale = obj(obj(obj(engagement?.value["governance"])?.["risk"])?.["scale"]);
  const probability = scale?.["probability"];
  const impact = scale?.["impact"];
  return {
    probability: typeof probability === "number" ? probability : 5,
    impact: typeof impact === "number" ? impact : 5,
  };
}

function checkScales(doc: PmoDocument, scale: { name: string; values: readonly string[] }, riskScale: { probability: number; impact: number }, out: Diagnostic[]): void {
  if (doc.kind === "Project") {
    const status = obj(doc.value["status"]);
    for (const dimension of STATUS_DIMENSIONS) {
      const value = status?.[dimension];
      if (typeof value !== "string" || scale.values.includes(value)) continue;
      out.push(diagnostic(doc, ["status", dimension], "status-scale", `status ${dimension} "${value}" is not on the engagement's ${scale.name} status scale (${scale.values.join(", ")})`, "use one of the scale's values, or change statusScale in the engagement"));
    }
  }
  if (doc.kind === "Risk") {
    for (const axis of ["probability", "impact"] as const) {
      const value = doc.value[axis];
      if (typeof value !== "number" || value <= riskScale[axis]) continue;
      out.push(diagnostic(doc, [axis], "risk-scale", `${axis} ${value} is above the engagement's risk scale maximum of ${riskScale[axis]}`, `use a value from 1 to ${riskScale[axis]}, or change governance.risk.scale in the engagement`));
    }
  }
}

/** Finds cycles in portfolio parents, project dependencies and milestone dependencies. */
function checkCycles(documents: readonly PmoDocument[], index: Index, out: Diagnostic[]): void {
  const portfolioEdges = new Map<string, Edge[]>();
  const projectEdges = new Map<string, Edge[]>();
  const milestoneEdges = new Map<string, Edge[]>();
  for (const doc of documents) {
    if (!doc.id || index.get(doc.id) !== doc) continue;
    if (doc.kind === "Portfolio") {
      const parent = str(doc.value["parent"]);
      if (parent && index.get(parent)?.kind === "Portfolio") portfolioEdges.set(doc.id, [{ to: parent, doc, path: ["parent"] }]);
    }
    if (doc.kind !== "Project") continue;
    const deps: Edge[] = [];
    list(doc.value["dependencies"]).forEach((d, i) => {
      const to = str(obj(d)?.["project"]);
      if (to && index.get(to)?.kind === "Project") deps.push({ to, doc, path: ["dependencies", i, "project"] });
    });
    projectEdges.set(doc.id, deps);
    list(doc.value["milestones"]).forEach((m, i) => {
      const id = str(obj(m)?.["id"]);
      if (id === undefined) return;
      const edges: Edge[] = [];
      list(obj(m)?.["dependsOn"]).forEach((entry, j) => {
        const { ref, path } = dependsOnRef(entry, ["milestones", i, "dependsOn", j]);
        if (ref === undefined) return;
        const target = resolveMilestone(doc, ref, index);
        if (target.ok) edges.push({ to: target.key, doc, path });
      });
      milestoneEdges.set(`${doc.id}/${id}`, edges);
    });
  }
  reportCycles(portfolioEdges, "portfolio parents form a cycle", out);
  reportCycles(projectEdges, "project dependencies form a cycle", out);
  reportCycles(milestoneEdges, "milestone dependencies form a cycle", out);
}

/** A `dependsOn` entry is a reference (`M2`) or a typed link (`{ milestone: M2, type, lag }`). */
function dependsOnRef(entry: unknown, path: Path): { ref: string | undefined; path: Path } {
  if (typeof entry === "string") return { ref: entry, path };
  return { ref: str(obj(entry)?.["milestone"]), path: [...path, "milestone"] };
}

interface Edge {
  to: string;
  doc: PmoDocument;
  path: Path;
}

/**
 * Reports each elementary cycle found by a depth-first search once, starting from its smallest
 * node so that the message is the same whatever the file order. Iterative, so a long chain
 * cannot overflow the stack.
 */
function reportCycles(graph: Map<string, Edge[]>, what: string, out: Diagnostic[]): void {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const reported = new Set<string>();
  for (const start of [...graph.keys()].sort()) {
    if (state.has(start)) continue;
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    const pathEdges: Edge[] = [];
    state.set(start, 1);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next >= edges.length) {
        state.set(frame.node, 2);
        stack.pop();
        pathEdges.pop();
        continue;
      }
      const edge = edges[frame.next++]!;
      const seen = state.get(edge.to);
      if (seen === 1) {
        const from = stack.findIndex((f) => f.node === edge.to);
        const cycleEdges = [...pathEdges.slice(from), edge];
        const nodes = stack.slice(from).map((f) => f.node);
        const smallest = nodes.indexOf([...nodes].sort()[0]!);
        const rotated = [...nodes.slice(smallest), ...nodes.slice(0, smallest)];
        const key = rotated.join(" -> ");
        if (reported.has(key)) continue;
        reported.add(key);
        const blame = cycleEdges[smallest]!;
        out.push(diagnostic(blame.doc, blame.path, "reference-cycle", `${what}: ${[...rotated, rotated[0]].join(" -> ")}`, "remove one of the links in the cycle"));
      } else if (seen === undefined) {
        state.set(edge.to, 1);
        stack.push({ node: edge.to, next: 0 });
        pathEdges.push(edge);
      }
    }
  }
}

/** Yields [path, value] for every match of a pattern with `*` for any list item. */
function select(value: unknown, pattern: readonly string[], prefix: (string | number)[] = []): [Path, unknown][] {
  if (pattern.length === 0) return value === undefined ? [] : [[prefix, value]];
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === "*") {
    return list(value).flatMap((item, i) => select(item, rest, [...prefix, i]));
  }
  const o = obj(value);
  if (!o || !Object.hasOwn(o, head)) return [];
  return select(o[head], rest, [...prefix, head]);
}

function diagnostic(doc: PmoDocument, path: Path, ruleId: string, message: string, hint?: string, options?: { key?: boolean }): Diagnostic {
  const range = doc.locate(path, options);
  return {
    ruleId,
    severity: "error",
    message,
    hint,
    file: doc.file,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    pointer: path.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join(""),
    docIndex: doc.docIndex,
  };
}

function label(path: Path): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

function suggest(value: string, index: Index, targets: readonly string[]): string {
  if (!ID.test(value)) return "";
  const lower = value.toLowerCase();
  for (const [id, doc] of index) {
    if (targets.includes(doc.kind) && id.toLowerCase() === lower) return ` (did you mean "${id}"?)`;
  }
  return "";
}

function known(set: Set<string>): string {
  return set.size ? ` (known: ${[...set].sort().join(", ")})` : "";
}

function isDate(value: unknown): value is string {
  return typeof value === "string" && DATE.test(value);
}
function isString(value: unknown): value is string {
  return typeof value === "string";
}
function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function addString(set: Set<string>, value: unknown): void {
  if (typeof value === "string") set.add(value);
}
