import type { PmoDocument } from "../../model/document.js";
import type { Severity } from "../../model/diagnostic.js";
import type { Settings } from "../rules/index.js";
import { signedDuration, signedMoney, signedPercent } from "./context.js";
import type { EvmChange, EvmCrossing } from "./evm.js";
import { isHighThreat } from "./risk.js";
import type {
  DiffDecision,
  DiffResult,
  DiffSummary,
  EntityChange,
  FindingChange,
  MoneyDelta,
  MoneySplit,
} from "./types.js";
import { num, obj, str } from "./values.js";

export interface SummaryInput {
  changes: readonly EntityChange[];
  base: { documents: readonly PmoDocument[]; settings: Settings };
  head: { documents: readonly PmoDocument[]; settings: Settings };
  introduced: readonly FindingChange[];
  resolved: readonly FindingChange[];
  decision: DiffDecision;
  validity: DiffResult["validity"];
  /** Every CPI, SPI and EAC change (evmChanges, judged at the diff's --as-of); none without one. */
  evm?: readonly EvmChange[];
}

/** Counts and totals of a diff, and the one-line summary. */
export function summarise(input: SummaryInput): DiffSummary {
  const { changes } = input;
  const count = (pred: (c: EntityChange) => boolean) => changes.filter(pred).length;
  const projects = changes.filter((c) => c.kind === "Project");
  const details = (kind: string) => changes.filter((c) => c.kind === kind).flatMap((c) => c.details);
  const pd = details("Project");
  const slips = pd.filter((d) => d.type === "milestone-slipped").map((d) => d.days ?? 0);

  const baseRisks = new Map(input.base.documents.filter((d) => d.kind === "Risk" && d.id).map((d) => [d.id!, d.value]));
  const renamedFrom = new Map(changes.filter((c) => c.change === "renamed").map((c) => [c.id, c.previousId!]));
  const newHigh = input.head.documents.filter((d) => {
    if (d.kind !== "Risk" || !d.id || !isHighThreat(d.value, input.head.settings)) return false;
    const before = baseRisks.get(renamedFrom.get(d.id) ?? d.id);
    return !isHighThreat(before, input.base.settings);
  }).length;

  const introducedBySeverity: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  for (const f of input.introduced) introducedBySeverity[f.severity]++;

  const summary: Omit<DiffSummary, "text"> = {
    entities: {
      added: count((c) => c.change === "added"),
      removed: count((c) => c.change === "removed"),
      modified: count((c) => c.change === "modified"),
      renamed: count((c) => c.change === "renamed"),
    },
    projects: {
      worsened: projects.filter((c) => c.direction === "worsened").length,
      improved: projects.filter((c) => c.direction === "improved").length,
      added: projects.filter((c) => c.change === "added").length,
      removed: projects.filter((c) => c.change === "removed").length,
    },
    milestones: {
      slipped: slips.length,
      maxSlipDays: slips.length > 0 ? Math.max(...slips) : 0,
      pulledIn: pd.filter((d) => d.type === "milestone-pulled-in").length,
      completed: pd.filter((d) => d.type === "milestone-completed" && d.from === undefined).length,
      added: pd.filter((d) => d.type === "milestone-added").length,
      removed: pd.filter((d) => d.type === "milestone-removed").length,
    },
    forecast: forecastDeltas(input.base, input.head),
    evm: (input.evm ?? []).filter((c): c is EvmCrossing => c.threshold !== null),
    evmChanged: (input.evm ?? []).filter((c) => c.threshold === null).length,
    risks: {
      added: count((c) => c.kind === "Risk" && c.change === "added"),
      closed: details("Risk").filter((d) => d.type === "risk-status" && d.to === "closed").length,
      rescored: details("Risk").filter((d) => d.type === "risk-score" && d.scoreFrom !== undefined).length,
      newHigh,
    },
    findings: { introduced: input.introduced.length, resolved: input.resolved.length, introducedBySeverity },
    validity: {
      base: { valid: input.validity.base.valid, errors: input.validity.base.errors.length },
      head: { valid: input.validity.head.valid, errors: input.validity.head.errors.length },
    },
    statusScaleChanged: input.decision.statusScale !== undefined,
    statusChanges: input.decision.statusChanges.filter((m) => m.direction === undefined).length,
    finishes: {
      slipped: input.decision.finishSlips.length,
      maxSlipDays: input.decision.finishSlips[0]?.days ?? 0,
      pulledIn: input.decision.finishPullIns.length,
    },
    money: input.decision.money,
    overrunsGrown: input.decision.overruns.length,
    ranks: {
      changed: input.decision.ranks.filter((m) => m.fromRank !== m.toRank).length,
      nowBelowCutLine: input.decision.ranks.filter((m) => m.crossedCutLine === "now below").length,
      nowFunded: input.decision.ranks.filter((m) => m.crossedCutLine === "now funded").length,
    },
  };
  return { ...summary, text: summaryLine(summary, input.decision, input.validity) };
}

