import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A folder of the public data kept beside the project rather than in it (see
 * ../shared/data/README.md): `../shared/data/<name>` from the project or any folder above it,
 * or PMO_SHARED_DATA/<name>.
 */
export function sharedDataDir(name: string): string {
  const fromEnv = process.env["PMO_SHARED_DATA"];
  if (fromEnv) return path.join(fromEnv, name);
  let dir = path.dirname(fileURLToPath(new URL("../../package.json", import.meta.url)));
  for (;;) {
    const candidate = path.join(dir, "shared", "data", name);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`the shared data ${name} was not found: put it at ../shared/data/${name} or set PMO_SHARED_DATA`);
}
