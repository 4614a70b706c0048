import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument } from "../../model/document.js";
import type { Config } from "../config/index.js";
import type { Engagement } from "../../model/entities.js";
import { daysBetween } from "../dates.js";
import { buildModel, documentsThatValidate, resolveSettings, type Settings } from "../domain/index.js";
import { comparePaths } from "../load/index.js";
import { schemaDiagnostics } from "../validate/index.js";
import { nextPeriod, periodOf, type Period, type PeriodKind } from "./periods.js";
import { judgementOf, parseFile, SNAPSHOT_KINDS, State, workspaceOf, type Judgement, type Parsed } from "./state.js";
import type { History, PeriodSnapshot, ProjectEntry, ProjectHistory, ScaleChange, StatusScaleInfo } from "./types.js";

export type * from "./types.js";
export {
  countPeriods,
  periodFitting,
  periodOf,
  nextPeriod,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
} from "./periods.js";
export { formatHistoryJson } from "./format-json.js";
export { formatHistoryMarkdown } from "./format-markdown.js";
export { formatHistoryTable } from "./format-table.js";

/** A commit as the history builder needs it: when, who, and which blobs changed. */
export interface HistoryCommit {
  commit: string;
  /** ISO 8601 date-time; its date part (in the committer's own offset) places it in a period. */
  date: string;
  author: string;
  changes: readonly { path: string; oid: string | null }[];
}

export interface HistoryInput {
  commits: readonly HistoryCommit[];
  /**
   * Every blob the commits name, read in one batch: a map, or blobs still arriving from git
   * (each asked for once per change that brings it in, in commit order).
   */
  blobs: { get(oid: string): Uint8Array | undefined | PromiseLike<Uint8Array | undefined> };
  /** Which paths hold pmo documents (the folder loader's discovery rules). */
  include: (path: string) => boolean;
  root: string;
  /** The config every period is judged with (today's: the trend shows the portfolio, not config edits). */
  config: Config;
  asOf: string;
  period: PeriodKind;
  since?: string;
  until?: string;
  /** Also record stage changes, with the stage on every entry (the report's "what changed state"). */
  trackStage?: boolean;
  /**
   * Run a full check of each period's last commit for the findings KPI (default true). The
   * report's trends do not show findings and pass false: then no check runs at all, and the
   * settings each snapshot needs come from the period's engagement document alone.
   */
  findings?: boolean;
}

interface Tuple {
  overall?: string;
  stage?: string;
  forecastFinish?: string;
  forecastCost?: number;
  currency?: string;
  name?: string;
}

const EXPECTED_TO_REPORT = new Set(["initiation", "planning", "delivery", "closure"]);
const INACTIVE = new Set(["closed", "cancelled"]);

/**
 * Status over time, rebuilt from git history alone: replays the commits oldest first keeping a
 * path -> blob map, parses each (path, blob) once, records a project entry only when its
 * overall status, forecast finish or forecast cost changed, and at the end of every reporting
 * period takes the portfolio's status distribution, forecast totals and the PMO's KPIs
 * (findings by severity, share of on-time status reports). The findings are those of a full
 * check of the period's last commit, judged on that commit's date (what `pmo check` said of
 * it): a period without a commit repeats them, so the check runs once per period that holds a
 * commit, not once per period. A change of the engagement's status scale is recorded as such.
 */
