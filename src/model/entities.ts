/**
 * The pmo/v1 document kinds as TypeScript types. They mirror schemas/*.schema.json (the schemas
 * are the contract; a test keeps the const arrays below in step with their enums). Values are
 * what a document holds after schema validation, before reference integrity is checked.
 */

/** Keys starting with `x-` are the extension namespace, allowed on every object. */
export type Extensions = { [key: `x-${string}`]: unknown };

/** An ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** An id of another document (unique across the repository). */
export type Id = string;
/** A person id when the repository has a roster, otherwise a free-text name. */
export type PersonRef = string;
/** An ISO 4217 currency code such as `EUR`. */
export type CurrencyCode = string;
/** A value of the engagement's status scale (lower-kebab-case). */
export type StatusValue = string;
/** `M2` (same project) or `PRJ-002/M3` (another project). */
export type MilestoneRef = string;

export interface DocumentHeader<K extends string> extends Extensions {
  apiVersion: "pmo/v1";
  kind: K;
  id: Id;
}

// ---------------------------------------------------------------- enumerations

export const STATUS_SCALES = {
  rag: ["green", "amber", "red"],
  dca5: ["green", "amber-green", "amber", "amber-red", "red"],
} as const;
/** Names of the built-in status scales. */
export const STATUS_SCALE_NAMES = ["rag", "dca5"] as const;
/**
 * The status value every scale accepts for "no rating": not assessed, or assessed and withheld.
 * It is not on the scale's order: it is neither green nor red, and a change to or from it is
 * not a movement. A custom scale may declare more such values (`assessed: false`).
 */
export const NOT_ASSESSED = "not-assessed";
export type StatusScaleName = (typeof STATUS_SCALE_NAMES)[number];
export type RagValue = (typeof STATUS_SCALES.rag)[number];
export type Dca5Value = (typeof STATUS_SCALES.dca5)[number];

export const PMO_TYPES = ["strategic", "tactical", "operational", "project"] as const;
export type PmoType = (typeof PMO_TYPES)[number];

export const ENGAGEMENT_PHASES = ["preparation", "design", "deployment", "monitoring"] as const;
export type EngagementPhase = (typeof ENGAGEMENT_PHASES)[number];

export const PMO_SERVICES = [
  "portfolio-management",
  "project-management-support",
  "project-delivery",
  "governance",
  "reporting",
  "analysis",
] as const;
export type PmoService = (typeof PMO_SERVICES)[number];

export const CADENCES = ["weekly", "fortnightly", "monthly", "quarterly"] as const;
export type Cadence = (typeof CADENCES)[number];

