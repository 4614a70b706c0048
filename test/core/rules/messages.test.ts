import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { RULES } from "../../../src/core/rules/index.js";
import { INTEGRITY_RULES } from "../../../src/core/validate/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Rule tests assert message ids and data, so the wording of each message lives here: every
 * rule's metadata (messages and hints included) as a golden file. A changed message is a
 * reviewed diff (npx vitest run test/core/rules/messages.test.ts -u).
 */
it("governance and integrity rules keep their metadata and wording", async () => {
  const meta = { governance: RULES.map((r) => r.meta), integrity: INTEGRITY_RULES.map((r) => r.meta) };
  await expect(JSON.stringify(meta, null, 2) + "\n").toMatchFileSnapshot(
    path.join(here, "__snapshots__/rule-meta.json"),
  );
});
