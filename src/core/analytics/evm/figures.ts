import { groupThousands } from "../../money.js";
import { endOf, isFlatAt, timeOf, valueAt, type CurvePoint } from "./curve.js";

/**
 * A figure of earned value analysis: a number with the arithmetic that produced it, or no
 * number and a sentence saying what is missing. An unknown figure is never shown as 0.
 */
export type Figure = KnownFigure | UnknownFigure;
export interface KnownFigure {
  value: number;
  /** The arithmetic, for --explain: "CPI = EV / AC = 2,500 / 2,800 = 0.893". */
  readonly explain: string;
}
export interface UnknownFigure {
  value: undefined;
  /** Why there is no number: what is missing, or why the formula has no meaning here. */
  missing: string;
}

/** What a known figure holds instead of its explanation inside withoutExplanations. */
const NOT_KEPT = Symbol("explanation not kept");
let keepExplanations = true;

/**
 * A known figure. Its explanation is written only when someone reads it (--explain, JSON):
 * formatting every amount of every figure of ten thousand projects would cost more than the
 * arithmetic.
 */
class Known implements KnownFigure {
  #explain: string | (() => string) | typeof NOT_KEPT;
  constructor(
    readonly value: number,
    explain: string | (() => string),
  ) {
    this.#explain = keepExplanations ? explain : NOT_KEPT;
  }
  get explain(): string {
    if (this.#explain === NOT_KEPT)
      throw new Error("this figure was computed without its explanation (withoutExplanations)");
    if (typeof this.#explain === "function") this.#explain = this.#explain();
    return this.#explain;
  }
}
export const known = (value: number, explain: string | (() => string)): KnownFigure => new Known(value, explain);

/**
 * Runs `build` (synchronous) so that the known figures made meanwhile keep no explanation, for
 * a caller that shows none (`pmo evm` without --explain). The figures are the same; what goes
 * is the explanation closures, about thirty per project, which would otherwise live as long as
 * the report: on ten thousand projects a fifth to a third of building it, most of it garbage
 * collection. Reading such a figure's explanation is a mistake in the caller, and throws.
 * Figures shared between readers (sharedProjectEvm) must not be made inside it.
 */
export function withoutExplanations<T>(build: () => T): T {
  const before = keepExplanations;
  keepExplanations = false;
  try {
    return build();
  } finally {
    keepExplanations = before;
  }
}
export const unknown = (missing: string): UnknownFigure => ({ value: undefined, missing });

/** The planned-value curve against time, for earned schedule. */
export interface ScheduleBasis {
  /** Cumulative planned value; the first point is the planned start (value 0). */
  points: CurvePoint[];
  /** The actual time: the as-of date, or the actual finish of a finished project. */
  at: number;
  /** How a time is written in the explanations: a date, or "period 5". */
  label: (t: number) => string;
  /** The unit of durations: "days", "weeks", "months"... */
  unit: string;
}

/** What the formulas need: each input known or explained missing. */
export interface EvmInputs {
  /** Budget at completion. */
  bac: Figure;
  /** Planned value to date (cumulative). */
  pv: Figure;
  /** Earned value to date (cumulative). */
  ev: Figure;
  /** Actual cost to date (cumulative). */
  ac: Figure;
  /** The project's own bottom-up estimate at completion. */
  forecast: Figure;
  /** The planned-value curve for earned schedule, or why there is none. */
  schedule: ScheduleBasis | UnknownFigure;
}

export const EAC_METHODS = ["cpi", "atypical", "cpiSpi", "bottomUp"] as const;
export type EacMethod = (typeof EAC_METHODS)[number];

/** Every figure of the standard earned value and earned schedule formulas. */
export interface EvmFigures {
  bac: Figure;
  pv: Figure;
  ev: Figure;
  ac: Figure;
  /** Schedule variance EV − PV, cost variance EV − AC. */
  sv: Figure;
  cv: Figure;
  /** Schedule and cost performance indexes EV / PV and EV / AC. */
  spi: Figure;
  cpi: Figure;
  /** Estimate at completion by each method, and the estimate to complete and variance at completion of each. */
  eac: Record<EacMethod, Figure>;
  etc: Record<EacMethod, Figure>;
  vac: Record<EacMethod, Figure>;
  /** The estimate at completion the headline figures use: the bottom-up forecast when there is one, else BAC / CPI. */
  eacUsed: EacMethod | undefined;
  /** To-complete performance index against BAC and against the estimate at completion used. */
  tcpiBac: Figure;
  tcpiEac: Figure;
  /** Earned schedule: planned duration, actual time, earned schedule, SV(t), SPI(t), TSPI, IEAC(t) (durations in `scheduleUnit`). */
  pd: Figure;
  at: Figure;
  es: Figure;
  svt: Figure;
  spit: Figure;
  tspi: Figure;
  ieact: Figure;
  /** The dates (or periods) of earned schedule and of the IEAC(t) finish, for people to read. */
  esLabel: string | undefined;
  ieactLabel: string | undefined;
  scheduleUnit: string | undefined;
  /** Named edge cases met on the way (see docs/evm.md). */
  notes: EvmNote[];
}

export const EVM_NOTES = [
  "no-planned-value",
  "pv-plateau",
  "past-planned-finish",
  "finished-late",
  "bac-equals-ac",
  "ac-exceeds-bac",
  "pv-not-reaching-bac",
] as const;
export type EvmNote = (typeof EVM_NOTES)[number];

const EAC_LABEL: Record<EacMethod, string> = {
  cpi: "EAC (BAC / CPI)",
  atypical: "EAC (AC + (BAC − EV))",
  cpiSpi: "EAC (AC + (BAC − EV) / (CPI × SPI))",
  bottomUp: "EAC (bottom-up forecast)",
};

/** Money in an explanation: whole units grouped by thousands, cents only when there are any. */
export function amount(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const sign = rounded < 0 ? "-" : "";
  return sign + groupThousands(Math.abs(rounded));
}

/** An index in an explanation: four decimals (the arithmetic itself is never rounded). */
export function index(n: number): string {
  return n.toFixed(4);
}

/** A duration in an explanation: at most two decimals. */
export function duration(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Applies the standard formulas to the inputs. Pure arithmetic; every step explained. */
export function computeFigures(inputs: EvmInputs): EvmFigures {
  const { bac, pv, ev, ac, forecast } = inputs;
  const notes = new Set<EvmNote>();
  if (pv.value === undefined) notes.add("no-planned-value");

  const sv = both(ev, pv, (e, p) =>
    known(e - p, () => `SV = EV − PV = ${amount(e)} − ${amount(p)} = ${amount(e - p)}`),
  );
  const cv = both(ev, ac, (e, a) =>
    known(e - a, () => `CV = EV − AC = ${amount(e)} − ${amount(a)} = ${amount(e - a)}`),
  );
  const spi = both(ev, pv, (e, p) =>
    p === 0
      ? unknown("SPI is undefined: no value was planned by this date (PV = 0)")
      : known(e / p, () => `SPI = EV / PV = ${amount(e)} / ${amount(p)} = ${index(e / p)}`),
  );
  const cpi = both(ev, ac, (e, a) =>
    a === 0
      ? unknown("CPI is undefined: nothing has been spent yet (AC = 0)")
      : known(e / a, () => `CPI = EV / AC = ${amount(e)} / ${amount(a)} = ${index(e / a)}`),
  );

  const eac: Record<EacMethod, Figure> = {
    cpi: both(bac, cpi, (b, c) =>
      c === 0
        ? unknown("BAC / CPI is undefined: no value has been earned yet (CPI = 0)")
        : known(b / c, () => `EAC = BAC / CPI = ${amount(b)} / ${index(c)} = ${amount(b / c)}`),
    ),
    atypical: all3(ac, bac, ev, (a, b, e) =>
      known(
        a + (b - e),
        () => `EAC = AC + (BAC − EV) = ${amount(a)} + (${amount(b)} − ${amount(e)}) = ${amount(a + (b - e))}`,
      ),
    ),
    cpiSpi: all5(ac, bac, ev, cpi, spi, (a, b, e, c, s) =>
      c * s === 0
        ? unknown("AC + (BAC − EV) / (CPI × SPI) is undefined: CPI × SPI = 0")
        : known(
            a + (b - e) / (c * s),
            () =>
              `EAC = AC + (BAC − EV) / (CPI × SPI) = ${amount(a)} + (${amount(b)} − ${amount(e)}) / (${index(c)} × ${index(s)}) = ${amount(a + (b - e) / (c * s))}`,
          ),
    ),
    bottomUp:
      forecast.value === undefined
        ? forecast
        : known(forecast.value, () => `EAC = the project's bottom-up forecast = ${amount(forecast.value)}`),
  };
  const etc = mapEac((m) =>
    both(eac[m], ac, (e, a) =>
      known(e - a, () => `ETC = ${EAC_LABEL[m]} − AC = ${amount(e)} − ${amount(a)} = ${amount(e - a)}`),
    ),
  );
  const vac = mapEac((m) =>
    both(bac, eac[m], (b, e) =>
      known(b - e, () => `VAC = BAC − ${EAC_LABEL[m]} = ${amount(b)} − ${amount(e)} = ${amount(b - e)}`),
    ),
  );
  const eacUsed: EacMethod | undefined =
    eac.bottomUp.value !== undefined ? "bottomUp" : eac.cpi.value !== undefined ? "cpi" : undefined;

  if (bac.value !== undefined && ac.value !== undefined) {
    if (ac.value === bac.value) notes.add("bac-equals-ac");
    else if (ac.value > bac.value) notes.add("ac-exceeds-bac");
  }
  const tcpiBac = all3(bac, ev, ac, (b, e, a) => {
    if (e >= b) return unknown("TCPI is undefined: all the work is earned (EV = BAC), none remains");
    if (a === b)
      return unknown(
        "TCPI against BAC is undefined: the whole budget is spent (BAC = AC), so no funds remain for the remaining work",
      );
    if (a > b)
      return unknown(
        `TCPI against BAC cannot be met: the actual cost (${amount(a)}) already exceeds the budget (${amount(b)}); measure against an estimate at completion instead`,
      );
    return known(
      (b - e) / (b - a),
      () =>
        `TCPI = (BAC − EV) / (BAC − AC) = (${amount(b)} − ${amount(e)}) / (${amount(b)} − ${amount(a)}) = ${index((b - e) / (b - a))}`,
    );
  });
  const used = eacUsed ? eac[eacUsed] : unknown("there is no estimate at completion");
  const tcpiEac = all4(bac, ev, used, ac, (b, e, x, a) => {
    if (e >= b) return unknown("TCPI is undefined: all the work is earned (EV = BAC), none remains");
    if (x <= a)
      return unknown(
        `TCPI against the EAC is undefined: the estimate at completion (${amount(x)}) leaves no funds beyond the actual cost (${amount(a)})`,
      );
    return known(
      (b - e) / (x - a),
      () =>
        `TCPI = (BAC − EV) / (EAC − AC) = (${amount(b)} − ${amount(e)}) / (${amount(x)} − ${amount(a)}) = ${index((b - e) / (x - a))}`,
    );
  });

  const schedule = earnedSchedule(inputs.schedule, ev, notes);
  return {
    bac,
    pv,
    ev,
    ac,
    sv,
    cv,
    spi,
    cpi,
    eac,
    etc,
    vac,
    eacUsed,
    tcpiBac,
    tcpiEac,
    ...schedule,
    notes: [...notes].sort(),
  };
}

function earnedSchedule(
  basis: ScheduleBasis | UnknownFigure,
  ev: Figure,
  notes: Set<EvmNote>,
): Pick<
  EvmFigures,
  "pd" | "at" | "es" | "svt" | "spit" | "tspi" | "ieact" | "esLabel" | "ieactLabel" | "scheduleUnit"
> {
  if (!("points" in basis)) {
    const none = unknown(basis.missing);
    return {
      pd: none,
      at: none,
      es: none,
      svt: none,
      spit: none,
      tspi: none,
      ieact: none,
      esLabel: undefined,
      ieactLabel: undefined,
      scheduleUnit: undefined,
    };
  }
  const { points, label, unit } = basis;
  const start = points[0]!;
  const end = endOf(points)!;
  const pdValue = end.t - start.t;
  const pd = known(
    pdValue,
    () => `PD = planned finish − planned start = ${label(end.t)} − ${label(start.t)} = ${duration(pdValue)} ${unit}`,
  );
  const atValue = basis.at - start.t;
  const at = known(
    atValue,
    () => `AT = ${label(basis.at)} − planned start ${label(start.t)} = ${duration(atValue)} ${unit}`,
  );
  if (atValue > pdValue) notes.add("past-planned-finish");
  if (isFlatAt(points, basis.at) && basis.at < end.t) notes.add("pv-plateau");

  if (ev.value === undefined) {
    const none = unknown(`earned schedule needs the earned value: ${ev.missing}`);
    return {
      pd,
      at,
      es: none,
      svt: none,
      spit: none,
      tspi: none,
      ieact: none,
      esLabel: undefined,
      ieactLabel: undefined,
      scheduleUnit: unit,
    };
  }
  const evValue = ev.value;
  const found = timeOf(points, evValue)!;
  const esValue = found.t - start.t;
  const es = known(
    esValue,
    () =>
      (found.from && found.to
        ? `ES = C + (EV − PV(C)) / (PV(C+1) − PV(C)): EV ${amount(evValue)} lies between PV ${amount(found.from.value)} at ${label(found.from.t)} and ${amount(found.to.value)} at ${label(found.to.t)}, so ES = ${duration(found.from.t - start.t)} + (${amount(evValue)} − ${amount(found.from.value)}) / (${amount(found.to.value)} − ${amount(found.from.value)}) × ${duration(found.to.t - found.from.t)} = ${duration(esValue)} ${unit}`
        : `ES = ${duration(esValue)} ${unit}: EV ${amount(evValue)} is the planned value at ${label(found.t)}`) +
      ` (${label(found.t)})`,
  );
  const svt = known(
    esValue - atValue,
    () => `SV(t) = ES − AT = ${duration(esValue)} − ${duration(atValue)} = ${duration(esValue - atValue)} ${unit}`,
  );
  const spit =
    atValue <= 0
      ? unknown("SPI(t) is undefined: the planned start has not been reached (AT = 0)")
      : known(
          esValue / atValue,
          () => `SPI(t) = ES / AT = ${duration(esValue)} / ${duration(atValue)} = ${index(esValue / atValue)}`,
        );
  const tspi =
    esValue >= pdValue
      ? unknown("TSPI is undefined: the whole planned schedule is earned (ES = PD)")
      : atValue >= pdValue
        ? unknown(
            `TSPI against the planned duration is undefined: the planned finish (${label(end.t)}) has passed, so no planned time remains`,
          )
        : known(
            (pdValue - esValue) / (pdValue - atValue),
            () =>
              `TSPI = (PD − ES) / (PD − AT) = (${duration(pdValue)} − ${duration(esValue)}) / (${duration(pdValue)} − ${duration(atValue)}) = ${index((pdValue - esValue) / (pdValue - atValue))}`,
          );
  const ieact =
    spit.value === undefined
      ? unknown(`IEAC(t) needs SPI(t): ${spit.missing}`)
      : spit.value === 0
        ? unknown("IEAC(t) is undefined: nothing has been earned yet (SPI(t) = 0)")
        : known(
            pdValue / spit.value,
            () =>
              `IEAC(t) = PD / SPI(t) = ${duration(pdValue)} / ${index(spit.value)} = ${duration(pdValue / spit.value)} ${unit}, a finish at ${label(start.t + pdValue / spit.value)}`,
          );
  return {
    pd,
    at,
    es,
    svt,
    spit,
    tspi,
    ieact,
    esLabel: label(found.t),
    ieactLabel: ieact.value === undefined ? undefined : label(start.t + ieact.value),
    scheduleUnit: unit,
  };
}

function mapEac(f: (m: EacMethod) => Figure): Record<EacMethod, Figure> {
  return { cpi: f("cpi"), atypical: f("atypical"), cpiSpi: f("cpiSpi"), bottomUp: f("bottomUp") };
}

function both(a: Figure, b: Figure, f: (a: number, b: number) => Figure): Figure {
  if (a.value === undefined) return a;
  if (b.value === undefined) return b;
  return f(a.value, b.value);
}

// both for three, four and five figures: the first unknown, or f of the values. Spelled out
// rather than over an array of figures: ten thousand projects call them in cold code, where
// building the arrays and destructuring them cost more than the arithmetic.
function all3(a: Figure, b: Figure, c: Figure, f: (a: number, b: number, c: number) => Figure): Figure {
  if (a.value === undefined) return a;
  if (b.value === undefined) return b;
  if (c.value === undefined) return c;
  return f(a.value, b.value, c.value);
}

function all4(
  a: Figure,
  b: Figure,
  c: Figure,
  d: Figure,
  f: (a: number, b: number, c: number, d: number) => Figure,
): Figure {
  if (a.value === undefined) return a;
  if (b.value === undefined) return b;
  if (c.value === undefined) return c;
  if (d.value === undefined) return d;
  return f(a.value, b.value, c.value, d.value);
}

function all5(
  a: Figure,
  b: Figure,
  c: Figure,
  d: Figure,
  e: Figure,
  f: (a: number, b: number, c: number, d: number, e: number) => Figure,
): Figure {
  if (a.value === undefined) return a;
  if (b.value === undefined) return b;
  if (c.value === undefined) return c;
  if (d.value === undefined) return d;
  if (e.value === undefined) return e;
  return f(a.value, b.value, c.value, d.value, e.value);
}

/** The planned value on a curve at a time, explained: used by the project layer and tests. */
export function plannedValueAt(points: readonly CurvePoint[], t: number, label: (t: number) => string): Figure {
  const value = valueAt(points, t);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return unknown("the planned-value curve has no points");
  if (t <= first.t)
    return known(value, () => `PV = ${amount(value)}: ${label(t)} is not after the planned start ${label(first.t)}`);
  if (t >= last.t) return known(value, () => `PV = ${amount(value)}: the whole curve is planned by ${label(last.t)}`);
  let i = 1;
  while (points[i]!.t < t) i++;
  const a = points[i - 1]!;
  const b = points[i]!;
  if (b.t === t) return known(value, () => `PV = ${amount(value)}, planned by ${label(t)}`);
  return known(
    value,
    () =>
      `PV = ${amount(a.value)} + (${amount(b.value)} − ${amount(a.value)}) × (${label(t)} − ${label(a.t)}) / (${label(b.t)} − ${label(a.t)}) = ${amount(value)} (linear between ${label(a.t)} and ${label(b.t)})`,
  );
}
