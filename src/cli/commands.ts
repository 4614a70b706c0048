import { registerBaseline } from "./baseline.js";
import { registerCheck } from "./check.js";
import { registerDiff } from "./diff.js";
import { registerEvm } from "./evm.js";
import { registerExport } from "./export.js";
import { registerFmt } from "./fmt.js";
import { registerForecast } from "./forecast.js";
import { registerHistory } from "./history.js";
import { registerImport } from "./import.js";
import type { CliContext } from "./index.js";
import { registerInit } from "./init.js";
import { registerLs } from "./ls.js";
import { registerNew } from "./new.js";
import { registerReport } from "./report.js";
import { registerCompare, registerRank } from "./rank.js";
import { registerExplain, registerRules } from "./rules.js";
import { registerSchedule } from "./schedule.js";
import { registerSchema } from "./schema.js";
import { registerShow } from "./show.js";
import { registerValidate } from "./validate.js";

/**
 * The command table, in the order `pmo --help` lists the commands. Each command lives in its
 * own module (src/cli/<command>.ts), adds itself to ctx.program and imports its
 * implementation lazily in its action, so that start-up stays cheap. A new command is one
 * module and one entry here.
 */
export const COMMANDS: readonly ((ctx: CliContext) => void)[] = [
  registerValidate,
  registerLs,
  registerShow,
  registerSchema,
  registerCheck,
  registerRules,
  registerExplain,
  registerReport,
  registerDiff,
  registerHistory,
  registerSchedule,
  registerForecast,
  registerInit,
  registerNew,
  registerFmt,
  registerImport,
  registerExport,
  registerEvm,
  registerBaseline,
  registerRank,
  registerCompare,
];
