// Writes dist/core/validate/validators.generated.js: ajv's standalone validation code for every
// schema, so pmo imports validators instead of compiling the schemas on each run. Runs after tsc
// in `npm run build`; the generation itself lives in src/core/validate/generate-validators.ts.
import { writeFileSync } from "node:fs";
import { GENERATED_MODULE_NAME, generateValidatorsModule } from "../dist/core/validate/generate-validators.js";

const out = new URL(`../dist/core/validate/${GENERATED_MODULE_NAME}`, import.meta.url);
writeFileSync(out, generateValidatorsModule());
