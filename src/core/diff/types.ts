import type { EvmChange, EvmCrossing } from "./evm.js";
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

/** Whether a side validates (`pmo validate`): a diff of a side that does not is not to be trusted. */
export interface SideValidity {
  /** The side as named on the command line (`main...HEAD`, `working tree`). */
  label: string;
  valid: boolean;
  /** Its validation errors (YAML syntax, schema, integrity), positions at that side. */
  errors: FindingChange[];
  /** How many files hold them. */
  files: number;
  /**
   * Entities present on the other side whose file does not parse at this side: left out of the
   * comparison instead of being reported as removed (or new).
   */
  unreadable: { kind: string; id: string; file: string }[];
}

/** The engagement's status scale on one side. */
export interface ScaleInfo {
  name: string;
  values: readonly string[];
}

/** A project's overall status that changed, with why it is or is not a movement. */
export interface StatusMove {
  id: string;
  name?: string;
  from?: string;
  to?: string;
  /** Worse or better on the scale; absent when the change is not a movement on one scale. */
  direction?: Direction;
  /** Why there is no direction: the status scale changed, the project is no longer (or now) rated. */
  reason?: "scale-changed" | "no-longer-rated" | "now-rated";
  /** The project's finish slip (days, later is positive) and forecast change, when they changed too. */
  finishDays?: number;
  forecastDelta?: number;
  currency?: string;
}

/** A date of a project that moved: its finish (forecast, else baseline) or one of its milestones. */
export interface DateMove {
  id: string;
  name?: string;
  /** The milestone's id; absent for the project's finish. */
  milestone?: string;
  milestoneName?: string;
  from: string;
  to: string;
  /** Later is positive. */
  days: number;
  /** Against the baseline, after the change (milestones, and finishes with a baseline). */
  baselineDays?: number;
}

/** A sum of forecast cost over some projects, and how many projects were known. */
export interface MoneyPart {
  /** Projects in this part whose amount is known (and summed). */
  projects: number;
  amount: number;
  /** Projects in this part whose amount is not known, left out of `amount`. */
  unknown?: number;
}

/**
 * The change of the total forecast cost of one currency, split so that it reads like for like:
 * the projects on both sides with a forecast on both; the projects joining and leaving; the
 * forecasts that became unknown (or known). A project that does not validate on a side is
 * left out and counted in `notCompared`.
 */
export interface MoneySplit {
  currency: string;
  likeForLike: { projects: number; before: number; after: number; delta: number; percent?: number };
  joined: MoneyPart;
  left: MoneyPart;
  /** Forecast known at base, unknown at head: `amount` is the base amount no longer counted. */
  newlyUnknown: MoneyPart;
  /** Forecast unknown at base, known at head: `amount` is the head amount now counted. */
  newlyKnown: MoneyPart;
  /** Projects left out because they do not validate on a side. */
  notCompared: number;
  total: { before: number; after: number; delta: number; percent?: number };
}

/** A project's forecast over its approved budget that grew: `15% -> 25%`. */
export interface OverrunGrowth {
  id: string;
  name?: string;
  currency: string;
  /** Overrun against the approved budget, in percent, before and after. */
  from: number;
  to: number;
  approved: number;
  forecast: number;
  /** The engagement's budget tolerance (percent), and whether the change crossed it. */
  tolerance: number;
  crossedTolerance: boolean;
}

/** The findings of one rule (at one severity) introduced and resolved. */
export interface FindingGroup {
  ruleId: string;
  severity: Severity;
  introduced: number;
  resolved: number;
  /** Distinct entities (or files) the introduced findings are about. */
  entities: number;
}

/** A project whose place in its portfolio's ranking (`pmo rank`) changed, or that crossed the funding cut line. */
export interface RankMove {
  portfolio: string;
  id: string;
  name?: string;
  fromRank: number;
  toRank: number;
  fromScore?: number;
  toScore?: number;
  /** `funded`, `below-line`, `cost-unknown` or `no-envelope`, as `pmo rank` says. */
  fromFunding: string;
  toFunding: string;
  /** Set when the project crossed the cut line. */
  crossedCutLine?: "now below" | "now funded";
}

/** What a decision-maker reads first: worsened projects, status changes, slips, money, findings by rule. */
export interface DiffDecision {
  /** Set when the two sides use different status scales: their status changes are not movements. */
  statusScale?: { from: ScaleInfo; to: ScaleInfo };
  /** Projects whose overall status worsened, worst first (by steps, then id). */
  worsened: StatusMove[];
  /** Every other change of a project's overall status: improved, no longer or now rated, on a changed scale. */
  statusChanges: StatusMove[];
  /** Project finishes that moved later, largest first; and earlier. */
  finishSlips: DateMove[];
  finishPullIns: DateMove[];
  /** Milestones whose forecast moved later, largest first. */
  milestoneSlips: DateMove[];
  money: MoneySplit[];
  overruns: OverrunGrowth[];
  /** Rank changes in each portfolio's prioritisation, cut-line crossings first. */
  ranks: RankMove[];
  /**
   * Set when the rankings are not compared, saying why ("the ranking is not compared: 1 file on
   * typo does not parse"): `ranks` is then empty.
   */
  ranksNotCompared?: string;
  findings: FindingGroup[];
}

export interface DiffSummary {
  entities: { added: number; removed: number; modified: number; renamed: number };
  projects: { worsened: number; improved: number; added: number; removed: number };
  milestones: {
    slipped: number;
    maxSlipDays: number;
    pulledIn: number;
    completed: number;
    added: number;
    removed: number;
  };
  /** Total forecast cost of all projects, one entry per currency whose total changed. */
  forecast: MoneyDelta[];
  /** Projects whose CPI or SPI crossed 1.00 or 0.90, or whose EAC crossed the budget (judged at the diff's --as-of). */
  evm: EvmCrossing[];
  /** The other CPI, SPI and EAC changes, crossing no threshold (DiffResult.evm lists them all). */
  evmChanged: number;
  risks: { added: number; closed: number; rescored: number; newHigh: number };
  findings: { introduced: number; resolved: number; introducedBySeverity: Record<Severity, number> };
  /** Whether each side validates, with its count of validation errors. */
  validity: { base: { valid: boolean; errors: number }; head: { valid: boolean; errors: number } };
  /** True when the sides use different status scales. */
  statusScaleChanged: boolean;
  /** Overall status changes that are not movements on one scale (scale changed, no longer or now rated). */
  statusChanges: number;
  /** Project finishes (forecast, else baseline) that moved. */
  finishes: { slipped: number; maxSlipDays: number; pulledIn: number };
  /** The forecast change split like for like, joined, left, newly unknown (per currency). */
  money: MoneySplit[];
  /** Projects whose overrun against the approved budget grew. */
  overrunsGrown: number;
  /** Projects whose rank changed in their portfolio's prioritisation, and those that crossed the cut line. */
  ranks: { changed: number; nowBelowCutLine: number; nowFunded: number };
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
  /** Every change of a project's CPI, SPI or EAC, each with the threshold it crossed or null (judged at the diff's --as-of). */
  evm: EvmChange[];
  /** Whether each side validates, and what was left out because it could not be read. */
  validity: { base: SideValidity; head: SideValidity };
  /** The decision-first view: worsened projects, status changes, slips, money, findings by rule. */
  decision: DiffDecision;
}
