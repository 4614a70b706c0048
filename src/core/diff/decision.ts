import type { PmoDocument } from "../../model/document.js";
import { SEVERITY_RANK } from "./findings.js";
import { days, sameScale } from "./context.js";
import type { Settings } from "../rules/index.js";
import type {
  DateMove,
  DiffDecision,
  EntityChange,
  FindingChange,
  FindingGroup,
  MoneySplit,
  OverrunGrowth,
  ScaleInfo,
  StatusMove,
} from "./types.js";
import { rankChanges } from "./ranking.js";
import { byKey, num, obj, str, type Value } from "./values.js";

export interface DecisionSide {
  documents: readonly PmoDocument[];
  settings: Settings;
  /** Keys (`kind\0id`) of the documents that do not validate on this side. */
  invalid: ReadonlySet<string>;
}

export interface DecisionInput {
  changes: readonly EntityChange[];
  base: DecisionSide;
  head: DecisionSide;
  /** Entities left out of the comparison because they could not be read on one side (`kind\0id`). */
  unreadable: ReadonlySet<string>;
  /** How many files do not parse on each side (base, head); the ranking is not compared when any does. */
  unparsed?: readonly { label: string; files: number }[];
  introduced: readonly FindingChange[];
  resolved: readonly FindingChange[];
}

function scaleInfo(s: Settings): ScaleInfo {
  return { name: s.statusScale.name, values: s.statusScale.values };
}

/**
 * The decision-first view of a diff, computed from both sides' documents: whose status worsened,
 * every other status change and why it is not a movement, the finishes and milestones that
 * moved, the forecast change split like for like, the overruns that grew, and the findings
 * grouped by rule.
 */
