import { registerFmt } from "./fmt.js";
import { registerNew } from "./new.js";
import { registerInit } from "./init.js";
import { registerDiff } from "./diff.js";
import { registerHistory } from "./history.js";
import { registerExport } from "./export.js";
import { registerImport } from "./import.js";
import type { CliContext } from "./index.js";
import { registerReport } from "./report.js";
import { registerCompare, registerRank } from "./rank.js";

/**
 * Commands registered from their own modules, in the order `pmo --help` lists them after the
 * ones defined in index.ts. Each module adds its command to ctx.program and imports its
 * implementation lazily in the action, so that start-up stays cheap.
 */
export const COMMANDS: readonly ((ctx: CliContext) => void)[] = [registerReport, registerDiff, registerHistory, registerInit, registerNew, registerFmt, registerImport, registerExport, registerRank, registerCompare];
