import path from "node:path";
import {
  NetworkCycleError,
  buildForecast,
  formatForecastJson,
  formatForecastMarkdown,
  formatForecastTable,
} from "../core/analytics/schedule/index.js";
import { renderTable } from "../core/query/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { openValidCatalog } from "./workspace.js";

/** The forecast reads the network (engagement, projects), risk events and re-baselining decisions. */
const KINDS_READ = ["Engagement", "Project", "Risk", "Decision"] as const;

export const FORECAST_FORMATS = ["table", "markdown", "json"] as const;
/** The default seed: fixed, so that a forecast is reproducible unless asked otherwise. */
export const DEFAULT_SEED = 20260101;
export const DEFAULT_ITERATIONS = 10_000;

export interface ForecastCommandOptions {
  dir: string;
  config?: string;
  asOf: string;
  format: (typeof FORECAST_FORMATS)[number];
  iterations: number;
  seed: number;
  output?: string;
}

/** `pmo forecast`: the Monte Carlo schedule forecast (P50/P80/P90, chance of meeting commitments). */
export async function runForecast(options: ForecastCommandOptions, io: CommandIO): Promise<ExitCode> {
  const catalog = await openValidCatalog(options, io, "forecast", { kinds: KINDS_READ });
  let forecast;
  try {
    forecast = buildForecast(
      {
        engagement: catalog.engagement?.value,
        projects: catalog.projects,
        risks: catalog.risks,
        decisions: catalog.decisions,
      },
      options.asOf,
      { iterations: options.iterations, seed: options.seed, sensitivity: true },
    );
  } catch (error) {
    if (error instanceof NetworkCycleError) {
      io.stderr(
        `error: ${error.message}; no schedule can satisfy it (run pmo validate for where each link is written)\n`,
      );
      return ExitCode.Findings;
    }
    throw error;
  }
  const bold = options.output ? (t: string) => t : io.palette.bold;
  const text =
    options.format === "json"
      ? formatForecastJson(forecast)
      : options.format === "markdown"
        ? formatForecastMarkdown(forecast)
        : formatForecastTable(
            forecast,
            (headers, rows, align) =>
              renderTable(
                headers,
                rows.map((r) => r.map((t) => ({ text: t }))),
                { align, paint: (_tone, t) => t, header: bold },
              ),
            bold,
          );
  if (options.output) writeFileAtomic(path.resolve(io.cwd, options.output), text);
  else io.stdout(text);
  return ExitCode.Clean;
}