export function decide(input: DecisionInput): DiffDecision {
  const { base, head } = input;
  const scaleChanged = !sameScale(base.settings, head.settings);
  const renamedFrom = new Map(
    input.changes.filter((c) => c.kind === "Project" && c.change === "renamed").map((c) => [c.id, c.previousId!]),
  );
  const projects = (side: DecisionSide) =>
    new Map(side.documents.filter((d) => d.kind === "Project" && d.id !== undefined).map((d) => [d.id!, d] as const));
  const a = projects(base);
  const b = projects(head);
  const valid = (side: DecisionSide, id: string) => !side.invalid.has(`Project\0${id}`);
  // Pairs of the same project on both sides (through a rename), both validating.
  const pairs: { id: string; before: Value; after: Value; name?: string }[] = [];
  for (const [id, doc] of [...b].sort(([x], [y]) => cmp(x, y))) {
    const old = a.get(renamedFrom.get(id) ?? id);
    if (!old || !valid(base, old.id!) || !valid(head, id)) continue;
    pairs.push({ id, before: old.value, after: doc.value, ...named(doc.value) });
  }

  const finishSlips: DateMove[] = [];
  const finishPullIns: DateMove[] = [];
  for (const p of pairs) {
    const from = finishOf(p.before);
    const to = finishOf(p.after);
    // A forecast (or actual) finish that is no longer given is not known any more, as a
    // forecast cost that is withheld: it is not a move back to the baseline.
    if (forecastFinishOf(p.before) !== undefined && forecastFinishOf(p.after) === undefined) continue;
    const moved = days(from, to);
    if (moved === undefined || moved === 0) continue;
    const baseline = str(obj(p.after["schedule"])?.["baselineFinish"]);
    const vsBaseline = baseline !== undefined && baseline !== to ? days(baseline, to) : undefined;
    const move: DateMove = {
      id: p.id,
      ...(p.name !== undefined && { name: p.name }),
      from: from!,
      to: to!,
      days: moved,
      ...(vsBaseline !== undefined && { baselineDays: vsBaseline }),
    };
    (moved > 0 ? finishSlips : finishPullIns).push(move);
  }
  finishSlips.sort((x, y) => y.days - x.days || cmp(x.id, y.id));
  finishPullIns.sort((x, y) => x.days - y.days || cmp(x.id, y.id));

  const milestoneSlips: DateMove[] = [];
  for (const c of input.changes) {
    if (c.kind !== "Project") continue;
    for (const d of c.details) {
      if (d.type !== "milestone-slipped" || d.days === undefined) continue;
      const milestone = d.field.replace(/^milestones\./, "").replace(/\.forecast$/, "");
      const m = byKey(b.get(c.id)?.value["milestones"]).get(milestone);
      const milestoneName = m ? str(m["name"]) : undefined;
      milestoneSlips.push({
        id: c.id,
        ...(c.name !== undefined && { name: c.name }),
        milestone,
        ...(milestoneName !== undefined && { milestoneName }),
        from: String(d.from),
        to: String(d.to),
        days: d.days,
        ...(d.baselineDays !== undefined && { baselineDays: d.baselineDays }),
      });
    }
  }
  milestoneSlips.sort((x, y) => y.days - x.days || cmp(x.id, y.id) || cmp(x.milestone!, y.milestone!));

  const finishById = new Map([...finishSlips, ...finishPullIns].map((m) => [m.id, m.days]));
  const forecastById = new Map<string, { delta: number; currency: string }>();
  for (const p of pairs) {
    const x = forecastOf(p.before, base.settings);
    const y = forecastOf(p.after, head.settings);
    if (x.amount !== undefined && y.amount !== undefined && x.currency === y.currency && x.amount !== y.amount)
      forecastById.set(p.id, { delta: y.amount - x.amount, currency: y.currency });
  }

  const worsened: StatusMove[] = [];
  const statusChanges: StatusMove[] = [];
  const steps = new Map<string, number>();
  for (const p of pairs) {
    const from = str(obj(p.before["status"])?.["overall"]);
    const to = str(obj(p.after["status"])?.["overall"]);
    if (from === to) continue;
    const ra = base.settings.statusRank(from);
    const rb = head.settings.statusRank(to);
    const extra = {
      ...(finishById.has(p.id) && { finishDays: finishById.get(p.id)! }),
      ...(forecastById.has(p.id) && {
        forecastDelta: forecastById.get(p.id)!.delta,
        currency: forecastById.get(p.id)!.currency,
      }),
    };
    const move: StatusMove = {
      id: p.id,
      ...(p.name !== undefined && { name: p.name }),
      ...(from !== undefined && { from }),
      ...(to !== undefined && { to }),
    };
    if (rb < 0 && ra >= 0) statusChanges.push({ ...move, reason: "no-longer-rated", ...extra });
    else if (ra < 0 && rb >= 0) statusChanges.push({ ...move, reason: "now-rated", ...extra });
    else if (ra < 0 && rb < 0) statusChanges.push({ ...move, ...extra });
    else if (scaleChanged) statusChanges.push({ ...move, reason: "scale-changed", ...extra });
    else if (rb > ra) {
      worsened.push({ ...move, direction: "worsened", ...extra });
      steps.set(p.id, rb - ra);
    } else if (rb < ra) statusChanges.push({ ...move, direction: "improved", ...extra });
  }
  const rankTo = (m: StatusMove) => head.settings.statusRank(m.to);
  worsened.sort((x, y) => steps.get(y.id)! - steps.get(x.id)! || rankTo(y) - rankTo(x) || cmp(x.id, y.id));
  const order = (m: StatusMove) =>
    m.direction === "improved"
      ? 0
      : m.reason === "no-longer-rated"
        ? 1
        : m.reason === "now-rated"
          ? 2
          : m.reason === "scale-changed"
            ? 3
            : 4;
  statusChanges.sort((x, y) => order(x) - order(y) || cmp(x.id, y.id));
  const ranksNotCompared = rankingNotCompared(input.unparsed ?? []);

  return {
    ...(scaleChanged && { statusScale: { from: scaleInfo(base.settings), to: scaleInfo(head.settings) } }),
    worsened,
    statusChanges,
    finishSlips,
    finishPullIns,
    milestoneSlips,
    money: moneySplit(input, renamedFrom),
    overruns: overruns(pairs, base.settings, head.settings),
    ...(ranksNotCompared !== undefined
      ? { ranks: [], ranksNotCompared }
      : { ranks: rankChanges(base, head, renamedFrom) }),
    findings: findingGroups(input.introduced, input.resolved),
  };
}

/** A project's finish: actual, else forecast, else baseline. */
function finishOf(project: Value): string | undefined {
  return forecastFinishOf(project) ?? str(obj(project["schedule"])?.["baselineFinish"]);
}

