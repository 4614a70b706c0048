/**
 * A Microsoft Project plan saved as XML (MSPDI, the schema at
 * http://schemas.microsoft.com/project) to one Project document: the plan's dates become the
 * project schedule, milestone tasks become milestones (baseline 0 finish as `baseline`, the
 * current finish as `forecast`, the actual finish once complete), and task links between them
 * become `dependsOn`, followed through the ordinary and summary tasks in between. A direct
 * link between two milestones keeps its type (finish-to-start, start-to-start, ...) and lag.
 */
import { createRequire } from "node:module";
import type * as FastXmlParser from "fast-xml-parser";
import { isIsoDate } from "../dates.js";
import { slugify } from "./values.js";

/** MSPDI PredecessorLink/Type: 0 finish-to-finish, 1 finish-to-start, 2 start-to-finish, 3 start-to-start. */
const MSPDI_LINK_TYPES: Record<string, LinkTypeName> = {
  "0": "finish-to-finish",
  "1": "finish-to-start",
  "2": "start-to-finish",
  "3": "start-to-start",
};
/** MSPDI LagFormat values counted in elapsed time (24-hour days) rather than working time. */
const ELAPSED_LAG_FORMATS = new Set(["4", "6", "8", "10", "12"]);
/** Percentage lags (of the predecessor's duration) cannot be written as days. */
const PERCENT_LAG_FORMATS = new Set(["19", "20"]);
type LinkTypeName = "finish-to-start" | "start-to-start" | "finish-to-finish" | "start-to-finish";

export interface MsProjectOptions {
  id?: string;
  name?: string;
  portfolio?: string;
  /** File name without folder, the fallback for the id and name. */
  fileStem: string;
}

export interface MsProjectResult {
  value: Record<string, unknown>;
  /** Things the plan holds that the document cannot, for the user to know. */
  notes: string[];
  tasks: number;
}

/** The file is not an MSPDI plan; `line` and `column` locate malformed XML. */
export class MsProjectError extends Error {
  override readonly name = "MsProjectError";
  constructor(
    message: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
  }
}

interface Task {
  uid: string;
  name: string;
  outlineLevel: number;
  summary: boolean;
  milestone: boolean;
  start?: string;
  finish?: string;
  actualStart?: string;
  actualFinish?: string;
  baselineStart?: string;
  baselineFinish?: string;
  percentComplete: number;
  predecessors: string[];
  /** The predecessor links with their MSPDI type and lag (days), by predecessor UID. */
  links: Map<string, { type: LinkTypeName; lag: number | undefined }>;
  parent?: Task;
  children: Task[];
}

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(["Task", "PredecessorLink", "Baseline"]);

/**
 * Microsoft Project never writes a document type declaration. One in a plan means entities,
 * which can name other files (external entities) or expand without bound: refused, with the
 * declaration's position, before anything is parsed.
 */
function refuseDoctype(xml: string): void {
  const at = xml.search(/<!DOCTYPE/i);
  if (at < 0) return;
  const before = xml.slice(0, at).split(/\r\n?|\n/);
  throw new MsProjectError(
    "the file has a document type declaration (<!DOCTYPE ...>): pmo does not read XML with a DOCTYPE or entities, which can read other files or expand without bound; Microsoft Project does not write one, so export the plan again as XML",
    before.length,
    before[before.length - 1]!.length + 1,
  );
}

// fast-xml-parser (25 modules) is required when a plan is read, not whenever the import module
// loads (pmo import csv reads no XML), from the CommonJS build the package ships for require.
const require = createRequire(import.meta.url);
let xmlModule: typeof FastXmlParser | undefined;

