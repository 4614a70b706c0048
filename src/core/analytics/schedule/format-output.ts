import { indentedJsonPieces, JsonList } from "../../json.js";
import type { ScheduleItem } from "./build.js";
import { describeDriver, describeReason, floatText, notesOf, num, type ScheduleView } from "./format.js";

/** Colours for the table; the command injects the palette (identity functions without colour). */
export interface SchedulePaint {
  bold(text: string): string;
  red(text: string): string;
  dim(text: string): string;
}

type Renderer = (headers: string[], rows: string[][], align: ("left" | "right")[]) => string;

const HEADERS = [
  "item",
  "name",
  "days",
  "early start",
  "early finish",
  "late start",
  "late finish",
  "total float",
  "free float",
  "driven by",
  "notes",
];
const ALIGN: ("left" | "right")[] = [
  "left",
  "left",
  "right",
  "left",
  "left",
  "left",
  "left",
  "right",
  "right",
  "left",
  "left",
];

type ProjectLookup = (id: string) => ScheduleView["projects"][number] | undefined;

/** The view's projects by id: a row per item asks for its project (10,000 projects, 55,000 items). */
function projectLookup(view: ScheduleView): ProjectLookup {
  const byId = new Map<string, ScheduleView["projects"][number]>();
  for (const p of view.projects) if (!byId.has(p.id)) byId.set(p.id, p);
  return (id) => byId.get(id);
}

function row(item: ScheduleItem, view: ScheduleView, projectOf: ProjectLookup): string[] {
  const project = projectOf(item.project);
  return [
    item.key,
    item.name,
    item.kind === "activity" ? num(item.duration) : "-",
    item.earlyStart,
    item.earlyFinish,
    item.complete ? "" : item.lateStart,
    item.complete ? "" : item.lateFinish,
    floatText(item.totalFloat, item),
    floatText(item.freeFloat, item),
    describeReason(item, project, view.asOf),
    notesOf(item).join("; "),
  ];
}

function heading(view: ScheduleView): string {
  const unit = view.days === "working" ? "working days" : "calendar days";
  return `Schedule as of ${view.asOf} (floats in ${unit})`;
}

/**
 * Critical paths grouped for reading: those that cross projects first (the portfolio's), then
 * those within one project, then the project finishes that no predecessor drives (a
 * date-constrained plan's last milestone is critical by definition), on one line.
 */
function pathLines(view: ScheduleView, bullet: (i: number) => string): string[] {
  const { paths, truncated } = view.criticalPaths;
  if (paths.length === 0) return ["No critical path: every item is complete or has float."];
  const projectOf = (key: string): string => key.slice(0, key.indexOf("/"));
  const across = paths.filter((p) => new Set(p.map(projectOf)).size > 1);
  const within = paths.filter((p) => p.length > 1 && new Set(p.map(projectOf)).size === 1);
  const single = paths.filter((p) => p.length === 1).map((p) => p[0]!);
  const lines: string[] = [];
  let n = 0;
  if (across.length > 0) {
    lines.push("Across projects:");
    for (const p of across) lines.push(`${bullet(n++)}${p.join(" → ")}`);
  }
  if (within.length > 0) {
    lines.push("Within a project:");
    for (const p of within) lines.push(`${bullet(n++)}${p.join(" → ")}`);
  }
  if (single.length > 0) lines.push(`Held by their own date (nothing before them drives them): ${single.join(", ")}`);
  if (truncated) lines.push(`(only the first ${paths.length} critical paths are listed)`);
  return lines;
}

function focusLines(view: ScheduleView, bullet: (i: number) => string): string[] {
  const focus = view.focus!;
  const it = focus.item;
  const project = view.projects.find((p) => p.id === it.project);
  const lines = [
    `${it.key} ${it.name}: early finish ${it.earlyFinish}, late finish ${it.complete ? "-" : it.lateFinish}, total float ${floatText(it.totalFloat, it)}${it.critical ? " (critical)" : ""}`,
  ];
  if (it.drivers.length === 0) {
    lines.push(`Nothing before it drives its date: ${describeReason(it, project, view.asOf)}.`);
    return lines;
  }
  lines.push("What drives this date (each chain from the item that sets it):");
  for (const [i, chain] of focus.chains.paths.entries()) {
    const root = view.items.find((x) => x.key === chain[0]);
    const why = root
      ? describeReason(
          root,
          view.projects.find((p) => p.id === root.project),
          view.asOf,
        )
      : "";
    lines.push(`${bullet(i)}${chain.join(" → ")}${why ? ` (${chain[0]}: ${why})` : ""}`);
  }
  if (focus.chains.truncated) lines.push(`(only the first ${focus.chains.paths.length} chains are listed)`);
  return lines;
}

