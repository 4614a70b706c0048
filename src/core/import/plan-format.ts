/**
 * The plan of a sync import as the user reads it: every change before it is made (as
 * `terraform plan` shows one), and the same plan as JSON for scripts and pull-request bots.
 */
import type { Palette } from "../format/index.js";
import type { FieldChange, SyncPlan } from "./sync.js";

export interface PlanContext {
  /** The sheet as shown: file, encoding, delimiter. */
  source: string;
  kind: string;
  key: readonly string[];
  rows: number;
  blankRows: number;
  filteredRows: number;
  /** Output folder as shown. */
  out: string;
  /** File (as shown) by planned document id. */
  files: ReadonlyMap<string, string>;
  missing: "report" | "close" | "remove";
  dryRun: boolean;
}

/** A value in a plan line: JSON for text (so blanks and spaces show), as is for numbers. */
function shown(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value);
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

function changeLine(c: FieldChange): string {
  return `${c.path}: ${shown(c.before)} -> ${shown(c.after)}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatPlanText(plan: SyncPlan, ctx: PlanContext, out: Palette): string {
  const lines: string[] = [];
  const kind = ctx.kind.toLowerCase();
  lines.push(
    `${out.bold("plan")} for ${ctx.source}: ${plural(ctx.rows, "row")} as ${ctx.kind} documents in ${ctx.out}/, matched by ${ctx.key.join(", then ")}`,
  );
  for (const p of plan.parents)
    lines.push(`  ${out.green("+")} ${p.kind.toLowerCase()} ${p.id} ${out.dim(`(${ctx.files.get(p.id) ?? ""})`)}`);
  for (const c of plan.created) {
    lines.push(`  ${out.green("+")} ${c.id} ${out.dim(`(row ${c.row}, ${ctx.files.get(c.id) ?? ""})`)}`);
    if (c.renamedFrom !== undefined)
      lines.push(`      ${out.dim(`(the id ${c.renamedFrom} is taken by another ${kind})`)}`);
  }
  for (const u of plan.updated) {
    lines.push(`  ${out.yellow("~")} ${u.id} ${out.dim(`(row ${u.row}, ${u.file})`)}`);
    for (const c of u.changes) lines.push(`      ${changeLine(c)}`);
  }
  for (const m of plan.missing) {
    const what =
      m.action === "report"
        ? "no longer in the sheet"
        : m.action === "close"
          ? "no longer in the sheet: closed"
          : "no longer in the sheet: removed";
    lines.push(
      `  ${out.red(m.action === "remove" ? "-" : m.action === "close" ? "~" : "?")} ${m.id}${m.name !== undefined ? ` ${JSON.stringify(m.name)}` : ""} ${out.dim(`(${m.file}, ${what})`)}`,
    );
    for (const c of m.changes) lines.push(`      ${changeLine(c)}`);
  }
  for (const r of plan.rejected) {
    const where = [`line ${r.line}`, ...(r.key !== undefined ? [`key ${JSON.stringify(r.key)}`] : [])].join(", ");
    lines.push(`  ${out.red("!")} row ${r.row} ${out.dim(`(${where})`)}: ${r.reasons[0]}`);
    for (const reason of r.reasons.slice(1)) lines.push(`      ${reason}`);
    if (r.document !== undefined)
      lines.push(`      ${out.dim(`${r.document.id} (${r.document.file}) keeps the values of an earlier import`)}`);
  }
  const parts = [
    `${plan.created.length} to create`,
    `${plan.updated.length} to update`,
    `${plan.unchanged.length} unchanged`,
    `${plan.rejected.length} rejected`,
    `${plan.missing.length} no longer in the sheet (${ctx.missing === "report" ? "reported, kept as they are" : ctx.missing === "close" ? "closed" : "removed"})`,
  ];
  const extra = [
    plan.parents.length > 0 ? `${plural(plan.parents.length, "parent")} to create` : "",
    plan.missingClosed > 0 ? `${plan.missingClosed} closed earlier and still absent` : "",
    ctx.filteredRows > 0 ? `${plural(ctx.filteredRows, "row")} left out by the row filters` : "",
    ctx.blankRows > 0 ? `${plural(ctx.blankRows, "blank row")} skipped` : "",
  ].filter((s) => s !== "");
  lines.push(`${out.bold("Plan:")} ${parts.join(", ")}${extra.length > 0 ? `; ${extra.join(", ")}` : ""}.`);
  if (plan.missing.length > 0 && ctx.missing === "report")
    lines.push(out.dim(`--missing close sets their stage to closed; --missing remove deletes them.`));
  return `${lines.join("\n")}\n`;
}

export function planJson(plan: SyncPlan, ctx: PlanContext, written: boolean): unknown {
  return {
    source: ctx.source,
    kind: ctx.kind,
    key: ctx.key,
    out: ctx.out,
    rows: ctx.rows,
    blankRows: ctx.blankRows,
    filteredRows: ctx.filteredRows,
    missingAction: ctx.missing,
    written,
    summary: {
      created: plan.created.length,
      updated: plan.updated.length,
      unchanged: plan.unchanged.length,
      rejected: plan.rejected.length,
      missing: plan.missing.length,
      missingClosedEarlier: plan.missingClosed,
      parents: plan.parents.length,
    },
    parents: plan.parents.map((p) => ({ kind: p.kind, id: p.id, row: p.row, file: ctx.files.get(p.id) })),
    created: plan.created.map((c) => ({
      row: c.row,
      key: c.key,
      id: c.id,
      file: ctx.files.get(c.id),
      ...(c.renamedFrom !== undefined && { renamedFrom: c.renamedFrom }),
    })),
    updated: plan.updated.map((u) => ({ row: u.row, key: u.key, id: u.id, file: u.file, changes: u.changes })),
    unchanged: plan.unchanged.map((u) => ({ row: u.row, key: u.key, id: u.id, file: u.file })),
    rejected: plan.rejected.map((r) => ({
      row: r.row,
      line: r.line,
      ...(r.key !== undefined && { key: r.key }),
      reasons: r.reasons,
      ...(r.document !== undefined && { keeps: r.document }),
    })),
    missing: plan.missing.map((m) => ({
      id: m.id,
      ...(m.name !== undefined && { name: m.name }),
      file: m.file,
      action: m.action,
    })),
  };
}
