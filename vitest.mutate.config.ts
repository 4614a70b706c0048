import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The tests mutation testing runs (npm run mutate): the unit tests of the scope being mutated,
 * which stryker.config.mjs passes in MUTATE_TESTS. End-to-end, command and browser tests are
 * left out; they would kill a few more mutants, but cost minutes per run.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: (process.env["MUTATE_TESTS"] ?? "test/core/rules/**/*.test.ts").split(","),
    // One module graph for every test file of a run: the schemas are compiled once, not per file.
    isolate: false,
  },
});
