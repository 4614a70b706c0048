import type { PmoDocument } from "../../model/document.js";
import { UsageError } from "../errors.js";
import { closestMatch } from "../validate/index.js";
import { formatMoney, riskScore, type QueryContext, type Tone } from "./columns.js";
import { forumName, issueOverdueDays, projectReads, slipTone } from "./model-reads.js";
import {
  compact,
  fact,
  issueSection,
  labelled,
  nameOf,
  owningFacts,
  paragraph,
  person,
  personText,
  projectSection,
  pushFact,
  raidSections,
  signed,
  sortById,
  tone,
} from "./show-parts.js";
import { list, num, obj, str, type PersonRole, type Relations } from "./relations.js";

/** A `key: value` line of `pmo show`. */
export interface Fact {
  label: string;
  text: string;
  tone?: Tone;
}

export interface SectionColumn {
  key: string;
  header: string;
  align?: "right";
  tone?(item: Record<string, unknown>): Tone | undefined;
  /** How the value reads in a terminal, when plain String() is not it. */
  format?(value: unknown): string;
}

/** A small table of related entities; its items are also the `related` part of JSON output. */
export interface Section {
  key: string;
  title: string;
  columns: SectionColumn[];
  items: Record<string, unknown>[];
}

/** Everything `pmo show` prints about one entity, independent of the output format. */
export interface ShowView {
  doc: PmoDocument;
  kind: string;
  id: string;
  heading: string;
  facts: Fact[];
  /** Longer texts (description, status summary), shown as paragraphs. */
  paragraphs: { label: string; text: string }[];
  sections: Section[];
}

