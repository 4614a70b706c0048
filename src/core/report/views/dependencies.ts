import type { Project } from "../../../model/entities.js";
import type { PortfolioSchedule } from "../../analytics/schedule/index.js";
import { daysBetween } from "../../dates.js";
import { finishVariance, milestoneVariance, type Catalog } from "../../domain/index.js";
import { formatCsv } from "../../csv.js";
import type { ReportContext } from "../context.js";
import { compareIds } from "../links.js";
import type { StatusView } from "../status.js";
import { cutRows, isLargeSite, REGISTER_ROWS, type CsvFile, type CsvLink } from "./register-cut.js";
import { buildPortfolioScheduleView, scheduleAnalysis, type PortfolioScheduleView } from "./schedule.js";

export interface DependencyProjectRef {
  id: string;
  name: string;
  href: string | null;
  status: StatusView | null;
  stage: string | null;
}

/** One project waiting on another (a project's `dependencies` entry). */
export interface ProjectDependencyRow {
  /** The project that waits. */
  successor: DependencyProjectRef;
  /** The project it waits on; stage and status null when the id names no project. */
  predecessor: DependencyProjectRef;
  type: string;
  description: string | null;
  /** The predecessor's date the link reads: its finish (finish-to-*) or start (start-to-*), actual, else forecast, else baseline. */
  predecessorDate: string | null;
  /** The successor's date the link holds: its start (*-to-start) or finish (*-to-finish), actual, else forecast, else baseline. */
  successorDate: string | null;
  /** The predecessor's finish against its baseline, in days (positive: late). */
  predecessorSlipDays: number | null;
  /** Days between the two dates: positive is margin left, negative the slip the successor must absorb. */
  marginDays: number | null;
  /** The successor already holds an actual date for the end the link drives: the dependency is history. */
  settled: boolean;
}

/** A cross-project link between milestones, as the schedule network dates it. */
export interface MilestoneLinkRow {
  predecessor: {
    key: string;
    name: string;
    project: DependencyProjectRef;
    date: string | null;
    slipDays: number | null;
    complete: boolean;
  };
  successor: {
    key: string;
    name: string;
    project: DependencyProjectRef;
    ownDate: string | null;
    networkDate: string | null;
    complete: boolean;
  };
  type: string;
  lag: number;
  /** Days the predecessors push the successor past its own date (the schedule network's finding). */
  pushedDays: number | null;
  /** Total float of the successor, in the engagement's schedule days. */
  floatDays: number | null;
  critical: boolean;
}

export interface DependenciesView {
  /** Tightest margin first, settled ones last: every one, or the first REGISTER_ROWS of a large site. */
  projects: ProjectDependencyRow[];
  /** Every project dependency, counted. */
  projectCount: number;
  /** Project dependencies whose predecessor date lies after what the successor plans (negative margin, not settled). */
  squeezed: number;
  /** Most pushed first: every one, or the first REGISTER_ROWS of a large site. */
  milestoneLinks: MilestoneLinkRow[];
  /** Every cross-project milestone link, counted. */
  milestoneLinkCount: number;
  /** Why milestone links are not dated, when the schedule network could not be built. */
  networkNote: string | null;
  /** Milestone links whose successor the network pushes past its own date. */
  pushed: number;
  days: "calendar" | "working";
  /** The portfolio's critical paths and the forecast of the finishes at their end (views/schedule.ts). */
  network: PortfolioScheduleView;
  /**
   * Above the exception-first threshold, in a site, each table keeps its first REGISTER_ROWS
   * rows (the tightest, the most pushed) and says how many it left out; every project
   * dependency is in `csv` and every milestone link in `milestoneCsv` (files beside the page).
   * Nothing is cut otherwise (both null).
   */
  cut: { projects: number; milestoneLinks: number; csv: CsvLink | null; milestoneCsv: CsvLink | null };
}

/** Project ids waiting on each project, built once per catalog. */
const dependentsIndex = new WeakMap<Catalog, Map<string, string[]>>();

/** Which projects wait on this one (name it in their `dependencies`), in id order. */
export function dependentsOf(catalog: Catalog, projectId: string): string[] {
  let index = dependentsIndex.get(catalog);
  if (!index) {
    index = new Map();
    for (const { value: p } of catalog.projects) {
      for (const d of p.dependencies ?? []) {
        const list = index.get(d.project) ?? [];
        if (!list.includes(p.id)) list.push(p.id);
        index.set(d.project, list);
      }
    }
    for (const list of index.values()) list.sort(compareIds);
    dependentsIndex.set(catalog, index);
  }
  return index.get(projectId) ?? [];
}

