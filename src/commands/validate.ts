import { UsageError } from "../core/errors.js";
import { FORMATTERS } from "../core/format/index.js";
import { validateWorkspace } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { openWorkspace, relativeToCwd } from "./workspace.js";

export const VALIDATE_FORMATS = ["stylish", "json"] as const;

export interface ValidateCommandOptions {
  dir: string;
  asOf: string;
  format: (typeof VALIDATE_FORMATS)[number];
  config?: string;
}

/** `pmo validate`: YAML syntax, schemas and cross-file integrity, all reported together. */
export async function runValidate(options: ValidateCommandOptions, io: CommandIO): Promise<ExitCode> {
  let opened;
  try {
    opened = await openWorkspace(options, io.cwd);
  } catch (error) {
    // A pipeline reading --format json gets JSON even when the config is broken: the problems
    // on stdout, the usual message on stderr, exit 2.
    if (options.format !== "json" || !(error instanceof UsageError)) throw error;
    const problems =
      error.diagnostics.length > 0
        ? [...error.diagnostics]
        : [
            {
              ruleId: "usage",
              severity: "error" as const,
              message: error.message,
              file: "",
              line: 1,
              column: 1,
              pointer: "",
            },
          ];
    io.stdout(FORMATTERS["json"]!(problems, { palette: io.palette, sources: error.sources }));
    io.stderr(`error: ${error.message}\n`);
    return ExitCode.Failure;
  }
  const { root, workspace } = opened;
  const diagnostics = relativeToCwd(validateWorkspace(workspace, { asOf: options.asOf }), root, io.cwd);
  const format = FORMATTERS[options.format]!;
  io.stdout(
    format(diagnostics, {
      palette: io.palette,
      sources: workspace.sources,
      documents: workspace.documents.length,
      notPmo: workspace.notPmo?.length ?? 0,
    }),
  );
  // Validation problems are errors; a warning (a YAML file that is not a pmo file and does not
  // parse, a tag pmo ignores) is shown but does not fail the gate.
  return diagnostics.some((d) => d.severity === "error") ? ExitCode.Findings : ExitCode.Clean;
}
