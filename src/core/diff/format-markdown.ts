import { formatMoney } from "../money.js";
import { signedDuration, signedMoney, signedPercent } from "./context.js";
import { KIND_TITLES } from "./kinds.js";
import type { EvmChange } from "./evm.js";
import { describePropagation } from "./schedule.js";
import type {
  DateMove,
  DiffResult,
  EntityChange,
  FindingChange,
  MoneyPart,
  RankMove,
  SideValidity,
  StatusMove,
} from "./types.js";

/** One CPI, SPI or EAC change as a table row: indexes to two decimals, the EAC as money. */
function evmRow(c: EvmChange): string {
  const value = (v: number) => (c.figure === "EAC" ? formatMoney(v, c.currency) : v.toFixed(2));
  const change =
    c.figure === "EAC" ? signedMoney(c.delta, c.currency) : `${c.delta < 0 ? "-" : "+"}${Math.abs(c.delta).toFixed(2)}`;
  const crossed =
    c.threshold === null
      ? ""
      : c.threshold === "BAC"
        ? c.direction === "worsened"
          ? "over the budget"
          : "back within the budget"
        : `${c.direction === "worsened" ? "below" : "back to"} ${c.threshold}`;
  return `| ${c.project} | ${c.figure} | ${value(c.from)} | ${value(c.to)} | ${change} | ${crossed} |`;
}

/**
 * Longest comment the markdown aims for. GitHub refuses comments over 65,536 characters and
 * GitLab notes are capped too; the rest is cut with a note of what was left out.
 */
export const DIFF_MARKDOWN_MAX_CHARS = 60_000;

const CHANGE_WORD = { added: "new", removed: "removed", modified: "modified", renamed: "renamed" } as const;
const SEVERITY = { error: "✖ error", warn: "⚠ warning", info: "ℹ info" } as const;
/** Validation errors listed per side at the top; the rest are counted. */
const VALIDITY_LINES = 10;

/**
 * A section of the comment: its lines around a list of items, where it is shown (`order`) and
 * how important it is (`priority`, lower first). When the comment is too long, the least
 * important items are cut first, whole items only.
 */
interface Block {
  order: number;
  priority: number;
  head: string[];
  items: string[];
  tail: string[];
  /** What an item is, singular and plural, for the note of what was cut. */
  noun: [string, string];
}

/**
 * A pull-request comment that leads with the decision: whether each side validates, the summary,
 * then what a reviewer decides on (worsened projects, other status changes, the forecast change
 * like for like, slips, overruns that grew, findings by rule), then the detail (schedule
 * propagation, each finding, each entity's changes) in collapsible sections. `maxChars` caps the
 * length: the least important items go first (resolved findings, then entity details, then
 * individual findings...), never a worsened project before a finding, and a last line says what
 * was cut.
 */
