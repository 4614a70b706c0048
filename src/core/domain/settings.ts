import type { Cadence, Engagement } from "../../model/entities.js";
import { NOT_ASSESSED, STATUS_SCALES } from "../../model/entities.js";
import type { Config } from "../config/index.js";

export const RISK_BANDS = ["low", "medium", "high", "critical"] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** Thresholds a config may set (`thresholds:` in pmo.config.yaml), used where the engagement is silent. */
export interface Thresholds {
  budgetTolerancePercent?: number;
  scheduleToleranceDays?: number;
  scheduleTolerancePercent?: number;
  reportingCadence?: Cadence;
  statusValidityDays?: number;
  riskMediumThreshold?: number;
  riskHighThreshold?: number;
  riskCriticalThreshold?: number;
  riskReviewDays?: number;
}

/** A probability x impact grid of bands, first row probability 1: `riskMatrix.cells` in the config. */
export interface RiskMatrix {
  cells?: RiskBand[][];
}

/** Every number and scale a rule judges by, resolved once from the engagement, the config and defaults. */
export interface Settings {
  currency: string;
  /**
   * Status values, best first, and the values that say "no rating" (not assessed or withheld:
   * `not-assessed` on every scale, and a custom scale's values declared `assessed: false`).
   */
  statusScale: { name: string; values: readonly string[]; notAssessed: readonly string[] };
  /** 0 for the best status value, growing as it worsens; -1 when not on the scale (and for a "no rating" value). */
  statusRank(value: string | undefined): number;
  /** True for a value that says the status was not assessed or was withheld. */
  isNotAssessed(value: string | undefined): boolean;
  isGreen(value: string | undefined): boolean;
  isRed(value: string | undefined): boolean;
  budgetTolerancePercent: number;
  scheduleToleranceDays: number;
  /** Schedule tolerance as a share of the planned duration, when set (either limit breaches). */
  scheduleTolerancePercent: number | undefined;
  reportingCadence: Cadence | undefined;
  /** A status report older than this many days is stale. */
  statusValidityDays: number;
  risk: {
    probabilityMax: number;
    impactMax: number;
    mediumThreshold: number;
    highThreshold: number;
    criticalThreshold: number;
    /** An open risk should be reviewed at least this often. */
    reviewDays: number;
    band(probability: number, impact: number): RiskBand;
  };
  /** Where each value came from, for messages and `pmo check --explain-settings`. */
  sources: Record<string, "engagement" | "config" | "default">;
}

export const DEFAULTS = {
  budgetTolerancePercent: 10,
  scheduleToleranceDays: 30,
  riskMediumThreshold: 6,
  riskHighThreshold: 15,
  riskCriticalThreshold: 20,
  riskReviewDays: 30,
  statusValidityDays: 14,
} as const;

const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, fortnightly: 14, monthly: 31, quarterly: 92 };

/**
 * The engagement is the agreed governance, so its values win; the config fills in what the
 * engagement does not say; built-in defaults come last. A status report stays valid for one
 * reporting period (plus nothing: a weekly report older than 7 days has missed a cycle).
 */
