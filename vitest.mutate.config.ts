import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The tests mutation testing runs (npm run mutate): the unit tests of the code it mutates.
 * End-to-end, command and browser tests are left out; they would kill a few more mutants, but
 * cost minutes per run (and some need the repository's git history, which the sandbox lacks).
 */
export default defineConfig({
  test: {
    ...base.test,
    // One module graph for every test file of a run: the schemas are compiled once, not per file.
    isolate: false,
    include: ["test/core/rules/**/*.test.ts", "test/core/validate/**/*.test.ts", "test/helpers/**/*.test.ts", "test/core/domain/**/*.test.ts"],
  },
});
