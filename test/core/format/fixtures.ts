import { PLAIN, type FormatContext, type RuleInfo, type WaivedDiagnostic } from "../../../src/core/format/index.js";
import type { Diagnostic } from "../../../src/model/diagnostic.js";

/** A small check run, sorted as the engine sorts (file, line, column, rule). */
export const DIAGNOSTICS: readonly Diagnostic[] = [
  {
    ruleId: "budget-rag-consistent",
    severity: "error",
    message: "budget RAG is green but forecast spend 1,200,000 exceeds the approved budget 1,000,000 by 20%",
    file: "projects/alpha.yaml",
    line: 14,
    column: 9,
    endLine: 14,
    endColumn: 14,
    pointer: "/status/budget/rag",
    docIndex: 0,
    entity: "PRJ-ALPHA",
    hint: "set the RAG to red, or record the approved change request",
  },
  {
    ruleId: "risk-has-owner",
    severity: "warn",
    message: "risk RSK-7 has no owner",
    file: "projects/alpha.yaml",
    line: 40,
    column: 5,
    pointer: "/risks/2",
    docIndex: 1,
    entity: "RSK-7",
  },
  {
    ruleId: "schema",
    severity: "error",
    message: 'status.rag must be one of green, amber, red; found "blue"',
    file: "projects/beta dir/beta.yaml",
    line: 4,
    column: 8,
    endLine: 4,
    endColumn: 12,
    pointer: "/status/rag",
  },
  {
    ruleId: "milestone-has-date",
    severity: "info",
    message: "milestone M3 has no baseline date",
    file: "projects/beta dir/beta.yaml",
    line: 22,
    column: 7,
    pointer: "/milestones/2",
  },
];

export const WAIVED: readonly WaivedDiagnostic[] = [
  {
    ruleId: "risk-has-owner",
    severity: "warn",
    message: "risk RSK-9 has no owner",
    file: "projects/alpha.yaml",
    line: 52,
    column: 5,
    pointer: "/risks/4",
    entity: "RSK-9",
    waiver: { source: "config", reason: "owner being recruited", approver: "j.doe", expires: "2026-12-31" },
  },
  {
    ruleId: "milestone-has-date",
    severity: "info",
    message: "milestone M9 has no baseline date",
    file: "projects/gamma.yaml",
    line: 8,
    column: 3,
    pointer: "/milestones/0",
    waiver: { source: "inline", reason: "date set by the client's board" },
  },
];

export const RULES: ReadonlyMap<string, RuleInfo> = new Map<string, RuleInfo>([
  [
    "budget-rag-consistent",
    {
      id: "budget-rag-consistent",
      description: "A project's budget RAG agrees with its forecast spend",
      severity: "error",
      docs: "docs/rules/budget-rag-consistent.md",
      group: "Portfolio management",
    },
  ],
  [
    "milestone-has-date",
    {
      id: "milestone-has-date",
      description: "Every milestone has a baseline date",
      severity: "info",
      docs: "docs/rules/milestone-has-date.md",
      group: "Delivery",
    },
  ],
  [
    "risk-has-owner",
    {
      id: "risk-has-owner",
      description: "Every open risk has an owner",
      severity: "warn",
      docs: "docs/rules/risk-has-owner.md",
      group: "Risk management",
    },
  ],
  ["schema", { id: "schema", description: "Documents conform to their kind's JSON Schema", severity: "error" }],
]);

export const SOURCES = new Map<string, string>([
  [
    "projects/alpha.yaml",
    Array.from({ length: 60 }, (_, i) =>
      i === 13 ? "    rag: green" : i === 39 ? "  - id: RSK-7" : `# line ${i + 1}`,
    ).join("\n"),
  ],
  ["projects/beta dir/beta.yaml", "apiVersion: pmo/v1\nkind: Project\nstatus:\n  rag: blue\n"],
]);

/** What `pmo check` passes: everything a formatter may use. */
export function checkContext(overrides: Partial<FormatContext> = {}): FormatContext {
  return {
    palette: PLAIN,
    sources: SOURCES,
    documents: 5,
    waived: WAIVED,
    rules: RULES,
    toolVersion: "0.1.0",
    ...overrides,
  };
}

/** A message that tries every escaping rule at once. */
export const HOSTILE: Diagnostic = {
  ruleId: "schema",
  severity: "error",
  message: "name <script>&\"' | 50%: a,b;c\r\nnext line\u0000\u0007 `code` *bold* ]]>",
  file: "odd/we,ird:name%.yaml",
  line: 2,
  column: 1,
  pointer: "/name",
};
