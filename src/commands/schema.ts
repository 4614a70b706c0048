import path from "node:path";
import { UsageError } from "../core/errors.js";
import { getSchema, schemaNames } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import type { CommandIO } from "./io.js";
import { writeFileAtomic } from "./output.js";
import { displayPath } from "./workspace.js";

export interface SchemaCommandOptions {
  kind?: string;
  /** Folder to write every schema to (resolved), as <name>.schema.json. */
  out?: string;
}

/** `pmo schema [kind]`: the JSON Schemas editors and other tools can use. */
export async function runSchema(options: SchemaCommandOptions, io: CommandIO): Promise<ExitCode> {
  const names = schemaNames();
  if (options.out !== undefined) {
    if (options.kind)
      throw new UsageError(
        "--out-dir writes every schema (they refer to common.schema.json); leave out the kind, or print one with pmo schema <kind> > file",
      );
    // Same bytes as the shipped files' JSON, so that $refs between them resolve side by side.
    for (const name of names)
      writeFileAtomic(path.join(options.out, `${name}.schema.json`), JSON.stringify(getSchema(name), null, 2) + "\n");
    io.stdout(
      `wrote ${names.length} schemas to ${displayPath(options.out, io.cwd)}/: ${names.map((n) => `${n}.schema.json`).join(", ")}\n`,
    );
    return ExitCode.Clean;
  }
  if (!options.kind) {
    const width = Math.max(...names.map((n) => n.length)) + 1;
    for (const name of names) {
      const schema = getSchema(name) as { $id?: string; title?: string };
      io.stdout(`${name.padEnd(width)} ${schema.title ?? ""}  ${io.palette.dim(schema.$id ?? "")}\n`);
    }
    return ExitCode.Clean;
  }
  const name = options.kind.toLowerCase();
  if (!names.includes(name))
    throw new UsageError(`unknown schema "${options.kind}": expected one of ${names.join(", ")}`);
  io.stdout(JSON.stringify(getSchema(name), null, 2) + "\n");
  return ExitCode.Clean;
}