/** A project's actual finish, else its forecast one; undefined when neither is given. */
function forecastFinishOf(project: Value): string | undefined {
  const s = obj(project["schedule"]);
  return str(s?.["actualFinish"]) ?? str(s?.["forecastFinish"]);
}

function forecastOf(project: Value, settings: Settings): { amount?: number; currency: string } {
  const budget = obj(project["budget"]);
  const amount = num(budget?.["forecast"]);
  return { ...(amount !== undefined && { amount }), currency: str(budget?.["currency"]) ?? settings.currency };
}

/**
 * The forecast change per currency, split: like for like (on both sides, known on both), joined
 * (only at head), left (only at base), newly unknown and newly known. A project whose currency
 * changed leaves one currency's total and joins the other's. Projects that do not validate on
 * a side, or could not be read, are counted apart and summed nowhere but in the totals.
 */
function moneySplit(input: DecisionInput, renamedFrom: ReadonlyMap<string, string>): MoneySplit[] {
  const { base, head } = input;
  const splits = new Map<string, MoneySplit>();
  const split = (currency: string): MoneySplit => {
    let s = splits.get(currency);
    if (!s) {
      s = {
        currency,
        likeForLike: { projects: 0, before: 0, after: 0, delta: 0 },
        joined: { projects: 0, amount: 0, unknown: 0 },
        left: { projects: 0, amount: 0, unknown: 0 },
        newlyUnknown: { projects: 0, amount: 0 },
        newlyKnown: { projects: 0, amount: 0 },
        notCompared: 0,
        total: { before: 0, after: 0, delta: 0 },
      };
      splits.set(currency, s);
    }
    return s;
  };
  const a = new Map(
    base.documents.filter((d) => d.kind === "Project" && d.id !== undefined).map((d) => [d.id!, d] as const),
  );
  const b = new Map(
    head.documents.filter((d) => d.kind === "Project" && d.id !== undefined).map((d) => [d.id!, d] as const),
  );
  const seen = new Set<string>();
  for (const doc of a.values()) {
    const f = forecastOf(doc.value, base.settings);
    if (f.amount !== undefined) split(f.currency).total.before += f.amount;
  }
  for (const [id, doc] of b) {
    const y = forecastOf(doc.value, head.settings);
    if (y.amount !== undefined) split(y.currency).total.after += y.amount;
    const baseId = renamedFrom.get(id) ?? id;
    const old = a.get(baseId);
    if (old) seen.add(baseId);
    const notCompared =
      input.unreadable.has(`Project\0${id}`) ||
      head.invalid.has(`Project\0${id}`) ||
      (old !== undefined && base.invalid.has(`Project\0${baseId}`));
    if (notCompared) {
      if (y.amount !== undefined) split(y.currency).notCompared++;
      continue;
    }
    if (!old) {
      const s = split(y.currency).joined;
      if (y.amount !== undefined) {
        s.projects++;
        s.amount += y.amount;
      } else s.unknown = (s.unknown ?? 0) + 1;
      continue;
    }
    const x = forecastOf(old.value, base.settings);
    if (x.currency !== y.currency) {
      if (x.amount !== undefined) addPart(split(x.currency).left, x.amount);
      if (y.amount !== undefined) addPart(split(y.currency).joined, y.amount);
      continue;
    }
    const s = split(y.currency);
    if (x.amount !== undefined && y.amount !== undefined) {
      s.likeForLike.projects++;
      s.likeForLike.before += x.amount;
      s.likeForLike.after += y.amount;
    } else if (x.amount !== undefined) addPart(s.newlyUnknown, x.amount);
    else if (y.amount !== undefined) addPart(s.newlyKnown, y.amount);
  }
  for (const [id, doc] of a) {
    if (seen.has(id)) continue;
    const x = forecastOf(doc.value, base.settings);
    if (input.unreadable.has(`Project\0${id}`) || base.invalid.has(`Project\0${id}`)) {
      if (x.amount !== undefined) split(x.currency).notCompared++;
      continue;
    }
    const s = split(x.currency).left;
    if (x.amount !== undefined) addPart(s, x.amount);
    else s.unknown = (s.unknown ?? 0) + 1;
  }
  return [...splits.values()]
    .map((s) => {
      const l = s.likeForLike;
      l.delta = l.after - l.before;
      if (l.before !== 0) l.percent = percent(l.delta, l.before);
      s.total.delta = s.total.after - s.total.before;
      if (s.total.before !== 0) s.total.percent = percent(s.total.delta, s.total.before);
      for (const part of [s.joined, s.left]) if (part.unknown === 0) delete part.unknown;
      return s;
    })
    .filter(
      (s) =>
        s.total.delta !== 0 ||
        s.likeForLike.delta !== 0 ||
        s.joined.projects + s.left.projects + s.newlyKnown.projects + s.newlyUnknown.projects + s.notCompared > 0,
    )
    .sort((x, y) => cmp(x.currency, y.currency));
}

