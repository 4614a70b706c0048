import { amount, computeFigures, known, unknown, type EvmFigures, type Figure } from "./figures.js";
import type { ProjectEvm } from "./project.js";

/** Earned value summed over the projects of a portfolio or of the engagement, in one currency. */
export interface EvmRollup {
  scope: "portfolio" | "engagement";
  id: string;
  name: string;
  currency: string;
  /** The projects whose BAC, PV, EV and AC are all known: the ones summed. */
  counted: string[];
  /** The projects in this currency left out of the sums, each with the first figure it lacks. */
  leftOut: { id: string; missing: string }[];
  figures: EvmFigures;
}

export interface RollupScope {
  scope: "portfolio" | "engagement";
  id: string;
  name: string;
  projects: readonly ProjectEvm[];
}

/**
 * One roll-up per currency of the scope's projects: money in different currencies is never
 * added, so a portfolio with projects in EUR and GBP gets two rows side by side. A project
 * lacking any of BAC, PV, EV or AC is left out of every sum (never counted as 0) and named.
 * The bottom-up EAC is summed only when every counted project has one. Earned schedule is per
 * project: the roll-up does not compute it.
 */
export function rollUp(scope: RollupScope): EvmRollup[] {
  const totals = rollupTotals();
  for (const p of scope.projects) totals.add(p);
  return totals.rollups(scope);
}

/** rollUp fed one project at a time, for a caller that measures the projects one after the other. */
export interface RollupTotals {
  /** Counts a project of the scope in (projects are summed in the order they are added). */
  add(project: ProjectEvm): void;
  /** The roll-ups of the projects added so far, as rollUp gives them for `scope`. */
  rollups(scope: Omit<RollupScope, "projects">): EvmRollup[];
}

/** What a scope's projects in one currency add up to, kept as the projects are added. */
interface CurrencyTotals {
  counted: string[];
  leftOut: { id: string; missing: string }[];
  bac: number[];
  pv: number[];
  ev: number[];
  ac: number[];
  /** The bottom-up EAC of each counted project that has one, and how many counted have none. */
  forecast: number[];
  withoutForecast: number;
}

/**
 * rollUp's sums, kept per currency as each project is added: only the amounts summed and the
 * ids, not the projects, so that ten thousand measured projects need not all be kept for their
 * roll-ups (`pmo evm` writes each project as soon as it is measured).
 */
export function rollupTotals(): RollupTotals {
  const byCurrency = new Map<string, CurrencyTotals>();
  return {
    add(p) {
      let t = byCurrency.get(p.currency);
      if (!t) {
        t = { counted: [], leftOut: [], bac: [], pv: [], ev: [], ac: [], forecast: [], withoutForecast: 0 };
        byCurrency.set(p.currency, t);
      }
      const f = p.figures;
      // The first of BAC, PV, EV and AC that is unknown.
      const lacking =
        f.bac.value === undefined
          ? f.bac
          : f.pv.value === undefined
            ? f.pv
            : f.ev.value === undefined
              ? f.ev
              : f.ac.value === undefined
                ? f.ac
                : undefined;
      if (lacking) {
        t.leftOut.push({ id: p.id, missing: lacking.missing });
        return;
      }
      t.counted.push(p.id);
      t.bac.push(f.bac.value!);
      t.pv.push(f.pv.value!);
      t.ev.push(f.ev.value!);
      t.ac.push(f.ac.value!);
      if (f.eac.bottomUp.value === undefined) t.withoutForecast++;
      else t.forecast.push(f.eac.bottomUp.value);
    },
    rollups: (scope) =>
      [...byCurrency.keys()].sort().map((currency) => rollupOf(scope, currency, byCurrency.get(currency)!)),
  };
}

function rollupOf(scope: Omit<RollupScope, "projects">, currency: string, t: CurrencyTotals): EvmRollup {
  const { counted, leftOut } = t;
  const sum = (name: string, values: readonly number[]): Figure => {
    if (counted.length === 0)
      return unknown(
        `${name} is unknown: no project in ${currency} has BAC, PV, EV and AC all known (${leftOut.length} left out)`,
      );
    const total = values.reduce((a, b) => a + b, 0);
    const note = leftOut.length > 0 ? ` (${leftOut.length} project${leftOut.length === 1 ? "" : "s"} left out)` : "";
    return known(
      total,
      () =>
        `${name} = Σ over ${counted.length} project${counted.length === 1 ? "" : "s"}${note} = ${values.map(amount).join(" + ")} = ${amount(total)}`,
    );
  };
  const forecast =
    t.withoutForecast > 0
      ? unknown(
          `the bottom-up EAC is unknown: ${t.withoutForecast} of the ${counted.length} projects summed have no budget.forecast`,
        )
      : sum("forecast", t.forecast);
  const figures = computeFigures({
    bac: sum("BAC", t.bac),
    pv: sum("PV", t.pv),
    ev: sum("EV", t.ev),
    ac: sum("AC", t.ac),
    forecast,
    schedule: unknown("earned schedule is computed per project, not rolled up"),
  });
  return { scope: scope.scope, id: scope.id, name: scope.name, currency, counted, leftOut, figures };
}
