import type { Risk } from "../../model/entities.js";
import { daysBetween } from "../dates.js";
import type { Catalog } from "./catalog.js";
import { isTerminalStage } from "./lifecycle.js";
import type { RiskBand, Settings } from "./settings.js";

/** High and critical risks are the ones governance expects to be actively managed. */
export function isHighBand(band: RiskBand): boolean {
  return band === "high" || band === "critical";
}

/** The fields a risk's score and band are read from. */
export type Scored = Pick<Risk, "probability" | "impact">;

/** An open threat in the high or critical band (opportunities are not threats to manage). */
export function isHighOpenThreat(risk: Scored & Pick<Risk, "status" | "type">, settings: Settings): boolean {
  return risk.status === "open" && (risk.type ?? "threat") === "threat" && isHighBand(riskBand(risk, settings));
}

/** Probability times impact: the risk's score on the engagement's scale. */
export function riskScore(risk: Scored): number {
  return risk.probability * risk.impact;
}

/** The risk's band: the config's risk matrix cell, else the score against the thresholds in force. */
export function riskBand(risk: Scored, settings: Settings): RiskBand {
  return settings.risk.band(risk.probability, risk.impact);
}

/**
 * True when the risk belongs to a closed or cancelled project. Such a risk should be closed
 * or transferred (closed-project-open-risks says so); rules about managing open risks skip it
 * so that one stale entry is reported once.
 */
export function belongsToFinishedProject(risk: Risk, catalog: Catalog): boolean {
  const project = catalog.project(risk.project);
  return project !== undefined && isTerminalStage(project.value.stage);
}

export type ReviewState =
  | { kind: "current" }
  | { kind: "overdue"; field: "lastReviewed" | "raised"; date: string; age: number }
  | { kind: "never" };

/**
 * Whether a risk's last review is within the review period. A risk never reviewed counts from
 * the day it was raised: a risk raised last week is not overdue. Older than `reviewDays` days
 * before `asOf` is overdue; exactly `reviewDays` is still current.
 */
export function reviewState(risk: Risk, asOf: string, reviewDays: number): ReviewState {
  const field = risk.lastReviewed !== undefined ? "lastReviewed" : risk.raised !== undefined ? "raised" : undefined;
  if (field === undefined) return { kind: "never" };
  const date = risk[field] as string;
  const age = daysBetween(date, asOf);
  return age > reviewDays ? { kind: "overdue", field, date, age } : { kind: "current" };
}