export async function buildHistory(input: HistoryInput): Promise<History> {
  const withFindings = input.findings !== false;
  // Each version of a file is parsed once, when a commit brings it in; without findings only
  // projects and the engagement are read.
  const parse = (path: string, bytes: Uint8Array | undefined): Parsed =>
    parseFile(path, bytes, withFindings ? undefined : SNAPSHOT_KINDS);
  // Likewise its schema problems: a function of the document alone, so worked out once per version.
  const schemaProblems = new WeakMap<PmoDocument, Diagnostic[]>();
  const schemaOf = (doc: PmoDocument): Diagnostic[] => {
    let problems = schemaProblems.get(doc);
    if (problems === undefined) {
      problems = schemaDiagnostics(doc);
      schemaProblems.set(doc, problems);
    }
    return problems;
  };

  // The current state: path -> its blob, parsed. Only the paths that hold pmo documents (the
  // discovery filter) enter it; a replaced version is dropped, so one parsed copy of the current
  // state is kept, not of every version.
  const state = new State();
  const projectPaths = new Map<string, Set<string>>();
  const last = new Map<string, Tuple | undefined>();
  const histories = new Map<string, ProjectHistory>();
  const periods: PeriodSnapshot[] = [];
  const inRange = (date: string) =>
    (input.since === undefined || date >= input.since) && (input.until === undefined || date <= input.until);
  const projectsIn = (path: string): PmoDocument[] =>
    (state.get(path)?.parsed.documents ?? []).filter((d) => d.kind === "Project" && d.id !== undefined);
  const currentProject = (id: string): PmoDocument | undefined => {
    const paths = [...(projectPaths.get(id) ?? [])].sort(comparePaths);
    for (const p of paths) {
      const doc = projectsIn(p).find((d) => d.id === id);
      if (doc) return doc;
    }
    return undefined;
  };

  let period: Period | undefined;
  let commitsInPeriod = 0;
  let lastCommit = "";
  let lastCommitDate = "";
  let scale: readonly string[] = [];
  let currency: string | undefined;
  let currentScale: StatusScaleInfo | undefined;
  const scaleChanges: ScaleChange[] = [];
  // Only what the snapshots need of the last check is kept (not its findings, model and
  // sources), so that one check's data is not held while the next one runs.
  let checked: { commit: string; judgement: Judgement } | undefined;
  /** The check of the last commit, judged on its date; run once per commit that ends a period. */
  const checkOfLastCommit = async (): Promise<Judgement> => {
    if (checked?.commit !== lastCommit) {
      checked = undefined;
      const asOf = lastCommitDate < input.asOf ? lastCommitDate : input.asOf;
      // The engine and its rules are loaded only for a history with findings.
      const { runCheck } = await import("../engine/index.js");
      const result = await runCheck({
        workspace: workspaceOf(state, input.root),
        config: input.config,
        asOf,
        schemaDiagnostics: schemaOf,
      });
      checked = { commit: lastCommit, judgement: judgementOf(result.settings, result.diagnostics) };
    }
    return checked.judgement;
  };
  // Without findings, the settings of the state (worked out again only after a commit changed it).
  let settled: { documents: readonly PmoDocument[]; settings: Settings } | undefined;
  const settingsNow = (): Settings => {
    const documents = state.documents();
    if (settled?.documents !== documents) settled = { documents, settings: settingsOfState(state, input) };
    return settled.settings;
  };
  /** Takes the snapshot of the current period (when in range) and moves to the next one. */
  const closePeriod = async () => {
    const p = period!;
    if ((input.since === undefined || p.end >= input.since) && (input.until === undefined || p.start <= input.until)) {
      const judged = withFindings ? await checkOfLastCommit() : judgementOf(settingsNow());
      const snapshot = snapshotOf(p, commitsInPeriod, lastCommit, state, input, judged);
      scale = snapshot.scale;
      periods.push(snapshot.period);
    }
    commitsInPeriod = 0;
    period = nextPeriod(p, input.period);
  };

  for (const c of input.commits) {
    const date = c.date.slice(0, 10);
    const own = periodOf(date, input.period);
    period ??= own;
    // Commit dates can go backwards (rebased commits): such a commit counts in the current period.
    while (own.start > period.start) await closePeriod();
    commitsInPeriod++;
    lastCommit = c.commit;
    lastCommitDate = date;

    const affected = new Set<string>();
    for (const change of c.changes) {
      if (!input.include(change.path)) continue;
      // Which paths hold each project: the path leaves the sets of the projects it held, and
      // joins those of the projects it holds now (linear in the documents a commit changes).
      for (const d of projectsIn(change.path)) {
        affected.add(d.id!);
        projectPaths.get(d.id!)?.delete(change.path);
      }
      if (change.oid === null) state.delete(change.path);
      else if (state.get(change.path)?.oid !== change.oid) {
        const parsed = parse(change.path, await input.blobs.get(change.oid));
        state.set(change.path, { oid: change.oid, parsed });
        const engagement = parsed.documents.find((d) => d.kind === "Engagement");
        if (typeof engagement?.value["currency"] === "string") currency = engagement.value["currency"];
        if (engagement) {
          const scale = scaleOf(engagement);
          if (currentScale !== undefined && !sameScale(currentScale, scale) && inRange(date))
            scaleChanges.push({ date, commit: c.commit, from: currentScale, to: scale });
          currentScale = scale;
        }
      }
      for (const d of projectsIn(change.path)) {
        affected.add(d.id!);
        const paths = projectPaths.get(d.id!) ?? new Set<string>();
        projectPaths.set(d.id!, paths);
        paths.add(change.path);
      }
    }
    for (const id of affected) {
      const doc = currentProject(id);
      const tuple = doc ? tupleOf(doc, currency, input.trackStage === true) : undefined;
      const before = last.get(id);
      if (same(before, tuple) && last.has(id)) continue;
      last.set(id, tuple);
      if (!inRange(date)) continue;
      const history = histories.get(id) ?? { id, entries: [] };
      if (tuple?.name) history.name = tuple.name;
      const change: ProjectEntry["change"] = !tuple ? "removed" : before === undefined ? "added" : "modified";
      history.entries.push({
        date,
        commit: c.commit,
        author: c.author,
        change,
        ...(tuple?.overall !== undefined ? { overall: tuple.overall } : {}),
        ...(tuple?.stage !== undefined ? { stage: tuple.stage } : {}),
        ...(tuple?.forecastFinish !== undefined ? { forecastFinish: tuple.forecastFinish } : {}),
        ...(tuple?.forecastCost !== undefined ? { forecastCost: tuple.forecastCost, currency: tuple.currency } : {}),
      });
      histories.set(id, history);
    }
  }
  const end = input.until !== undefined && input.until < input.asOf ? input.until : input.asOf;
  if (period) {
    const limit = periodOf(end, input.period);
    while (limit.start > period.start) await closePeriod();
    await closePeriod();
  }

  const projects = [...histories.values()].sort((a, b) => comparePaths(a.id, b.id));
  return {
    period: input.period,
    ...(input.since !== undefined ? { since: input.since } : {}),
    ...(input.until !== undefined ? { until: input.until } : {}),
    statusScale: scale,
    scaleChanges,
    projects,
    periods,
  };
}