function addPart(part: { projects: number; amount: number }, amount: number): void {
  part.projects++;
  part.amount += amount;
}

function percent(delta: number, before: number): number {
  return Math.round((delta / Math.abs(before)) * 1000) / 10;
}

/** Projects whose forecast over the approved budget grew (both known on both sides, same currency). */
function overruns(
  pairs: readonly { id: string; before: Value; after: Value; name?: string }[],
  baseSettings: Settings,
  headSettings: Settings,
): OverrunGrowth[] {
  const out: OverrunGrowth[] = [];
  const tolerance = headSettings.budgetTolerancePercent;
  for (const p of pairs) {
    const over = (v: Value, s: Settings) => {
      const budget = obj(v["budget"]);
      const approved = num(budget?.["approved"]);
      const forecast = num(budget?.["forecast"]);
      if (approved === undefined || forecast === undefined || approved <= 0) return undefined;
      return {
        currency: str(budget?.["currency"]) ?? s.currency,
        approved,
        forecast,
        percent: Math.round(((forecast - approved) / approved) * 1000) / 10,
      };
    };
    const x = over(p.before, baseSettings);
    const y = over(p.after, headSettings);
    if (!x || !y || x.currency !== y.currency || y.percent <= 0 || y.percent <= x.percent) continue;
    out.push({
      id: p.id,
      ...(p.name !== undefined && { name: p.name }),
      currency: y.currency,
      from: x.percent,
      to: y.percent,
      approved: y.approved,
      forecast: y.forecast,
      tolerance,
      crossedTolerance: x.percent <= tolerance && y.percent > tolerance,
    });
  }
  return out.sort((x, y) => y.to - x.to || cmp(x.id, y.id));
}

/** Findings by rule and severity: errors first, then the rules with most findings introduced. */
export function findingGroups(
  introduced: readonly FindingChange[],
  resolved: readonly FindingChange[],
): FindingGroup[] {
  const groups = new Map<string, FindingGroup & { about: Set<string> }>();
  const group = (f: FindingChange) => {
    const key = `${f.ruleId}\0${f.severity}`;
    let g = groups.get(key);
    if (!g) {
      g = { ruleId: f.ruleId, severity: f.severity, introduced: 0, resolved: 0, entities: 0, about: new Set() };
      groups.set(key, g);
    }
    return g;
  };
  for (const f of introduced) {
    const g = group(f);
    g.introduced++;
    g.about.add(f.entity ?? `file:${f.file}`);
  }
  for (const f of resolved) group(f).resolved++;
  return [...groups.values()]
    .map(({ about, ...g }) => ({ ...g, entities: about.size }))
    .sort(
      (x, y) =>
        SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] ||
        y.introduced - x.introduced ||
        y.resolved - x.resolved ||
        cmp(x.ruleId, y.ruleId),
    );
}

function named(value: Value): { name?: string } {
  const name = str(value["name"]);
  return name !== undefined ? { name } : {};
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Why the rankings are not compared, or undefined when they are. A ranking is relative: a
 * project (or portfolio) missing from a side because its file does not parse frees its share
 * of the envelope and moves every project after it, and what the file holds is unknown, so
 * no movement computed on that side could be told apart from the typo's effect.
 */
function rankingNotCompared(unparsed: readonly { label: string; files: number }[]): string | undefined {
  const sides = unparsed.filter((s) => s.files > 0);
  if (sides.length === 0) return undefined;
  const total = sides.reduce((n, s) => n + s.files, 0);
  const parts = sides.map((s) => `${s.files} ${s.files === 1 ? "file" : "files"} on ${s.label}`);
  return `the ranking is not compared: ${parts.join(" and ")} ${total === 1 ? "does" : "do"} not parse`;
}
