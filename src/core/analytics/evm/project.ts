import type { EvMethod, Milestone, Project, PvCurve } from "../../../model/entities.js";
import { utcDayNumber } from "../../dates.js";
import type { CurvePoint } from "./curve.js";
import {
  amount,
  computeFigures,
  known,
  plannedValueAt,
  unknown,
  type EvmFigures,
  type EvmNote,
  type Figure,
  type ScheduleBasis,
  type UnknownFigure,
} from "./figures.js";

/** One project's earned value analysis at a date. */
export interface ProjectEvm {
  id: string;
  name: string;
  portfolio: string | undefined;
  stage: Project["stage"];
  currency: string;
  method: EvMethod;
  curve: PvCurve | undefined;
  figures: EvmFigures;
  /** The plan and the actuals over time, for S-curves: cumulative amounts by date. */
  series: { planned: DatedValue[]; actual: DatedValue[] };
}

export interface DatedValue {
  date: string;
  value: number;
}

export interface ProjectEvmOptions {
  asOf: string;
  /** The engagement's currency, for a budget that names none. */
  defaultCurrency: string;
  /**
   * Why the project has no plan to measure against (`PRJ-2 is not in baseline Q1`): BAC and PV
   * are unknown for this reason, and so is every figure computed from them.
   */
  noPlan?: string;
  /**
   * The milestones whose baseline dates date a `milestones` planned-value curve, when they are
   * not the project's own: against a baseline, the baseline's (a milestone deleted since still
   * carries its planned value). See `projectEvmAgainst`.
   */
  plannedMilestones?: readonly Milestone[];
}

/** Stages whose projects are measured even without an earned value plan: work is under way or done. */
const MEASURED_STAGES: ReadonlySet<string> = new Set(["delivery", "closure", "closed"]);

/** Whether `pmo evm` measures the project: it is in delivery or later, or it has an earned value plan. */
export function isMeasured(project: Project): boolean {
  return project.earnedValue !== undefined || MEASURED_STAGES.has(project.stage);
}

/**
 * A project's plan and progress as the inputs of the formulas, then the figures. BAC is the
 * approved budget (else the baseline budget); AC is budget.actual (else the last cumulative
 * actual of the periods on or before the date); the bottom-up EAC is budget.forecast.
 */
export function projectEvm(project: Project, options: ProjectEvmOptions): ProjectEvm {
  const { asOf } = options;
  const plan = project.earnedValue;
  const method: EvMethod = plan?.method ?? "percent-complete";
  const budget = project.budget;
  const currency = budget?.currency ?? options.defaultCurrency;

  const bac: Figure =
    options.noPlan !== undefined
      ? unknown(`BAC is unknown: ${options.noPlan}`)
      : budget?.approved !== undefined
        ? known(budget.approved, () => `BAC = budget.approved = ${amount(budget.approved!)}`)
        : budget?.baseline !== undefined
          ? known(
              budget.baseline,
              () => `BAC = budget.baseline = ${amount(budget.baseline!)} (there is no budget.approved)`,
            )
          : unknown("BAC is unknown: the project has no budget.approved (nor budget.baseline)");

  const actualPeriods = (plan?.periods ?? []).filter((p) => p.actual !== undefined).sort(byPeriod);
  let lastActual: (typeof actualPeriods)[number] | undefined;
  for (let i = actualPeriods.length - 1; i >= 0 && lastActual === undefined; i--)
    if (actualPeriods[i]!.period <= asOf) lastActual = actualPeriods[i];
  const ac: Figure =
    budget?.actual !== undefined
      ? known(budget.actual, () => `AC = budget.actual = ${amount(budget.actual!)}`)
      : lastActual
        ? known(
            lastActual.actual!,
            () =>
              `AC = the cumulative actual cost of the period ending ${lastActual.period} = ${amount(lastActual.actual!)}`,
          )
        : unknown(
            "AC is unknown: the project has no budget.actual and no earnedValue.periods actual on or before " + asOf,
          );

  const forecast: Figure =
    budget?.forecast !== undefined
      ? known(budget.forecast, () => `forecast = budget.forecast = ${amount(budget.forecast!)}`)
      : unknown("the bottom-up EAC is unknown: the project has no budget.forecast");

  const curve =
    options.noPlan !== undefined
      ? unknown(`PV is unknown: ${options.noPlan}`)
      : plannedCurve(project, bac, options.plannedMilestones ?? project.milestones ?? []);
  const start = project.schedule?.actualStart;
  const finish = project.schedule?.actualFinish;
  const finished = finish !== undefined && finish <= asOf;
  const atDate = finished ? finish : asOf;

  let pv: Figure;
  let schedule: ScheduleBasis | UnknownFigure;
  const notes: EvmNote[] = [];
  if ("points" in curve) {
    pv = plannedValueAt(curve.points, dayNumber(asOf), isoOfDay);
    schedule = { points: curve.points, at: dayNumber(atDate), label: isoOfDay, unit: "days" };
    const end = curve.points[curve.points.length - 1]!;
    if (bac.value !== undefined && Math.abs(end.value - bac.value) > 0.005) notes.push("pv-not-reaching-bac");
    const plannedFinish = endDay(curve.points);
    if (finished && dayNumber(finish) > plannedFinish) notes.push("finished-late");
  } else {
    pv = curve;
    schedule = curve;
  }

  const ev = earnedValue(project, method, bac, asOf, start, finished);
  const figures = computeFigures({ bac, pv, ev, ac, forecast, schedule });
  if (notes.length > 0) figures.notes = [...new Set([...figures.notes, ...notes])].sort();
  const series = {
    planned: "points" in curve ? curve.points.map((p) => ({ date: isoOfDay(p.t), value: p.value })) : [],
    actual: actualPeriods.map((p) => ({ date: p.period, value: p.actual! })),
  };
  return {
    id: project.id,
    name: project.name,
    portfolio: project.portfolio,
    stage: project.stage,
    currency,
    method,
    curve: plan?.plannedValue,
    figures,
    series,
  };
}

