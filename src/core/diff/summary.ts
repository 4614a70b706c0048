import type { PmoDocument } from "../../model/document.js";
import type { Severity } from "../../model/diagnostic.js";
import type { Settings } from "../rules/index.js";
import { signedDays, signedMoney, signedPercent } from "./context.js";
import { evmCrossings } from "./evm.js";
import { isHighThreat } from "./risk.js";
import type { DiffSummary, EntityChange, FindingChange, MoneyDelta } from "./types.js";
import { num, obj, str } from "./values.js";

export interface SummaryInput {
  changes: readonly EntityChange[];
  base: { documents: readonly PmoDocument[]; settings: Settings };
  head: { documents: readonly PmoDocument[]; settings: Settings };
  introduced: readonly FindingChange[];
  resolved: readonly FindingChange[];
  /** The date earned value is judged at on both sides; without it, no EVM crossings are listed. */
  asOf?: string;
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
    entities: { added: count((c) => c.change === "added"), removed: count((c) => c.change === "removed"), modified: count((c) => c.change === "modified"), renamed: count((c) => c.change === "renamed") },
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
    evm: input.asOf === undefined ? [] : evmCrossings(input.base.documents, input.head.documents, input.asOf, input.head.settings.currency),
    risks: {
      added: count((c) => c.kind === "Risk" && c.change === "added"),
      closed: details("Risk").filter((d) => d.type === "risk-status" && d.to === "closed").length,
      rescored: details("Risk").filter((d) => d.type === "risk-score" && d.scoreFrom !== undefined).length,
      newHigh,
    },
    findings: { introduced: input.introduced.length, resolved: input.resolved.length, introducedBySeverity },
  };
  return { ...summary, text: summaryLine(summary) };
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
    return [{ currency, before, after, delta, ...(before !== 0 ? { percent: Math.round((delta / before) * 1000) / 10 } : {}) }];
  });
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/**
 * "3 projects worsened, 1 improved, 2 new; 4 milestones slipped (max +45 days); forecast
 * +EUR 1.2M (+3.1%); 2 new high risks; governance: 3 findings introduced, 1 resolved".
 */
export function summaryLine(s: Omit<DiffSummary, "text">): string {
  const parts: string[] = [];
  const group = (noun: string, items: [number, string][]) => {
    const present = items.filter(([n]) => n > 0);
    if (present.length === 0) return;
    const [[n, word], ...rest] = present as [[number, string], ...[number, string][]];
    const first = word === "new" ? `${n} new ${n === 1 ? noun : `${noun}s`}` : `${plural(n, noun)} ${word}`;
    parts.push([first, ...rest.map(([m, w]) => `${m} ${w}`)].join(", "));
  };
  group("project", [[s.projects.worsened, "worsened"], [s.projects.improved, "improved"], [s.projects.added, "new"], [s.projects.removed, "removed"]]);
  const slipped = s.milestones.slipped > 0 ? `slipped (max ${signedDays(s.milestones.maxSlipDays)})` : "slipped";
  group("milestone", [[s.milestones.slipped, slipped], [s.milestones.pulledIn, "pulled in"], [s.milestones.completed, "completed"], [s.milestones.added, "added"], [s.milestones.removed, "removed"]]);
  if (s.forecast.length > 0) {
    parts.push(`forecast ${s.forecast.map((f) => `${signedMoney(f.delta, f.currency)}${f.percent !== undefined ? ` (${signedPercent(f.percent)})` : ""}`).join(", ")}`);
  }
  if (s.evm.length > 0) parts.push(`earned value: ${s.evm.map((c) => c.text).join(", ")}`);
  if (s.risks.newHigh > 0) parts.push(`${s.risks.newHigh} new high ${s.risks.newHigh === 1 ? "risk" : "risks"}`);
  if (parts.length === 0) {
    const e = s.entities;
    const total = e.added + e.removed + e.modified + e.renamed;
    parts.push(total === 0 ? "no changes in meaning" : `${plural(total, "entity", "entities")} changed`);
  }
  const f = s.findings;
  const governance =
    f.introduced === 0 && f.resolved === 0
      ? "no findings introduced or resolved"
      : [f.introduced > 0 ? `${plural(f.introduced, "finding")} introduced` : undefined, f.resolved > 0 ? `${f.introduced > 0 ? f.resolved : plural(f.resolved, "finding")} resolved` : undefined].filter(Boolean).join(", ");
  parts.push(`governance: ${governance}`);
  return parts.join("; ");
}
