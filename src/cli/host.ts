import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Host {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Where answers to questions come from (pmo init); absent means nobody can answer. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
}

export const defaultHost = (): Host => {
  // `pmo ls | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: touching process.stdin opens it, which only pmo init needs.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
};

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** The published name of pmo's package (the executable is `pmo`). */
export const PACKAGE_NAME = "@pmo-as-code/pmo";

/**
 * Where the running pmo was installed from, as an npm dependency spec: the tarball (`file:`
 * with an absolute path) or git URL npm recorded in the lockfile of the project (or npx cache)
 * that holds it; otherwise its exact version, to be fetched from the registry. pmo init writes
 * it into the scaffold's package.json, so the client's CI installs the same code.
 */
export function installSource(): string {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const scope = path.dirname(root);
  const nodeModules = path.dirname(scope);
  if (path.basename(scope) === PACKAGE_NAME.split("/")[0] && path.basename(nodeModules) === "node_modules") {
    const project = path.dirname(nodeModules);
    for (const lockfile of [path.join(nodeModules, ".package-lock.json"), path.join(project, "package-lock.json")]) {
      const resolved = resolvedIn(lockfile);
      if (resolved === undefined) continue;
      if (resolved.startsWith("file:")) return `file:${path.resolve(project, resolved.slice("file:".length))}`;
      if (/^(git\+|git:|github:|gitlab:|bitbucket:)/.test(resolved)) return resolved;
      break; // the registry: the version says it
    }
  }
  return version();
}

function resolvedIn(lockfile: string): string | undefined {
  try {
    const lock = JSON.parse(readFileSync(lockfile, "utf8")) as { packages?: Record<string, { resolved?: unknown }> };
    const resolved = lock.packages?.[`node_modules/${PACKAGE_NAME}`]?.resolved;
    return typeof resolved === "string" ? resolved : undefined;
  } catch {
    return undefined;
  }
}
