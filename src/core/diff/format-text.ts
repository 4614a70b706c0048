import type { Palette } from "../format/index.js";
import { signedDuration, signedMoney } from "./context.js";
import { KIND_TITLES } from "./kinds.js";
import { describePropagation } from "./schedule.js";
import type { DiffResult, EntityChange, FindingChange } from "./types.js";

const MARK = { added: "+", removed: "-", modified: "~", renamed: "~" } as const;

/** The terminal output: the summary line, then changes grouped by kind, then the governance delta. */
export function formatDiffText(result: DiffResult, palette: Palette): string {
  const out: string[] = [palette.bold(`pmo diff ${result.base} -> ${result.head}`), ""];
  // A side that does not validate comes first: what follows is only what could be read.
  for (const [which, v] of result.validity
    ? ([
        ["base", result.validity.base],
        ["head", result.validity.head],
      ] as const)
    : []) {
    if (v.valid && v.unreadable.length === 0) continue;
    const parts = [
      ...(v.valid
        ? []
        : [
            `${which} (${v.label}) does not validate: ${plural(v.errors.length, "error")} in ${plural(v.files, "file")}`,
          ]),
      ...(v.unreadable.length > 0
        ? [
            `${v.unreadable.map((u) => u.id).join(", ")} not compared (${v.unreadable.length === 1 ? "its file does" : "their files do"} not parse)`,
          ]
        : []),
    ];
    out.push(palette.red(parts.join("; ")));
    for (const e of v.errors.slice(0, 20))
      out.push(`  ${e.file}:${e.line}:${e.column}  ${e.message}  ${palette.dim(e.ruleId)}`);
    if (v.errors.length > 20)
      out.push(
        `  …and ${v.errors.length - 20} more (pmo validate${which === "base" ? ` at ${v.label}` : ""} lists them)`,
      );
    out.push("");
  }
  const scale = result.decision?.statusScale;
  if (scale)
    out.push(
      palette.yellow(
        `status scale changed ${scale.from.name} (${scale.from.values.join(", ")}) -> ${scale.to.name} (${scale.to.values.join(", ")}): status changes across it are not counted as worsened or improved`,
      ),
      "",
    );
  out.push(summaryColour(result, palette));
  if (result.decision?.ranksNotCompared !== undefined) out.push(palette.yellow(result.decision.ranksNotCompared));
  // What a decision needs first: the projects that worsened, and those crossing a cut line.
  const worsened = result.decision?.worsened ?? [];
  if (worsened.length > 0) {
    out.push("", palette.bold("Worsened"));
    for (const m of worsened) {
      const extra = [
        m.finishDays !== undefined ? `finish ${signedDuration(m.finishDays)}` : "",
        m.forecastDelta !== undefined && m.currency !== undefined
          ? `forecast ${signedMoney(m.forecastDelta, m.currency)}`
          : "",
      ].filter(Boolean);
      out.push(
        `  ${palette.bold(m.id)}${m.name ? ` ${m.name}` : ""}  ${palette.red(`${m.from ?? "(none)"} -> ${m.to ?? "(none)"}`)}${extra.length > 0 ? `; ${extra.join("; ")}` : ""}`,
      );
    }
  }
  const crossings = (result.decision?.ranks ?? []).filter((m) => m.crossedCutLine !== undefined);
  if (crossings.length > 0) {
    out.push("", palette.bold("Cut line"));
    for (const m of crossings) {
      const line = `${m.crossedCutLine} (rank ${m.fromRank === m.toRank ? m.toRank : `${m.fromRank} -> ${m.toRank}`})`;
      out.push(
        `  ${m.portfolio} ${palette.bold(m.id)}${m.name ? ` ${m.name}` : ""}  ${m.crossedCutLine === "now below" ? palette.red(line) : palette.green(line)}`,
      );
    }
  }
  const evm = result.evm ?? [];
  if (evm.length > 0) {
    out.push("", palette.bold("Earned value"));
    for (const c of evm) {
      const text = c.threshold === null ? c.text : palette.bold(c.text);
      out.push(`  ${c.direction === "worsened" ? palette.red(text) : palette.green(text)}`);
    }
  }
  for (const [kind, title] of KIND_TITLES) {
    const changes = result.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    out.push("", palette.bold(title));
    for (const c of changes) out.push(...change(c, palette));
  }
  const slips = result.schedule.filter((p) => p.pushes.length > 0);
  if (slips.length > 0) {
    out.push("", palette.bold("Schedule propagation"));
    for (const p of slips) out.push(`  ${describePropagation(p)}`);
  }
  const { introduced, resolved } = result.findings;
  if (introduced.length + resolved.length > 0) {
    out.push("", palette.bold("Governance"));
    for (const g of result.decision?.findings ?? []) {
      const counts = [
        g.introduced > 0 ? `${g.introduced} introduced` : "",
        g.resolved > 0 ? `${g.resolved} resolved` : "",
      ]
        .filter(Boolean)
        .join(", ");
      out.push(`  ${g.ruleId} (${g.severity}): ${counts}`);
    }
    for (const f of introduced) out.push(finding("+", f, palette));
    for (const f of resolved) out.push(finding("-", f, palette));
  }
  return out.join("\n") + "\n";
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

function summaryColour(result: DiffResult, palette: Palette): string {
  const s = result.summary;
  const bad =
    s.projects.worsened > 0 ||
    s.findings.introduced > 0 ||
    s.risks.newHigh > 0 ||
    s.finishes?.slipped > 0 ||
    s.overrunsGrown > 0 ||
    !s.validity?.head.valid;
  return bad ? palette.yellow(s.text) : palette.green(s.text);
}

function change(c: EntityChange, palette: Palette): string[] {
  const colour = c.change === "added" ? palette.green : c.change === "removed" ? palette.red : palette.yellow;
  const what =
    c.change === "renamed"
      ? `renamed from ${c.previousId}`
      : c.change === "modified"
        ? (c.direction ?? "modified")
        : c.change === "added"
          ? "new"
          : "removed";
  const where = c.previousFile ? ` (moved from ${c.previousFile})` : "";
  const head = `  ${colour(MARK[c.change])} ${palette.bold(c.id)}${c.name ? ` ${c.name}` : ""}  ${palette.dim(`${what}; ${c.file}${where}`)}`;
  const lines = [head];
  for (const d of c.details) {
    const text =
      d.direction === "worsened" ? palette.red(d.text) : d.direction === "improved" ? palette.green(d.text) : d.text;
    lines.push(`      ${text}`);
  }
  return lines;
}

function finding(mark: "+" | "-", f: FindingChange, palette: Palette): string {
  const severity = f.severity === "error" ? "error" : f.severity === "warn" ? "warning" : "info";
  const label = mark === "+" ? palette.red(`+ introduced ${severity}`) : palette.green(`- resolved ${severity}`);
  return `  ${label}  ${f.message}  ${palette.dim(`${f.ruleId} ${f.file}:${f.line}:${f.column}`)}`;
}