export function formatDiffMarkdown(result: DiffResult, maxChars = DIFF_MARKDOWN_MAX_CHARS): string {
  const s = result.summary;
  const top = [`### pmo diff: ${code(result.base)} → ${code(result.head)}`, ""];
  const validity = result.validity;
  if (validity) {
    for (const side of [validity.base, validity.head])
      if (!side.valid || side.unreadable.length > 0)
        top.push(...validityBlock(side === validity.base ? "base" : "head", side), "");
  }
  top.push(`**${inline(s.text)}**`);
  const decision = result.decision;
  if (decision?.statusScale) {
    const { from, to } = decision.statusScale;
    top.push(
      "",
      `> **Status scale changed** from ${code(from.name)} (${from.values.map(code).join(", ")}) to ${code(to.name)} (${to.values.map(code).join(", ")}): a status on one scale is not compared with a status on the other, so no project is counted as worsened or improved by it.`,
    );
  }
  if (decision?.ranksNotCompared !== undefined) {
    const why = decision.ranksNotCompared;
    top.push("", `> **Ranking not compared**${why.slice(why.indexOf(":"))}.`);
  }
  const nothing = result.changes.length === 0 && s.findings.introduced === 0 && s.findings.resolved === 0;
  if (nothing && (validity === undefined || (validity.base.valid && validity.head.valid))) {
    return [...top, "", "No changes in meaning: the files differ only in layout, comments or order."].join("\n") + "\n";
  }

  const blocks: Block[] = [];
  const add = (
    order: number,
    priority: number,
    title: string,
    items: string[],
    noun: [string, string],
    options: { open?: boolean; table?: string[] } = {},
  ) => {
    if (items.length === 0) return;
    blocks.push({
      order,
      priority,
      head: [`<details${options.open ? " open" : ""}>`, `<summary>${title}</summary>`, "", ...(options.table ?? [])],
      items,
      tail: ["", "</details>"],
      noun,
    });
  };

  if (decision) {
    const worsened = decision.worsened;
    add(
      1,
      2,
      `<b>Worsened</b>: ${count(worsened.length, "project")}`,
      worsened.map(statusRow),
      ["worsened project", "worsened projects"],
      {
        open: true,
        table: ["| Project | Overall status | Finish | Forecast cost |", "| --- | --- | --- | --- |"],
      },
    );
    const others = decision.statusChanges;
    add(
      2,
      3,
      `<b>Other status changes</b>: ${statusCounts(others)}`,
      others.map(statusRow),
      ["status change", "status changes"],
      {
        open: true,
        table: ["| Project | Overall status | Finish | Forecast cost |", "| --- | --- | --- | --- |"],
      },
    );
    // The money table when the total is not like for like; otherwise the summary line says it all.
    const split = decision.money.filter(
      (m) =>
        m.joined.projects +
          (m.joined.unknown ?? 0) +
          m.left.projects +
          (m.left.unknown ?? 0) +
          m.newlyUnknown.projects +
          m.newlyKnown.projects +
          m.notCompared >
        0,
    );
    if (split.length > 0) {
      add(
        3,
        1,
        "<b>Forecast cost</b>: like for like, joining, leaving, newly unknown",
        decision.money.map(moneyRow),
        ["currency", "currencies"],
        {
          open: true,
          table: [
            "| Currency | Like for like | Joining | Leaving | Newly unknown | Newly known | Total |",
            "| --- | --- | --- | --- | --- | --- | --- |",
          ],
        },
      );
    }
    const slipTable = [
      "| Project | Date | From | To | Moved | Against baseline |",
      "| --- | --- | --- | --- | --- | --- |",
    ];
    add(
      4,
      4,
      `<b>Finishes later</b>: ${count(decision.finishSlips.length, "project")} (max ${signedDuration(decision.finishSlips[0]?.days ?? 0)})`,
      decision.finishSlips.map(dateRow),
      ["finish slip", "finish slips"],
      { open: true, table: slipTable },
    );
    add(
      5,
      5,
      `<b>Milestones slipped</b>: ${decision.milestoneSlips.length} (max ${signedDuration(decision.milestoneSlips[0]?.days ?? 0)})`,
      decision.milestoneSlips.map(dateRow),
      ["milestone slip", "milestone slips"],
      {
        open: true,
        table: slipTable,
      },
    );
    add(
      6,
      7,
      `<b>Finishes earlier</b>: ${count(decision.finishPullIns.length, "project")}`,
      decision.finishPullIns.map(dateRow),
      ["finish pulled in", "finishes pulled in"],
      { table: slipTable },
    );
    const ranks = decision.ranks ?? [];
    const rankTable = ["| Portfolio | Project | Rank | Score | Funding |", "| --- | --- | --- | --- | --- |"];
    const crossings = ranks.filter((m) => m.crossedCutLine !== undefined);
    add(
      2.5,
      2.5,
      `<b>Cut line</b>: ${crossings.filter((m) => m.crossedCutLine === "now below").length} now below, ${crossings.filter((m) => m.crossedCutLine === "now funded").length} now funded`,
      crossings.map(rankRow),
      ["cut-line crossing", "cut-line crossings"],
      {
        open: true,
        table: rankTable,
      },
    );
    const moves = ranks.filter((m) => m.crossedCutLine === undefined);
    add(
      7.5,
      8.5,
      `<b>Rank changes</b>: ${count(moves.length, "project")}`,
      moves.map(rankRow),
      ["rank change", "rank changes"],
      { table: rankTable },
    );
    add(
      7,
      6,
      `<b>Overruns grew</b>: ${count(decision.overruns.length, "project")}`,
      decision.overruns.map(
        (o) =>
          `| ${project(o.id, o.name)} | ${o.from}% → ${o.to}%${o.crossedTolerance ? ` (beyond the ${o.tolerance}% tolerance)` : ""} | ${formatMoney(o.approved, o.currency)} | ${formatMoney(o.forecast, o.currency)} |`,
      ),
      ["overrun", "overruns"],
      {
        open: true,
        table: ["| Project | Forecast over approved budget | Approved | Forecast |", "| --- | --- | --- | --- |"],
      },
    );
    add(
      8,
      8,
      `<b>Governance by rule</b>: ${[s.findings.introduced > 0 ? `${s.findings.introduced} introduced` : "", s.findings.resolved > 0 ? `${s.findings.resolved} resolved` : ""].filter(Boolean).join(", ")}`,
      decision.findings.map(
        (g) =>
          `| ${code(g.ruleId)} | ${SEVERITY[g.severity]} | ${g.introduced} | ${g.resolved} | ${g.introduced > 0 ? g.entities : ""} |`,
      ),
      ["rule", "rules"],
      {
        open: s.findings.introduced > 0,
        table: ["| Rule | Severity | Introduced | Resolved | Entities |", "| --- | --- | --- | --- | --- |"],
      },
    );
  }

  // CPI, SPI and EAC per project: those crossing a threshold are in the summary line too.
  const evm = result.evm ?? [];
  add(
    7.2,
    6.5,
    `<b>Earned value</b>: ${count(evm.length, "change")} of CPI, SPI or EAC, ${evm.filter((c) => c.threshold !== null).length} crossing a threshold`,
    evm.map(evmRow),
    ["earned value change", "earned value changes"],
    {
      open: evm.some((c) => c.threshold !== null),
      table: ["| Project | Figure | From | To | Change | Threshold crossed |", "| --- | --- | --- | --- | --- | --- |"],
    },
  );

  // What the slips push downstream: it is what the reviewer cannot see in the files.
  const slips = result.schedule.filter((p) => p.pushes.length > 0);
  add(
    9,
    9,
    `<b>Schedule propagation</b>: ${slips.length} ${slips.length === 1 ? "slip moves" : "slips move"} other dates`,
    slips.map((p) => `- ${inline(describePropagation(p))}`),
    ["propagated slip", "propagated slips"],
    { open: true },
  );

  const findingTable = ["| | Severity | Rule | Entity | Message | File |", "| --- | --- | --- | --- | --- | --- |"];
  const { introduced, resolved } = result.findings;
  add(
    10,
    10,
    `<b>Findings introduced</b>: ${introduced.length}`,
    bySeverity(introduced).map((f) => findingRow("introduced", f)),
    ["introduced finding", "introduced findings"],
    { open: true, table: findingTable },
  );

  let order = 20;
  for (const [kind, title] of KIND_TITLES) {
    const changes = result.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    // Worsened first, then improved, then the rest, each in id order.
    const rank = (c: EntityChange) => (c.direction === "worsened" ? 0 : c.direction === "improved" ? 1 : 2);
    const sorted = [...changes].sort((x, y) => rank(x) - rank(y));
    add(order++, kind === "Project" ? 11 : 12, `<b>${title}</b>: ${counts(changes)}`, sorted.map(entry), [
      "change",
      "changes",
    ]);
  }
  add(
    40,
    13,
    `<b>Findings resolved</b>: ${resolved.length}`,
    bySeverity(resolved).map((f) => findingRow("resolved", f)),
    ["resolved finding", "resolved findings"],
    { table: findingTable },
  );

  // Fill by priority within a budget; if the notes of what was cut push it over, try a smaller one.
  let budget = maxChars - [...top, ""].join("\n").length - 300;
  for (;;) {
    const text = render(result, top, blocks, allocate(blocks, budget), maxChars);
    if (text.length <= maxChars || budget <= 0) return text;
    budget -= text.length - maxChars + 100;
  }
}

