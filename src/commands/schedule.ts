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
import { buildCatalog } from "../core/catalog/index.js";
import { UsageError } from "../core/errors.js";
import { renderTable } from "../core/query/index.js";
import { validateWorkspace } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { openWorkspace } from "./workspace.js";

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
  const { workspace } = await openWorkspace(options, io.cwd);
  const problems = validateWorkspace(workspace, { asOf: options.asOf });
  const broken = new Set(problems.filter((d) => d.ruleId === "schema" || d.ruleId === "api-version").map((d) => `${d.file}#${d.docIndex}`));
  const catalog = buildCatalog(workspace.documents.filter((d) => !broken.has(`${d.file}#${d.docIndex}`)));
  if (broken.size > 0) {
    const what = broken.size === 1 ? "1 document fails validation and is" : `${broken.size} documents fail validation and are`;
    io.stderr(io.palette.yellow(`warning: ${what} left out of the schedule; run pmo validate`) + "\n");
  }
  let schedule;
  try {
    schedule = buildSchedule({ engagement: catalog.engagement?.value, projects: catalog.projects }, options.asOf);
  } catch (error) {
    if (error instanceof NetworkCycleError) {
      io.stderr(`error: ${error.message}; no schedule can satisfy it (run pmo validate for where each link is written)\n`);
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
            (headers, rows, align) => renderTable(headers, rows.map((r) => r.map((text) => ({ text }))), { align, paint: (_tone, t) => t, header: palette?.bold ?? ((t) => t) }),
            { bold: palette?.bold ?? ((t) => t), red: palette?.red ?? ((t) => t), dim: palette?.dim ?? ((t) => t) },
          );
  if (options.output) writeFileAtomic(path.resolve(io.cwd, options.output), text);
  else io.stdout(text);
  return ExitCode.Clean;
}
