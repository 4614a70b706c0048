import { isMeasured, sharedProjectEvm } from "../analytics/evm/index.js";
import { formatMoney } from "../money.js";
import { defineRule } from "./rule.js";
import { isTerminalStage } from "./support/lifecycle.js";

export interface TcpiOptions extends Record<string, unknown> {
  /** The TCPI against BAC above which finishing on budget is not credible. */
  threshold: number;
}

/**
 * TCPI against BAC is the cost efficiency the remaining work needs for the project to finish
 * on budget. Projects rarely improve their cost efficiency by more than a tenth over the rest
 * of their life (the widely quoted 1.10 of EVM practice; Lipke, "Examination of the Threshold
 * for the To Complete Indexes", PM World Journal, 2016, found it borne out on real projects),
 * so a TCPI above the threshold says the budget will not hold and the forecast should say so.
 */
export const rule = defineRule<TcpiOptions>({
  meta: {
    id: "tcpi-unrealistic",
    description:
      "A project's TCPI against its budget stays credible (not above 1.10 by default): otherwise the budget needs a new forecast",
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
            "The TCPI against BAC above which finishing on budget is not credible (1.10: the rest of the work must be 10% more efficient than budgeted).",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { threshold: 1.1 },
    messages: {
      unrealistic:
        "TCPI is {{tcpi}} (remaining work {{remaining}} / remaining budget {{funds}}): the rest must be done {{better}}% more efficiently than budgeted, above the credible {{threshold}}; current CPI is {{cpi}}",
      budgetSpent:
        "the budget {{bac}} is spent (actual cost {{ac}}) with {{remaining}} of the work not yet earned: the project cannot finish on budget",
    },
  },
  check({ catalog, settings, asOf, options, report }) {
    for (const { doc, value: project } of catalog.projects) {
      if (!isMeasured(project) || isTerminalStage(project.stage) || project.stage === "closure") continue;
      const f = sharedProjectEvm(project, { asOf, defaultCurrency: settings.currency }).figures;
      const [bac, ev, ac] = [f.bac.value, f.ev.value, f.ac.value];
      if (bac === undefined || ev === undefined || ac === undefined || ev >= bac) continue;
      const currency = project.budget?.currency ?? settings.currency;
      if (ac >= bac) {
        report({
          doc,
          path: ["budget", "actual"],
          messageId: "budgetSpent",
          data: {
            bac: formatMoney(bac, currency),
            ac: formatMoney(ac, currency),
            remaining: formatMoney(bac - ev, currency),
          },
        });
        continue;
      }
      const tcpi = f.tcpiBac.value;
      if (tcpi === undefined || tcpi <= options.threshold) continue;
      report({
        doc,
        path: ["budget", "approved"],
        messageId: "unrealistic",
        data: {
          tcpi: tcpi.toFixed(2),
          remaining: formatMoney(bac - ev, currency),
          funds: formatMoney(bac - ac, currency),
          better: String(Math.round((tcpi - 1) * 100)),
          threshold: options.threshold.toFixed(2),
          cpi: f.cpi.value === undefined ? "unknown" : f.cpi.value.toFixed(2),
        },
      });
    }
  },
});