function render(
  result: DiffResult,
  top: readonly string[],
  blocks: readonly Block[],
  cut: Map<Block, number>,
  maxChars: number,
): string {
  const out = [...top, ""];
  for (const b of [...blocks].sort((x, y) => x.order - y.order)) {
    const kept = b.items.slice(0, b.items.length - (cut.get(b) ?? 0));
    if (kept.length === 0) continue;
    const more = b.items.length - kept.length;
    out.push(...b.head, ...kept);
    if (more > 0) out.push("", `_…and ${more} more ${more === 1 ? b.noun[0] : b.noun[1]}, not shown._`);
    out.push(...b.tail, "");
  }
  const totals = new Map<string, [number, number, string, string]>();
  for (const b of blocks) {
    const n = cut.get(b) ?? 0;
    if (n === 0) continue;
    const [single, many] = b.noun[0] === "change" ? ["entity change", "entity changes"] : b.noun;
    const t = totals.get(single) ?? [0, 0, single, many];
    t[0] += n;
    t[1] += b.items.length;
    totals.set(single, t);
  }
  if (totals.size > 0) {
    const parts = [...totals.values()].map(([n, of, single, many]) => `${n} of ${count(of, single, many)}`);
    const rerun = `pmo diff ${result.base}${result.head === "working tree" ? "" : ` ${result.head}`}`;
    out.push(
      `…not shown, to keep this comment within ${groupThousands(maxChars)} characters (the least important first): ${parts.join(", ")}; run \`${rerun}\` for the full list.`,
      "",
    );
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

/**
 * How many items of each block are cut: blocks are filled in priority order, and once an item
 * does not fit, it and everything less important are cut.
 */
function allocate(blocks: readonly Block[], budget: number): Map<Block, number> {
  const cut = new Map<Block, number>();
  let left = budget;
  let full = false;
  for (const b of [...blocks].sort((x, y) => x.priority - y.priority || x.order - y.order)) {
    if (full) {
      cut.set(b, b.items.length);
      continue;
    }
    // The block's frame, and room for its "…and N more" line.
    const frame = [...b.head, ...b.tail].join("\n").length + 2 + 60;
    let kept = 0;
    if (frame < left) {
      left -= frame;
      for (const item of b.items) {
        if (item.length + 1 > left) break;
        left -= item.length + 1;
        kept++;
      }
    }
    if (kept < b.items.length) {
      full = true;
      cut.set(b, b.items.length - kept);
    }
  }
  return cut;
}

function validityBlock(which: "base" | "head", v: SideValidity): string[] {
  const paragraphs: string[][] = [];
  if (!v.valid) {
    paragraphs.push([
      `> **⚠ The ${which} (${code(v.label)}) does not validate**: ${count(v.errors.length, "error")} in ${count(v.files, "file")}. What follows compares what could be read; fix these first (\`pmo validate\`${which === "base" ? ` at ${code(v.label)}` : ""}).`,
    ]);
  }
  if (v.unreadable.length > 0) {
    const ids = v.unreadable.map((u) => code(u.id));
    const shown =
      ids.slice(0, VALIDITY_LINES).join(", ") +
      (ids.length > VALIDITY_LINES ? ` and ${ids.length - VALIDITY_LINES} more` : "");
    paragraphs.push([
      `> Not compared, because their file does not parse at the ${which} (neither removed nor new): ${shown}.`,
    ]);
  }
  if (v.errors.length > 0) {
    const lines = v.errors
      .slice(0, VALIDITY_LINES)
      .map((e) => `> - ${code(`${e.file}:${e.line}:${e.column}`)} ${code(e.ruleId)}: ${inline(e.message)}`);
    if (v.errors.length > VALIDITY_LINES) lines.push(`> - …and ${v.errors.length - VALIDITY_LINES} more`);
    paragraphs.push(lines);
  }
  return paragraphs.flatMap((p, i) => (i > 0 ? [">", ...p] : p));
}

function statusRow(m: StatusMove): string {
  const why =
    m.direction ??
    (m.reason === "scale-changed"
      ? "status scale changed"
      : m.reason === "no-longer-rated"
        ? "no longer rated"
        : m.reason === "now-rated"
          ? "now rated"
          : "changed");
  const status = `${inline(m.from ?? "(none)")} → ${inline(m.to ?? "(none)")}${m.direction === "worsened" ? "" : ` (${why})`}`;
  const finish = m.finishDays !== undefined ? signedDuration(m.finishDays) : "";
  const money =
    m.forecastDelta !== undefined && m.currency !== undefined ? signedMoney(m.forecastDelta, m.currency) : "";
  return `| ${project(m.id, m.name)} | ${status} | ${finish} | ${money} |`;
}

function statusCounts(moves: readonly StatusMove[]): string {
  const n = (pred: (m: StatusMove) => boolean) => moves.filter(pred).length;
  const parts: [number, string][] = [
    [n((m) => m.direction === "improved"), "improved"],
    [n((m) => m.reason === "scale-changed"), "on a changed scale"],
    [n((m) => m.reason === "no-longer-rated"), "no longer rated"],
    [n((m) => m.reason === "now-rated"), "now rated"],
    [n((m) => m.direction === undefined && m.reason === undefined), "changed"],
  ];
  return parts
    .filter(([k]) => k > 0)
    .map(([k, w]) => `${k} ${w}`)
    .join(", ");
}

function dateRow(d: DateMove): string {
  const what =
    d.milestone !== undefined
      ? `milestone ${inline(d.milestone)}${d.milestoneName ? ` ${inline(d.milestoneName)}` : ""}`
      : "finish";
  return `| ${project(d.id, d.name)} | ${what} | ${d.from} | ${d.to} | ${signedDuration(d.days)} | ${d.baselineDays !== undefined ? signedDuration(d.baselineDays) : ""} |`;
}

function moneyRow(m: DiffResult["decision"]["money"][number]): string {
  const l = m.likeForLike;
  const part = (p: MoneyPart, sign: 1 | -1, unknownWord: string) => {
    const known = p.projects > 0 ? `${signedMoney(sign * p.amount, m.currency)} (${count(p.projects, "project")})` : "";
    const unknown = p.unknown ? `${count(p.unknown, "project")} ${unknownWord}` : "";
    return [known, unknown].filter(Boolean).join("; ");
  };
  const change =
    l.delta === 0
      ? "unchanged"
      : `${signedMoney(l.delta, m.currency)}${l.percent !== undefined ? ` (${signedPercent(l.percent)})` : ""}`;
  const lfl = l.projects > 0 ? `${change} over ${count(l.projects, "project")}` : "";
  // With projects not compared (their file does not parse, or they fail their schema), no total is given.
  const total =
    m.notCompared > 0
      ? `not comparable: ${count(m.notCompared, "project")} not compared (invalid)`
      : `${signedMoney(m.total.delta, m.currency)}${m.total.percent !== undefined ? ` (${signedPercent(m.total.percent)})` : ""}`;
  return `| ${m.currency} | ${lfl} | ${part(m.joined, 1, "without a forecast")} | ${part(m.left, -1, "without a forecast")} | ${part(m.newlyUnknown, -1, "")} | ${part(m.newlyKnown, 1, "")} | ${total} |`;
}

function rankRow(m: RankMove): string {
  const score =
    m.fromScore === m.toScore
      ? m.toScore !== undefined
        ? String(m.toScore)
        : ""
      : `${m.fromScore ?? "(none)"} → ${m.toScore ?? "(none)"}`;
  const funding = m.fromFunding === m.toFunding ? m.toFunding : `${m.fromFunding} → ${m.toFunding}`;
  return `| ${code(m.portfolio)} | ${project(m.id, m.name)} | ${m.fromRank === m.toRank ? m.toRank : `${m.fromRank} → ${m.toRank}`} | ${score} | ${m.crossedCutLine ? `**${funding}**` : funding} |`;
}

function project(id: string, name: string | undefined): string {
  return `**${inline(id)}**${name ? ` ${inline(name)}` : ""}`;
}

function bySeverity(findings: readonly FindingChange[]): FindingChange[] {
  const rank = { error: 0, warn: 1, info: 2 } as const;
  return findings
    .map((f, i) => [f, i] as const)
    .sort(([x, i], [y, j]) => rank[x.severity] - rank[y.severity] || i - j)
    .map(([f]) => f);
}

function count(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function counts(changes: readonly EntityChange[]): string {
  const n = (t: EntityChange["change"]) => changes.filter((c) => c.change === t).length;
  const worse = changes.filter((c) => c.direction === "worsened").length;
  const better = changes.filter((c) => c.direction === "improved").length;
  const parts = [
    worse ? `${worse} worsened` : "",
    better ? `${better} improved` : "",
    n("added") ? `${n("added")} new` : "",
    n("modified") - worse - better > 0 ? `${n("modified") - worse - better} modified` : "",
    n("renamed") ? `${n("renamed")} renamed` : "",
    n("removed") ? `${n("removed")} removed` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

function entry(c: EntityChange): string {
  const state =
    c.change === "renamed"
      ? `renamed from ${code(c.previousId ?? "")}`
      : c.direction
        ? `${CHANGE_WORD[c.change]}, **${c.direction}**`
        : CHANGE_WORD[c.change];
  const moved = c.previousFile ? `, moved from ${code(c.previousFile)}` : "";
  const lines = [`- **${inline(c.id)}**${c.name ? ` ${inline(c.name)}` : ""}: ${state} (${code(c.file)}${moved})`];
  for (const d of c.details)
    lines.push(`  - ${d.direction === "worsened" ? "🔺 " : d.direction === "improved" ? "🔻 " : ""}${inline(d.text)}`);
  return lines.join("\n");
}

function findingRow(word: "introduced" | "resolved", f: FindingChange): string {
  return `| ${word === "introduced" ? "➕ introduced" : "✔ resolved"} | ${SEVERITY[f.severity]} | ${code(f.ruleId)} | ${f.entity ? code(f.entity) : ""} | ${inline(f.message)} | ${code(`${f.file}:${f.line}`)} |`;
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Text shown literally in Markdown: HTML and Markdown syntax neutralised, on one line. */
function inline(s: string): string {
  return s
    .replace(/ -> /g, " → ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, " ");
}

function code(s: string): string {
  return `\`${s
    .replace(/`/g, "'")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n|\r/g, " ")}\``;
}
