import { STATUS_DIMENSIONS } from "../../model/entities.js";
import { Covered, days, moneyDetail, sameScale, signedDuration, statusDirection, type DiffContext } from "./context.js";
import type { Detail, Direction } from "./types.js";
import { byKey, num, obj, str, type Value } from "./values.js";

const SCHEDULE_FIELDS = [
  ["forecastFinish", "forecast finish"],
  ["baselineFinish", "baseline finish"],
  ["forecastStart", "forecast start"],
  ["baselineStart", "baseline start"],
  ["actualStart", "actual start"],
  ["actualFinish", "actual finish"],
] as const;

const BUDGET_FIELDS = [
  ["forecast", "forecast cost"],
  ["approved", "approved budget"],
  ["baseline", "baseline budget"],
  ["actual", "actual cost"],
] as const;

export interface KindDiff {
  details: Detail[];
  direction?: Direction;
  covered: Covered;
}

/** A project's changes in the words of a status report: RAG, stage, money, dates, milestones, people. */
export function diffProject(before: Value, after: Value, ctx: DiffContext): KindDiff {
  const covered = new Covered();
  const details: Detail[] = [];
  let direction: Direction | undefined;

  const sa = obj(before["status"]) ?? {};
  const sb = obj(after["status"]) ?? {};
  for (const dim of STATUS_DIMENSIONS) {
    const from = str(sa[dim]);
    const to = str(sb[dim]);
    covered.add(`status.${dim}`);
    if (from === to) continue;
    const dir = statusDirection(from, to, ctx.base, ctx.head);
    if (dim === "overall") direction = dir;
    const label = dim === "overall" ? "overall status" : `${dim} status`;
    const note = dir
      ? ` (${dir})`
      : from !== undefined && to !== undefined && !sameScale(ctx.base, ctx.head)
        ? " (status scale changed: not a movement)"
        : "";
    details.push({
      type: "status",
      field: `status.${dim}`,
      from,
      to,
      ...(dir ? { direction: dir } : {}),
      text: `${label} ${from ?? "(none)"} -> ${to ?? "(none)"}${note}`,
    });
  }
  covered.add("status.asOf");
  if (str(sa["asOf"]) !== str(sb["asOf"]) && str(sb["asOf"])) {
    details.push({
      type: "status-report",
      field: "status.asOf",
      from: str(sa["asOf"]),
      to: str(sb["asOf"]),
      text: `status report as of ${str(sb["asOf"])}${str(sa["asOf"]) ? ` (was ${str(sa["asOf"])})` : ""}`,
    });
  }

  covered.add("status.recoveryPlan", "status.escalation");
  const plan = [str(sa["recoveryPlan"]), str(sb["recoveryPlan"])];
  if (plan[0] !== plan[1]) {
    const text =
      plan[0] === undefined
        ? "recovery plan added"
        : plan[1] === undefined
          ? "recovery plan removed"
          : "recovery plan updated";
    details.push({ type: "status-report", field: "status.recoveryPlan", text });
  }
  const ea = obj(sa["escalation"]);
  const eb = obj(sb["escalation"]);
  if (str(ea?.["to"]) !== str(eb?.["to"]) || str(ea?.["date"]) !== str(eb?.["date"])) {
    const to = str(eb?.["to"]);
    const text = to ? `escalated to ${to}${str(eb?.["date"]) ? ` on ${str(eb?.["date"])}` : ""}` : "escalation removed";
    details.push({ type: "status-report", field: "status.escalation", from: str(ea?.["to"]), to, text });
  }

  covered.add("stage");
  if (str(before["stage"]) !== str(after["stage"])) {
    details.push({
      type: "stage",
      field: "stage",
      from: before["stage"],
      to: after["stage"],
      text: `stage ${str(before["stage"]) ?? "(none)"} -> ${str(after["stage"]) ?? "(none)"}`,
    });
  }
  covered.add("percentComplete");
  if (num(before["percentComplete"]) !== num(after["percentComplete"])) {
    const f = num(before["percentComplete"]);
    const t = num(after["percentComplete"]);
    details.push({
      type: "progress",
      field: "percentComplete",
      from: f,
      to: t,
      text: `percent complete ${f ?? "(none)"}% -> ${t ?? "(none)"}%`.replace("(none)%", "(none)"),
    });
  }

  details.push(...budgetDetails(before, after, ctx, covered));
  details.push(...scheduleDetails(before, after, covered));
  details.push(...milestoneDetails(before, after, covered));

  for (const role of ["sponsor", "manager", "portfolio"] as const) {
    covered.add(role);
    const from = str(before[role]);
    const to = str(after[role]);
    if (from === to) continue;
    const verb =
      from === undefined
        ? `${role} set to ${to}`
        : to === undefined
          ? `${role} removed (was ${from})`
          : `${role} ${from} -> ${to}`;
    details.push({ type: role === "portfolio" ? "portfolio" : "owner", field: role, from, to, text: verb });
  }

  covered.add("contributions");
  const ca = byKey(before["contributions"], "objective");
  const cb = byKey(after["contributions"], "objective");
  for (const [objective, c] of cb) {
    const old = ca.get(objective);
    const strength = str(c["strength"]);
    if (!old)
      details.push({
        type: "contribution",
        field: `contributions.${objective}`,
        to: strength,
        text: `now contributes to objective ${objective}${strength ? ` (${strength})` : ""}`,
      });
    else if (str(old["strength"]) !== strength)
      details.push({
        type: "contribution",
        field: `contributions.${objective}`,
        from: str(old["strength"]),
        to: strength,
        text: `contribution to objective ${objective} ${str(old["strength"]) ?? "(none)"} -> ${strength ?? "(none)"}`,
      });
  }
  for (const objective of ca.keys()) {
    if (!cb.has(objective))
      details.push({
        type: "contribution",
        field: `contributions.${objective}`,
        text: `no longer contributes to objective ${objective}`,
      });
  }
  return { details, direction, covered };
}

