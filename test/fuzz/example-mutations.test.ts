import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { Lexer } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentValue, normaliseLineBreaks, readFull } from "../../src/core/load/index.js";
import { runCli } from "../helpers/cli.js";
import { mutate, prng } from "../helpers/yaml-mutations.js";

/**
 * A seeded mutation fuzzer over the example repository: each round changes one file (a
 * character inserted, deleted or replaced by one YAML cares about, a line duplicated, moved,
 * re-indented or cut short, line endings changed) and runs validate and fmt on the result.
 * Whatever the input: no exit code above 2, no internal error, no stack trace, validate's JSON
 * parses, and fmt either leaves the file alone or keeps its data and comments and is
 * idempotent. The seed and the number of rounds are fixed, so a failure reproduces; a time
 * budget stops early on a slow machine.
 */
// PMO_FUZZ_SEED and PMO_FUZZ_ROUNDS run a longer search by hand; the suite runs the fixed one.
const SEED = Number(process.env["PMO_FUZZ_SEED"] ?? 20261130);
const ROUNDS = Number(process.env["PMO_FUZZ_ROUNDS"] ?? 40);
const BUDGET_MS = process.env["PMO_FUZZ_ROUNDS"] ? Number.POSITIVE_INFINITY : 20_000;
/** The data and comments of a text under the one reading; undefined when it does not read. */
function meaning(text: string): { values: unknown[]; comments: string[] } | undefined {
  const source = normaliseLineBreaks(text.replace(/^\uFEFF/, ""));
  const { docs } = readFull(source);
  const values: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) return undefined;
    if (doc.contents === null) continue;
    const v = documentValue(doc);
    if (!v.ok) return undefined;
    if (v.value !== null) values.push(v.value);
  }
  const comments = [...new Lexer().lex(source)]
    .filter((t) => t.startsWith("#"))
    .map((t) => t.trimEnd())
    .sort();
  return { values, comments };
}

function sane(result: { code: number; stdout: string; stderr: string }, what: string): void {
  expect(result.code, `${what}: exit code`).toBeLessThanOrEqual(2);
  expect(`${result.stdout}${result.stderr}`, `${what}: internal error`).not.toMatch(
    /internal error|This is a bug in pmo/,
  );
  expect(`${result.stdout}${result.stderr}`, `${what}: stack trace`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

describe("mutations of the example repository (seeded fuzzing)", () => {
  let root: string;
  let files: string[];
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "pmo-fuzz-"));
    cpSync("examples/meridian-water", root, { recursive: true });
    const walk = (rel: string): string[] =>
      readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((e) => {
        const r = rel ? `${rel}/${e.name}` : e.name;
        return e.isDirectory() ? walk(r) : /\.ya?ml$/.test(e.name) ? [r] : [];
      });
    files = walk("").sort();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    `survives ${ROUNDS} rounds: no crash, JSON that parses, fmt that keeps data and comments and is idempotent`,
    async () => {
      const random = prng(SEED);
      const started = Date.now();
      let rounds = 0;
      for (; rounds < ROUNDS && Date.now() - started < BUDGET_MS; rounds++) {
        const file = files[Math.floor(random() * files.length)]!;
        const full = path.join(root, file);
        const original = readFileSync(full, "utf8");
        let text = mutate(original, random);
        if (random() < 0.3) text = mutate(text, random);
        writeFileSync(full, text);
        const round = `round ${rounds} (${file})`;
        try {
          const validate = await runCli(["validate", ".", "--as-of", "2026-11-30", "--format", "json"], { cwd: root });
          sane(validate, `${round} validate`);
          expect(() => JSON.parse(validate.stdout), `${round}: validate --format json`).not.toThrow();

          const fmt = await runCli(["fmt", file], { cwd: root });
          sane(fmt, `${round} fmt`);
          const after = readFileSync(full, "utf8");
          if (after !== text) {
            const before = meaning(text);
            expect(before, `${round}: fmt rewrote a file that does not read`).toBeDefined();
            expect(isDeepStrictEqual(meaning(after), before), `${round}: fmt changed data or comments`).toBe(true);
            const again = await runCli(["fmt", "--check", file], { cwd: root });
            expect(again.code, `${round}: fmt is not idempotent\n${again.stdout}${again.stderr}`).toBe(0);
          }
        } finally {
          writeFileSync(full, original);
        }
      }
      expect(rounds).toBeGreaterThan(0);
    },
    process.env["PMO_FUZZ_ROUNDS"] ? 3_600_000 : 60_000,
  );
});
