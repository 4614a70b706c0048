import type { PmoDocument } from "../../model/document.js";
import type { Project } from "../../model/entities.js";
import { isMeasured, projectEvm, type ProjectEvm } from "../analytics/evm/index.js";
import { formatMoney } from "../money.js";

/** An earned value figure of a project that crossed a threshold between the two sides. */
export interface EvmCrossing {
  project: string;
  figure: "CPI" | "SPI" | "EAC";
  from: number;
  to: number;
  /** What was crossed: an index level (1.00 or 0.90), or the project's budget (BAC) for the EAC. */
  threshold: string;
  direction: "worsened" | "improved";
  text: string;
}

/** The index levels a board watches: on plan (1.00) and the usual tolerance (0.90). */
const LEVELS = [1, 0.9];

/**
 * The projects whose CPI or SPI crossed 1.00 or 0.90, or whose estimate at completion crossed
 * the budget, between base and head, both judged at the same date so that only the files'
 * changes show. Only projects measured on both sides with the figure known on both count.
 */
export function evmCrossings(
  base: readonly PmoDocument[],
  head: readonly PmoDocument[],
  asOf: string,
  currency: string,
): EvmCrossing[] {
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
  const out: EvmCrossing[] = [];
  for (const id of [...b.keys()].sort()) {
    const before = a.get(id);
    const after = b.get(id)!;
    if (!before) continue;
    for (const figure of ["CPI", "SPI"] as const) {
      const from = (figure === "CPI" ? before.figures.cpi : before.figures.spi).value;
      const to = (figure === "CPI" ? after.figures.cpi : after.figures.spi).value;
      if (from === undefined || to === undefined) continue;
      const level = LEVELS.find((l) => from >= l !== to >= l);
      if (level === undefined) continue;
      const direction = to < from ? "worsened" : "improved";
      out.push({
        project: id,
        figure,
        from,
        to,
        threshold: level.toFixed(2),
        direction,
        text: `${id} ${figure} ${from.toFixed(2)} -> ${to.toFixed(2)} (${direction === "worsened" ? "below" : "back to"} ${level.toFixed(2)})`,
      });
    }
    const eac = (p: ProjectEvm) => (p.figures.eacUsed ? p.figures.eac[p.figures.eacUsed].value : undefined);
    const [from, to, bac] = [eac(before), eac(after), after.figures.bac.value];
    if (from !== undefined && to !== undefined && bac !== undefined && from > bac !== to > bac) {
      const direction = to > from ? "worsened" : "improved";
      out.push({
        project: id,
        figure: "EAC",
        from,
        to,
        threshold: "BAC",
        direction,
        text: `${id} EAC ${formatMoney(from, after.currency)} -> ${formatMoney(to, after.currency)} (${to > bac ? "over" : "within"} the budget ${formatMoney(bac, after.currency)})`,
      });
    }
  }
  return out;
}
