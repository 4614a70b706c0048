import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The official YAML test suite (yaml/yaml-test-suite, data branch), kept beside the project as
 * shared data rather than copied into it: `../shared/data/yaml-test-suite` from the project, or
 * any folder above it, or PMO_YAML_TEST_SUITE.
 */
export function yamlTestSuiteDir(): string {
  const fromEnv = process.env["PMO_YAML_TEST_SUITE"];
  if (fromEnv) return fromEnv;
  let dir = path.dirname(fileURLToPath(new URL("../../package.json", import.meta.url)));
  for (;;) {
    const candidate = path.join(dir, "shared", "data", "yaml-test-suite");
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    "the YAML test suite was not found: put it at ../shared/data/yaml-test-suite or set PMO_YAML_TEST_SUITE",
  );
}

export interface SuiteCase {
  /** e.g. "2G84/01". */
  id: string;
  title: string;
  yaml: string;
  /** The expected documents, when the case has an in.json. */
  json?: unknown[];
  error: boolean;
}

export function yamlTestSuite(): SuiteCase[] {
  const root = yamlTestSuiteDir();
  const cases: SuiteCase[] = [];
  const add = (dir: string, id: string): void => {
    const jsonFile = path.join(dir, "in.json");
    const titleFile = existsSync(path.join(dir, "===")) ? path.join(dir, "===") : path.join(path.dirname(dir), "===");
    cases.push({
      id,
      title: existsSync(titleFile) ? readFileSync(titleFile, "utf8").trim() : id,
      yaml: readFileSync(path.join(dir, "in.yaml"), "utf8"),
      ...(existsSync(jsonFile) ? { json: parseJsonStream(readFileSync(jsonFile, "utf8")) } : {}),
      error: existsSync(path.join(dir, "error")),
    });
  };
  for (const name of readdirSync(root).sort()) {
    const dir = path.join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    if (existsSync(path.join(dir, "in.yaml"))) add(dir, name);
    else
      for (const sub of readdirSync(dir).sort())
        if (existsSync(path.join(dir, sub, "in.yaml"))) add(path.join(dir, sub), `${name}/${sub}`);
  }
  return cases;
}

/** in.json holds one JSON value per document, one after the other. */
function parseJsonStream(text: string): unknown[] {
  const values: unknown[] = [];
  let i = 0;
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  for (skip(); i < text.length; skip()) {
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') {
          inString = false;
          if (depth === 0) {
            i++;
            break;
          }
        }
        continue;
      }
      if (c === '"') inString = true;
      else if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      } else if (depth === 0 && /\s/.test(c)) break;
    }
    values.push(JSON.parse(text.slice(start, i)));
  }
  return values;
}
