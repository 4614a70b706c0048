import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

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

  it("src/model holds types and constants only", () => {
    const violations = sources("model").flatMap((file) => {
      const text = readFileSync(path.join(src, file), "utf8");
      return /from\s+["'](?!\.)/.test(text) ? [`${file} imports a package`] : [];
    });
    expect(violations).toEqual([]);
  });
});