function budgetDetails(before: Value, after: Value, ctx: DiffContext, covered: Covered): Detail[] {
  const ba = obj(before["budget"]) ?? {};
  const bb = obj(after["budget"]) ?? {};
  const ca = str(ba["currency"]) ?? ctx.base.currency;
  const cb = str(bb["currency"]) ?? ctx.head.currency;
  covered.add("budget.currency", ...BUDGET_FIELDS.map(([f]) => `budget.${f}`));
  if (ca !== cb)
    return [{ type: "budget", field: "budget.currency", from: ca, to: cb, text: `budget currency ${ca} -> ${cb}` }];
  return BUDGET_FIELDS.map(([f, label]) => moneyDetail(`budget.${f}`, label, num(ba[f]), num(bb[f]), cb)).filter(
    (d): d is Detail => d !== undefined,
  );
}

function scheduleDetails(before: Value, after: Value, covered: Covered): Detail[] {
  const sa = obj(before["schedule"]) ?? {};
  const sb = obj(after["schedule"]) ?? {};
  const details: Detail[] = [];
  for (const [f, label] of SCHEDULE_FIELDS) {
    covered.add(`schedule.${f}`);
    const from = str(sa[f]);
    const to = str(sb[f]);
    if (from === to) continue;
    const field = `schedule.${f}`;
    if (from === undefined) details.push({ type: "schedule", field, to, text: `${label} set to ${to}` });
    else if (to === undefined) details.push({ type: "schedule", field, from, text: `${label} removed (was ${from})` });
    else {
      const d = days(from, to);
      const vsBaseline = f === "forecastFinish" ? days(str(sb["baselineFinish"]), to) : undefined;
      const tail = [
        d !== undefined ? signedDuration(d) : undefined,
        vsBaseline !== undefined ? `${signedDuration(vsBaseline)} against baseline` : undefined,
      ]
        .filter(Boolean)
        .join("; ");
      details.push({
        type: "schedule",
        field,
        from,
        to,
        ...(d !== undefined ? { days: d } : {}),
        ...(vsBaseline !== undefined ? { baselineDays: vsBaseline } : {}),
        text: `${label} ${from} -> ${to}${tail ? ` (${tail})` : ""}`,
      });
    }
  }
  return details;
}

/**
 * Milestones by id: added, removed, completed (an actual date appears), slipped or pulled in
 * (the forecast moves; the slip is given against the previous forecast and the baseline),
 * re-baselined. Other milestone fields go to the leftover list.
 */