/** Total forecast cost per currency on each side; currencies are never added together. */
function forecastDeltas(base: SummaryInput["base"], head: SummaryInput["head"]): MoneyDelta[] {
  const totals = (side: SummaryInput["base"]) => {
    const map = new Map<string, number>();
    for (const d of side.documents) {
      if (d.kind !== "Project") continue;
      const budget = obj(d.value["budget"]);
      const forecast = num(budget?.["forecast"]);
      if (forecast === undefined) continue;
      const currency = str(budget?.["currency"]) ?? side.settings.currency;
      map.set(currency, (map.get(currency) ?? 0) + forecast);
    }
    return map;
  };
  const a = totals(base);
  const b = totals(head);
  const currencies = [...new Set([...a.keys(), ...b.keys()])].sort();
  return currencies.flatMap((currency) => {
    const before = a.get(currency) ?? 0;
    const after = b.get(currency) ?? 0;
    if (before === after) return [];
    const delta = after - before;
    return [
      {
        currency,
        before,
        after,
        delta,
        ...(before !== 0 ? { percent: Math.round((delta / before) * 1000) / 10 } : {}),
      },
    ];
  });
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/**
 * "head does not validate (2 errors in 1 file); 3 projects worsened, 1 improved, 2 new; 4
 * finishes slipped (max +400 days, about 13 months); 2 milestones slipped (max +45 days);
 * forecast +EUR 1.2M (+3.1%) like for like, ...; 1 overrun grew (15% -> 25%); 2 new high risks;
 * governance: 3 findings introduced (2 rules), 1 resolved". What a decision needs comes first.
 */
export function summaryLine(
  s: Omit<DiffSummary, "text">,
  decision?: DiffDecision,
  validity?: DiffResult["validity"],
): string {
  const parts: string[] = [];
  for (const side of ["base", "head"] as const) {
    const v = s.validity?.[side];
    if (!v || v.valid) continue;
    const files = validity?.[side].files;
    const named = validity ? `${side} (${validity[side].label})` : side;
    parts.push(
      `${named} does not validate (${plural(v.errors, "error")}${files !== undefined ? ` in ${plural(files, "file")}` : ""})`,
    );
  }
  if (decision?.statusScale)
    parts.push(`status scale changed ${decision.statusScale.from.name} -> ${decision.statusScale.to.name}`);
  const group = (noun: string, items: [number, string][], many = `${noun}s`) => {
    const present = items.filter(([n]) => n > 0);
    if (present.length === 0) return;
    const [[n, word], ...rest] = present as [[number, string], ...[number, string][]];
    const first = word === "new" ? `${n} new ${n === 1 ? noun : many}` : `${plural(n, noun, many)} ${word}`;
    parts.push([first, ...rest.map(([m, w]) => `${m} ${w}`)].join(", "));
  };
  const unrated = decision ? decision.statusChanges.filter((m) => m.reason === "no-longer-rated").length : 0;
  const rated = decision ? decision.statusChanges.filter((m) => m.reason === "now-rated").length : 0;
  const rescaled = decision ? decision.statusChanges.filter((m) => m.reason === "scale-changed").length : 0;
  group("project", [
    [s.projects.worsened, "worsened"],
    [s.projects.improved, "improved"],
    [rescaled, "re-rated on the new scale"],
    [unrated, "no longer rated"],
    [rated, "now rated"],
    [s.projects.added, "new"],
    [s.projects.removed, "removed"],
  ]);
  const finishes = s.finishes;
  if (finishes)
    group(
      "finish",
      [
        [finishes.slipped, `slipped (max ${signedDuration(finishes.maxSlipDays)})`],
        [finishes.pulledIn, "pulled in"],
      ],
      "finishes",
    );
  const slipped = s.milestones.slipped > 0 ? `slipped (max ${signedDuration(s.milestones.maxSlipDays)})` : "slipped";
  group("milestone", [
    [s.milestones.slipped, slipped],
    [s.milestones.pulledIn, "pulled in"],
    [s.milestones.completed, "completed"],
    [s.milestones.added, "added"],
    [s.milestones.removed, "removed"],
  ]);
  const money = s.money ?? [];
  if (money.length > 0) parts.push(`forecast ${money.map(moneyText).join("; ")}`);
  else if (s.forecast.length > 0) {
    parts.push(
      `forecast ${s.forecast.map((f) => `${signedMoney(f.delta, f.currency)}${f.percent !== undefined ? ` (${signedPercent(f.percent)})` : ""}`).join(", ")}`,
    );
  }
  if (decision && decision.overruns.length > 0) {
    const top = decision.overruns[0]!;
    parts.push(
      `${plural(decision.overruns.length, "overrun")} grew (${decision.overruns.length > 1 ? "largest " : ""}${top.id} ${fmtPercent(top.from)} -> ${fmtPercent(top.to)} over approved)`,
    );
  }
  const r = s.ranks;
  if (r && r.nowBelowCutLine + r.nowFunded > 0) {
    const crossing = [
      r.nowBelowCutLine > 0 ? `${plural(r.nowBelowCutLine, "project")} now below the cut line` : "",
      r.nowFunded > 0 ? `${plural(r.nowFunded, "project")} now funded` : "",
    ]
      .filter(Boolean)
      .join(", ");
    parts.push(`${crossing}${r.changed > 0 ? ` (${plural(r.changed, "rank change")})` : ""}`);
  } else if (r && r.changed > 0) parts.push(plural(r.changed, "rank change"));
  else if (decision?.ranksNotCompared !== undefined) parts.push("ranking not compared");
  const otherEvm = s.evmChanged > 0 ? plural(s.evmChanged, "other CPI, SPI or EAC change") : "";
  if (s.evm.length > 0)
    parts.push(`earned value: ${s.evm.map((c) => c.text).join(", ")}${otherEvm ? ` (and ${otherEvm})` : ""}`);
  else if (otherEvm)
    parts.push(`earned value: ${plural(s.evmChanged, "CPI, SPI or EAC change")}, none crossing a threshold`);
  if (s.risks.newHigh > 0) parts.push(`${s.risks.newHigh} new high ${s.risks.newHigh === 1 ? "risk" : "risks"}`);
  if (parts.length === 0) {
    const e = s.entities;
    const total = e.added + e.removed + e.modified + e.renamed;
    parts.push(total === 0 ? "no changes in meaning" : `${plural(total, "entity", "entities")} changed`);
  }
  const f = s.findings;
  const rules = decision ? new Set(decision.findings.filter((g) => g.introduced > 0).map((g) => g.ruleId)).size : 0;
  const byRule = rules > 1 ? ` (${rules} rules)` : "";
  const governance =
    f.introduced === 0 && f.resolved === 0
      ? "no findings introduced or resolved"
      : [
          f.introduced > 0 ? `${plural(f.introduced, "finding")} introduced${byRule}` : undefined,
          f.resolved > 0 ? `${f.introduced > 0 ? f.resolved : plural(f.resolved, "finding")} resolved` : undefined,
        ]
          .filter(Boolean)
          .join(", ");
  parts.push(`governance: ${governance}`);
  return parts.join("; ");
}

function fmtPercent(p: number): string {
  return `${Math.round(p * 10) / 10}%`;
}

/**
 * One currency's forecast change: the like-for-like change first; the projects joining and
 * leaving and the forecasts newly unknown after it, then the total, only when they exist.
 */
export function moneyText(m: MoneySplit): string {
  const l = m.likeForLike;
  const lfl = `${signedMoney(l.delta, m.currency)}${l.percent !== undefined ? ` (${signedPercent(l.percent)})` : ""}`;
  const rest: string[] = [];
  if (m.joined.projects > 0)
    rest.push(`${signedMoney(m.joined.amount, m.currency)} joining (${plural(m.joined.projects, "project")})`);
  if (m.left.projects > 0)
    rest.push(`${signedMoney(-m.left.amount, m.currency)} leaving (${plural(m.left.projects, "project")})`);
  if (m.newlyUnknown.projects > 0)
    rest.push(
      `${signedMoney(-m.newlyUnknown.amount, m.currency)} newly unknown (${plural(m.newlyUnknown.projects, "project")})`,
    );
  if (m.newlyKnown.projects > 0)
    rest.push(
      `${signedMoney(m.newlyKnown.amount, m.currency)} newly known (${plural(m.newlyKnown.projects, "project")})`,
    );
  if (m.notCompared > 0) rest.push(`${plural(m.notCompared, "project")} not compared (invalid)`);
  if (rest.length === 0) return lfl;
  const first = l.projects === 0 ? [] : [l.delta === 0 ? "unchanged like for like" : `${lfl} like for like`];
  // With projects not compared, the total would count an unreadable file as a saving: left out.
  if (m.notCompared > 0) return [...first, ...rest].join(", ");
  const t = m.total;
  return `${[...first, ...rest].join(", ")}: total ${signedMoney(t.delta, m.currency)}${t.percent !== undefined ? ` (${signedPercent(t.percent)})` : ""}`;
}
