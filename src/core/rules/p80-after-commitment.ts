import { defineRule } from "./rule.js";
import { isTerminalStage } from "./support/lifecycle.js";
import { forecastOf } from "./support/schedule.js";

interface Options extends Record<string, unknown> {
  iterations: number;
  seed: number;
}

/**
 * A commitment the organisation is more likely than not to miss is a known problem, even when
 * the single-point forecast still meets it: P80 is the date the Monte Carlo forecast meets in
 * four iterations out of five. When it lies after the committed date (the baseline, or the date
 * an approved rebaseline records), the commitment needs attention before the slip shows.
 * Only items whose forecast is uncertain (a three-point estimate, a risk event, or a
 * predecessor that has one) can be judged; a deterministic date is judged by
 * milestone-slip-needs-rebaseline.
 *
 * Opt-in (in no preset but strict): the simulation costs seconds on a large portfolio, and
 * `pmo check` runs on every commit. A repository turns it on in its config's `rules`.
 */
export const rule = defineRule<Options>({
  meta: {
    id: "p80-after-commitment",
    description: "The Monte Carlo P80 date of a milestone or project finish is not after its committed date",
    group: "delivery",
    severity: "warn",
    presets: [],
    optionsSchema: {
      type: "object",
      properties: {
        iterations: {
          type: "integer",
          minimum: 100,
          maximum: 1000000,
          description: "Iterations of the simulation the rule runs.",
        },
        seed: {
          type: "integer",
          minimum: 0,
          description: "Seed of the simulation (a fixed seed keeps findings reproducible).",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { iterations: 2000, seed: 20260101 },
    messages: {
      milestone:
        "milestone {{milestone}}: the forecast meets the committed date {{committed}}, but P80 is {{p80}}; {{chance}} chance of meeting it ({{iterations}} iterations, seed {{seed}})",
      finish:
        "project {{project}}: the forecast meets the committed finish {{committed}}, but P80 is {{p80}}; {{chance}} chance of meeting it ({{iterations}} iterations, seed {{seed}})",
    },
  },
  check({ catalog, asOf, options, report }) {
    const iterations = options.iterations ?? 2000;
    const seed = options.seed ?? 20260101;
    const uncertain =
      catalog.projects.some(({ value: p }) => (p.milestones ?? []).some((m) => m.durationEstimate || m.estimate)) ||
      catalog.risks.some(({ value: r }) => r.probabilityPercent !== undefined);
    if (!uncertain) return;
    const forecast = forecastOf(catalog, asOf, iterations, seed);
    if (!forecast) return;
    const data = (p80: string, committed: string, chance: number | undefined) => ({
      p80,
      committed,
      chance: `${((chance ?? 0) * 100).toFixed(1)}%`,
      iterations,
      seed,
    });
    for (const it of forecast.items) {
      // A forecast already past the commitment is milestone-slip-needs-rebaseline's finding.
      if (
        it.committed === undefined ||
        it.p80 <= it.committed ||
        it.p50 === it.p90 ||
        (it.forecast !== undefined && it.forecast > it.committed)
      )
        continue;
      const entry = catalog.project(it.project);
      if (!entry || isTerminalStage(entry.value.stage)) continue;
      const index = (entry.value.milestones ?? []).findIndex((m) => `${it.project}/${m.id}` === it.key);
      if (index < 0) continue;
      report({
        doc: entry.doc,
        path: ["milestones", index, "baseline"],
        messageId: "milestone",
        data: { milestone: it.key, ...data(it.p80, it.committed, it.probabilityOnTime) },
      });
    }
    for (const p of forecast.projects) {
      if (
        p.committed === undefined ||
        p.p80 <= p.committed ||
        p.p50 === p.p90 ||
        (p.forecast !== undefined && p.forecast > p.committed)
      )
        continue;
      const entry = catalog.project(p.id);
      if (!entry || isTerminalStage(entry.value.stage)) continue;
      report({
        doc: entry.doc,
        path: ["schedule", "baselineFinish"],
        messageId: "finish",
        data: { project: p.id, ...data(p.p80, p.committed, p.probabilityOnTime) },
      });
    }
  },
});
