import { STATUS_DIMENSIONS } from "../../model/entities.js";
import { defineRule } from "./rule.js";
import { isTerminalStage } from "../domain/index.js";

export interface StatusDimensionsOptions extends Record<string, unknown> {
  /** How many steps of the scale the overall status may be better than the worst dimension. */
  maxStepsBetter: number;
}

const DIMENSIONS = STATUS_DIMENSIONS.filter((d) => d !== "overall");

/**
 * The overall status is a judgement over the dimensions, and some judgement is allowed: one
 * amber dimension need not make the project amber. But it may not paper over the dimensions:
 * overall green with any dimension red is always inconsistent, and so is an overall status
 * more than `maxStepsBetter` steps better than the worst dimension (on dca5, amber-green
 * overall with a dimension at amber-red).
 */
export const rule = defineRule<StatusDimensionsOptions>({
  meta: {
    id: "status-dimensions-consistent",
    description:
      "The overall status is not green with a red dimension, nor better than the worst dimension by more than one step",
    group: "project-support",
    severity: "warn",
    presets: ["recommended", "tactical"],
    optionsSchema: {
      type: "object",
      properties: {
        maxStepsBetter: {
          type: "integer",
          minimum: 0,
          description:
            "How many steps of the status scale the overall status may be better than the worst dimension (0: overall is at least as bad as every dimension).",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { maxStepsBetter: 1 },
    messages: {
      greenWithRed: "overall reported {{overall}}, but {{dimension}} is {{value}}",
      tooFarBetter:
        "overall reported {{overall}}, but {{dimension}} is {{value}}, {{steps}} worse on the {{scale}} scale (the overall status may be at most {{max}} better than any dimension)",
    },
  },
  check({ catalog, settings, options, report }) {
    if (settings.statusScale.values.length < 2) return;
    const max = options.maxStepsBetter;
    for (const { doc, value: project } of catalog.projects) {
      const status = project.status;
      if (!status || isTerminalStage(project.stage)) continue;
      const overallRank = settings.statusRank(status.overall);
      if (overallRank < 0) continue;
      for (const dimension of DIMENSIONS) {
        const value = status[dimension];
        const rank = settings.statusRank(value);
        if (rank < 0) continue;
        const data = { overall: status.overall, dimension, value: value ?? "" };
        if (settings.isGreen(status.overall) && settings.isRed(value)) {
          report({ doc, path: ["status", dimension], messageId: "greenWithRed", data });
        } else if (rank - overallRank > max) {
          report({
            doc,
            path: ["status", dimension],
            messageId: "tooFarBetter",
            data: { ...data, steps: steps(rank - overallRank), scale: settings.statusScale.name, max: steps(max) },
          });
        }
      }
    }
  },
});

const steps = (n: number): string => `${n} step${n === 1 ? "" : "s"}`;
