import { STAGES } from "../../../model/entities.js";
import type { ProjectEntry } from "../../history/index.js";
import { dayOf, longDate } from "../charts/time-scale.js";
import type { ReportContext } from "../context.js";
import { historyNote, previousReportDate } from "../history.js";
import { compareIds } from "../links.js";
import type { StatusView } from "../status.js";

/** How a project's state moved since the previous report. */
export type ChangeDirection = "worsened" | "improved" | "changed" | "new" | "removed";

export interface StateChange {
  project: { id: string; name: string; href: string | null };
  direction: ChangeDirection;
  /** The overall status before and now, when it changed. */
  status: { from: StatusView | null; to: StatusView | null } | null;
  /** The stage before and now, when it changed. */
  stage: { from: string | null; to: string | null } | null;
  /** The date of the last commit that changed it; null for a change not committed yet. */
  date: string | null;
}

export interface ChangedStateView {
  /** Why there is no comparison (no git history, or none as old as the previous report). */
  note: string | null;
  /** The date of the previous report the comparison starts from. */
  since: string;
  cadence: string;
  changes: StateChange[];
  counts: { direction: ChangeDirection; count: number }[];
  /** Set when the status scale changed since the previous report: status changes are then "changed", not better or worse. */
  scaleChange: string | null;
}

const ORDER: readonly ChangeDirection[] = ["worsened", "improved", "changed", "new", "removed"];

/**
 * "What changed state": the projects whose overall status or stage differs from what the
 * repository held at the previous report, one reporting cadence before the as-of date (the
 * state of the last commit on or before that date), against the repository as it is read
 * now. A status moving down the scale has worsened, up the scale improved; a change of stage
 * alone, or to or from no status report, has changed. Projects committed after that date are
 * new, projects deleted since are removed.
 */
export function buildChangedState(ctx: ReportContext): ChangedStateView {
  const cadence = ctx.settings.reportingCadence;
  const since = previousReportDate(ctx.asOf, cadence);
  const base = {
    since,
    cadence: cadence ?? "monthly (no reporting cadence set)",
    changes: [],
    counts: [],
    scaleChange: null,
  };
  const note = historyNote(ctx.history);
  if (note !== null || ctx.history.kind !== "git") return { ...base, note };
  if (ctx.history.firstDate > since) {
    return {
      ...base,
      note: `Nothing to compare with yet: the git history starts on ${longDate(dayOf(ctx.history.firstDate)!)}, after the previous report date.`,
    };
  }

  // Across a change of the status scale a rating is not better or worse than one on the old scale.
  const scaleChanges = ctx.history.history.scaleChanges.filter((c) => c.date > since && c.date <= ctx.asOf);
  const scaleChange =
    scaleChanges.length === 0
      ? null
      : `The status scale changed on ${longDate(dayOf(scaleChanges[scaleChanges.length - 1]!.date)!)} (from ${scaleChanges[0]!.from.name} to ${scaleChanges[scaleChanges.length - 1]!.to.name}): a status that changed since is shown as changed, not as improved or worsened.`;
  const changes: StateChange[] = [];
  const seen = new Set<string>();
  for (const { value: p } of ctx.catalog.projects) {
    seen.add(p.id);
    const entries = ctx.projectHistory(p.id)?.entries ?? [];
    const before = stateAt(entries, since);
    const ref = { id: p.id, name: p.name, href: ctx.links.project(p.id) };
    const date = changedOn(entries, since, ctx.asOf, { overall: p.status?.overall, stage: p.stage });
    if (before === undefined) {
      changes.push({ project: ref, direction: "new", status: null, stage: null, date });
      continue;
    }
    const statusChanged = before.overall !== p.status?.overall;
    const stageChanged = before.stage !== p.stage;
    if (!statusChanged && !stageChanged) continue;
    const from = ctx.status(before.overall);
    const to = ctx.status(p.status?.overall);
    // To or from "not assessed" is not a movement: the rating is unknown on one side.
    const comparable =
      statusChanged && scaleChange === null && from !== null && to !== null && from.rank >= 0 && to.rank >= 0;
    const direction: ChangeDirection = comparable ? (to.rank > from.rank ? "worsened" : "improved") : "changed";
    changes.push({
      project: ref,
      direction,
      status: statusChanged ? { from, to } : null,
      stage: stageChanged ? { from: before.stage ?? null, to: p.stage } : null,
      date,
    });
  }
  for (const h of ctx.history.history.projects) {
    if (seen.has(h.id)) continue;
    if (stateAt(h.entries, since) === undefined) continue;
    // Removed in a commit, or only in the files read now (not committed yet: no date).
    const last = [...h.entries].reverse().find((e) => e.date <= ctx.asOf);
    const date = last?.change === "removed" ? last.date : null;
    changes.push({
      project: { id: h.id, name: h.name ?? h.id, href: null },
      direction: "removed",
      status: null,
      stage: null,
      date,
    });
  }

  changes.sort(
    (a, b) =>
      ORDER.indexOf(a.direction) - ORDER.indexOf(b.direction) ||
      magnitude(b) - magnitude(a) ||
      compareIds(a.project.id, b.project.id),
  );
  const counts = ORDER.map((direction) => ({
    direction,
    count: changes.filter((c) => c.direction === direction).length,
  })).filter((c) => c.count > 0);
  return { ...base, note: null, changes, counts, scaleChange };
}

/** The project's state at the end of `date`: its last entry on or before it, unless that removed it. */
function stateAt(entries: readonly ProjectEntry[], date: string): ProjectEntry | undefined {
  let state: ProjectEntry | undefined;
  for (const e of entries) if (e.date <= date) state = e;
  return state?.change === "removed" ? undefined : state;
}

/**
 * The date of the last commit after `since` that changed the project's status or stage; null
 * when the files read now differ from the last commit (a change not committed yet).
 */
function changedOn(
  entries: readonly ProjectEntry[],
  since: string,
  asOf: string,
  now: { overall: string | undefined; stage: string | undefined },
): string | null {
  let previous = stateAt(entries, since);
  let date: string | null = null;
  let last: ProjectEntry | undefined;
  for (const e of entries) {
    if (e.date > asOf) break;
    last = e;
    if (e.date <= since) continue;
    if (
      previous === undefined ||
      e.change === "removed" ||
      e.overall !== previous.overall ||
      e.stage !== previous.stage
    )
      date = e.date;
    previous = e.change === "removed" ? undefined : e;
  }
  if (last === undefined || last.change === "removed" || last.overall !== now.overall || last.stage !== now.stage)
    return null;
  return date;
}

/** Among changes of one direction, the larger jump on the status scale (or the later stage) first. */
function magnitude(change: StateChange): number {
  const s = change.status;
  if (s?.from && s.to && s.from.rank >= 0 && s.to.rank >= 0) return Math.abs(s.to.rank - s.from.rank);
  return change.stage ? STAGES.indexOf(change.stage.to as (typeof STAGES)[number]) : 0;
}
