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
  const { root, workspace } = await openWorkspace(options, io.cwd);
  const diagnostics = relativeToCwd(validateWorkspace(workspace, { asOf: options.asOf }), root, io.cwd);
  const format = FORMATTERS[options.format]!;
  io.stdout(format(diagnostics, { palette: io.palette, sources: workspace.sources, documents: workspace.documents.length, notPmo: workspace.notPmo?.length ?? 0 }));
  // Validation problems are errors; a warning (a YAML file that is not a pmo file and does not
  // parse, a tag pmo ignores) is shown but does not fail the gate.
  return diagnostics.some((d) => d.severity === "error") ? ExitCode.Findings : ExitCode.Clean;
}
