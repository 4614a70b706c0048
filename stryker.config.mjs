// Mutation testing (npm run mutate; scripts/mutate.mjs runs each scope in turn). A scope
// mutates one part of the code and runs only the unit tests written for it, so that a mutant
// is judged by the tests meant to catch it (rule tests also run every integrity check, to
// prove their cases valid, and would otherwise rerun for each integrity mutant).
const SCOPES = {
  rules: { mutate: ["src/core/rules/**/*.ts"], tests: ["test/core/rules/**/*.test.ts", "test/helpers/**/*.test.ts"] },
  integrity: { mutate: ["src/core/validate/integrity.ts", "src/core/validate/rules/**/*.ts"], tests: ["test/core/validate/**/*.test.ts"] },
  domain: { mutate: ["src/core/domain/**/*.ts"], tests: ["test/core/domain/**/*.test.ts", "test/core/rules/**/*.test.ts"] },
};
const scope = process.env.MUTATE_SCOPE ?? "rules";
const chosen = SCOPES[scope];
if (!chosen) throw new Error(`MUTATE_SCOPE must be one of ${Object.keys(SCOPES).join(", ")}`);
process.env.MUTATE_TESTS = chosen.tests.join(",");

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts" },
  // TypeScript 7 has no JS API: no tsconfig rewriting, no type checker; vitest transforms the sources.
  tsconfigFile: "tsconfig.stryker-none.json",
  mutate: chosen.mutate,
  coverageAnalysis: "perTest",
  // Metadata literals are evaluated once, at import: each would rerun every test. The golden
  // test of rule metadata (test/core/rules/messages.test.ts) pins them instead.
  ignoreStatic: true,
  // The machine is shared: one test runner unless MUTATE_CONCURRENCY says otherwise.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 1),
  timeoutMS: 20000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  thresholds: { high: 90, low: 85, break: null },
  ignorePatterns: ["dist", "bench/.repos", "coverage", "reports", ".stryker-tmp", "test/browser", "test/e2e"],
  // A re-run reuses the result of every mutant whose code and covering tests did not change.
  incremental: true,
  incrementalFile: `reports/mutation/${scope}.incremental.json`,
  // One sandbox folder per scope, so that two scopes can run side by side.
  tempDirName: `.stryker-tmp/${scope}`,
  cleanTempDir: "always",
};
