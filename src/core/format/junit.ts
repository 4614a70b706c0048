import type { Diagnostic } from "../../model/diagnostic.js";
import type { FormatContext, WaivedDiagnostic } from "./index.js";
import { describeWaiver } from "./waiver.js";

/**
 * JUnit XML for CI test reports (GitLab merge-request widgets, Jenkins' JUnit plugin, Azure
 * Pipelines). One <testsuite> per file, like ESLint's junit formatter: a finding is fixed in a
 * file, so a failed suite reads as a to-do list for that file. One <testcase> per finding:
 * errors and warnings fail with <failure type="error|warning">, infos pass with the message in
 * <system-out>, waived findings are <skipped> with the waiver as the reason. When nothing is
 * reported at all, a single passing test case keeps the report non-empty (Jenkins rejects
 * empty reports by default).
 */
export function formatJunit(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const waived = ctx.waived ?? [];
  const byFile = new Map<string, { active: Diagnostic[]; waived: WaivedDiagnostic[] }>();
  const group = (file: string) => byFile.get(file) ?? byFile.set(file, { active: [], waived: [] }).get(file)!;
  for (const d of diagnostics) group(d.file).active.push(d);
  for (const d of waived) group(d.file).waived.push(d);
  const files = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const { active, waived: skipped } = byFile.get(file)!;
    const failed = active.filter((d) => d.severity !== "info").length;
    const count = active.length + skipped.length;
    tests += count;
    failures += failed;
    const names = new CaseNames();
    const cases = [
      ...active.map((d) => activeCase(d, names.next(d))),
      ...skipped.map((d) => waivedCase(d, names.next(d))),
    ];
    suites.push(
      `  <testsuite name="${attr(file)}" tests="${count}" failures="${failed}" errors="0" skipped="${skipped.length}" time="0">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  if (suites.length === 0) {
    tests = 1;
    suites.push(
      `  <testsuite name="pmo check" tests="1" failures="0" errors="0" skipped="0" time="0">\n    <testcase name="no problems" classname="pmo" time="0"/>\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pmo check" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join("\n")}\n</testsuites>\n`;
}

function activeCase(d: Diagnostic, name: string): string {
  const open = openCase(d, name);
  const detail = `${d.file}:${d.line}:${d.column}: ${d.severity === "warn" ? "warning" : d.severity}: ${d.message} (${d.ruleId})${d.hint ? `\nhint: ${d.hint}` : ""}`;
  if (d.severity === "info") return `${open}\n      <system-out>${text(detail)}</system-out>\n    </testcase>`;
  const type = d.severity === "warn" ? "warning" : "error";
  return `${open}\n      <failure message="${attr(d.message)}" type="${type}">${text(detail)}</failure>\n    </testcase>`;
}

function waivedCase(d: WaivedDiagnostic, name: string): string {
  return `${openCase(d, name)}\n      <skipped message="${attr(`${describeWaiver(d.waiver)} (${d.message})`)}"/>\n    </testcase>`;
}

/**
 * Test case names, unique in their suite (one file): the rule and where in which document it
 * found something (the document's id and the JSON pointer), then `(2)`, `(3)` for further
 * findings of the rule at that place. CI UIs merge cases with equal name and classname, and
 * track a case across runs by its name: a pointer survives edits above it, a line does not.
 */
class CaseNames {
  private readonly seen = new Map<string, number>();
  next(d: Diagnostic): string {
    const where = `${d.entity ?? (d.docIndex !== undefined ? `document ${d.docIndex + 1}` : "")}${d.pointer === "" ? "" : d.pointer}`;
    const base = where === "" ? d.ruleId : `${d.ruleId} at ${where}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  }
}

/**
 * The classname is the file without its extension: Jenkins splits class names at dots into
 * packages. No `file` attribute: the Jenkins/Ant JUnit schema has none on <testcase>; the
 * suite's name and the failure text carry the file.
 */
function openCase(d: Diagnostic, name: string): string {
  const classname = d.file.replace(/\\/g, "/").replace(/\.ya?ml$/i, "");
  return `    <testcase name="${attr(name)}" classname="${attr(classname)}" time="0">`;
}

/** Characters XML 1.0 cannot carry at all, even escaped; removed rather than replaced. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what the pattern removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values also escape quotes, and keep line breaks and tabs as references (parsers would turn them into spaces). */
function attr(s: string): string {
  return text(s)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