export function projectRef(ctx: ReportContext, id: string): DependencyProjectRef {
  const p = ctx.catalog.project(id)?.value;
  return {
    id,
    name: p?.name ?? id,
    href: ctx.links.project(id),
    status: ctx.status(p?.status?.overall),
    stage: p?.stage ?? null,
  };
}

const startOf = (p: Project | undefined): string | null =>
  p?.schedule?.actualStart ?? p?.schedule?.forecastStart ?? p?.schedule?.baselineStart ?? null;
const finishOf = (p: Project | undefined): string | null =>
  p?.schedule?.actualFinish ?? p?.schedule?.forecastFinish ?? p?.schedule?.baselineFinish ?? null;

/** The rows of one project's `dependencies`. */
export function dependencyRows(ctx: ReportContext, project: Project): ProjectDependencyRow[] {
  return (project.dependencies ?? []).map((d) => {
    const type = d.type ?? "finish-to-start";
    const pred = ctx.catalog.project(d.project)?.value;
    const [predEnd, succEnd] = type.split("-to-") as ["finish" | "start", "finish" | "start"];
    const predecessorDate = predEnd === "finish" ? finishOf(pred) : startOf(pred);
    const successorDate = succEnd === "start" ? startOf(project) : finishOf(project);
    const settled =
      (succEnd === "start" ? project.schedule?.actualStart : project.schedule?.actualFinish) !== undefined;
    return {
      successor: projectRef(ctx, project.id),
      predecessor: projectRef(ctx, d.project),
      type,
      description: d.description ?? null,
      predecessorDate,
      successorDate,
      predecessorSlipDays: pred ? (finishVariance(pred) ?? null) : null,
      marginDays:
        predecessorDate !== null && successorDate !== null ? daysBetween(predecessorDate, successorDate) : null,
      settled,
    };
  });
}

/** Every row of the two tables of the page, in their order, with the network's note and day kind. */
interface DependencyTables {
  projects: ProjectDependencyRow[];
  milestoneLinks: MilestoneLinkRow[];
  networkNote: string | null;
  days: "calendar" | "working";
}

/**
 * The dependencies page: which project waits on which, with the slip each predecessor carries
 * and the margin left, and the cross-project milestone links as the schedule network
 * (src/core/analytics/schedule) dates them, with the days they push their successor.
 */
export function buildDependenciesView(ctx: ReportContext): DependenciesView {
  const { projects, milestoneLinks, networkNote, days } = dependencyTables(ctx);
  const large = isLargeSite(ctx);
  const shownProjects = cutRows(projects, large, REGISTER_ROWS);
  const shownLinks = cutRows(milestoneLinks, large, REGISTER_ROWS);
  return {
    projects: shownProjects.kept,
    projectCount: projects.length,
    squeezed: projects.filter((r) => !r.settled && r.marginDays !== null && r.marginDays < 0).length,
    milestoneLinks: shownLinks.kept,
    milestoneLinkCount: milestoneLinks.length,
    networkNote,
    pushed: milestoneLinks.filter((l) => l.pushedDays !== null && l.pushedDays > 0).length,
    days,
    network: buildPortfolioScheduleView(ctx),
    cut: {
      projects: shownProjects.more,
      milestoneLinks: shownLinks.more,
      csv: large ? { file: "dependencies.csv", rows: projects.length } : null,
      milestoneCsv: large ? { file: "milestone-links.csv", rows: milestoneLinks.length } : null,
    },
  };
}

