import type { EvmCrossing } from "./evm.js";
import type { Severity } from "../../model/diagnostic.js";

/** What happened to an entity between base and head. */
export type ChangeType = "added" | "removed" | "modified" | "renamed";

/** Whether a change made things better or worse (status, risk score). */
export type Direction = "worsened" | "improved";

/** The kinds of detail a change lists, in the domain's words (docs/diff.md). */
export type DetailType =
  | "status"
  | "status-report"
  | "stage"
  | "progress"
  | "budget"
  | "schedule"
  | "milestone-slipped"
  | "milestone-pulled-in"
  | "milestone-completed"
  | "milestone-added"
  | "milestone-removed"
  | "milestone-rebaselined"
  | "risk-score"
  | "risk-status"
  | "owner"
  | "portfolio"
  | "contribution"
  | "objective"
  | "weight"
  | "field";

/** One thing that changed about an entity. `text` says it in words; the rest is for machines. */
export interface Detail {
  type: DetailType;
  /** Dotted path of the field, milestones and objectives by id: `milestones.M3.forecast`. */
  field: string;
  text: string;
  from?: unknown;
  to?: unknown;
  direction?: Direction;
  /** Days of slip (positive) or pull-in (negative) against the previous forecast. */
  days?: number;
  /** Days against the baseline, after the change. */
  baselineDays?: number;
  /** Money: the change in the entity's currency, and as a percentage of the old amount. */
  currency?: string;
  delta?: number;
  percent?: number;
  /** Risk scores (probability x impact) before and after. */
  scoreFrom?: number;
  scoreTo?: number;
  /** Projects an objective or weight change affects. */
  affects?: string[];
}

export interface EntityChange {
  kind: string;
  id: string;
  change: ChangeType;
  /** The id before a rename. */
  previousId?: string;
  name?: string;
  /** The file that holds the entity (at head; at base for a removed one). */
  file: string;
  /** The file at base, when the entity moved to another file. */
  previousFile?: string;
  /** For projects: overall status better or worse; for risks: score up or down. */
  direction?: Direction;
  details: Detail[];
}

/** A governance finding as the diff reports it. */
export interface FindingChange {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  pointer: string;
  entity?: string;
}

export interface MoneyDelta {
  currency: string;
  before: number;
  after: number;
  delta: number;
  /** Relative to `before`; absent when before is 0. */
  percent?: number;
}

export interface DiffSummary {
  entities: { added: number; removed: number; modified: number; renamed: number };
  projects: { worsened: number; improved: number; added: number; removed: number };
  milestones: { slipped: number; maxSlipDays: number; pulledIn: number; completed: number; added: number; removed: number };
  /** Total forecast cost of all projects, one entry per currency whose total changed. */
  forecast: MoneyDelta[];
  /** Projects whose CPI or SPI crossed 1.00 or 0.90, or whose EAC crossed the budget (judged at the diff's --as-of). */
  evm: EvmCrossing[];
  risks: { added: number; closed: number; rescored: number; newHigh: number };
  findings: { introduced: number; resolved: number; introducedBySeverity: Record<Severity, number> };
  /** The one-line summary, in the manner of `terraform plan`. */
  text: string;
}

/** A slip and what it pushes downstream through the schedule network's links. */
export interface SlipPropagation {
  /** The milestone whose own date moved later (`PRJ-002/M3`). */
  key: string;
  days: number;
  /** Items whose network date moved as a result: by how much, and the float that absorbed the rest. */
  pushes: { key: string; days: number; float: number }[];
}

export interface DiffResult {
  base: string;
  head: string;
  summary: DiffSummary;
  changes: EntityChange[];
  findings: { introduced: FindingChange[]; resolved: FindingChange[] };
  /** Slip propagation through the schedule network (judged at the diff's --as-of). */
  schedule: SlipPropagation[];
}
