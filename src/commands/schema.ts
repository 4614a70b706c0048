import { UsageError } from "../core/errors.js";
import { getSchema, schemaNames } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";

export interface SchemaCommandOptions {
  kind?: string;
}

/** `pmo schema [kind]`: the JSON Schemas editors and other tools can use. */
export async function runSchema(options: SchemaCommandOptions, io: CommandIO): Promise<ExitCode> {
  const names = schemaNames();
  if (!options.kind) {
    for (const name of names) {
      const schema = getSchema(name) as { $id?: string; title?: string };
      io.stdout(`${name.padEnd(12)} ${schema.title ?? ""}  ${io.palette.dim(schema.$id ?? "")}\n`);
    }
    return ExitCode.Clean;
  }
  const name = options.kind.toLowerCase();
  if (!names.includes(name)) throw new UsageError(`unknown schema "${options.kind}": expected one of ${names.join(", ")}`);
  io.stdout(JSON.stringify(getSchema(name), null, 2) + "\n");
  return ExitCode.Clean;
}
