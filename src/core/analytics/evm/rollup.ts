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
  const byCurrency = new Map<string, ProjectEvm[]>();
  for (const p of scope.projects) {
    const list = byCurrency.get(p.currency);
    if (list) list.push(p);
    else byCurrency.set(p.currency, [p]);
  }
  return [...byCurrency.keys()].sort().map((currency) => {
    const projects = byCurrency.get(currency)!;
    const counted: ProjectEvm[] = [];
    const leftOut: { id: string; missing: string }[] = [];
    for (const p of projects) {
      const f = p.figures;
      // The first of BAC, PV, EV and AC that is unknown (no array per project and scope).
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
      if (lacking) leftOut.push({ id: p.id, missing: lacking.missing });
      else counted.push(p);
    }
    const sum = (name: string, pick: (f: EvmFigures) => Figure): Figure => {
      if (counted.length === 0)
        return unknown(
          `${name} is unknown: no project in ${currency} has BAC, PV, EV and AC all known (${leftOut.length} left out)`,
        );
      const values = counted.map((p) => pick(p.figures).value as number);
      const total = values.reduce((a, b) => a + b, 0);
      const note = leftOut.length > 0 ? ` (${leftOut.length} project${leftOut.length === 1 ? "" : "s"} left out)` : "";
      return known(
        total,
        () =>
          `${name} = Σ over ${counted.length} project${counted.length === 1 ? "" : "s"}${note} = ${values.map(amount).join(" + ")} = ${amount(total)}`,
      );
    };
    const withoutForecast = counted.filter((p) => p.figures.eac.bottomUp.value === undefined);
    const forecast =
      withoutForecast.length > 0
        ? unknown(
            `the bottom-up EAC is unknown: ${withoutForecast.length} of the ${counted.length} projects summed have no budget.forecast`,
          )
        : sum("forecast", (f) => f.eac.bottomUp);
    const figures = computeFigures({
      bac: sum("BAC", (f) => f.bac),
      pv: sum("PV", (f) => f.pv),
      ev: sum("EV", (f) => f.ev),
      ac: sum("AC", (f) => f.ac),
      forecast,
      schedule: unknown("earned schedule is computed per project, not rolled up"),
    });
    return {
      scope: scope.scope,
      id: scope.id,
      name: scope.name,
      currency,
      counted: counted.map((p) => p.id),
      leftOut,
      figures,
    };
  });
}