/** Finds one entity by id and gathers its related entities; an unknown id is a usage error. */
export function buildShowView(id: string, ctx: QueryContext): ShowView {
  const doc = ctx.relations.byId.get(id);
  if (!doc) {
    const suggestion = closestMatch(id, [...ctx.relations.byId.keys()]);
    throw new UsageError(
      `no document has the id "${id}"${suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`}; run pmo ls <kind> to see the ids`,
    );
  }
  const view: ShowView = {
    doc,
    kind: doc.kind,
    id,
    heading: `${doc.kind} ${id}`,
    facts: [],
    paragraphs: [],
    sections: [],
  };
  const builder = BUILDERS[doc.kind];
  builder?.(view, doc, ctx);
  if (!builder) view.paragraphs.push({ label: "Document", text: JSON.stringify(doc.value, null, 2) });
  return view;
}

/** The JSON (and YAML) form of a view: the document as written, plus the related entities. */
export function showData(view: ShowView, relations: Relations): Record<string, unknown> {
  const related: Record<string, unknown> = {};
  // Resolved names are the one thing JSON readers cannot get from the document itself.
  const people: Record<string, string> = {};
  for (const key of PEOPLE_FIELDS) {
    const ref = str(view.doc.value[key]);
    if (ref !== undefined && relations.personName(ref) !== ref) people[ref] = relations.personName(ref);
  }
  if (Object.keys(people).length > 0) related["people"] = people;
  for (const section of view.sections) related[section.key] = section.items;
  return { kind: view.kind, id: view.id, file: view.doc.file, document: view.doc.value, related };
}

const PEOPLE_FIELDS = ["owner", "sponsor", "manager", "decidedBy", "escalatedTo"] as const;

type Builder = (view: ShowView, doc: PmoDocument, ctx: QueryContext) => void;

const BUILDERS: Record<string, Builder> = {
  Project: showProject,
  Portfolio: showPortfolio,
  Risk: showRisk,
  Issue: showIssue,
  Decision: showDecision,
  Person: showPerson,
  Engagement: showEngagement,
};

function showProject(view: ShowView, doc: PmoDocument, ctx: QueryContext): void {
  const { relations } = ctx;
  const v = doc.value;
  // Slip and cost variance are facts of the domain model; a project that does not pass its schema shows none.
  const reads = projectReads(doc, ctx);
  view.heading = `${doc.id}  ${str(v["name"]) ?? ""}`.trimEnd();
  fact(view, "Stage", str(v["stage"]));
  fact(view, "Portfolio", labelled(relations, str(v["portfolio"])));
  fact(view, "Sponsor", person(relations, v["sponsor"]));
  fact(view, "Manager", person(relations, v["manager"]));

  const status = obj(v["status"]);
  const overall = str(status?.["overall"]);
  if (overall !== undefined) {
    const asOf = str(status?.["asOf"]);
    pushFact(view, {
      label: "Status",
      text: `${overall}${asOf ? ` (as of ${asOf})` : ""}`,
      ...tone(relations.statusScale.colour(overall)),
    });
    const dimensions = ["schedule", "budget", "scope", "resources", "quality"]
      .filter((d) => str(status?.[d]) !== undefined)
      .map((d) => `${d} ${str(status?.[d])}`);
    fact(view, "Dimensions", dimensions.join(", ") || undefined);
  }

  const schedule = obj(v["schedule"]);
  const baselineFinish = str(schedule?.["baselineFinish"]);
  const slip = reads.finishSlip;
  const finishText = [
    baselineFinish && `baseline ${baselineFinish}`,
    str(schedule?.["forecastFinish"]) && `forecast ${str(schedule?.["forecastFinish"])}`,
    str(schedule?.["actualFinish"]) && `actual ${str(schedule?.["actualFinish"])}`,
  ].filter(Boolean);
  if (finishText.length > 0) {
    pushFact(view, {
      label: "Finish",
      text: finishText.join(", ") + (slip ? ` (${signed(slip)} days)` : ""),
      ...tone(slip !== undefined && slip > 0 ? slipTone(slip, doc, ctx) : undefined),
    });
  }

  const budget = obj(v["budget"]);
  const currency = str(budget?.["currency"]) ?? relations.currency;
  const amounts = ["approved", "baseline", "forecast", "actual"]
    .filter((k) => num(budget?.[k]) !== undefined)
    .map((k) => `${k} ${formatMoney(num(budget?.[k])!, currency, { exact: true })}`);
  if (amounts.length > 0) {
    const over = reads.cost?.percent;
    const overText =
      over !== undefined && over !== 0
        ? ` (forecast ${signed(Math.round(over * 10) / 10)}% against ${reads.cost!.against})`
        : "";
    pushFact(view, {
      label: "Budget",
      text: amounts.join(", ") + overText,
      ...tone(over !== undefined && over > 0 ? "red" : undefined),
    });
  }
  fact(view, "Complete", num(v["percentComplete"]) === undefined ? undefined : `${num(v["percentComplete"])}%`);
  fact(
    view,
    "Tags",
    list(v["tags"])
      .filter((t) => typeof t === "string")
      .join(", ") || undefined,
  );

  paragraph(view, "Description", v["description"]);
  paragraph(view, "Summary", status?.["summary"]);
  paragraph(view, "Recovery plan", status?.["recoveryPlan"]);
  const escalation = obj(status?.["escalation"]);
  if (escalation) {
    const to = str(escalation["to"]);
    const text = [to && `to ${relations.personName(to)}`, str(escalation["date"]) && `on ${str(escalation["date"])}`]
      .filter(Boolean)
      .join(" ");
    paragraph(view, "Escalation", [text, str(escalation["note"])].filter(Boolean).join(": "));
  }

  view.sections.push({
    key: "milestones",
    title: "Milestones",
    columns: [
      { key: "id", header: "ID" },
      { key: "name", header: "Name" },
      { key: "baseline", header: "Baseline" },
      { key: "forecast", header: "Forecast" },
      { key: "actual", header: "Actual" },
      {
        key: "slipDays",
        header: "Slip (days)",
        align: "right",
        format: (d) => (typeof d === "number" && d > 0 ? `+${d}` : String(d)),
        tone: (m) =>
          typeof m["slipDays"] === "number" && m["slipDays"] > 0 ? slipTone(m["slipDays"], doc, ctx) : undefined,
      },
    ],
    items: list(v["milestones"]).map((m, index) => {
      const milestone = obj(m) ?? {};
      const baseline = str(milestone["baseline"]);
      const actual = str(milestone["actual"]);
      const forecast = str(milestone["forecast"]);
      return compact({
        id: str(milestone["id"]),
        name: str(milestone["name"]),
        baseline,
        forecast,
        actual,
        slipDays: reads.milestoneSlip(index),
      });
    }),
  });

  const dependsOn = list(v["dependencies"]).map((d) => {
    const dep = obj(d) ?? {};
    const target = str(dep["project"]);
    return compact({
      id: target,
      name: nameOf(relations, target),
      type: str(dep["type"]),
      description: str(dep["description"]),
    });
  });
  view.sections.push({ key: "dependsOn", title: "Depends on", columns: DEPENDENCY_COLUMNS, items: dependsOn });
  const dependents = doc.id === undefined ? [] : relations.dependents(doc.id);
  view.sections.push({
    key: "dependents",
    title: "Depended on by",
    columns: DEPENDENCY_COLUMNS,
    items: sortById(
      dependents.map((d) =>
        compact({ id: d.doc.id, name: str(d.doc.value["name"]), type: d.type, description: d.description }),
      ),
    ),
  });
  raidSections(view, doc, ctx);
}

const DEPENDENCY_COLUMNS: SectionColumn[] = [
  { key: "id", header: "ID" },
  { key: "name", header: "Name" },
  { key: "type", header: "Type" },
];

function showPortfolio(view: ShowView, doc: PmoDocument, ctx: QueryContext): void {
  const { relations } = ctx;
  const v = doc.value;
  view.heading = `${doc.id}  ${str(v["name"]) ?? ""}`.trimEnd();
  fact(view, "Owner", person(relations, v["owner"]));
  fact(view, "Parent", labelled(relations, str(v["parent"])));
  const budget = obj(v["budget"]);
  const envelope = num(budget?.["envelope"]);
  fact(
    view,
    "Budget envelope",
    envelope === undefined
      ? undefined
      : formatMoney(envelope, str(budget?.["currency"]) ?? relations.currency, { exact: true }),
  );
  const period = obj(budget?.["period"]);
  fact(view, "Budget period", period ? `${str(period["start"]) ?? "?"} to ${str(period["end"]) ?? "?"}` : undefined);
  paragraph(view, "Description", v["description"]);

  view.sections.push({
    key: "objectives",
    title: "Objectives",
    columns: [
      { key: "id", header: "ID" },
      { key: "name", header: "Name" },
      { key: "weight", header: "Weight %", align: "right" },
    ],
    items: list(v["objectives"]).map((o) =>
      compact({ id: str(obj(o)?.["id"]), name: str(obj(o)?.["name"]), weight: num(obj(o)?.["weight"]) }),
    ),
  });
  const id = doc.id ?? "";
  view.sections.push({
    key: "subPortfolios",
    title: "Sub-portfolios",
    columns: [
      { key: "id", header: "ID" },
      { key: "name", header: "Name" },
      { key: "owner", header: "Owner" },
      { key: "projects", header: "Projects", align: "right" },
    ],
    items: sortById(
      relations.subPortfolios(id).map((p) =>
        compact({
          id: p.id,
          name: str(p.value["name"]),
          owner: personText(relations, p.value["owner"]),
          projects: relations.projectsOf(p.id ?? "").length,
        }),
      ),
    ),
  });
  view.sections.push(projectSection("projects", "Projects", relations.projectsOf(id), ctx));
  raidSections(view, doc, ctx);
}

function showRisk(view: ShowView, doc: PmoDocument, ctx: QueryContext): void {
  const { relations } = ctx;
  const v = doc.value;
  view.heading = `${doc.id}  ${str(v["title"]) ?? ""}`.trimEnd();
  owningFacts(view, doc, relations);
  fact(view, "Type", str(v["type"]) ?? "threat");
  fact(view, "Category", str(v["category"]));
  const score = riskScore(doc);
  fact(
    view,
    "Probability × impact",
    score === undefined ? undefined : `${num(v["probability"])} × ${num(v["impact"])} = ${score}`,
  );
  fact(view, "Status", str(v["status"]));
  fact(view, "Response", str(v["response"]));
  fact(view, "Owner", person(relations, v["owner"]));
  for (const [key, label] of [
    ["raised", "Raised"],
    ["lastReviewed", "Last reviewed"],
    ["proximity", "Proximity"],
    ["closed", "Closed"],
  ] as const)
    fact(view, label, str(v[key]));
  const cost = obj(v["costImpact"]);
  if (cost) {
    const currency = str(cost["currency"]) ?? relations.currency;
    const points = ["min", "mostLikely", "max"].map((k) =>
      num(cost[k]) === undefined ? "?" : formatMoney(num(cost[k])!, undefined, { exact: true }),
    );
    fact(view, "Cost impact", `${currency ? `${currency} ` : ""}${points.join(" / ")} (min / most likely / max)`);
  }
  const days = obj(v["scheduleImpact"]);
  if (days)
    fact(
      view,
      "Schedule impact",
      `${["min", "mostLikely", "max"].map((k) => num(days[k]) ?? "?").join(" / ")} days (min / most likely / max)`,
    );
  paragraph(view, "Description", v["description"]);

  view.sections.push({
    key: "mitigations",
    title: "Mitigations",
    columns: [
      { key: "action", header: "Action" },
      { key: "owner", header: "Owner" },
      {
        key: "due",
        header: "Due",
        tone: (m) =>
          m["status"] !== "done" && typeof m["due"] === "string" && m["due"] < ctx.asOf ? "red" : undefined,
      },
      { key: "status", header: "Status" },
    ],
    items: list(v["mitigations"]).map((m) => {
      const mitigation = obj(m) ?? {};
      return compact({
        action: str(mitigation["action"]),
        owner: personText(relations, mitigation["owner"]),
        due: str(mitigation["due"]),
        status: str(mitigation["status"]),
      });
    }),
  });
  view.sections.push(issueSection("issues", "Linked issues", relations.issuesOfRisk(doc.id ?? ""), ctx));
}

function showIssue(view: ShowView, doc: PmoDocument, ctx: QueryContext): void {
  const { relations } = ctx;
  const v = doc.value;
  view.heading = `${doc.id}  ${str(v["title"]) ?? ""}`.trimEnd();
  owningFacts(view, doc, relations);
  fact(view, "Priority", str(v["priority"]));
  fact(view, "Status", str(v["status"]));
  fact(view, "Owner", person(relations, v["owner"]));
  fact(view, "Raised", str(v["raised"]));
  const due = str(v["due"]);
  if (due !== undefined) {
    const overdue = issueOverdueDays(doc, ctx);
    pushFact(view, {
      label: "Due",
      text: due + (overdue !== undefined ? ` (overdue by ${overdue} days)` : ""),
      ...tone(overdue !== undefined ? "red" : undefined),
    });
  }
  fact(view, "Resolved", str(v["resolved"]));
  fact(view, "Risk", labelled(relations, str(v["risk"])));
  fact(view, "Escalated to", person(relations, v["escalatedTo"]));
  paragraph(view, "Description", v["description"]);
  paragraph(view, "Impact", v["impact"]);
}

function showDecision(view: ShowView, doc: PmoDocument, ctx: QueryContext): void {
  const { relations } = ctx;
  const v = doc.value;
  view.heading = `${doc.id}  ${str(v["title"]) ?? ""}`.trimEnd();
  owningFacts(view, doc, relations);
  fact(view, "Status", str(v["status"]));
  fact(view, "Decided by", person(relations, v["decidedBy"]));
  fact(view, "Date", str(v["date"]));
  const forum = str(v["forum"]);
  const forumTitle = forumName(forum, ctx);
  fact(view, "Forum", forum === undefined ? undefined : forumTitle ? `${forum} (${forumTitle})` : forum);
  const approves = obj(v["approves"]);
  if (approves) {
    const parts = [
      str(approves["type"]),
      str(approves["stage"]) && `stage ${str(approves["stage"])}`,
      list(approves["milestones"]).length > 0 && `milestones ${list(approves["milestones"]).join(", ")}`,
    ];
    fact(view, "Approves", parts.filter(Boolean).join(", "));
  }
  fact(view, "Supersedes", labelled(relations, str(v["supersedes"])));
  const later = relations.supersededBy(doc.id ?? "").map((d) => d.id ?? "");
  fact(view, "Superseded by", later.join(", ") || undefined);
  paragraph(view, "Description", v["description"]);
  paragraph(view, "Rationale", v["rationale"]);
  view.sections.push({
    key: "gates",
    title: "Stage gates",
    columns: [
      { key: "project", header: "Project" },
      { key: "name", header: "Name" },
      { key: "stage", header: "Stage" },
      { key: "date", header: "Date" },
    ],
    items: relations
      .gatesOf(doc.id ?? "")
      .map((g) => compact({ project: g.project.id, name: str(g.project.value["name"]), stage: g.stage, date: g.date })),
  });
}

function showPerson(view: ShowView, doc: PmoDocument, ctx: QueryContext): void {
  const { relations } = ctx;
  const v = doc.value;
  view.heading = `${doc.id}  ${str(v["name"]) ?? ""}`.trimEnd();
  fact(view, "Role", str(v["role"]));
  fact(view, "Organisation", str(v["organisation"]));
  fact(view, "Email", str(v["email"]));
  const links = relations.linksOf(doc.id ?? "");
  const rolesOf = (kind: string): Map<PmoDocument, string[]> => {
    const byDoc = new Map<PmoDocument, string[]>();
    for (const link of links.filter((l) => l.doc.kind === kind))
      byDoc.set(link.doc, [...(byDoc.get(link.doc) ?? []), ROLE_LABELS[link.role]]);
    return byDoc;
  };
  const roleColumn: SectionColumn = { key: "role", header: "Role" };
  const portfolios = rolesOf("Portfolio");
  view.sections.push({
    key: "portfolios",
    title: "Portfolios",
    columns: [{ key: "id", header: "ID" }, { key: "name", header: "Name" }, roleColumn],
    items: sortById(
      [...portfolios].map(([d, roles]) => compact({ id: d.id, name: str(d.value["name"]), role: roles.join(", ") })),
    ),
  });
  const projects = rolesOf("Project");
  const projectTable = projectSection("projects", "Projects", [...projects.keys()], ctx);
  projectTable.columns.splice(2, 0, roleColumn);
  for (const item of projectTable.items)
    item["role"] = projects.get(relations.byId.get(String(item["id"]))!)?.join(", ");
  view.sections.push(projectTable);
  for (const [kind, key, title] of [
    ["Risk", "risks", "Risks"],
    ["Issue", "issues", "Issues"],
    ["Decision", "decisions", "Decisions"],
  ] as const) {
    const owned = rolesOf(kind);
    view.sections.push({
      key,
      title,
      columns: [
        { key: "id", header: "ID" },
        { key: "title", header: "Title" },
        roleColumn,
        { key: "status", header: "Status" },
      ],
      items: sortById(
        [...owned].map(([d, roles]) =>
          compact({ id: d.id, title: str(d.value["title"]), role: roles.join(", "), status: str(d.value["status"]) }),
        ),
      ),
    });
  }
}

const ROLE_LABELS: Record<PersonRole, string> = {
  owner: "owner",
  sponsor: "sponsor",
  manager: "manager",
  decidedBy: "decided by",
  escalatedTo: "escalated to",
};

function showEngagement(view: ShowView, doc: PmoDocument, ctx: QueryContext): void {
  const { relations } = ctx;
  const v = doc.value;
  view.heading = `${doc.id}  ${str(v["name"]) ?? ""}`.trimEnd();
  fact(view, "Client", str(obj(v["client"])?.["name"]));
  fact(view, "Provider", str(obj(v["provider"])?.["name"]));
  const phase = obj(v["phase"]);
  fact(
    view,
    "Phase",
    str(phase?.["current"]) &&
      `${str(phase?.["current"])}${str(phase?.["since"]) ? ` since ${str(phase?.["since"])}` : ""}`,
  );
  fact(view, "PMO type", list(v["pmoType"]).join(", ") || undefined);
  fact(view, "Currency", str(v["currency"]));
  fact(view, "Status scale", relations.statusScale.values.join(", "));
  fact(view, "Reporting", str(obj(v["reporting"])?.["cadence"]));
  const counts = (["Portfolio", "Project", "Risk", "Issue", "Decision", "Person"] as const).map(
    (k) => `${relations.ofKind(k).length} ${k.toLowerCase()}${relations.ofKind(k).length === 1 ? "" : "s"}`,
  );
  fact(view, "Documents", counts.join(", ").replace("persons", "people"));
  paragraph(view, "Description", v["description"]);
  const top = relations.ofKind("Portfolio").filter((p) => str(p.value["parent"]) === undefined);
  view.sections.push({
    key: "portfolios",
    title: "Portfolios",
    columns: [
      { key: "id", header: "ID" },
      { key: "name", header: "Name" },
      { key: "owner", header: "Owner" },
      { key: "projects", header: "Projects", align: "right" },
    ],
    items: sortById(
      top.map((p) =>
        compact({
          id: p.id,
          name: str(p.value["name"]),
          owner: personText(relations, p.value["owner"]),
          projects: relations.projectsOf(p.id ?? "").length,
        }),
      ),
    ),
  });
}
