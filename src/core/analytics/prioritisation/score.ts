import type { Candidate, PrioritisationMethod, Score, ScoreTerm } from "./types.js";

/**
 * A number as the arithmetic shows it: at most two decimals, no trailing zeros, no exponent
 * (4.1, 3.25, 1.62). Scores are shown this way; the computation keeps full precision.
 */
export function formatScore(value: number): string {
  let text = SHOWN.get(value);
  if (text === undefined) {
    const rounded = Math.round(value * 100) / 100;
    text = (rounded === 0 ? 0 : rounded).toFixed(2).replace(/\.?0+$/, "");
    // Remembered: ten thousand projects' arithmetic shows the same few weights and scores.
    if (SHOWN.size < 10_000) SHOWN.set(value, text);
  }
  return text;
}
const SHOWN = new Map<number, string>();

/** Full precision less the noise of binary fractions (0.1 + 0.2), for JSON and comparisons. */
export function cleanNumber(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Scores one project by its portfolio's method. Pure; missing inputs make the score unknown, never 0. */
export function scoreCandidate(method: PrioritisationMethod, candidate: Candidate): Score {
  return method.method === "wsjf" ? scoreWsjf(candidate) : scoreWeightedSum(method, candidate);
}

/**
 * Weighted sum: Σ weight × score / Σ weight. With weights summing to 100 (the
 * criteria-weights-sum rule) this is the textbook Σ weight% × score, on the criteria's scale.
 */
function scoreWeightedSum(method: PrioritisationMethod, candidate: Candidate): Score {
  const terms: ScoreTerm[] = [];
  const missing: string[] = [];
  for (const c of method.criteria) {
    if (c.source === "alignment") {
      const a = alignmentScore(method, candidate);
      if (a.value === undefined) missing.push(`${c.id} (${a.detail})`);
      terms.push({ id: c.id, name: c.name, weight: c.weight, value: a.value, detail: a.detail });
      continue;
    }
    const s = candidate.scores[c.id];
    if (typeof s !== "number") missing.push(c.id);
    terms.push({ id: c.id, name: c.name, weight: c.weight, value: typeof s === "number" ? s : undefined });
  }
  const weightSum = method.criteria.reduce((sum, c) => sum + c.weight, 0);
  if (method.criteria.length === 0) missing.push("prioritisation criteria (the portfolio declares none)");
  else if (weightSum <= 0) missing.push("criteria weights (they sum to 0)");
  const shown = terms
    .map((t) => `${formatScore(t.weight!)}×${t.value === undefined ? "?" : formatScore(t.value)}`)
    .join(" + ");
  if (missing.length > 0) {
    return {
      value: undefined,
      selectionValue: undefined,
      terms,
      missing,
      arithmetic: `(${shown}) / ${formatScore(weightSum)} = unknown (missing ${missing.join(", ")})`,
    };
  }
  const value = cleanNumber(terms.reduce((sum, t) => sum + t.weight! * t.value!, 0) / weightSum);
  const details = terms.filter((t) => t.detail).map((t) => `; ${t.id} = ${t.detail}`);
  return {
    value,
    selectionValue: value,
    terms,
    missing,
    arithmetic: `(${shown}) / ${formatScore(weightSum)} = ${formatScore(value)}${details.join("")}`,
  };
}

/**
 * Objective alignment, as a criterion: Σ points(strength) × objective weight / Σ objective
 * weights, over the portfolio's objectives the project contributes to. A project contributing
 * at full strength to every objective scores the top of the scale; one contributing to none, 0.
 */
export function alignmentScore(
  method: PrioritisationMethod,
  candidate: Candidate,
): { value: number | undefined; detail: string } {
  const total = method.objectives.reduce((sum, o) => sum + o.weight, 0);
  if (method.objectives.length === 0 || total <= 0)
    return { value: undefined, detail: `portfolio ${method.declaredBy} has no weighted objectives` };
  const parts: string[] = [];
  let sum = 0;
  for (const o of method.objectives) {
    const c = candidate.contributions.find((x) => x.objective === o.id);
    if (!c) continue;
    if (c.strength === undefined) return { value: undefined, detail: `the contribution to ${o.id} has no strength` };
    const points = method.alignmentPoints[c.strength];
    sum += points * o.weight;
    parts.push(`${formatScore(o.weight)}×${formatScore(points)} ${o.id} ${c.strength}`);
  }
  const value = cleanNumber(sum / total);
  return {
    value,
    detail:
      parts.length === 0
        ? `no contribution to an objective = 0`
        : `(${parts.join(" + ")}) / ${formatScore(total)} = ${formatScore(value)}`,
  };
}

/**
 * SAFe's WSJF: cost of delay (user-business value + time criticality + risk reduction and/or
 * opportunity enablement) divided by job size, all relative estimates.
 */
function scoreWsjf(candidate: Candidate): Score {
  const w = candidate.wsjf ?? {};
  const terms: ScoreTerm[] = [
    { id: "businessValue", name: "User-business value", value: w.businessValue },
    { id: "timeCriticality", name: "Time criticality", value: w.timeCriticality },
    { id: "riskReduction", name: "Risk reduction / opportunity enablement", value: w.riskReduction },
    { id: "jobSize", name: "Job size", value: w.jobSize },
  ];
  const missing = terms.filter((t) => t.value === undefined).map((t) => `wsjf.${t.id}`);
  if (w.jobSize !== undefined && w.jobSize <= 0) missing.push("wsjf.jobSize above 0");
  const show = (v: number | undefined): string => (v === undefined ? "?" : formatScore(v));
  const shown = `(${show(w.businessValue)} + ${show(w.timeCriticality)} + ${show(w.riskReduction)}) / ${show(w.jobSize)}`;
  if (missing.length > 0)
    return {
      value: undefined,
      selectionValue: undefined,
      terms,
      missing,
      arithmetic: `${shown} = unknown (missing ${missing.join(", ")})`,
    };
  const cod = w.businessValue! + w.timeCriticality! + w.riskReduction!;
  const value = cleanNumber(cod / w.jobSize!);
  return {
    value,
    selectionValue: cleanNumber(cod),
    terms,
    missing,
    arithmetic: `${shown} = ${formatScore(cod)} / ${formatScore(w.jobSize!)} = ${formatScore(value)}`,
  };
}
