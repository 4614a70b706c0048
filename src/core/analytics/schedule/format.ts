import type { PortfolioSchedule, ScheduleItem } from "./build.js";
import type { PathList } from "./paths.js";

/** What `pmo schedule` shows: every item, the critical ones, or one item and what drives it. */
export interface ScheduleViewOptions {
  critical?: boolean;
  /** `PRJ-001/M2`, or `M2` when only one project has it. */
  milestone?: string;
}

export interface ScheduleView {
  asOf: string;
  days: "calendar" | "working";
  /** The items shown, by their index in the schedule. */
  indexes: readonly number[];
  /** The schedule's item i (PortfolioSchedule.itemAt). */
  itemAt(i: number): ScheduleItem;
  /** The items shown (built when first read). */
  readonly items: ScheduleItem[];
  criticalPaths: PathList;
  projects: PortfolioSchedule["projects"];
  /** For --milestone: the item and the chains of driving predecessors, root first. */
  focus?: { item: ScheduleItem; chains: PathList };
}

export class UnknownMilestoneError extends Error {}

export function resolveMilestoneKey(schedule: PortfolioSchedule, ref: string): string {
  if (schedule.indexOfKey(ref) !== undefined) return ref;
  const matches = schedule.items.filter((it) => it.id === ref).map((it) => it.key);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new UnknownMilestoneError(
      `milestone "${ref}" exists in several projects (${matches.join(", ")}): write PROJECT/${ref}`,
    );
  throw new UnknownMilestoneError(
    `no milestone "${ref}" in the schedule: write PRJ-001/M2, or an id only one project has`,
  );
}

export function scheduleView(schedule: PortfolioSchedule, options: ScheduleViewOptions = {}): ScheduleView {
  let indexes: number[];
  let focus: ScheduleView["focus"];
  if (options.milestone !== undefined) {
    const key = resolveMilestoneKey(schedule, options.milestone);
    const chains = schedule.driversOf(key);
    // In chain order: from the items that set the date to the one asked about.
    const order = [...new Set(chains.paths.flat())];
    indexes = order.map((k) => schedule.indexOfKey(k)!);
    focus = { item: schedule.itemAt(schedule.indexOfKey(key)!), chains };
  } else {
    indexes = new Array<number>(schedule.itemCount);
    for (let i = 0; i < indexes.length; i++) indexes[i] = i;
  }
  if (options.critical) indexes = indexes.filter((i) => schedule.isCritical(i));
  let items: ScheduleItem[] | undefined;
  return {
    asOf: schedule.asOf,
    days: schedule.days,
    indexes,
    itemAt: (i) => schedule.itemAt(i),
    get items() {
      items ??= indexes.map((i) => schedule.itemAt(i));
      return items;
    },
    criticalPaths: schedule.criticalPaths,
    projects: schedule.projects,
    focus,
  };
}

const LINK_SHORT: Record<string, string> = {
  "finish-to-start": "FS",
  "start-to-start": "SS",
  "finish-to-finish": "FF",
  "start-to-finish": "SF",
};

/** `PRJ-001/M1 (SS+2)`: a driving predecessor with its link when it is not a plain finish-to-start. */
export function describeDriver(d: { key: string; type: string; lag: number }): string {
  const short = LINK_SHORT[d.type] ?? d.type;
  if (short === "FS" && d.lag === 0) return d.key;
  const lag = d.lag === 0 ? "" : d.lag > 0 ? `+${num(d.lag)}` : `${num(d.lag)}`;
  return `${d.key} (${short}${lag})`;
}

/** Why an item is dated where it is, in words. */
export function describeReason(
  item: ScheduleItem,
  project: { start: string | undefined } | undefined,
  asOf: string,
): string {
  if (item.drivers.length > 0) return `after ${item.drivers.map(describeDriver).join(", ")}`;
  switch (item.reason) {
    case "actual":
      return item.complete ? `actual ${item.actual}` : "actual start";
    case "own-date":
      return item.forecast !== undefined ? "its forecast" : "its baseline";
    case "as-of":
      return `not done by the as-of date ${asOf}`;
    case "project-start":
      return `project start ${project?.start ?? ""}`.trimEnd();
    case "no-start-date":
      return `no project start date: from ${asOf}`;
    default:
      return "";
  }
}

/** A float, or the reason it has none. */
export function floatText(value: number | undefined, item: ScheduleItem): string {
  if (item.complete) return "done";
  return value === undefined ? "" : num(value);
}

/** Numbers as written: integers plainly, others to two decimals. */
export function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

export function notesOf(item: ScheduleItem): string[] {
  const notes: string[] = [];
  if (item.critical) notes.push("critical");
  if (item.inProgress) notes.push("in progress");
  if (item.inconsistentByDays !== undefined)
    notes.push(`forecast ${num(item.inconsistentByDays)} days earlier than its predecessors allow`);
  return notes;
}
