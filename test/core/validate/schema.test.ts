import { describe, expect, it } from "vitest";
import { getSchema, schemaNames, validateConfig, validateDocument } from "../../../src/core/validate/schema.js";

const DELETE = Symbol("delete");
type Doc = Record<string, unknown>;

/** A copy of `doc` with the value at `pointer` replaced (or deleted), creating parents as needed. */
function mutate(doc: Doc, pointer: string, value: unknown): Doc {
  const copy = structuredClone(doc);
  const keys = pointer.slice(1).split("/");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

const BASELINES: Record<string, Doc> = {
  Engagement: {
    apiVersion: "pmo/v1",
    kind: "Engagement",
    id: "ENG",
    name: "Digital Transformation PMO",
    client: { name: "City of Utrecht", sector: "public sector", country: "NL" },
    provider: { name: "Northwind Consulting", contact: "Anna" },
    pmoType: ["strategic", "operational"],
    phase: {
      current: "deployment",
      since: "2026-01-12",
      plan: [{ phase: "monitoring", start: "2026-07-01", end: "2026-12-31" }],
    },
    scope: { services: ["portfolio-management", "reporting"], excluded: ["project-delivery"] },
    objectives: [{ id: "SO-1", description: "Timely reporting", target: 95 }],
    reporting: {
      cadence: "monthly",
      statusValidityDays: 35,
      audiences: [{ name: "Board", formats: ["pdf"] }],
      formats: ["markdown"],
    },
    message: { asOf: "2026-03-31", text: "Two projects need a board decision this month.", author: "Anna" },
    governance: {
      forums: [{ id: "PB", name: "Portfolio Board", cadence: "monthly", members: ["Anna", "Priya"] }],
      tolerances: { budgetPercent: 10, scheduleDays: 15 },
      risk: {
        scale: { probability: 5, impact: 5 },
        highThreshold: 12,
        criticalThreshold: 20,
        appetite: "moderate",
        reviewDays: 30,
      },
    },
    kpis: [{ id: "K1", name: "Reports on time", target: 95, unit: "%", direction: "higher-is-better" }],
    reviews: { last: "2026-01-15", next: "2026-07-15" },
    contacts: [{ name: "Anna de Vries", role: "Sponsor", email: "anna@example.org" }],
    currency: "EUR",
    statusScale: "dca5",
  },
  Portfolio: {
    apiVersion: "pmo/v1",
    kind: "Portfolio",
    id: "PF-digital",
    name: "Digital services",
    owner: "Anna de Vries",
    parent: "PF-root",
    objectives: [{ id: "OBJ-1", name: "Digital by default", weight: 60 }],
    budget: { currency: "EUR", envelope: 4000000, period: { start: "2026-01-01", end: "2026-12-31" } },
    message: { asOf: "2026-03-31", text: "Permits go-live holds; the payments supplier is late." },
    prioritisation: { criteria: [{ id: "fit", name: "Strategic fit", weight: 50 }] },
  },
  Project: {
    apiVersion: "pmo/v1",
    kind: "Project",
    id: "PRJ-001",
    name: "Online permits",
    portfolio: "PF-digital",
    sponsor: "Anna de Vries",
    manager: "Priya Shah",
    stage: "delivery",
    schedule: { baselineStart: "2026-01-05", baselineFinish: "2026-09-30", actualStart: "2026-01-12" },
    budget: { currency: "EUR", approved: 850000, actual: 310000, forecast: 900000 },
    percentComplete: 40,
    status: {
      asOf: "2026-03-31",
      overall: "amber",
      budget: "green",
      comments: { budget: "Within tolerance.", schedule: "Supplier two weeks late." },
      achievements: ["Design approved"],
      escalation: { to: "Board" },
    },
    milestones: [
      { id: "M1", name: "Design approved", baseline: "2026-02-27" },
      {
        id: "M2",
        name: "Go-live",
        baseline: "2026-09-30",
        dependsOn: ["M1", "PRJ-002/M3"],
        estimate: { optimistic: "2026-09-01", mostLikely: "2026-09-30", pessimistic: "2026-11-30" },
      },
    ],
    dependencies: [{ project: "PRJ-002", type: "finish-to-start" }],
    contributions: [{ objective: "OBJ-1", strength: "high" }],
    benefits: [{ id: "B1", name: "Fewer paper forms", planned: 40, status: "on-track" }],
    gates: [{ stage: "delivery", date: "2026-03-02", decision: "D-001", outcome: "approved" }],
    scores: { fit: 4 },
    closure: { lessonsLearned: ["Start procurement earlier"] },
    tags: ["permits"],
  },
  Risk: {
    apiVersion: "pmo/v1",
    kind: "Risk",
    id: "R-001",
    title: "Supplier may deliver late",
    project: "PRJ-001",
    category: "commercial",
    probability: 3,
    impact: 4,
    status: "open",
    response: "mitigate",
    mitigations: [{ action: "Weekly call", due: "2026-04-15", status: "in-progress" }],
    raised: "2026-02-10",
    costImpact: { currency: "EUR", min: 10000, mostLikely: 25000, max: 60000 },
    scheduleImpact: { min: 5, mostLikely: 15, max: 40 },
  },
  Issue: {
    apiVersion: "pmo/v1",
    kind: "Issue",
    id: "I-001",
    title: "Payment module late",
    project: "PRJ-001",
    raised: "2026-03-20",
    status: "open",
    priority: "high",
    risk: "R-001",
  },
  Decision: {
    apiVersion: "pmo/v1",
    kind: "Decision",
    id: "D-001",
    title: "Approve move to delivery",
    status: "approved",
    due: "2026-03-02",
    amount: { value: 850000, currency: "EUR" },
    options: [
      { id: "A", title: "Start delivery now", amount: 850000 },
      { id: "B", title: "Wait for the supplier", description: "Two months later." },
    ],
    recommendation: { option: "A", by: "Priya Shah", rationale: "Keeps the go-live date." },
    decidedBy: "Anna de Vries",
    date: "2026-03-02",
    forum: "PB",
    approves: { type: "stage-gate", stage: "delivery", milestones: ["M1"] },
  },
  Person: { apiVersion: "pmo/v1", kind: "Person", id: "p.shah", name: "Priya Shah", email: "priya@example.org" },
};

describe("valid baselines", () => {
  it.each(Object.keys(BASELINES))("%s baseline is valid", (kind) => {
    expect(validateDocument(kind, BASELINES[kind])).toEqual([]);
  });
});

// Each row: kind, pointer to change, new value (DELETE removes it), expected problem pointer, message fragment.
const MUTATIONS: [string, string, unknown, string, string][] = [
  // header, shared by every kind
  ["Project", "/apiVersion", "pmo/v2", "/apiVersion", '"pmo/v2" is not a valid apiVersion: expected "pmo/v1"'],
  ["Project", "/id", "1-project", "/id", 'id: "1-project" is not a valid id'],
  ["Person", "/id", "p".repeat(65), "/id", "id must be at most 64 characters long (found 65)"],
  ["Person", "/id", DELETE, "", 'missing required field "id"'],
  // Engagement
  ["Engagement", "/currency", "eur", "/currency", 'currency: "eur" is not a valid currency code'],
  ["Engagement", "/client", DELETE, "", 'missing required field "client"'],
  ["Engagement", "/client/name", "", "/client/name", "name must not be empty"],
  ["Engagement", "/pmoType", [], "/pmoType", "pmoType must have at least 1 item (found none)"],
  ["Engagement", "/pmoType", ["strategic", "strategic"], "/pmoType/1", 'pmoType lists "strategic" more than once'],
  [
    "Engagement",
    "/pmoType/0",
    "strategy",
    "/pmoType/0",
    '"strategy" is not a valid pmoType item: expected one of strategic, tactical, operational, project (did you mean "strategic"?)',
  ],
  [
    "Engagement",
    "/phase/current",
    "running",
    "/phase/current",
    "expected one of preparation, design, deployment, monitoring",
  ],
  ["Engagement", "/phase/plan/0/end", DELETE, "/phase/plan/0", 'missing required field "end" in phase.plan[0]'],
  ["Engagement", "/scope/services/0", "pmo", "/scope/services/0", "is not a valid services item"],
  [
    "Engagement",
    "/reporting/cadence",
    "daily",
    "/reporting/cadence",
    "expected one of weekly, fortnightly, monthly, quarterly",
  ],
  [
    "Engagement",
    "/reporting/statusValidityDays",
    0,
    "/reporting/statusValidityDays",
    "statusValidityDays must be at least 1 (found 0)",
  ],
  [
    "Engagement",
    "/governance/risk/appetite",
    "huge",
    "/governance/risk/appetite",
    "expected one of low, moderate, high",
  ],
  [
    "Engagement",
    "/governance/risk/scale/impact",
    DELETE,
    "/governance/risk/scale",
    'missing required field "impact" in governance.risk.scale',
  ],
  ["Engagement", "/kpis/0/direction", "up", "/kpis/0/direction", "expected one of higher-is-better, lower-is-better"],
  [
    "Engagement",
    "/contacts/0/email",
    "not-an-email",
    "/contacts/0/email",
    'email: "not-an-email" is not a valid email address',
  ],
  [
    "Engagement",
    "/objectives/0/target",
    true,
    "/objectives/0/target",
    "target: expected a string or a number, found true (a boolean)",
  ],
  [
    "Engagement",
    "/statusScale",
    "ragg",
    "/statusScale",
    '"ragg" is not a valid statusScale: expected one of rag, dca5 (did you mean "rag"?)',
  ],
  ["Engagement", "/statusScale", 5, "/statusScale", "statusScale: expected a string or a list, found the number 5"],
  [
    "Engagement",
    "/statusScale",
    [{ value: "On Track", label: "On track" }],
    "/statusScale/0/value",
    'did you mean "on-track"?',
  ],
  [
    "Engagement",
    "/statusScale",
    [{ value: "ok" }],
    "/statusScale/0",
    'missing required field "label" in statusScale[0]',
  ],
  ["Engagement", "/statusScale", [], "/statusScale", "statusScale must have at least 1 item (found none)"],
  ["Engagement", "/message/text", DELETE, "/message", 'missing required field "text" in message'],
  // Portfolio
  ["Portfolio", "/owner", DELETE, "", 'missing required field "owner"'],
  ["Portfolio", "/objectives/0/weight", 120, "/objectives/0/weight", "weight must be at most 100 (found 120)"],
  ["Portfolio", "/budget/envelope", -5, "/budget/envelope", "envelope must be at least 0 (found -5)"],
  ["Portfolio", "/budget/period/end", "2026-13-01", "/budget/period/end", 'end: "2026-13-01" is not a valid date'],
  ["Portfolio", "/prioritisation/criteria", [], "/prioritisation/criteria", "criteria must have at least 1 item"],
  ["Portfolio", "/message/asOf", "March", "/message/asOf", 'asOf: "March" is not a valid date'],
  ["Portfolio", "/message", "All fine", "/message", "message: expected an object"],
  // Project
  [
    "Project",
    "/stage",
    "amber-ish",
    "/stage",
    '"amber-ish" is not a valid stage: expected one of proposal, initiation, planning, delivery, closure, closed, cancelled',
  ],
  ["Project", "/stage", DELETE, "", 'missing required field "stage"'],
  ["Project", "/percentComplete", 120, "/percentComplete", "percentComplete must be at most 100 (found 120)"],
  [
    "Project",
    "/percentComplete",
    "40%",
    "/percentComplete",
    'percentComplete: expected a number, found a string ("40%")',
  ],
  ["Project", "/tags", "urgent", "/tags", "expected a list, found a string"],
  [
    "Project",
    "/schedule/baselineStart",
    "2026-02-30",
    "/schedule/baselineStart",
    '"2026-02-30" is not a valid date: expected YYYY-MM-DD (a real calendar date)',
  ],
  ["Project", "/schedule/baselineFinish", "30/09/2026", "/schedule/baselineFinish", "is not a valid date"],
  ["Project", "/schedule", "soon", "/schedule", "schedule: expected an object (key: value pairs), found a string"],
  [
    "Project",
    "/budget/approved",
    null,
    "/budget/approved",
    "approved: expected a number, found nothing (an empty value)",
  ],
  ["Project", "/status/asOf", DELETE, "/status", 'missing required field "asOf" in status'],
  [
    "Project",
    "/status/overall",
    "Amber",
    "/status/overall",
    'overall: "Amber" is not a valid status value: expected lower-kebab-case, such as "green" or "amber-green" (did you mean "amber"?)',
  ],
  ["Project", "/status/achievements", "Design approved", "/status/achievements", "achievements: expected a list"],
  [
    "Project",
    "/status/comments/overall",
    "Fine",
    "/status/comments/overall",
    'unknown field "overall" in status.comments',
  ],
  ["Project", "/status/comments/budget", "", "/status/comments/budget", "budget must not be empty"],
  [
    "Project",
    "/milestones/1/dependsOn",
    ["PRJ 002/M3"],
    "/milestones/1/dependsOn/0",
    "is not a valid milestone reference",
  ],
  [
    "Project",
    "/milestones/1/dependsOn",
    [{ milestone: "M1", type: "blocks" }],
    "/milestones/1/dependsOn/0/type",
    "expected one of finish-to-start, start-to-start, finish-to-finish, start-to-finish",
  ],
  [
    "Project",
    "/milestones/1/dependsOn",
    [{ milestone: "M1", lag: "2d" }],
    "/milestones/1/dependsOn/0/lag",
    "expected a number",
  ],
  [
    "Project",
    "/milestones/1/dependsOn",
    [{ type: "start-to-start" }],
    "/milestones/1/dependsOn/0",
    'missing required field "milestone"',
  ],
  ["Project", "/milestones/1/duration", -3, "/milestones/1/duration", "at least 0"],
  [
    "Project",
    "/milestones/1/estimate/pessimistic",
    DELETE,
    "/milestones/1/estimate",
    'missing required field "pessimistic" in milestones[1].estimate',
  ],
  [
    "Project",
    "/milestones/0/baseLine",
    "2026-02-27",
    "/milestones/0/baseLine",
    'unknown field "baseLine" in milestones[0]',
  ],
  [
    "Project",
    "/dependencies/0/type",
    "blocks",
    "/dependencies/0/type",
    "expected one of finish-to-start, start-to-start, finish-to-finish, start-to-finish",
  ],
  ["Project", "/contributions/0/strength", "strong", "/contributions/0/strength", "expected one of high, medium, low"],
  [
    "Project",
    "/benefits/0/status",
    "done",
    "/benefits/0/status",
    "expected one of planned, on-track, at-risk, realised, not-realised",
  ],
  ["Project", "/gates/0/outcome", "passed", "/gates/0/outcome", "expected one of approved, rejected, deferred"],
  ["Project", "/gates/0/date", DELETE, "/gates/0", 'missing required field "date" in gates[0]'],
  ["Project", "/scores/fit", "high", "/scores/fit", "fit: expected a number"],
  ["Project", "/scores", { "1st": 3 }, "/scores/1st", '"1st" is not a valid key in scores'],
  ["Project", "/closure/lessonsLearned", "Start earlier", "/closure/lessonsLearned", "lessonsLearned: expected a list"],
  // Risk
  ["Risk", "/probability", 0, "/probability", "probability must be at least 1 (found 0)"],
  ["Risk", "/impact", 2.5, "/impact", "impact: expected a whole number, found the fractional number 2.5"],
  // YAML's .inf and .nan are numbers of the core schema, but not amounts.
  [
    "Project",
    "/budget/approved",
    Number.POSITIVE_INFINITY,
    "/budget/approved",
    "approved: expected a number, found .inf (infinity, not an amount)",
  ],
  [
    "Project",
    "/budget/forecast",
    Number.NaN,
    "/budget/forecast",
    "forecast: expected a number, found .nan (not a number)",
  ],
  ["Risk", "/status", "active", "/status", "expected one of open, closed, occurred"],
  [
    "Risk",
    "/type",
    "threats",
    "/type",
    '"threats" is not a valid type: expected one of threat, opportunity (did you mean "threat"?)',
  ],
  [
    "Risk",
    "/response",
    "exploit",
    "/response",
    '"exploit" is not a valid response: expected one of avoid, mitigate, transfer, accept, escalate',
  ],
  ["Risk", "/portfolio", "PF-digital", "/portfolio", '"project" and "portfolio" cannot both be given in risk'],
  ["Risk", "/mitigations/0/action", DELETE, "/mitigations/0", 'missing required field "action" in mitigations[0]'],
  ["Risk", "/mitigations/0/status", "doing", "/mitigations/0/status", "expected one of planned, in-progress, done"],
  ["Risk", "/costImpact/max", DELETE, "/costImpact", 'missing required field "max" in costImpact'],
  ["Risk", "/scheduleImpact/min", -1, "/scheduleImpact/min", "min must be at least 0 (found -1)"],
  ["Risk", "/proximity", "next month", "/proximity", "is not a valid date"],
  // Issue
  ["Issue", "/raised", DELETE, "", 'missing required field "raised"'],
  ["Issue", "/status", "done", "/status", "expected one of open, in-progress, resolved, closed"],
  ["Issue", "/priority", "urgent", "/priority", "expected one of low, medium, high, critical"],
  ["Issue", "/portfolio", "PF-digital", "/portfolio", '"project" and "portfolio" cannot both be given in issue'],
  // Decision
  ["Decision", "/title", DELETE, "", 'missing required field "title"'],
  ["Decision", "/date", "yesterday", "/date", 'date: "yesterday" is not a valid date'],
  ["Decision", "/status", "accepted", "/status", "expected one of proposed, approved, rejected, deferred, superseded"],
  [
    "Decision",
    "/approves/type",
    "gate",
    "/approves/type",
    "expected one of stage-gate, rebaseline, budget-change, scope-change, other",
  ],
  ["Decision", "/approves/stage", "build", "/approves/stage", "is not a valid stage"],
  ["Decision", "/supersedes", "D 000", "/supersedes", 'supersedes: "D 000" is not a valid id'],
  ["Decision", "/due", "Friday", "/due", 'due: "Friday" is not a valid date'],
  ["Decision", "/amount/value", -1, "/amount/value", "value must be at least 0 (found -1)"],
  ["Decision", "/amount/currency", "euro", "/amount/currency", "currency"],
  ["Decision", "/amount", 850000, "/amount", "amount: expected an object"],
  ["Decision", "/options/1/title", DELETE, "/options/1", 'missing required field "title" in options[1]'],
  ["Decision", "/options", [], "/options", "options must have at least 1 item"],
  ["Decision", "/recommendation", {}, "/recommendation", "recommendation"],
  // Person
  ["Person", "/email", "priya", "/email", '"priya" is not a valid email address'],
  ["Person", "/name", 42, "/name", "name: expected a string, found the number 42"],
  ["Person", "/organization", "Northwind", "/organization", 'did you mean "organisation"?'],
];

describe("one mutation at a time", () => {
  it.each(MUTATIONS)("%s %s = %j", (kind, pointer, value, expectedPointer, fragment) => {
    const problems = validateDocument(kind, mutate(BASELINES[kind]!, pointer, value));
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    const match = problems.find((p) => p.pointer === expectedPointer && p.message.includes(fragment));
    expect(match, JSON.stringify(problems, null, 2)).toBeDefined();
    // A single mutation is a single mistake: noise from oneOf/if branches must not pile up.
    expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  });
});

describe("special cases", () => {
  it("reports an unknown field at the key itself, with the allowed fields and a suggestion", () => {
    const problems = validateDocument("Project", mutate(BASELINES["Project"]!, "/sponser", "Anna"));
    expect(problems).toEqual([
      expect.objectContaining({
        pointer: "/sponser",
        keyword: "additionalProperties",
        message: expect.stringMatching(
          /^unknown field "sponser" in project \(allowed: apiVersion, kind, id, name, .*sponsor.*; did you mean "sponsor"\?\)$/,
        ),
      }),
    ]);
  });

  it("gives no suggestion when nothing is close", () => {
    const [problem] = validateDocument("Person", mutate(BASELINES["Person"]!, "/favouriteColour", "blue"));
    expect(problem?.message).toBe(
      'unknown field "favouriteColour" in person (allowed: apiVersion, kind, id, name, email, role, organisation)',
    );
  });

  it("escapes the pointer of an unknown key containing a slash", () => {
    const [problem] = validateDocument("Person", { ...BASELINES["Person"], "a/b": 1 });
    expect(problem?.pointer).toBe("/a~1b");
  });

  it("allows x- extension keys on every object, with any value", () => {
    const doc = structuredClone(BASELINES["Project"]!) as Record<string, any>;
    doc["x-cost-centre"] = "CC-1";
    doc.schedule["x-note"] = { nested: [1, 2] };
    doc.status["x-source"] = null;
    doc.milestones[0]["x-jira"] = "PERM-12";
    doc.milestones[1].estimate["x-method"] = "PERT";
    doc.scores["x-comment"] = "scored by the board";
    expect(validateDocument("Project", doc)).toEqual([]);
    const engagement = structuredClone(BASELINES["Engagement"]!) as Record<string, any>;
    engagement.governance.risk.scale["x-legacy"] = true;
    engagement.statusScale = [{ value: "on-track", label: "On track", "x-icon": "check" }];
    expect(validateDocument("Engagement", engagement)).toEqual([]);
  });

  it("rejects keys that only look like extensions", () => {
    const [problem] = validateDocument("Person", { ...BASELINES["Person"], x_note: "n" });
    expect(problem?.pointer).toBe("/x_note");
  });

  it("rejects the impossible date 2026-02-30 but accepts 2028-02-29", () => {
    const bad = validateDocument("Issue", mutate(BASELINES["Issue"]!, "/raised", "2026-02-30"));
    expect(bad).toEqual([
      {
        pointer: "/raised",
        keyword: "format",
        message: 'raised: "2026-02-30" is not a valid date: expected YYYY-MM-DD (a real calendar date)',
      },
    ]);
    expect(validateDocument("Issue", mutate(BASELINES["Issue"]!, "/raised", "2028-02-29"))).toEqual([]);
  });

  it("accepts the built-in and custom status scales", () => {
    for (const scale of [
      "rag",
      "dca5",
      [
        { value: "on-track", label: "On track", color: "#2e7d32" },
        { value: "off-track", label: "Off track" },
      ],
    ]) {
      expect(validateDocument("Engagement", mutate(BASELINES["Engagement"]!, "/statusScale", scale))).toEqual([]);
    }
  });

  it("accepts opportunities with opportunity responses", () => {
    const opportunity = { ...BASELINES["Risk"], type: "opportunity", response: "exploit" };
    expect(validateDocument("Risk", opportunity)).toEqual([]);
    const [problem] = validateDocument("Risk", { ...opportunity, response: "mitigate" });
    expect(problem).toMatchObject({
      pointer: "/response",
      message: '"mitigate" is not a valid response: expected one of exploit, enhance, share, accept, escalate',
    });
  });

  it("leaves decidedBy and date of an approved decision to pmo check, as the data model says", () => {
    const approved = { ...BASELINES["Decision"], status: "approved" } as Doc;
    delete approved["decidedBy"];
    delete approved["date"];
    expect(validateDocument("Decision", approved)).toEqual([]);
  });

  it("reports every problem of a document, sorted by pointer", () => {
    const doc = { apiVersion: "pmo/v1", kind: "Project", id: "P", stage: "nope", percentComplete: -1, zzz: 1 };
    const problems = validateDocument("Project", doc);
    expect(problems.map((p) => p.pointer)).toEqual(["", "/percentComplete", "/stage", "/zzz"]);
    expect(problems[0]?.message).toBe('missing required field "name"');
    expect(validateDocument("Project", doc)).toEqual(problems);
  });

  it("orders array indexes numerically", () => {
    const doc = structuredClone(BASELINES["Project"]!) as Record<string, any>;
    doc.milestones = Array.from({ length: 11 }, (_, i) => ({ id: `M${i}`, name: i === 2 || i === 10 ? "" : "m" }));
    expect(validateDocument("Project", doc).map((p) => p.pointer)).toEqual([
      "/milestones/2/name",
      "/milestones/10/name",
    ]);
  });

  it("explains a document that is not an object", () => {
    expect(validateDocument("Person", "Priya")).toEqual([
      {
        pointer: "",
        keyword: "type",
        message: 'person: expected an object (key: value pairs), found a string ("Priya")',
      },
    ]);
    expect(validateDocument("Person", null)[0]?.message).toBe(
      "person: expected an object (key: value pairs), found nothing (an empty value)",
    );
  });

  it("gives the property description as a hint for a missing field", () => {
    const [problem] = validateDocument("Project", mutate(BASELINES["Project"]!, "/stage", DELETE));
    expect(problem?.hint).toMatch(/^stage: Lifecycle stage/);
  });
});

describe("unknown kinds", () => {
  it("reports one problem at /kind listing the known kinds", () => {
    expect(validateDocument("Projct", { kind: "Projct" })).toEqual([
      {
        pointer: "/kind",
        keyword: "enum",
        message:
          'unknown kind "Projct": expected one of Engagement, Portfolio, Project, Risk, Issue, Decision, Person (did you mean "Project"?)',
      },
    ]);
  });

  it("is case-sensitive but suggests the right spelling", () => {
    expect(validateDocument("project", {})[0]?.message).toContain('did you mean "Project"?');
  });

  it("reports a missing kind", () => {
    expect(validateDocument("", {})).toEqual([
      {
        pointer: "",
        keyword: "required",
        message:
          'missing required field "kind" (expected one of Engagement, Portfolio, Project, Risk, Issue, Decision, Person)',
      },
    ]);
  });
});

describe("validateConfig", () => {
  it("accepts an empty config and ignore patterns", () => {
    expect(validateConfig({})).toEqual([]);
    expect(validateConfig({ ignore: ["drafts/", "**/*.template.yaml", "!keep.yaml"], "x-team": "pmo" })).toEqual([]);
  });

  it("rejects unknown keys with a suggestion, and wrong types", () => {
    expect(validateConfig({ ignores: ["a"] })).toEqual([
      expect.objectContaining({
        pointer: "/ignores",
        message:
          'unknown field "ignores" in configuration (allowed: ignore, extends, rules, overrides, thresholds, riskMatrix, waivers, report; did you mean "ignore"?)',
      }),
    ]);
    expect(validateConfig({ ignore: "drafts/" })).toEqual([
      { pointer: "/ignore", keyword: "type", message: 'ignore: expected a list, found a string ("drafts/")' },
    ]);
    expect(validateConfig({ ignore: [""] })).toEqual([
      { pointer: "/ignore/0", keyword: "minLength", message: "ignore item must not be empty" },
    ]);
    expect(validateConfig(null)[0]?.message).toBe(
      "configuration: expected an object (key: value pairs), found nothing (an empty value)",
    );
  });
});

describe("getSchema and schemaNames", () => {
  it("lists the kinds, then config and common", () => {
    expect(schemaNames()).toEqual([
      "engagement",
      "portfolio",
      "project",
      "risk",
      "issue",
      "decision",
      "person",
      "config",
      "import-mapping",
      "common",
    ]);
  });

  it("returns a schema by name, kind or file name, as a copy", () => {
    const schema = getSchema("project") as { $id: string; title: string };
    expect(schema.$id).toBe("https://pmo.dev/schemas/v1/project.schema.json");
    expect(getSchema("Project")).toEqual(schema);
    expect(getSchema("project.schema.json")).toEqual(schema);
    schema.title = "changed";
    expect((getSchema("project") as { title: string }).title).not.toBe("changed");
  });

  it("throws on an unknown name, listing the known ones", () => {
    expect(() => getSchema("projet")).toThrow(
      'unknown schema "projet": expected one of engagement, portfolio, project, risk, issue, decision, person, config, import-mapping, common (did you mean "project"?)',
    );
  });
});