export const REPORT_FORMATS = ["markdown", "html", "pdf", "csv", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const RISK_APPETITES = ["low", "moderate", "high"] as const;
export type RiskAppetite = (typeof RISK_APPETITES)[number];

export const KPI_DIRECTIONS = ["higher-is-better", "lower-is-better"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** Project lifecycle stages, in lifecycle order (closed and cancelled are both terminal). */
export const STAGES = ["proposal", "initiation", "planning", "delivery", "closure", "closed", "cancelled"] as const;
export type Stage = (typeof STAGES)[number];

export const DEPENDENCY_TYPES = ["finish-to-start", "start-to-start", "finish-to-finish", "start-to-finish"] as const;
export type DependencyType = (typeof DEPENDENCY_TYPES)[number];

/** Link types between schedule items (milestone `dependsOn` entries). */
export const LINK_TYPES = ["finish-to-start", "start-to-start", "finish-to-finish", "start-to-finish"] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** What the engagement's schedule durations and lags count. */
export const SCHEDULE_DAYS = ["calendar", "working"] as const;
export type ScheduleDays = (typeof SCHEDULE_DAYS)[number];

export const WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export const CONTRIBUTION_STRENGTHS = ["high", "medium", "low"] as const;
export type ContributionStrength = (typeof CONTRIBUTION_STRENGTHS)[number];

export const BENEFIT_STATUSES = ["planned", "on-track", "at-risk", "realised", "not-realised"] as const;
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];

export const GATE_OUTCOMES = ["approved", "rejected", "deferred"] as const;
export type GateOutcome = (typeof GATE_OUTCOMES)[number];

export const RISK_TYPES = ["threat", "opportunity"] as const;
export type RiskType = (typeof RISK_TYPES)[number];

export const RISK_STATUSES = ["open", "closed", "occurred"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Response strategies open to a threat. */
export const THREAT_RESPONSES = ["avoid", "mitigate", "transfer", "accept", "escalate"] as const;
/** Response strategies open to an opportunity. */
export const OPPORTUNITY_RESPONSES = ["exploit", "enhance", "share", "accept", "escalate"] as const;
export const RISK_RESPONSES = [
  "avoid",
  "mitigate",
  "transfer",
  "accept",
  "escalate",
  "exploit",
  "enhance",
  "share",
] as const;
export type RiskResponse = (typeof RISK_RESPONSES)[number];

export const MITIGATION_STATUSES = ["planned", "in-progress", "done"] as const;
export type MitigationStatus = (typeof MITIGATION_STATUSES)[number];

export const ISSUE_STATUSES = ["open", "in-progress", "resolved", "closed"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ISSUE_PRIORITIES = ["low", "medium", "high", "critical"] as const;
export type IssuePriority = (typeof ISSUE_PRIORITIES)[number];

export const DECISION_STATUSES = ["proposed", "approved", "rejected", "deferred", "superseded"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const APPROVAL_TYPES = ["stage-gate", "rebaseline", "budget-change", "scope-change", "other"] as const;
export type ApprovalType = (typeof APPROVAL_TYPES)[number];

// ---------------------------------------------------------------- shared shapes

export interface MoneyEstimate extends Extensions {
  currency?: CurrencyCode;
  min: number;
  mostLikely: number;
  max: number;
}

/** Durations in calendar days. */
export interface DaysEstimate extends Extensions {
  min: number;
  mostLikely: number;
  max: number;
}

/** A duration in the engagement's schedule days. */
export interface DurationEstimate extends Extensions {
  optimistic: number;
  mostLikely: number;
  pessimistic: number;
}

export interface DateEstimate extends Extensions {
  optimistic: IsoDate;
  mostLikely: IsoDate;
  pessimistic: IsoDate;
}

// ---------------------------------------------------------------- Engagement

/** The PMO's message for one reporting period, on a portfolio or the engagement. */
export interface StatusMessage extends Extensions {
  asOf: IsoDate;
  text: string;
  author?: PersonRef;
}

export interface CustomStatusValue extends Extensions {
  value: StatusValue;
  label: string;
  color?: string;
  /** false: the value says the status was not assessed or was withheld; it is not a rating. */
  assessed?: boolean;
}

/** A built-in scale name, or a custom scale listed best first. */
export type StatusScale = StatusScaleName | CustomStatusValue[];

export interface EngagementObjective extends Extensions {
  id: Id;
  description: string;
  measure?: string;
  target?: string | number;
}

export interface ReportAudience extends Extensions {
  /** What `pmo report --audience` calls it; the name in lower case with dashes when omitted. */
  id?: string;
  name: string;
  cadence?: Cadence;
  formats?: ReportFormat[];
  sections?: AudienceSection[];
  dashboard?: "full" | "exceptions";
  projects?: "all" | "exceptions";
}

/** The sections of a report an audience may get. */
export const AUDIENCE_SECTIONS = [
  "dashboard",
  "tables",
  "risks",
  "roadmap",
  "decisions",
  "issues",
  "benefits",
  "dependencies",
  "portfolios",
  "engagement",
  "projects",
] as const;
export type AudienceSection = (typeof AUDIENCE_SECTIONS)[number];

export interface Forum extends Extensions {
  id: Id;
  name: string;
  chair?: PersonRef;
  cadence?: Cadence;
  members?: PersonRef[];
}

export interface RiskSettings extends Extensions {
  /** Maximum value of each axis; both default to 5. */
  scale?: { probability: number; impact: number } & Extensions;
  highThreshold?: number;
  criticalThreshold?: number;
  appetite?: RiskAppetite;
  reviewDays?: number;
}

export interface Kpi extends Extensions {
  id: Id;
  name: string;
  target: number;
  unit?: string;
  direction?: KpiDirection;
  measure?: string;
}

export interface Contact extends Extensions {
  name: string;
  role: string;
  email?: string;
  /** Id of the contact's Person document. */
  person?: Id;
}

export interface Engagement extends DocumentHeader<"Engagement"> {
  name: string;
  description?: string;
  client: { name: string; sector?: string; country?: string } & Extensions;
  provider: { name: string; contact?: PersonRef } & Extensions;
  pmoType: PmoType[];
  phase: {
    current: EngagementPhase;
    since: IsoDate;
    plan?: ({ phase: EngagementPhase; start: IsoDate; end: IsoDate } & Extensions)[];
  } & Extensions;
  scope: { services: PmoService[]; excluded?: PmoService[]; notes?: string } & Extensions;
  objectives?: EngagementObjective[];
  reporting?: {
    cadence: Cadence;
    statusValidityDays?: number;
    audiences?: ReportAudience[];
    formats?: ReportFormat[];
  } & Extensions;
  /** The PMO's status message to the board for the current period. */
  message?: StatusMessage;
  governance?: {
    forums?: Forum[];
    tolerances?: { budgetPercent?: number; schedulePercent?: number; scheduleDays?: number } & Extensions;
    risk?: RiskSettings;
  } & Extensions;
  /** How the schedule network counts time; calendar days when omitted. */
  scheduling?: {
    days?: ScheduleDays;
    workingWeekdays?: WeekdayName[];
    nonWorkingDates?: IsoDate[];
    /** How `pmo forecast` samples three-point estimates; PERT-beta when omitted. */
    distribution?: "pert" | "triangular";
    /** Groups of milestones whose estimates vary together (Spearman rank correlation). */
    correlations?: ({ milestones: string[]; coefficient: number; description?: string } & Extensions)[];
  } & Extensions;
  kpis?: Kpi[];
  reviews?: { last?: IsoDate; next?: IsoDate } & Extensions;
  contacts?: Contact[];
  currency: CurrencyCode;
  /** Defaults to `rag`. */
  statusScale?: StatusScale;
}

// ---------------------------------------------------------------- Portfolio

export interface PortfolioObjective extends Extensions {
  id: Id;
  name: string;
  /** Percent. */
  weight: number;
  description?: string;
  measure?: string;
}

export interface PrioritisationCriterion extends Extensions {
  id: Id;
  name: string;
  /** Percent. */
  weight: number;
  description?: string;
  /** `scores` (default): the project's score; `alignment`: computed from its contributions. */
  source?: CriterionSource;
}

export const CRITERION_SOURCES = ["scores", "alignment"] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];

export const PRIORITISATION_METHOD_NAMES = ["weighted-sum", "wsjf"] as const;
export type PrioritisationMethodName = (typeof PRIORITISATION_METHOD_NAMES)[number];

export const FUNDING_ORDER_NAMES = ["committed-first", "rank"] as const;
export type FundingOrderName = (typeof FUNDING_ORDER_NAMES)[number];

export interface Prioritisation extends Extensions {
  /** Defaults to `weighted-sum`. */
  method?: PrioritisationMethodName;
  /** Defaults to 1 to 5. */
  scale?: { min: number; max: number } & Extensions;
  criteria?: PrioritisationCriterion[];
  /** Points per contribution strength for an `alignment` criterion. */
  alignment?: { high?: number; medium?: number; low?: number } & Extensions;
  /** Defaults to `committed-first`. */
  fundingOrder?: FundingOrderName;
}

export interface Portfolio extends DocumentHeader<"Portfolio"> {
  name: string;
  description?: string;
  owner: PersonRef;
  parent?: Id;
  objectives?: PortfolioObjective[];
  budget?: {
    currency?: CurrencyCode;
    envelope: number;
    period?: { start: IsoDate; end: IsoDate } & Extensions;
  } & Extensions;
  /** The portfolio's status message for the current period. */
  message?: StatusMessage;
  prioritisation?: Prioritisation;
}

// ---------------------------------------------------------------- Project

export interface ProjectSchedule extends Extensions {
  baselineStart?: IsoDate;
  baselineFinish?: IsoDate;
  forecastStart?: IsoDate;
  forecastFinish?: IsoDate;
  actualStart?: IsoDate;
  actualFinish?: IsoDate;
}

export interface ProjectBudget extends Extensions {
  currency?: CurrencyCode;
  approved?: number;
  baseline?: number;
  actual?: number;
  forecast?: number;
}

/** The dimensions of a status report, each a value of the status scale. */
export const STATUS_DIMENSIONS = ["overall", "schedule", "budget", "scope", "resources", "quality"] as const;
export type StatusDimension = (typeof STATUS_DIMENSIONS)[number];

export interface ProjectStatus extends Extensions {
  asOf: IsoDate;
  overall: StatusValue;
  schedule?: StatusValue;
  budget?: StatusValue;
  scope?: StatusValue;
  resources?: StatusValue;
  quality?: StatusValue;
  /** Why each dimension has its status and what is being done (the overall status has `summary`). */
  comments?: { schedule?: string; budget?: string; scope?: string; resources?: string; quality?: string } & Extensions;
  summary?: string;
  achievements?: string[];
  nextSteps?: string[];
  recoveryPlan?: string;
  escalation?: { to: PersonRef; date?: IsoDate; note?: string } & Extensions;
}

/** A typed dependency: the predecessor, the link type (finish-to-start by default) and a lag in schedule days. */
export interface MilestoneLink extends Extensions {
  milestone: MilestoneRef;
  type?: LinkType;
  lag?: number;
}

export interface Milestone extends Extensions {
  id: string;
  name: string;
  /** Makes the item an activity: its duration in the engagement's schedule days. */
  duration?: number;
  baseline?: IsoDate;
  forecast?: IsoDate;
  /** When work on an activity actually started. */
  actualStart?: IsoDate;
  actual?: IsoDate;
  estimate?: DateEstimate;
  durationEstimate?: DurationEstimate;
  /** A reference (finish-to-start, no lag) or a typed link. */
  dependsOn?: (MilestoneRef | MilestoneLink)[];
}

export interface ProjectDependency extends Extensions {
  project: Id;
  type?: DependencyType;
  description?: string;
}

export interface Contribution extends Extensions {
  objective: Id;
  strength?: ContributionStrength;
  note?: string;
}

export interface Benefit extends Extensions {
  id: Id;
  name: string;
  owner?: PersonRef;
  measure?: string;
  unit?: string;
  planned?: number;
  realised?: number;
  plannedDate?: IsoDate;
  realisedDate?: IsoDate;
  status?: BenefitStatus;
}

export interface Gate extends Extensions {
  stage: Stage;
  date: IsoDate;
  decision?: Id;
  outcome?: GateOutcome;
}

/** How earned value is measured (see docs/evm.md). */
export const EV_METHODS = ["percent-complete", "milestones", "0-100", "50-50"] as const;
export type EvMethod = (typeof EV_METHODS)[number];

/** How the planned value is spread over time (see docs/evm.md). */
export const PV_CURVES = ["periods", "milestones", "linear"] as const;
export type PvCurve = (typeof PV_CURVES)[number];

/** One reporting period of the earned value plan: cumulative amounts at the period's end date. */
export interface EarnedValuePeriod extends Extensions {
  period: IsoDate;
  /** Cumulative planned value by the end of the period. */
  planned?: number;
  /** Cumulative actual cost by the end of the period. */
  actual?: number;
}

/** The project's earned value plan: planned value over time, how value is earned, actual cost per period. */
export interface EarnedValuePlan extends Extensions {
  /** Defaults to `percent-complete`. */
  method?: EvMethod;
  /** Without it the planned value is unknown (and so SV, SPI and earned schedule). */
  plannedValue?: PvCurve;
  periods?: EarnedValuePeriod[];
  /** Milestone id -> the value planned (and earned) when it is reached. */
  milestones?: Record<string, number>;
}

export interface Project extends DocumentHeader<"Project"> {
  name: string;
  description?: string;
  portfolio?: Id;
  sponsor?: PersonRef;
  manager?: PersonRef;
  stage: Stage;
  schedule?: ProjectSchedule;
  budget?: ProjectBudget;
  percentComplete?: number;
  status?: ProjectStatus;
  milestones?: Milestone[];
  dependencies?: ProjectDependency[];
  contributions?: Contribution[];
  benefits?: Benefit[];
  gates?: Gate[];
  /** Prioritisation criterion id -> score. */
  scores?: Record<string, number>;
  /** Weighted shortest job first inputs (relative estimates). */
  wsjf?: { businessValue?: number; timeCriticality?: number; riskReduction?: number; jobSize?: number } & Extensions;
  /** Projects of a portfolio sharing a group are alternatives: at most one is funded. */
  exclusiveGroup?: string;
  closure?: { date?: IsoDate; lessonsLearned?: string[]; report?: string } & Extensions;
  tags?: string[];
  earnedValue?: EarnedValuePlan;
}

// ---------------------------------------------------------------- RAID

export interface Mitigation extends Extensions {
  action: string;
  owner?: PersonRef;
  due?: IsoDate;
  status?: MitigationStatus;
}

export interface Risk extends DocumentHeader<"Risk"> {
  title: string;
  description?: string;
  /** At most one of project and portfolio; neither means the engagement. */
  project?: Id;
  portfolio?: Id;
  /** Defaults to `threat`. */
  type?: RiskType;
  category?: string;
  probability: number;
  impact: number;
  owner?: PersonRef;
  status: RiskStatus;
  response?: RiskResponse;
  mitigations?: Mitigation[];
  raised?: IsoDate;
  lastReviewed?: IsoDate;
  closed?: IsoDate;
  proximity?: IsoDate;
  costImpact?: MoneyEstimate;
  scheduleImpact?: DaysEstimate;
  /** Chance of occurring, in percent, for quantitative schedule analysis. */
  probabilityPercent?: number;
  /** Milestones the schedule impact pushes if the risk occurs. */
  milestones?: MilestoneRef[];
}

export interface Issue extends DocumentHeader<"Issue"> {
  title: string;
  description?: string;
  project?: Id;
  portfolio?: Id;
  owner?: PersonRef;
  raised: IsoDate;
  status: IssueStatus;
  priority?: IssuePriority;
  /** What the issue affects, in words. */
  impact?: string;
  due?: IsoDate;
  resolved?: IsoDate;
  /** The Risk that occurred. */
  risk?: Id;
  escalatedTo?: PersonRef;
}

/** One option put to the decision-maker; `amount` is in the decision's currency. */
export interface DecisionOption extends Extensions {
  id: string;
  title: string;
  description?: string;
  amount?: number;
}

export interface Decision extends DocumentHeader<"Decision"> {
  title: string;
  description?: string;
  project?: Id;
  portfolio?: Id;
  status: DecisionStatus;
  /** The date by which the decision is needed. */
  due?: IsoDate;
  /** The money at stake; the currency defaults to the project's (or portfolio's) budget currency, else the engagement's. */
  amount?: { value: number; currency?: CurrencyCode } & Extensions;
  options?: DecisionOption[];
  recommendation?: { option?: string; by?: PersonRef; rationale?: string } & Extensions;
  /** An approved decision should record it (a `pmo check` rule, not a schema requirement). */
  decidedBy?: PersonRef;
  /** An approved decision should record it (a `pmo check` rule, not a schema requirement). */
  date?: IsoDate;
  /** An engagement governance forum id. */
  forum?: Id;
  /** `baselines`: for a rebaseline, the new baseline date by milestone id, and `finish` for the project's finish; `baselineName`: the baseline (git tag pmo-baseline/<name>) it creates. */
  approves?: {
    type: ApprovalType;
    stage?: Stage;
    milestones?: string[];
    baselines?: Record<string, IsoDate>;
    baselineName?: string;
  } & Extensions;
  rationale?: string;
  supersedes?: Id;
}

export interface Person extends DocumentHeader<"Person"> {
  name: string;
  email?: string;
  role?: string;
  organisation?: string;
}

/** Any pmo/v1 document, discriminated by `kind`. */
export type Entity = Engagement | Portfolio | Project | Risk | Issue | Decision | Person;
