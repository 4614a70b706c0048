import { createRequire } from "node:module";
import type * as JsYaml from "js-yaml";
import type * as Yaml from "yaml";

/**
 * The YAML packages, loaded the first time a text needs them. Nearly every pmo file is read by
 * the subset reader alone (subset-read.ts), and the positions of a clean file are never asked
 * for, so a run over a clean repository need not load them at all: the yaml package is 72
 * modules, and loading it cost each thread about as much as reading a thousand files. Both
 * are CommonJS packages (for Node), so they load synchronously on the thread that asks, and
 * reading stays synchronous.
 */
const require = createRequire(import.meta.url);

let yaml: typeof Yaml | undefined;
let jsYaml: typeof JsYaml | undefined;

/** The yaml package (the reading of record, and positions). */
export function yamlPackage(): typeof Yaml {
  yaml ??= require("yaml") as typeof Yaml;
  return yaml;
}

/** js-yaml (the fast path for texts the subset reader declines). */
export function jsYamlPackage(): typeof JsYaml {
  jsYaml ??= require("js-yaml") as typeof JsYaml;
  return jsYaml;
}
