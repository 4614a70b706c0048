// npm run mutate [scope...]: Stryker on each scope of stryker.config.mjs in turn (rules,
// integrity, domain by default), one report per scope under reports/mutation/.
import { spawnSync } from "node:child_process";

const scopes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["rules", "integrity", "domain"];
let failed = false;
for (const scope of scopes) {
  console.log(`\n== mutation testing: ${scope}\n`);
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs"], {
    stdio: "inherit",
    env: { ...process.env, MUTATE_SCOPE: scope },
  });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
