import { it } from "vitest";
import { parseSource } from "../../../src/core/load/index.js";
const cases: Record<string, string> = {
  compact: "apiVersion: pmo/v1\nkind: Project\nid: ISS-1\n  x: [\n",
  compact2: "apiVersion: pmo/v1\nkind: Project\nid: ISS-1\n  x: [a, b\nname: y\n",
  complexKey: "apiVersion: pmo/v1\nkind: Project\n? [a]\n: b\n",
  complexKey2: "apiVersion: pmo/v1\nkind: Project\nid: P-1\n? [a]\n: b\n",
  blockImplicit: "apiVersion: pmo/v1\nkind: Project\nid: P-1\n[a, b]: c\n",
  multilineKey: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname\n  more: x\n",
  unexpectedFlow: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: x]\n",
  flowEnd: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: }\n",
  badIndentSeq: "apiVersion: pmo/v1\nkind: Project\nid: P-1\ntags:\n- a\n  - b\n",
  missingCharFlow: "apiVersion: pmo/v1\nkind: Project\nid: P-1\ntags: [a b: c\n",
  dq: 'apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: "a\\qb"\n',
  scalarStart: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: @x\n",
  backtick: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: `x\n",
  blockScalar: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: |\n  a\n b: c\n",
  anchors: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: &a &b x\n",
  tags: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: !!str !!str x\n",
  directive: "%FOO bar\napiVersion: pmo/v1\nkind: Project\nid: P-1\n",
  docEnd: "apiVersion: pmo/v1\nkind: Project\nid: P-1\n... x\n",
  flowComma: "apiVersion: pmo/v1\nkind: Project\nid: P-1\ntags: [a,, b]\n",
  flowMapKey: "apiVersion: pmo/v1\nkind: Project\nid: P-1\ntags: {a: 1, a: 2}\n",
  seqInMap: "apiVersion: pmo/v1\nkind: Project\nid: P-1\ntags: - a\n",
  keyAfterSeq: "apiVersion: pmo/v1\nkind: Project\nid: P-1\ntags:\n  - a\n  b: c\n",
  flowMultiline: "apiVersion: pmo/v1\nkind: Project\nid: P-1\ntags: [a,\nb]\n",
  commentNoSpace: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: \"x\"# c\n",
  aliasKeyColon: "apiVersion: pmo/v1\nkind: Project\nid: P-1\na: &x 1\n*x: 2\n",
  flowKeyLong: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname: {a\n  : b}\n",
  tabAfter: "apiVersion: pmo/v1\nkind: Project\nid: P-1\nname:\tx\n",
  emptyKey: "apiVersion: pmo/v1\nkind: Project\nid: P-1\n: x\n",
};
it("probe", () => {
  for (const [k, t] of Object.entries(cases)) {
    const r = parseSource("projects/P.yaml", t);
    console.log(k, JSON.stringify(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message} (${d.hint})`)));
  }
});