/** The cumulative planned-value curve in days, or what is missing to draw it. */
function plannedCurve(
  project: Project,
  bac: Figure,
  milestones: readonly Milestone[],
): { points: CurvePoint[] } | UnknownFigure {
  const plan = project.earnedValue;
  const kind = plan?.plannedValue;
  if (!kind)
    return unknown("PV is unknown: the project has no earnedValue.plannedValue (periods, milestones or linear)");
  const start = project.schedule?.baselineStart;
  if (!start)
    return unknown(
      `PV is unknown: a ${kind} planned-value curve starts at 0 on schedule.baselineStart, which is missing`,
    );
  const origin: CurvePoint = { t: dayNumber(start), value: 0 };

  if (kind === "linear") {
    const finish = project.schedule?.baselineFinish;
    if (!finish) return unknown("PV is unknown: a linear planned-value curve needs schedule.baselineFinish");
    if (bac.value === undefined)
      return unknown(
        `PV is unknown: a linear planned-value curve spreads BAC, and ${bac.missing.replace(/^BAC is unknown: /, "")}`,
      );
    if (finish <= start) return unknown("PV is unknown: schedule.baselineFinish is not after schedule.baselineStart");
    return { points: [origin, { t: dayNumber(finish), value: bac.value }] };
  }

  // The dated amounts in date order (a stable sort: equal dates keep the order written), each
  // with the milestone it comes from, if any, for the sentence that says what is wrong.
  const dated: { date: string; value: number; milestone?: string }[] = [];
  if (kind === "periods") {
    for (const p of plan?.periods ?? []) if (p.planned !== undefined) dated.push({ date: p.period, value: p.planned });
    if (dated.length === 0)
      return unknown(
        "PV is unknown: earnedValue.plannedValue is periods, but no earnedValue.periods entry has a planned amount",
      );
  } else {
    const values = plan?.milestones ?? {};
    const ids = Object.keys(values).filter((k) => !k.startsWith("x-"));
    if (ids.length === 0)
      return unknown(
        "PV is unknown: earnedValue.plannedValue is milestones, but earnedValue.milestones gives no milestone a value",
      );
    let cumulative = 0;
    const reached: { date: string; value: number; id: string }[] = [];
    for (const id of ids) {
      const milestone = milestones.find((m) => m.id === id);
      if (!milestone)
        return unknown(`PV is unknown: earnedValue.milestones names ${id}, which is not a milestone of the project`);
      if (!milestone.baseline)
        return unknown(`PV is unknown: milestone ${id} has a planned value but no baseline date`);
      reached.push({ date: milestone.baseline, value: values[id]!, id });
    }
    reached.sort(byDate);
    for (const r of reached) {
      cumulative += r.value;
      dated.push({ date: r.date, value: cumulative, milestone: r.id });
    }
  }
  dated.sort(byDate);
  const what = (d: (typeof dated)[number]) =>
    d.milestone !== undefined ? `milestone ${d.milestone}` : `the period ending ${d.date}`;
  const points: CurvePoint[] = [origin];
  for (const d of dated) {
    const prev = points[points.length - 1]!;
    const t = dayNumber(d.date);
    if (t <= origin.t)
      return unknown(`PV is unknown: ${what(d)} (${d.date}) is not after schedule.baselineStart (${start})`);
    if (t === prev.t) return unknown(`PV is unknown: two planned amounts fall on ${d.date}`);
    if (d.value < prev.value)
      return unknown(
        `PV is unknown: planned amounts are cumulative, but ${what(d)} plans ${amount(d.value)}, less than ${amount(prev.value)} before it`,
      );
    points.push({ t, value: d.value });
  }
  return { points };
}