export function msProjectToProject(xml: string, options: MsProjectOptions): MsProjectResult {
  refuseDoctype(xml);
  xmlModule ??= require("fast-xml-parser") as typeof FastXmlParser;
  const { XMLParser, XMLValidator } = xmlModule;
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new MsProjectError(`not well-formed XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    removeNSPrefix: true,
    processEntities: true,
    isArray: (name) => ARRAYS.has(name),
  });
  let root: XmlNode;
  try {
    root = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new MsProjectError(`cannot read the XML: ${(error as Error).message}`);
  }
  const project = root["Project"] as XmlNode | undefined;
  if (typeof project !== "object" || project === null)
    throw new MsProjectError("not a Microsoft Project XML (MSPDI) file: the root element is not <Project>");
  const taskNodes = ((project["Tasks"] as XmlNode | undefined)?.["Task"] ?? []) as XmlNode[];
  // LinkLag is in tenths of a minute; a working day is MinutesPerDay minutes (480 by default).
  const minutesPerDay = Number(text(project["MinutesPerDay"]) ?? 480) || 480;
  const tasks = taskNodes.map((node) => toTask(node, minutesPerDay)).filter((t): t is Task => t !== undefined);
  linkOutline(tasks);

  const notes: string[] = [];
  const summary = tasks.find((t) => t.outlineLevel === 0);
  const title = text(project["Title"]) ?? text(project["Name"])?.replace(/\.(xml|mpp)$/i, "");
  const name = options.name ?? title ?? options.fileStem;
  const id = options.id ?? (projectIdFrom(title ?? options.fileStem) || "PRJ-001");

  const schedule: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined) schedule[key] = value;
  };
  put("baselineStart", summary?.baselineStart);
  put("baselineFinish", summary?.baselineFinish);
  const actualStart = summary?.actualStart;
  const actualFinish = summary?.actualFinish;
  if (actualStart === undefined) put("forecastStart", summary?.start ?? date(project["StartDate"]));
  if (actualFinish === undefined) put("forecastFinish", summary?.finish ?? date(project["FinishDate"]));
  put("actualStart", actualStart);
  put("actualFinish", actualFinish);

  const milestoneTasks = tasks.filter((t) => t.milestone && !t.summary && t.outlineLevel > 0);
  const idOf = new Map(milestoneTasks.map((t) => [t.uid, `M${t.uid}`]));
  const byUid = new Map(tasks.map((t) => [t.uid, t]));
  const direct = new Map(milestoneTasks.map((t) => [t.uid, milestonePredecessors(t, byUid, idOf)]));
  const milestones = milestoneTasks.map((t) => {
    const m: Record<string, unknown> = { id: idOf.get(t.uid), name: t.name };
    if (t.baselineFinish !== undefined) m["baseline"] = t.baselineFinish;
    if (t.finish !== undefined) m["forecast"] = t.finish;
    if (t.actualFinish !== undefined || t.percentComplete >= 100) {
      const actual = t.actualFinish ?? t.finish;
      if (actual !== undefined) m["actual"] = actual;
    }
    const deps = withoutImplied(direct.get(t.uid)!, direct);
    if (deps.length > 0) m["dependsOn"] = deps.map((uid) => dependsOnEntry(t, uid, idOf.get(uid)!));
    return m;
  });
  const percentLags = tasks.reduce((n, t) => n + [...t.links.values()].filter((l) => l.lag === undefined).length, 0);
  if (percentLags > 0)
    notes.push(
      `${percentLags} ${percentLags === 1 ? "link has" : "links have"} a lag given as a percentage of the predecessor's duration, which cannot be written in days: imported without their lag`,
    );
  const withoutBaseline = milestoneTasks.filter((t) => t.baselineFinish === undefined).length;
  if (withoutBaseline > 0)
    notes.push(
      `${withoutBaseline} of ${milestoneTasks.length} milestones have no baseline (save a baseline in Microsoft Project to track slip)`,
    );
  if (summary === undefined)
    notes.push(
      "the plan has no project summary task (UID 0): schedule taken from the project's start and finish dates, without a baseline",
    );

  const percent = summary?.percentComplete;
  const stage =
    actualFinish !== undefined || percent === 100 ? "closure" : actualStart !== undefined ? "delivery" : "planning";
  const value: Record<string, unknown> = { apiVersion: "pmo/v1", kind: "Project", id, name };
  if (options.portfolio !== undefined) value["portfolio"] = options.portfolio;
  value["stage"] = stage;
  if (Object.keys(schedule).length > 0) value["schedule"] = schedule;
  if (summary !== undefined) value["percentComplete"] = summary.percentComplete;
  if (milestones.length > 0) value["milestones"] = milestones;
  return { value, notes, tasks: tasks.filter((t) => t.outlineLevel > 0).length };
}

/**
 * A direct link between two milestones keeps its type and lag (`{ milestone, type, lag }`);
 * a plain finish-to-start without lag, or a dependency followed through tasks in between, is
 * the reference alone.
 */
function dependsOnEntry(task: Task, predecessorUid: string, ref: string): string | Record<string, unknown> {
  const link = task.links.get(predecessorUid);
  if (link === undefined) return ref;
  const lag = link.lag ?? 0;
  if (link.type === "finish-to-start" && lag === 0) return ref;
  const entry: Record<string, unknown> = { milestone: ref };
  if (link.type !== "finish-to-start") entry["type"] = link.type;
  if (lag !== 0) entry["lag"] = lag;
  return entry;
}

function toTask(node: XmlNode, minutesPerDay = 480): Task | undefined {
  if (text(node["IsNull"]) === "1") return undefined;
  const uid = text(node["UID"]);
  if (uid === undefined) return undefined;
  const baseline = ((node["Baseline"] ?? []) as XmlNode[]).find((b) => (text(b["Number"]) ?? "0") === "0");
  const links = (node["PredecessorLink"] ?? []) as XmlNode[];
  return {
    uid,
    name: text(node["Name"]) ?? `Task ${uid}`,
    outlineLevel: Number(text(node["OutlineLevel"]) ?? (uid === "0" ? 0 : 1)),
    summary: text(node["Summary"]) === "1",
    milestone: text(node["Milestone"]) === "1",
    start: date(node["Start"]),
    finish: date(node["Finish"]),
    actualStart: date(node["ActualStart"]),
    actualFinish: date(node["ActualFinish"]),
    baselineStart: date(baseline?.["Start"]),
    baselineFinish: date(baseline?.["Finish"]),
    percentComplete: Math.min(100, Math.max(0, Number(text(node["PercentComplete"]) ?? 0) || 0)),
    predecessors: links.map((l) => text(l["PredecessorUID"])).filter((u): u is string => u !== undefined),
    links: new Map(
      links.flatMap((l) => {
        const predecessor = text(l["PredecessorUID"]);
        if (predecessor === undefined) return [];
        const type = MSPDI_LINK_TYPES[text(l["Type"]) ?? "1"] ?? "finish-to-start";
        const format = text(l["LagFormat"]) ?? "7";
        const tenths = Number(text(l["LinkLag"]) ?? 0) || 0;
        const perDay = (ELAPSED_LAG_FORMATS.has(format) ? 1440 : minutesPerDay) * 10;
        const lag = PERCENT_LAG_FORMATS.has(format) ? undefined : Math.round((tenths / perDay) * 100) / 100;
        return [[predecessor, { type, lag }] as const];
      }),
    ),
    children: [],
  };
}

