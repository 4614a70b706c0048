// Writes dist/core/report/templates.generated.js: the built-in report templates precompiled by
// Handlebars, so that `pmo report` does not compile them on each run. Runs after tsc in
// `npm run build`; the generation itself lives in src/core/report/precompile.ts.
import { writeFileSync } from "node:fs";
import { loadTemplates } from "../dist/commands/report.js";
import { generatePrecompiledModule, PRECOMPILED_MODULE_NAME } from "../dist/core/report/index.js";

const sets = {
  html: loadTemplates("html", undefined, process.cwd()),
  md: loadTemplates("md", undefined, process.cwd()),
};
writeFileSync(
  new URL(`../dist/core/report/${PRECOMPILED_MODULE_NAME}`, import.meta.url),
  generatePrecompiledModule(sets),
);