function milestoneDetails(before: Value, after: Value, covered: Covered): Detail[] {
  const ma = byKey(before["milestones"]);
  const mb = byKey(after["milestones"]);
  const details: Detail[] = [];
  const label = (id: string, m: Value) => `milestone ${id}${str(m["name"]) ? ` "${str(m["name"])}"` : ""}`;
  for (const [id, m] of mb) {
    const field = `milestones.${id}`;
    const old = ma.get(id);
    if (!old) {
      covered.add(field);
      const when = str(m["forecast"]) ?? str(m["baseline"]);
      details.push({ type: "milestone-added", field, text: `${label(id, m)} added${when ? ` (due ${when})` : ""}` });
      continue;
    }
    covered.add(`${field}.forecast`, `${field}.actual`, `${field}.baseline`);
    const baseline = str(m["baseline"]);
    if (str(old["actual"]) === undefined && str(m["actual"]) !== undefined) {
      const late = days(baseline, str(m["actual"]));
      details.push({
        type: "milestone-completed",
        field: `${field}.actual`,
        to: m["actual"],
        ...(late !== undefined ? { baselineDays: late } : {}),
        text: `${label(id, m)} completed on ${str(m["actual"])}${late !== undefined ? ` (${signedDuration(late)} against baseline)` : ""}`,
      });
    } else if (str(old["actual"]) !== str(m["actual"])) {
      details.push({
        type: "milestone-completed",
        field: `${field}.actual`,
        from: old["actual"],
        to: m["actual"],
        text: str(m["actual"])
          ? `${label(id, m)} actual date ${str(old["actual"])} -> ${str(m["actual"])}`
          : `${label(id, m)} reopened (actual date ${str(old["actual"])} removed)`,
      });
    }
    const from = str(old["forecast"]) ?? str(old["baseline"]);
    const to = str(m["forecast"]) ?? baseline;
    const moved = days(from, to);
    if (
      str(old["forecast"]) !== str(m["forecast"]) &&
      moved !== undefined &&
      moved !== 0 &&
      str(m["actual"]) === undefined
    ) {
      const vsBaseline = days(baseline, to);
      const tail = vsBaseline !== undefined ? `; ${signedDuration(vsBaseline)} against baseline` : "";
      details.push({
        type: moved > 0 ? "milestone-slipped" : "milestone-pulled-in",
        field: `${field}.forecast`,
        from,
        to,
        days: moved,
        ...(vsBaseline !== undefined ? { baselineDays: vsBaseline } : {}),
        text: `${label(id, m)} ${moved > 0 ? "slipped" : "pulled in"} ${from} -> ${to} (${signedDuration(moved)}${tail})`,
      });
    }
    if (str(old["baseline"]) !== baseline) {
      details.push({
        type: "milestone-rebaselined",
        field: `${field}.baseline`,
        from: old["baseline"],
        to: baseline,
        text: `${label(id, m)} re-baselined ${str(old["baseline"]) ?? "(none)"} -> ${baseline ?? "(none)"}`,
      });
    }
  }
  for (const [id, m] of ma) {
    if (mb.has(id)) continue;
    covered.add(`milestones.${id}`);
    details.push({ type: "milestone-removed", field: `milestones.${id}`, text: `${label(id, m)} removed` });
  }
  return details;
}

/** What a new project starts as: status, stage, forecast and finish. */
export function describeNewProject(value: Value, ctx: DiffContext): Detail[] {
  const details: Detail[] = [];
  const status = obj(value["status"]);
  if (str(status?.["overall"]))
    details.push({
      type: "status",
      field: "status.overall",
      to: status!["overall"],
      text: `overall status ${str(status!["overall"])}`,
    });
  if (str(value["stage"]))
    details.push({ type: "stage", field: "stage", to: value["stage"], text: `stage ${str(value["stage"])}` });
  const budget = obj(value["budget"]);
  const forecast = num(budget?.["forecast"]);
  const currency = str(budget?.["currency"]) ?? ctx.head.currency;
  if (forecast !== undefined)
    details.push(moneyDetail("budget.forecast", "forecast cost", undefined, forecast, currency)!);
  const finish = str(obj(value["schedule"])?.["forecastFinish"]);
  if (finish)
    details.push({ type: "schedule", field: "schedule.forecastFinish", to: finish, text: `forecast finish ${finish}` });
  return details;
}
