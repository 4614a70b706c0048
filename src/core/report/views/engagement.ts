import type { ReportContext } from "../context.js";
import { personName } from "../context.js";
import { computeMetrics, metricOf, type MetricValue } from "../kpis.js";
import { decisionRows, issueRows, type DecisionRow, type IssueRow } from "../raid.js";
import { messageView, type StatusMessageView } from "./portfolio.js";

export interface KpiView {
  id: string;
  name: string;
  target: number;
  unit: string | null;
  direction: string;
  measure: string | null;
  /** The current value when pmo can compute it from the repository. */
  current: MetricValue | null;
  /** met, missed, or null when there is no current value. */
  assessment: "met" | "missed" | null;
}

export interface EngagementView {
  id: string;
  name: string;
  description: string | null;
  /** The PMO's status message for the period. */
  message: StatusMessageView | null;
  /** Issues and decisions that belong to the engagement itself (neither a project nor a portfolio). */
  issues: IssueRow[];
  decisions: DecisionRow[];
  client: { name: string; sector: string | null; country: string | null };
  provider: { name: string; contact: string | null };
  pmoTypes: string[];
  phase: { current: string; since: string; plan: { phase: string; start: string; end: string; current: boolean }[] };
  scope: { services: string[]; excluded: string[]; notes: string | null };
  objectives: { id: string; description: string; measure: string | null; target: string | null }[];
  reporting: {
    cadence: string | null;
    statusValidityDays: number;
    audiences: { name: string; cadence: string | null; formats: string[] }[];
    formats: string[];
  };
  forums: { id: string; name: string; chair: string | null; cadence: string | null; members: string[] }[];
  tolerances: { budgetPercent: number; scheduleDays: number; schedulePercent: number | null };
  risk: {
    probabilityMax: number;
    impactMax: number;
    highThreshold: number;
    criticalThreshold: number;
    appetite: string | null;
    reviewDays: number;
  };
  kpis: KpiView[];
  metrics: MetricValue[];
  reviews: { last: string | null; next: string | null };
  contacts: { name: string; role: string; email: string | null }[];
  currency: string;
  statusScale: string;
}

/** The engagement page: the PMO service itself, its arrangements and how it is doing against its KPIs. */
export function buildEngagementView(ctx: ReportContext): EngagementView | null {
  const entry = ctx.catalog.engagement;
  if (!entry) return null;
  const e = entry.value;
  const { settings, catalog } = ctx;
  const metrics = computeMetrics(ctx);
  return {
    id: e.id,
    name: e.name,
    description: e.description ?? null,
    message: messageView(ctx, e.message),
    issues: issueRows(
      ctx,
      catalog.issues.filter((i) => i.value.project === undefined && i.value.portfolio === undefined),
    ),
    decisions: decisionRows(
      ctx,
      catalog.decisions.filter((d) => d.value.project === undefined && d.value.portfolio === undefined),
    ),
    client: { name: e.client.name, sector: e.client.sector ?? null, country: e.client.country ?? null },
    provider: { name: e.provider.name, contact: personName(catalog, e.provider.contact) },
    pmoTypes: e.pmoType,
    phase: {
      current: e.phase.current,
      since: e.phase.since,
      plan: (e.phase.plan ?? []).map((p) => ({
        phase: p.phase,
        start: p.start,
        end: p.end,
        current: p.phase === e.phase.current,
      })),
    },
    scope: { services: e.scope.services, excluded: e.scope.excluded ?? [], notes: e.scope.notes ?? null },
    objectives: (e.objectives ?? []).map((o) => ({
      id: o.id,
      description: o.description,
      measure: o.measure ?? null,
      target: o.target === undefined ? null : String(o.target),
    })),
    reporting: {
      cadence: e.reporting?.cadence ?? null,
      statusValidityDays: settings.statusValidityDays,
      audiences: (e.reporting?.audiences ?? []).map((a) => ({
        name: a.name,
        cadence: a.cadence ?? null,
        formats: a.formats ?? [],
      })),
      formats: e.reporting?.formats ?? [],
    },
    forums: (e.governance?.forums ?? []).map((f) => ({
      id: f.id,
      name: f.name,
      chair: personName(catalog, f.chair),
      cadence: f.cadence ?? null,
      members: (f.members ?? []).map((m) => personName(catalog, m)!),
    })),
    tolerances: {
      budgetPercent: settings.budgetTolerancePercent,
      scheduleDays: settings.scheduleToleranceDays,
      schedulePercent: settings.scheduleTolerancePercent ?? null,
    },
    risk: {
      probabilityMax: settings.risk.probabilityMax,
      impactMax: settings.risk.impactMax,
      highThreshold: settings.risk.highThreshold,
      criticalThreshold: settings.risk.criticalThreshold,
      appetite: e.governance?.risk?.appetite ?? null,
      reviewDays: settings.risk.reviewDays,
    },
    kpis: (e.kpis ?? []).map((k) => {
      const metric = metricOf(k);
      const current = metric === null ? null : metrics[metric];
      const direction = k.direction ?? "higher-is-better";
      const value = current?.value ?? null;
      const assessment =
        value === null
          ? null
          : (direction === "higher-is-better" ? value >= k.target : value <= k.target)
            ? "met"
            : "missed";
      return {
        id: k.id,
        name: k.name,
        target: k.target,
        unit: k.unit ?? null,
        direction,
        measure: k.measure ?? null,
        current: value === null ? null : current,
        assessment,
      };
    }),
    metrics: Object.values(metrics),
    reviews: { last: e.reviews?.last ?? null, next: e.reviews?.next ?? null },
    contacts: (e.contacts ?? []).map((c) => ({ name: c.name, role: c.role, email: c.email ?? null })),
    currency: e.currency,
    statusScale: settings.statusScale.name,
  };
}
