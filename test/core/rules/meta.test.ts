import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { rulesMarkdown } from "../../../src/commands/rules.js";
import { RULE_GROUPS, RULES } from "../../../src/core/rules/index.js";

/** Every rule is registered, tested, documented and has valid metadata (ESLint's checkRuleFiles). */
const root = path.resolve(fileURLToPath(import.meta.url), "../../../..");
const NOT_RULES = new Set(["index.ts", "rule.ts", "settings.ts"]);
const ruleFiles = readdirSync(path.join(root, "src/core/rules"))
  .filter((f) => f.endsWith(".ts") && !NOT_RULES.has(f))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

describe("rule files", () => {
  it("every rule file is registered, once", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(ruleFiles);
  });

  it("the registry lists the rules in id order", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
  });

  it("there are at least 20 rules in every PMO function", () => {
    expect(RULES.length).toBeGreaterThanOrEqual(20);
    for (const group of RULE_GROUPS) expect(RULES.some((r) => r.meta.group === group)).toBe(true);
  });

  it("docs/rules/README.md is generated from the rules' metadata (run pmo rules --format markdown)", () => {
    expect(readFileSync(path.join(root, "docs/rules/README.md"), "utf8")).toBe(rulesMarkdown());
  });
});

describe.each(RULES.map((r) => [r.meta.id, r] as const))("%s", (id, rule) => {
  it("has a test and a documentation page with the required sections", () => {
    expect(existsSync(path.join(root, `test/core/rules/${id}.test.ts`))).toBe(true);
    const doc = readFileSync(path.join(root, `docs/rules/${id}.md`), "utf8");
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    for (const section of ["## Why", "## What it checks", "## Examples", "## How to fix"])
      expect(doc).toContain(section);
    expect(doc).toContain(rule.meta.severity);
  });

  it("has valid metadata", () => {
    expect(rule.meta.id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(rule.meta.description.length).toBeGreaterThan(20);
    expect(["error", "warn", "info"]).toContain(rule.meta.severity);
    expect(RULE_GROUPS).toContain(rule.meta.group);
    for (const preset of rule.meta.presets)
      expect(["recommended", "strategic", "tactical", "operational", "project"]).toContain(preset);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
  });

  it("has an options schema that accepts its default options", () => {
    if (!rule.meta.optionsSchema) {
      expect(rule.meta.defaultOptions ?? {}).toEqual({});
      return;
    }
    const validate = new Ajv2020({ strict: true }).compile(rule.meta.optionsSchema);
    expect(validate(rule.meta.defaultOptions ?? {}), JSON.stringify(validate.errors)).toBe(true);
  });
});
