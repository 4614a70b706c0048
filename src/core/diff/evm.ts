import type { PmoDocument } from "../../model/document.js";
import type { Project } from "../../model/entities.js";
import { isMeasured, projectEvm, type ProjectEvm } from "../analytics/evm/index.js";
import { formatMoney } from "../money.js";
import { signedMoney } from "./context.js";

/** A change of a project's CPI, SPI or estimate at completion between the two sides. */
export interface EvmChange {
  project: string;
  figure: "CPI" | "SPI" | "EAC";
  from: number;
  to: number;
  /** `to - from`. */
  delta: number;
  /**
   * What was crossed: an index level (1.00, or the tolerance of EvmThresholds, 0.90 by
   * default), or the project's budget (BAC) for the EAC; null when nothing was.
   */
  threshold: string | null;
  direction: "worsened" | "improved";
  /** The project's currency (the EAC's). */
  currency: string;
  text: string;
}

/** A change that crossed a threshold: the ones the summary names. */
export type EvmCrossing = EvmChange & { threshold: string };

/**
 * The tolerance below which each index is reported as a crossing, besides on plan (1.00). The
 * CPI's is `cost-performance-vs-status`'s configured `threshold` (the CPI below which a budget
 * may not be green); no rule sets one for the SPI, so it is the usual 0.90.
 */
export interface EvmThresholds {
  cpi: number;
  spi: number;
}

/** The thresholds with no configuration: cost-performance-vs-status's default, and 0.90. */
export const DEFAULT_EVM_THRESHOLDS: EvmThresholds = { cpi: 0.9, spi: 0.9 };

/**
 * Every change of a project's CPI, SPI (as shown, to two decimals) or estimate at completion
 * (to a whole unit) between base and head, both judged at the same date so that only the
 * files' changes show. Only projects measured on both sides with the figure known on both
 * count. Each change says which threshold it crossed, if any: CPI or SPI crossing 1.00 or
 * its tolerance (`thresholds`), the EAC crossing the budget. Sorted by project, then CPI, SPI,
 * EAC.
 */
export function evmChanges(
  base: readonly PmoDocument[],
  head: readonly PmoDocument[],
  asOf: string,
  currency: string,
  thresholds: EvmThresholds = DEFAULT_EVM_THRESHOLDS,
): EvmChange[] {
  // The higher level first, so that a fall through both names on plan (1.00), as before.
  const levels = {
    CPI: [...new Set([1, thresholds.cpi])].sort((x, y) => y - x),
    SPI: [...new Set([1, thresholds.spi])].sort((x, y) => y - x),
  };
  const measure = (docs: readonly PmoDocument[]) => {
    const map = new Map<string, ProjectEvm>();
    for (const d of docs) {
      if (d.kind !== "Project" || !d.id) continue;
      const project = d.value as unknown as Project;
      try {
        if (isMeasured(project)) map.set(d.id, projectEvm(project, { asOf, defaultCurrency: currency }));
      } catch {
        // A document that does not follow its schema has no figures; validation reports it.
      }
    }
    return map;
  };
  const a = measure(base);
  const b = measure(head);
  const out: EvmChange[] = [];
  for (const id of [...b.keys()].sort()) {
    const before = a.get(id);
    const after = b.get(id)!;
    if (!before) continue;
    for (const figure of ["CPI", "SPI"] as const) {
      const from = (figure === "CPI" ? before.figures.cpi : before.figures.spi).value;
      const to = (figure === "CPI" ? after.figures.cpi : after.figures.spi).value;
      if (from === undefined || to === undefined || from.toFixed(2) === to.toFixed(2)) continue;
      const level = levels[figure].find((l) => from >= l !== to >= l);
      const direction = to < from ? "worsened" : "improved";
      const delta = to - from;
      out.push({
        project: id,
        figure,
        from,
        to,
        delta,
        threshold: level === undefined ? null : level.toFixed(2),
        direction,
        currency: after.currency,
        text:
          level === undefined
            ? `${id} ${figure} ${from.toFixed(2)} -> ${to.toFixed(2)} (${delta > 0 ? "+" : "-"}${Math.abs(delta).toFixed(2)})`
            : `${id} ${figure} ${from.toFixed(2)} -> ${to.toFixed(2)} (${direction === "worsened" ? "below" : "back to"} ${level.toFixed(2)})`,
      });
    }
    const eac = (p: ProjectEvm) => (p.figures.eacUsed ? p.figures.eac[p.figures.eacUsed].value : undefined);
    const [from, to, bac] = [eac(before), eac(after), after.figures.bac.value];
    if (from === undefined || to === undefined || Math.round(from) === Math.round(to)) continue;
    const crossed = bac !== undefined && from > bac !== to > bac;
    const money = (v: number) => formatMoney(v, after.currency);
    out.push({
      project: id,
      figure: "EAC",
      from,
      to,
      delta: to - from,
      threshold: crossed ? "BAC" : null,
      direction: to > from ? "worsened" : "improved",
      currency: after.currency,
      text: crossed
        ? `${id} EAC ${money(from)} -> ${money(to)} (${to > bac! ? "over" : "within"} the budget ${money(bac!)})`
        : `${id} EAC ${money(from)} -> ${money(to)} (${signedMoney(to - from, after.currency)})`,
    });
  }
  return out;
}

/**
 * The changes that crossed a threshold (CPI or SPI crossing 1.00 or its tolerance, the EAC
 * crossing the budget): what the summary line names.
 */
export function evmCrossings(
  base: readonly PmoDocument[],
  head: readonly PmoDocument[],
  asOf: string,
  currency: string,
  thresholds: EvmThresholds = DEFAULT_EVM_THRESHOLDS,
): EvmCrossing[] {
  return evmChanges(base, head, asOf, currency, thresholds).filter((c): c is EvmCrossing => c.threshold !== null);
}
