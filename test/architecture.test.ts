import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Entry } from "../src/core/domain/index.js";
import type { ReportArgs } from "../src/core/rules/index.js";

/** Keeps the layering of CONTRIBUTING.md true: cli -> commands -> core -> model. */
const src = path.resolve(fileURLToPath(import.meta.url), "../../src");

function sources(dir: string): string[] {
  return readdirSync(path.join(src, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f).split(path.sep).join("/"));
}

function relativeImports(file: string): string[] {
  const text = readFileSync(path.join(src, file), "utf8");
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)].map((m) => m[1]!);
  return found.map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
}

const layers: Record<string, readonly string[]> = {
  model: ["model"],
  core: ["core", "model"],
  commands: ["commands", "core", "model"],
  cli: ["cli", "commands", "core", "model"],
};

describe("architecture", () => {
  for (const [layer, allowed] of Object.entries(layers)) {
    it(`src/${layer} imports only ${allowed.join(", ")}`, () => {
      const violations = sources(layer).flatMap((file) =>
        relativeImports(file)
          .filter((target) => !allowed.includes(target.split("/")[0]!))
          .map((target) => `${file} -> ${target}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it("src/core and src/commands never touch process, the console or the clock", () => {
    const forbidden = [/\bprocess\.(?!env\b)/, /\bprocess\.env\b/, /\bconsole\./, /\bDate\.now\(/, /new Date\(\)/];
    const violations = [...sources("core"), ...sources("commands")].flatMap((file) => {
      const text = readFileSync(path.join(src, file), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
      return forbidden.filter((re) => re.test(text)).map((re) => `${file}: ${re.source}`);
    });
    expect(violations).toEqual([]);
  });

  // Running git is I/O like reading files: src/core/git is the one exception, the place that
  // reads workspaces at a revision and the history (spawns only `git`, never a shell).
  it("only src/core/git runs other programs", () => {
    const allowed = (file: string) => file.startsWith("core/git/");
    const violations = [...sources("core"), ...sources("commands")]
      .filter(
        (file) =>
          !allowed(file) && /from\s+["'](node:)?child_process["']/.test(readFileSync(path.join(src, file), "utf8")),
      )
      .map((file) => `${file} imports child_process`);
    expect(violations).toEqual([]);
  });

  // A core folder is entered through its index.ts: what it exports there is its interface, and
  // the files behind it can move without touching the code that uses them.
  it("code outside a core folder imports it through its index.ts", () => {
    const violations = sources(".").flatMap((file) =>
      relativeImports(file)
        .filter((target) => {
          const [top, folder, ...rest] = target.split("/");
          if (top !== "core" || rest.length === 0) return false; // src/core/dates.ts and the like are files, not folders
          if (file.startsWith(`core/${folder}/`)) return false;
          // core/analytics holds one folder per topic, each entered through its own index.ts.
          return !(rest.length === 1
            ? rest[0] === "index.js"
            : folder === "analytics" && rest.length === 2 && rest[1] === "index.js");
        })
        .map((target) => `${file} -> ${target}`),
    );
    expect(violations).toEqual([]);
  });

  // Only the model reads raw document values. Rules and report views get the catalog (entries
  // with typed values), settings and facts; the documents they see are DocumentRefs, which
  // have no raw value (the compiler checks the two types below; `npm test` type-checks tests),
  // and they import neither the raw document type nor the loader that makes documents.
  // Outside this check by design: validation, fmt, import/export and ls/show (which show
  // invalid documents as written), and, for now, the field-by-field diff and the history replay.
  it("rules and report views never read a raw document value", () => {
    type HasRawValue<T> = "value" extends keyof T ? true : false;
    const entryDoc: HasRawValue<Entry<unknown>["doc"]> = false;
    const reportedDoc: HasRawValue<ReportArgs["doc"]> = false;
    expect([entryDoc, reportedDoc]).toEqual([false, false]);
    const raw = [/\bPmoDocument\b/, /from\s+["'][./]+load\/index\.js["']/];
    const violations = [...sources("core/rules"), ...sources("core/report")].flatMap((file) => {
      const text = readFileSync(path.join(src, file), "utf8");
      return raw.filter((re) => re.test(text)).map((re) => `${file}: ${re.source}`);
    });
    expect(violations).toEqual([]);
  });

  it("src/model holds types and constants only", () => {
    const violations = sources("model").flatMap((file) => {
      const text = readFileSync(path.join(src, file), "utf8");
      return /from\s+["'](?!\.)/.test(text) ? [`${file} imports a package`] : [];
    });
    expect(violations).toEqual([]);
  });
});