function dependencyTables(ctx: ReportContext): DependencyTables {
  const projects = [...ctx.catalog.projects]
    .sort((a, b) => compareIds(a.value.id, b.value.id))
    .flatMap((p) => dependencyRows(ctx, p.value))
    .sort(
      (a, b) =>
        (a.settled ? 1 : 0) - (b.settled ? 1 : 0) ||
        (a.marginDays ?? Infinity) - (b.marginDays ?? Infinity) ||
        compareIds(a.successor.id, b.successor.id) ||
        compareIds(a.predecessor.id, b.predecessor.id),
    );

  const crossProject = ctx.catalog.projects.some((p) =>
    (p.value.milestones ?? []).some((m) =>
      (m.dependsOn ?? []).some((d) => (typeof d === "string" ? d : d.milestone).includes("/")),
    ),
  );
  const analysis = crossProject ? scheduleAnalysis(ctx) : undefined;
  const schedule: PortfolioSchedule | undefined = analysis?.schedule ?? undefined;
  const networkNote: string | null = analysis?.note ?? null;
  const milestoneLinks: MilestoneLinkRow[] = [];
  if (schedule) {
    for (const link of schedule.links) {
      const from = schedule.byKey.get(link.from);
      const to = schedule.byKey.get(link.to);
      if (!from || !to || from.project === to.project) continue;
      const fromMilestone = ctx.catalog.project(from.project)?.value.milestones?.[from.index];
      milestoneLinks.push({
        predecessor: {
          key: from.key,
          name: from.name,
          project: projectRef(ctx, from.project),
          date: from.actual ?? from.forecast ?? from.baseline ?? null,
          slipDays: fromMilestone ? (milestoneVariance(fromMilestone) ?? null) : null,
          complete: from.complete,
        },
        successor: {
          key: to.key,
          name: to.name,
          project: projectRef(ctx, to.project),
          ownDate: to.actual ?? to.forecast ?? to.baseline ?? null,
          networkDate: to.earlyFinish || null,
          complete: to.complete,
        },
        type: link.type,
        lag: link.lag,
        pushedDays: to.complete ? null : (to.inconsistentByDays ?? null),
        floatDays: to.complete ? null : (to.totalFloat ?? null),
        critical: to.critical,
      });
    }
    milestoneLinks.sort(
      (a, b) =>
        (b.pushedDays ?? 0) - (a.pushedDays ?? 0) ||
        compareIds(a.successor.key, b.successor.key) ||
        compareIds(a.predecessor.key, b.predecessor.key),
    );
  }
  return {
    projects,
    milestoneLinks,
    networkNote,
    days: schedule?.days ?? ctx.catalog.engagement?.value.scheduling?.days ?? "calendar",
  };
}

const PROJECT_CSV_COLUMNS = [
  "project",
  "project_name",
  "waits_on",
  "waits_on_name",
  "waits_on_status",
  "type",
  "description",
  "predecessor_date",
  "predecessor_slip_days",
  "needed_by",
  "margin_days",
  "settled",
] as const;

const LINK_CSV_COLUMNS = [
  "milestone",
  "milestone_name",
  "project",
  "depends_on",
  "depends_on_name",
  "depends_on_project",
  "type",
  "lag",
  "predecessor_expected",
  "predecessor_slip_days",
  "predecessor_achieved",
  "own_date",
  "network_date",
  "pushed_days",
  "float_days",
  "critical",
] as const;

/** dependencies.csv and milestone-links.csv beside a large site's dependencies page; nothing otherwise. */
export function dependenciesCsvFiles(ctx: ReportContext): CsvFile[] {
  if (!isLargeSite(ctx)) return [];
  const { projects, milestoneLinks } = dependencyTables(ctx);
  return [
    {
      path: "dependencies.csv",
      content: formatCsv(
        PROJECT_CSV_COLUMNS,
        projects.map((r) => [
          r.successor.id,
          r.successor.name,
          r.predecessor.id,
          r.predecessor.name,
          r.predecessor.status?.value ?? "",
          r.type,
          r.description ?? "",
          r.predecessorDate ?? "",
          r.predecessorSlipDays ?? "",
          r.successorDate ?? "",
          r.marginDays ?? "",
          String(r.settled),
        ]),
      ),
    },
    {
      path: "milestone-links.csv",
      content: formatCsv(
        LINK_CSV_COLUMNS,
        milestoneLinks.map((l) => [
          l.successor.key,
          l.successor.name,
          l.successor.project.id,
          l.predecessor.key,
          l.predecessor.name,
          l.predecessor.project.id,
          l.type,
          l.lag,
          l.predecessor.date ?? "",
          l.predecessor.slipDays ?? "",
          String(l.predecessor.complete),
          l.successor.ownDate ?? "",
          l.successor.networkDate ?? "",
          l.pushedDays ?? "",
          l.floatDays ?? "",
          String(l.critical),
        ]),
      ),
    },
  ];
}