/** The status scale an engagement document declares (rag when it declares none). */
function scaleOf(engagement: PmoDocument): StatusScaleInfo {
  const { statusScale } = resolveSettings(engagement.value as unknown as Engagement);
  return { name: statusScale.name, values: [...statusScale.values], notAssessed: [...statusScale.notAssessed] };
}

function sameScale(a: StatusScaleInfo, b: StatusScaleInfo): boolean {
  return a.values.join("\0") === b.values.join("\0") && a.notAssessed.join("\0") === b.notAssessed.join("\0");
}

/**
 * The settings a check of this state would judge with, without the check: those of the first
 * engagement document (in path order) that passes its schema, as the domain model picks it,
 * and the config's.
 */
function settingsOfState(state: State, input: HistoryInput): Settings {
  const engagements = state.documents().filter((d) => d.kind === "Engagement");
  const valid = documentsThatValidate(engagements, engagements.flatMap(schemaDiagnostics));
  return buildModel(valid, input.config, input.asOf).settings;
}

function tupleOf(doc: PmoDocument, engagementCurrency: string | undefined, withStage: boolean): Tuple {
  const v = doc.value as {
    name?: unknown;
    stage?: unknown;
    status?: { overall?: unknown };
    schedule?: { forecastFinish?: unknown };
    budget?: { forecast?: unknown; currency?: unknown };
  };
  const str = (x: unknown) => (typeof x === "string" ? x : undefined);
  const cost = typeof v.budget?.forecast === "number" ? v.budget.forecast : undefined;
  return {
    name: str(v.name),
    overall: str(v.status?.overall),
    ...(withStage ? { stage: str(v.stage) } : {}),
    forecastFinish: str(v.schedule?.forecastFinish),
    forecastCost: cost,
    currency: cost !== undefined ? (str(v.budget?.currency) ?? engagementCurrency) : undefined,
  };
}

function same(a: Tuple | undefined, b: Tuple | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.overall === b.overall &&
    a.stage === b.stage &&
    a.forecastFinish === b.forecastFinish &&
    a.forecastCost === b.forecastCost &&
    a.currency === b.currency
  );
}

function snapshotOf(
  period: Period,
  commits: number,
  commit: string,
  state: State,
  input: HistoryInput,
  judged: Judgement,
): { period: PeriodSnapshot; scale: readonly string[] } {
  const asOf = period.end < input.asOf ? period.end : input.asOf;
  const documents = state.documents();
  const findings = judged.findings;
  const statuses: Record<string, number> = {};
  for (const value of judged.scale) statuses[value] = 0;
  const forecast = new Map<string, number>();
  let forecastUnknown = 0;
  let active = 0;
  let expected = 0;
  let onTime = 0;
  for (const doc of documents) {
    if (doc.kind !== "Project") continue;
    const v = doc.value as {
      stage?: unknown;
      status?: { overall?: unknown; asOf?: unknown };
      budget?: { forecast?: unknown; currency?: unknown };
    };
    const stage = typeof v.stage === "string" ? v.stage : "";
    if (stage !== "cancelled" && typeof v.budget?.forecast === "number") {
      const currency = typeof v.budget.currency === "string" ? v.budget.currency : judged.currency;
      forecast.set(currency, (forecast.get(currency) ?? 0) + v.budget.forecast);
    } else if (stage !== "cancelled") forecastUnknown++;
    if (INACTIVE.has(stage)) continue;
    active++;
    const overall = typeof v.status?.overall === "string" ? v.status.overall : "none";
    statuses[overall] = (statuses[overall] ?? 0) + 1;
    if (EXPECTED_TO_REPORT.has(stage)) {
      expected++;
      const reported = typeof v.status?.asOf === "string" ? v.status.asOf : undefined;
      if (
        reported !== undefined &&
        /^\d{4}-\d{2}-\d{2}$/.test(reported) &&
        daysBetween(reported, asOf) <= judged.statusValidityDays
      )
        onTime++;
    }
  }
  return {
    scale: judged.scale,
    period: {
      period: period.key,
      start: period.start,
      end: period.end,
      asOf,
      commits,
      commit,
      projects: active,
      statuses,
      forecast: [...forecast].sort(([a], [b]) => comparePaths(a, b)).map(([currency, total]) => ({ currency, total })),
      forecastUnknown,
      ...(findings && { findings }),
      onTimeReports: {
        onTime,
        expected,
        ...(expected > 0 ? { percent: Math.round((onTime / expected) * 1000) / 10 } : {}),
      },
    },
  };
}