export function resolveSettings(
  engagement: Engagement | undefined,
  thresholds: Thresholds = {},
  matrix: RiskMatrix = {},
): Settings {
  const sources: Settings["sources"] = {};
  const pick = <T>(name: string, fromEngagement: T | undefined, fromConfig: T | undefined, fallback: T): T => {
    if (fromEngagement !== undefined) {
      sources[name] = "engagement";
      return fromEngagement;
    }
    if (fromConfig !== undefined) {
      sources[name] = "config";
      return fromConfig;
    }
    sources[name] = "default";
    return fallback;
  };
  const gov = engagement?.governance;
  const riskGov = gov?.risk;
  const declared = engagement?.statusScale;
  const statusScale = Array.isArray(declared)
    ? {
        name: "custom",
        values: declared.filter((l) => l.assessed !== false).map((l) => l.value),
        notAssessed: [...new Set([NOT_ASSESSED, ...declared.filter((l) => l.assessed === false).map((l) => l.value)])],
      }
    : {
        name: declared ?? "rag",
        values: STATUS_SCALES[declared ?? "rag"] as readonly string[],
        notAssessed: [NOT_ASSESSED],
      };
  const rank = (value: string | undefined): number => (value === undefined ? -1 : statusScale.values.indexOf(value));

  const cadence = pick<Cadence | undefined>(
    "reportingCadence",
    engagement?.reporting?.cadence,
    thresholds.reportingCadence,
    undefined,
  );
  const validity = pick(
    "statusValidityDays",
    engagement?.reporting?.statusValidityDays,
    thresholds.statusValidityDays,
    cadence ? CADENCE_DAYS[cadence] : DEFAULTS.statusValidityDays,
  );
  // One reporting period of the cadence comes from wherever the cadence came from.
  if (cadence && sources["statusValidityDays"] === "default")
    sources["statusValidityDays"] = sources["reportingCadence"]!;
  const probabilityMax = riskGov?.scale?.probability ?? 5;
  const impactMax = riskGov?.scale?.impact ?? 5;
  const mediumThreshold = pick(
    "riskMediumThreshold",
    undefined,
    thresholds.riskMediumThreshold,
    DEFAULTS.riskMediumThreshold,
  );
  const highThreshold = pick(
    "riskHighThreshold",
    riskGov?.highThreshold,
    thresholds.riskHighThreshold,
    DEFAULTS.riskHighThreshold,
  );
  const criticalThreshold = pick(
    "riskCriticalThreshold",
    riskGov?.criticalThreshold,
    thresholds.riskCriticalThreshold,
    DEFAULTS.riskCriticalThreshold,
  );
  const band = (probability: number, impact: number): RiskBand => {
    const cell = matrix.cells?.[probability - 1]?.[impact - 1];
    if (cell) return cell;
    const score = probability * impact;
    if (score >= criticalThreshold) return "critical";
    if (score >= highThreshold) return "high";
    if (score >= mediumThreshold) return "medium";
    return "low";
  };
  if (matrix.cells) sources["riskMatrix"] = "config";

  return {
    currency: engagement?.currency ?? "EUR",
    statusScale,
    statusRank: rank,
    isNotAssessed: (v) => v !== undefined && statusScale.notAssessed.includes(v),
    isGreen: (v) => rank(v) === 0,
    // On a one-value scale that value is the best, not also the worst.
    isRed: (v) => v !== undefined && statusScale.values.length > 1 && rank(v) === statusScale.values.length - 1,
    budgetTolerancePercent: pick(
      "budgetTolerancePercent",
      gov?.tolerances?.budgetPercent,
      thresholds.budgetTolerancePercent,
      DEFAULTS.budgetTolerancePercent,
    ),
    scheduleToleranceDays: pick(
      "scheduleToleranceDays",
      gov?.tolerances?.scheduleDays,
      thresholds.scheduleToleranceDays,
      DEFAULTS.scheduleToleranceDays,
    ),
    scheduleTolerancePercent: pick<number | undefined>(
      "scheduleTolerancePercent",
      gov?.tolerances?.schedulePercent,
      thresholds.scheduleTolerancePercent,
      undefined,
    ),
    reportingCadence: cadence,
    statusValidityDays: validity,
    risk: {
      probabilityMax,
      impactMax,
      mediumThreshold,
      highThreshold,
      criticalThreshold,
      reviewDays: pick("riskReviewDays", riskGov?.reviewDays, thresholds.riskReviewDays, DEFAULTS.riskReviewDays),
      band,
    },
    sources,
  };
}

/**
 * The settings of a repository: its engagement's governance, then `thresholds:` and
 * `riskMatrix:` of pmo.config.yaml, then the defaults.
 */
export function settingsOf(
  engagement: Engagement | undefined,
  config: Pick<Config, "values"> = { values: {} },
): Settings {
  return resolveSettings(engagement, config.values.thresholds, config.values.riskMatrix);
}
