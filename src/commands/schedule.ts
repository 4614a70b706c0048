import path from "node:path";
import {
  NetworkCycleError,
  UnknownMilestoneError,
  baselineVariance,
  baselineVarianceJson,
  buildSchedule,
  formatBaselineVarianceMarkdown,
  formatBaselineVarianceTable,
  formatScheduleJsonPieces,
  formatScheduleMarkdown,
  formatScheduleTable,
  scheduleView,
} from "../core/analytics/schedule/index.js";
import { UsageError } from "../core/errors.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { SCHEDULE_KINDS } from "./load-kinds.js";
import { openValidCatalog } from "./workspace.js";

export { SCHEDULE_KINDS };

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
  /** --baseline NAME: today's network against the baseline dates of the tag pmo-baseline/NAME, read from git. */
  baseline?: string;
}

/**
 * `pmo schedule`: the forward and backward pass over every milestone and activity of the
 * repository, with floats, critical paths and what drives a date. Documents that fail schema
 * validation are left out (one warning line says how many); the rest is scheduled.
 */
export async function runSchedule(options: ScheduleCommandOptions, io: CommandIO): Promise<ExitCode> {
  const catalog = await openValidCatalog(options, io, "schedule", { kinds: SCHEDULE_KINDS });
  // Imported here: a baseline (git, earned value's baseline merge) is read only with --baseline.
  const against =
    options.baseline === undefined
      ? undefined
      : await (await import("./baseline-plan.js")).openBaseline(options.dir, options.baseline, io);
  // Today's network, each date measured against the baseline's (the one merge, withBaselinePlan).
  // Imported here: earned value's baseline merge is needed only with --baseline.
  const measured = against
    ? (await import("../core/analytics/evm/index.js")).entriesAgainstBaseline(catalog.projects, against.plan)
    : undefined;
  const projects = measured?.entries ?? catalog.projects;
  let schedule;
  try {
    schedule = buildSchedule({ engagement: catalog.engagement?.value, projects }, options.asOf);
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
  const variance = against
    ? baselineVariance(
        against.name,
        view.items,
        view.projects,
        new Map(
          projects.map((e) => [
            e.value.id,
            {
              baselineFinish: e.value.schedule?.baselineFinish,
              forecastFinish: e.value.schedule?.forecastFinish,
              actualFinish: e.value.schedule?.actualFinish,
            },
          ]),
        ),
        measured?.notInBaseline ?? [],
      )
    : undefined;
  // Imported for the table only: the query module (and the formatters it brings) is for people reading a terminal.
  const renderTextTable =
    options.format === "table" ? (await import("../core/query/index.js")).renderTextTable : undefined;
  const table = (headers: string[], rows: string[][], align: ("left" | "right")[]) =>
    renderTextTable!(headers, rows, { align, header: palette?.bold ?? ((t) => t) });
  if (options.format === "json") {
    // In pieces: 55,000 items of 10,000 projects are 38 MB of JSON (core/json.ts).
    const pieces = formatScheduleJsonPieces(view, variance ? { baseline: baselineVarianceJson(variance) } : {});
    if (options.output) writeFileAtomic(path.resolve(io.cwd, options.output), pieces);
    else for (const piece of pieces) io.stdout(piece);
    return ExitCode.Clean;
  }
  let text =
    options.format === "markdown"
      ? formatScheduleMarkdown(view)
      : formatScheduleTable(view, table, {
          bold: palette?.bold ?? ((t) => t),
          red: palette?.red ?? ((t) => t),
          dim: palette?.dim ?? ((t) => t),
        });
  if (variance && options.format === "markdown") text += `\n${formatBaselineVarianceMarkdown(variance)}`;
  else if (variance && options.format === "table")
    text += `\n${formatBaselineVarianceTable(variance, table, palette?.bold ?? ((t) => t))}`;
  if (options.output) writeFileAtomic(path.resolve(io.cwd, options.output), text);
  else io.stdout(text);
  return ExitCode.Clean;
}
