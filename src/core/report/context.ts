import type { Diagnostic } from "../../model/diagnostic.js";
import type { BaselinePlan } from "../analytics/evm/index.js";
import type { Catalog, Facts } from "../domain/index.js";
import type { WaivedDiagnostic } from "../format/index.js";
import type { ProjectHistory } from "../history/index.js";
import type { Settings } from "../rules/index.js";
import type { Chart } from "./charts/index.js";
import type { ReportHistory } from "./history.js";
import type { Links } from "./links.js";
import type { StatusView } from "./status.js";

/** Everything a view builder reads: the model, the judgement date and the check result. No I/O. */
export interface ReportContext {
  catalog: Catalog;
  settings: Settings;
  /** The domain's derived facts: views read slip, stale status, risk bands... here, as the rules do. */
  facts: Facts;
  asOf: string;
  /** Active findings of `pmo check` (validation and governance), files relative to the repository. */
  findings: readonly Diagnostic[];
  waived: readonly WaivedDiagnostic[];
  /** Findings about one entity (or, without an entity, in its file), from an index built once. */
  findingsFor(id: string, file: string): { active: Diagnostic[]; waived: WaivedDiagnostic[] };
  scale: readonly StatusView[];
  /** The values that say "no rating" (not assessed or withheld): rank -1, grey, off the scale's order. */
  notAssessed: readonly StatusView[];
  status(value: string | undefined): StatusView | null;
  links: Links;
  /** The git history, or why there is none (the trend charts and "what changed state"). */
  history: ReportHistory;
  /** One project's history, from an index built once. */
  projectHistory(id: string): ProjectHistory | undefined;
  /** How the report is laid out for the size of the portfolio (config `report`). */
  layout: ReportLayout;
  /** One file (`--single`, `--format pdf`): full tables are sections of the page, not pages. */
  single: boolean;
  /** The schedule forecast's iterations and seed; null leaves it out; absent, the default (views/schedule.ts). */
  forecast?: ReportForecast | null;
  /** `--baseline NAME`: the plan earned value is measured against (the catalog is merged with it already). */
  baselinePlan?: BaselinePlan;
}

export interface ReportForecast {
  iterations: number;
  seed: number;
}

/**
 * Above `exceptionsAbove` projects the dashboard shows the exceptions and the totals, each
 * list at most `dashboardRows` long, and the full tables go on their own pages of at most
 * `rowsPerPage` rows.
 */
export interface ReportLayout {
  exceptionsAbove: number;
  rowsPerPage: number;
  dashboardRows: number;
  /** Whether the full tables are there to link to (an audience's pack may leave them out). */
  tables: boolean;
}

export const DEFAULT_LAYOUT: ReportLayout = { exceptionsAbove: 50, rowsPerPage: 50, dashboardRows: 6, tables: true };

/** A chart as a view holds it: inline SVG for HTML, a file beside the page for Markdown. */
export interface ChartView {
  title: string;
  description: string;
  svg: string;
  /** Path of the SVG file in the report folder. */
  file: string;
  /** Link to that file from the page being rendered. */
  src: string;
}

export function chartView(chart: Chart, file: string, links: Links): ChartView {
  return {
    title: chart.title,
    description: chart.description,
    svg: chart.svg,
    file: `charts/${file}`,
    src: links.chart(file),
  };
}

/** A person as a report names them: the roster name when there is one, otherwise the reference. */
export function personName(catalog: Catalog, ref: string | undefined): string | null {
  if (ref === undefined) return null;
  return catalog.person(ref)?.value.name ?? ref;
}

/** A reference to a project, portfolio or the engagement, for RAID tables. */
export interface ScopeView {
  id: string | null;
  name: string;
  href: string | null;
}

export function scopeOf(ctx: ReportContext, value: { project?: string; portfolio?: string }): ScopeView {
  if (value.project !== undefined) {
    return {
      id: value.project,
      name: ctx.catalog.project(value.project)?.value.name ?? value.project,
      href: ctx.links.project(value.project),
    };
  }
  if (value.portfolio !== undefined)
    return {
      id: value.portfolio,
      name: ctx.catalog.portfolio(value.portfolio)?.value.name ?? value.portfolio,
      href: ctx.links.portfolio(value.portfolio),
    };
  // An audience's pack may leave the engagement page out (its link is then empty).
  return { id: null, name: "Engagement", href: ctx.links.engagement === "" ? null : ctx.links.engagement };
}

/** A finding as reports list it. */
export interface FindingView {
  ruleId: string;
  severity: string;
  message: string;
  location: string;
  entity: string | null;
  waiver: { source: string; reason: string; approver: string | null; expires: string | null } | null;
}

export function findingView(d: Diagnostic | WaivedDiagnostic): FindingView {
  const waiver = "waiver" in d ? d.waiver : undefined;
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    location: `${d.file}:${d.line}:${d.column}`,
    entity: d.entity ?? null,
    waiver: waiver
      ? {
          source: waiver.source,
          reason: waiver.reason,
          approver: waiver.approver ?? null,
          expires: waiver.expires ?? null,
        }
      : null,
  };
}

/** Indexes findings by entity and by file, so that pages of 10,000 projects stay linear. */
export function indexFindings(
  findings: readonly Diagnostic[],
  waived: readonly WaivedDiagnostic[],
): ReportContext["findingsFor"] {
  const byKey = new Map<string, { active: Diagnostic[]; waived: WaivedDiagnostic[] }>();
  const add = (d: Diagnostic, list: "active" | "waived"): void => {
    const key = d.entity !== undefined ? `id:${d.entity}` : `file:${d.file}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { active: [], waived: [] };
      byKey.set(key, entry);
    }
    (entry[list] as Diagnostic[]).push(d);
  };
  for (const d of findings) add(d, "active");
  for (const d of waived) add(d, "waived");
  return (id, file) => {
    const a = byKey.get(`id:${id}`);
    const b = byKey.get(`file:${file}`);
    return {
      active: [...(a?.active ?? []), ...(b?.active ?? [])],
      waived: [...(a?.waived ?? []), ...(b?.waived ?? [])],
    };
  };
}
