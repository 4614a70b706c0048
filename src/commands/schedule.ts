import path from "node:path";
import {
  NetworkCycleError,
  UnknownMilestoneError,
  buildSchedule,
  formatScheduleJson,
  formatScheduleMarkdown,
  formatScheduleTable,
  scheduleView,
} from "../core/analytics/schedule/index.js";
import { UsageError } from "../core/errors.js";
import { renderTable } from "../core/query/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { openValidCatalog, PLAN_KINDS } from "./workspace.js";

export const SCHEDULE_FORMATS = ["table", "markdown", "json"] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

export interface ScheduleCommandOptions {
  dir: string;
  config?: string;
  asOf: string;
  format: ScheduleFormat;
  critical: boolean;
  milestone?: string;
  output?: string;
}

/**
 * `pmo schedule`: the forward and backward pass over every milestone and activity of the
 * repository, with floats, critical paths and what drives a date. Documents that fail schema
 * validation are left out (one warning line says how many); the rest is scheduled.
 */
export async function runSchedule(options: ScheduleCommandOptions, io: CommandIO): Promise<ExitCode> {
  const catalog = await openValidCatalog(options, io, "schedule", { kinds: PLAN_KINDS });
  let schedule;
  try {
    schedule = buildSchedule({ engagement: catalog.engagement?.value, projects: catalog.projects }, options.asOf);
  } catch (error) {
    if (error instanceof NetworkCycleError) {
      io.stderr(
        `error: ${error.message}; no schedule can satisfy it (run pmo validate for where each link is written)\n`,
      );
      return ExitCode.Findings;
    }
    throw error;
  }
  let view;
  try {
    view = scheduleView(schedule, { critical: options.critical, milestone: options.milestone });
  } catch (error) {
    if (error instanceof UnknownMilestoneError) throw new UsageError(error.message);
    throw error;
  }
  const palette = options.output ? undefined : io.palette;
  const text =
    options.format === "json"
      ? formatScheduleJson(view)
      : options.format === "markdown"
        ? formatScheduleMarkdown(view)
        : formatScheduleTable(
            view,
            (headers, rows, align) =>
              renderTable(
                headers,
                rows.map((r) => r.map((text) => ({ text }))),
                { align, paint: (_tone, t) => t, header: palette?.bold ?? ((t) => t) },
              ),
            { bold: palette?.bold ?? ((t) => t), red: palette?.red ?? ((t) => t), dim: palette?.dim ?? ((t) => t) },
          );
  if (options.output) writeFileAtomic(path.resolve(io.cwd, options.output), text);
  else io.stdout(text);
  return ExitCode.Clean;
}