export function formatScheduleTable(view: ScheduleView, render: Renderer, paint: SchedulePaint): string {
  const out: string[] = [paint.bold(heading(view)), ""];
  if (view.focus) out.push(...focusLines(view, (i) => `  ${i + 1}. `), "");
  if (view.indexes.length === 0) out.push("No milestones to schedule.", "");
  else {
    const projectOf = projectLookup(view);
    out.push(
      render(
        HEADERS,
        view.indexes.map((i) => row(view.itemAt(i), view, projectOf)),
        ALIGN,
      ),
    );
  }
  if (!view.focus) {
    out.push(
      paint.bold(`Critical paths (${view.criticalPaths.paths.length}${view.criticalPaths.truncated ? "+" : ""})`),
    );
    out.push(...pathLines(view, (i) => `  ${i + 1}. `));
  }
  return withOneFinalLineBreak(out.join("\n"));
}

/**
 * The text with its trailing line breaks made one, as `.replace(/\n*$/, "\n")` gives it,
 * without a regular expression tried at every position of a 9 MB table.
 */
function withOneFinalLineBreak(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return `${text.slice(0, end)}\n`;
}

function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function formatScheduleMarkdown(view: ScheduleView): string {
  const out: string[] = [`# ${heading(view)}`, ""];
  if (view.focus)
    out.push(...focusLines(view, (i) => `${i + 1}. `).map((l, i) => (i === 0 ? `**${cell(l)}**` : cell(l))), "");
  if (view.indexes.length > 0) {
    out.push(`| ${HEADERS.join(" | ")} |`, `| ${ALIGN.map((a) => (a === "right" ? "---:" : "---")).join(" | ")} |`);
    const projectOf = projectLookup(view);
    for (const i of view.indexes) out.push(`| ${row(view.itemAt(i), view, projectOf).map(cell).join(" | ")} |`);
    out.push("");
  } else out.push("No milestones to schedule.", "");
  if (!view.focus) {
    out.push(`## Critical paths (${view.criticalPaths.paths.length}${view.criticalPaths.truncated ? "+" : ""})`, "");
    out.push(...pathLines(view, (i) => `${i + 1}. `).map(cell), "");
  }
  return withOneFinalLineBreak(out.join("\n"));
}

/** `extra`: more top-level fields, after the schedule's (`baseline` with --baseline). */
export function formatScheduleJson(view: ScheduleView, extra: Record<string, unknown> = {}): string {
  return [...formatScheduleJsonPieces(view, extra)].join("");
}

/** formatScheduleJson's text in pieces, to be written one after the other (core/json.ts says why). */
export function formatScheduleJsonPieces(view: ScheduleView, extra: Record<string, unknown> = {}): Generator<string> {
  const item = (it: ScheduleItem) => ({
    key: it.key,
    project: it.project,
    id: it.id,
    name: it.name,
    kind: it.kind,
    duration: it.kind === "activity" ? it.duration : null,
    es: it.es,
    ef: it.ef,
    ls: it.ls,
    lf: it.lf,
    earlyStart: it.earlyStart,
    earlyFinish: it.earlyFinish,
    lateStart: it.lateStart,
    lateFinish: it.lateFinish,
    totalFloat: it.totalFloat ?? null,
    freeFloat: it.freeFloat ?? null,
    critical: it.critical,
    complete: it.complete,
    inProgress: it.inProgress,
    baseline: it.baseline ?? null,
    forecast: it.forecast ?? null,
    actual: it.actual ?? null,
    drivenBy: it.drivers.length > 0 ? it.drivers.map(describeDriver) : null,
    dateSetBy: it.drivers.length > 0 ? null : (it.reason ?? null),
    inconsistentByDays: it.inconsistentByDays ?? null,
  });
  const body: Record<string, unknown> = {
    asOf: view.asOf,
    days: view.days,
    projects: new JsonList(view.projects, (p) => ({
      id: p.id,
      start: p.start ?? null,
      finish: p.finish ?? null,
      inProgress: p.inProgress,
    })),
    items: new JsonList(view.indexes, (i) => item(view.itemAt(i))),
    criticalPaths: view.criticalPaths.paths,
    criticalPathsTruncated: view.criticalPaths.truncated,
  };
  if (view.focus)
    body["milestone"] = {
      ...item(view.focus.item),
      drivingChains: view.focus.chains.paths,
      drivingChainsTruncated: view.focus.chains.truncated,
    };
  Object.assign(body, extra);
  return indentedJsonPieces(body);
}