/** Parents from the outline levels, in plan order (MSPDI lists tasks in outline order). */
function linkOutline(tasks: Task[]): void {
  const stack: Task[] = [];
  for (const task of tasks) {
    while (stack.length > 0 && stack[stack.length - 1]!.outlineLevel >= task.outlineLevel) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent !== undefined && parent.outlineLevel < task.outlineLevel) {
      task.parent = parent;
      parent.children.push(task);
    }
    stack.push(task);
  }
}

/**
 * The milestones a milestone waits for: its own links and those of its summary tasks (a link to
 * a summary task holds for everything in it), followed back through ordinary tasks to the
 * milestones before them; a summary predecessor stands for its last milestone(s).
 */
function milestonePredecessors(
  task: Task,
  byUid: ReadonlyMap<string, Task>,
  idOf: ReadonlyMap<string, string>,
): string[] {
  const found = new Set<string>();
  const visited = new Set<string>([task.uid]);
  const incoming = (t: Task): string[] => {
    const own = [...t.predecessors];
    for (let p = t.parent; p !== undefined; p = p.parent) own.push(...p.predecessors);
    return own;
  };
  const visit = (uid: string): void => {
    if (visited.has(uid)) return;
    visited.add(uid);
    const pred = byUid.get(uid);
    if (pred === undefined) return;
    if (idOf.has(uid)) {
      found.add(uid);
      return;
    }
    if (pred.summary || pred.children.length > 0) {
      const last = lastMilestones(pred, idOf);
      if (last.length > 0) {
        for (const m of last) found.add(m);
        return;
      }
    }
    for (const next of incoming(pred)) visit(next);
  };
  for (const uid of incoming(task)) visit(uid);
  const order = [...idOf.keys()];
  return [...found].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Drops a dependency another dependency already implies (M7 after M6 after M3: not also M3). */
function withoutImplied(deps: readonly string[], direct: ReadonlyMap<string, readonly string[]>): string[] {
  const reachable = (from: string, target: string, seen = new Set<string>()): boolean => {
    for (const next of direct.get(from) ?? []) {
      if (next === target) return true;
      if (!seen.has(next)) {
        seen.add(next);
        if (reachable(next, target, seen)) return true;
      }
    }
    return false;
  };
  return deps.filter((d) => !deps.some((other) => other !== d && reachable(other, d)));
}

/** The milestones inside a summary task that finish last. */
function lastMilestones(summary: Task, idOf: ReadonlyMap<string, string>): string[] {
  const inside: Task[] = [];
  const collect = (t: Task) => {
    for (const c of t.children) {
      if (idOf.has(c.uid)) inside.push(c);
      collect(c);
    }
  };
  collect(summary);
  const latest = inside.reduce<string | undefined>(
    (max, t) => (t.finish !== undefined && (max === undefined || t.finish > max) ? t.finish : max),
    undefined,
  );
  return inside.filter((t) => t.finish === latest).map((t) => t.uid);
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number") return String(value);
  return undefined;
}

/**
 * The date part of an MSPDI date-time (`2026-03-02T08:00:00`), or none for the values plan
 * writers use for "no date": midnight on 2000-01-01 (written by common MSPDI libraries for an
 * empty date) and anything outside the dates Microsoft Project can hold (1984-01-01 to
 * 2149-12-31; its "NA" is stored beyond them).
 */
function date(value: unknown): string | undefined {
  const s = text(value);
  if (s === undefined) return undefined;
  const day = s.slice(0, 10);
  if (!isIsoDate(day) || day < "1984-01-01" || day > "2149-12-31") return undefined;
  if (/^2000-01-01(T00:00(:00(\.0+)?)?)?$/.test(s)) return undefined;
  return day;
}

/** An id from a plan's title: a letter first, at most 64 characters, cut at a word boundary. */
export function projectIdFrom(title: string): string {
  let id = slugify(title);
  if (id !== "" && !/^[A-Za-z]/.test(id)) id = `P-${id}`;
  if (id.length > 64) {
    const cut = id.slice(0, 64);
    const boundary = cut.lastIndexOf("-");
    const atBoundary = /[-.]/.test(id[64]!);
    id = (atBoundary || boundary < 16 ? cut : cut.slice(0, boundary)).replace(/[-.]+$/, "");
  }
  return id;
}
