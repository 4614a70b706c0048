import { isMeasured, sharedProjectEvm } from "../analytics/evm/index.js";
import { formatMoney } from "../money.js";
import { defineRule } from "./rule.js";
import { isTerminalStage } from "./support/lifecycle.js";

export interface CostPerformanceOptions extends Record<string, unknown> {
  /** The CPI below which a budget cannot be reported green. */
  threshold: number;
}

/**
 * The budget status is a judgement; the cost performance index is the measurement. A project
 * earning markedly less value than it spends (CPI below the threshold) is not green on budget,
 * whatever its forecast says: either the forecast already absorbs the overrun (then the budget
 * status should say so) or it does not (then the forecast is not credible).
 */
export const rule = defineRule<CostPerformanceOptions>({
  meta: {
    id: "cost-performance-vs-status",
    description:
      "A project whose cost performance index is below the threshold (0.90 by default) is not reported green on budget",
    group: "project-support",
    severity: "warn",
    presets: ["recommended", "tactical", "project"],
    optionsSchema: {
      type: "object",
      properties: {
        threshold: {
          type: "number",
          exclusiveMinimum: 0,
          description:
            "The CPI below which the budget may not be reported green (0.90: less than 90 of value earned per 100 spent).",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { threshold: 0.9 },
    messages: {
      greenWithPoorCpi:
        "budget reported {{status}}, but CPI is {{cpi}} (earned {{ev}} for {{ac}} spent), below {{threshold}}",
    },
  },
  check({ catalog, settings, asOf, options, report }) {
    for (const { doc, value: project } of catalog.projects) {
      const status = project.status;
      if (!status || !isMeasured(project) || isTerminalStage(project.stage)) continue;
      const dimension = status.budget !== undefined ? "budget" : "overall";
      const reported = status[dimension];
      if (!settings.isGreen(reported)) continue;
      const f = sharedProjectEvm(project, { asOf, defaultCurrency: settings.currency }).figures;
      const cpi = f.cpi.value;
      if (cpi === undefined || cpi >= options.threshold) continue;
      const currency = project.budget?.currency ?? settings.currency;
      report({
        doc,
        path: ["status", dimension],
        messageId: "greenWithPoorCpi",
        data: {
          status: reported ?? "",
          cpi: cpi.toFixed(2),
          ev: formatMoney(f.ev.value ?? 0, currency),
          ac: formatMoney(f.ac.value ?? 0, currency),
          threshold: options.threshold.toFixed(2),
        },
      });
    }
  },
});