function earnedValue(
  project: Project,
  method: EvMethod,
  bac: Figure,
  asOf: string,
  actualStart: string | undefined,
  finished: boolean,
): Figure {
  if (method === "percent-complete") {
    if (bac.value === undefined)
      return unknown(
        `EV is unknown: it is BAC × percent complete, and ${bac.missing.replace(/^BAC is unknown: /, "")}`,
      );
    const pc = project.percentComplete ?? (finished ? 100 : undefined);
    if (pc === undefined)
      return unknown(
        "EV is unknown: the earned value method is percent-complete, and the project has no percentComplete",
      );
    return known(
      (bac.value * pc) / 100,
      () => `EV = BAC × percent complete = ${amount(bac.value!)} × ${pc}% = ${amount((bac.value! * pc) / 100)}`,
    );
  }

  const values = project.earnedValue?.milestones ?? {};
  const valued = (project.milestones ?? []).filter((m) => values[m.id] !== undefined);
  const reached = (id: string) => {
    const m = project.milestones?.find((x) => x.id === id);
    return m?.actual !== undefined && m.actual <= asOf;
  };
  const done = finished || project.percentComplete === 100;

  if (method === "milestones" || (valued.length > 0 && method === "0-100")) {
    if (valued.length === 0)
      return unknown(
        "EV is unknown: the earned value method is milestones, but earnedValue.milestones gives no milestone of the project a value",
      );
    const earned = valued.filter((m) => reached(m.id));
    const total = earned.reduce((sum, m) => sum + values[m.id]!, 0);
    const terms = earned.map((m) => `${m.id} ${amount(values[m.id]!)}`).join(" + ");
    const rule =
      method === "0-100" ? "0/100: each milestone's value when it is reached" : "the values of the milestones reached";
    return known(total, () =>
      earned.length === 0
        ? `EV = 0: no valued milestone was reached by ${asOf} (${rule})`
        : `EV = ${rule} by ${asOf} = ${terms} = ${amount(total)}`,
    );
  }

  if (method === "50-50" && valued.length > 0) {
    // Each valued milestone closes a package that starts when the previous one is reached
    // (the first when the project starts): half its value when started, the rest when reached.
    const ordered = [...valued].sort((a, b) =>
      (a.baseline ?? "") < (b.baseline ?? "") ? -1 : (a.baseline ?? "") > (b.baseline ?? "") ? 1 : 0,
    );
    let total = 0;
    const terms: string[] = [];
    ordered.forEach((m, i) => {
      const v = values[m.id]!;
      const started = i === 0 ? actualStart !== undefined && actualStart <= asOf : reached(ordered[i - 1]!.id);
      if (reached(m.id)) {
        total += v;
        terms.push(`${m.id} ${amount(v)}`);
      } else if (started) {
        total += v / 2;
        terms.push(`${m.id} ${amount(v)} / 2`);
      }
    });
    return known(total, () =>
      terms.length === 0
        ? `EV = 0: no package has started by ${asOf} (50/50)`
        : `EV = 50/50: half of a package when started, all when its milestone is reached = ${terms.join(" + ")} = ${amount(total)}`,
    );
  }

  // 0-100 or 50-50 without milestone values: the whole project is one package.
  if (bac.value === undefined)
    return unknown(
      `EV is unknown: ${method === "0-100" ? "0/100" : "50/50"} earns BAC, and ${bac.missing.replace(/^BAC is unknown: /, "")}`,
    );
  if (done)
    return known(
      bac.value,
      () => `EV = BAC = ${amount(bac.value)}: the project is finished (${method === "0-100" ? "0/100" : "50/50"})`,
    );
  if (method === "50-50" && actualStart !== undefined && actualStart <= asOf)
    return known(
      bac.value / 2,
      () =>
        `EV = BAC / 2 = ${amount(bac.value)} / 2 = ${amount(bac.value / 2)}: started on ${actualStart}, not finished (50/50)`,
    );
  return known(
    0,
    () =>
      `EV = 0: the project is ${method === "50-50" ? "not started" : "not finished"} (${method === "0-100" ? "0/100" : "50/50"})`,
  );
}

const byDate = (a: { date: string }, b: { date: string }): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
const byPeriod = (a: { period: string }, b: { period: string }): number =>
  a.period < b.period ? -1 : a.period > b.period ? 1 : 0;

function endDay(points: readonly CurvePoint[]): number {
  const last = points[points.length - 1]!;
  return points.find((p) => p.value >= last.value)!.t;
}

/** Whole days since 1970-01-01 of a YYYY-MM-DD date: the time axis of dated curves (core/dates utcDayNumber). */
export function dayNumber(date: string): number {
  return utcDayNumber(date);
}

/**
 * The YYYY-MM-DD date of a day number (fractions of a day are dropped). Remembered: the
 * planned-value series of ten thousand projects ask for the same few hundred dates.
 */
export function isoOfDay(t: number): string {
  const day = Math.floor(t);
  let iso = ISO_OF_DAY.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    ISO_OF_DAY.set(day, iso);
  }
  return iso;
}
const ISO_OF_DAY = new Map<number, string>();
