import type { Kind, PmoDocument } from "../../model/document.js";
import type { Issue, Project } from "../../model/entities.js";
import { daysBetween } from "../dates.js";
import { finishVariance, milestoneVariance, reviewState, type CostVariance, type KindTypes } from "../domain/index.js";
import type { QueryContext, Tone } from "./columns.js";

/**
 * What `ls` and `show` judge rather than print as written: read typed from the domain model
 * (its entities, settings and facts, as the rules read them), never derived again from raw
 * values. A document the model does not hold (it fails its schema) has no such judgement.
 */

/** The typed entity of a document, when the model holds this very document (it passed its schema). */
export function modelEntity<K extends Kind>(
  doc: PmoDocument | undefined,
  kind: K,
  ctx: QueryContext,
): KindTypes[K] | undefined {
  if (doc === undefined || doc.kind !== kind || doc.id === undefined) return undefined;
  // The model holds only documents that passed their schema, with their typed value.
  const entry = ctx.model.catalog.byId.get(doc.id);
  return entry?.doc === doc ? (entry.value as KindTypes[K]) : undefined;
}

/** An open risk in the critical band is red, in the high band amber (as the rules band it). */
export function riskBandTone(doc: PmoDocument | undefined, ctx: QueryContext): Tone | undefined {
  const risk = modelEntity(doc, "Risk", ctx);
  if (risk?.status !== "open") return undefined;
  const band = ctx.model.facts.riskBand(risk);
  return band === "critical" ? "red" : band === "high" ? "amber" : undefined;
}

/** An open risk whose last review is older than the review period (the domain's reviewState). */
export function reviewOverdue(doc: PmoDocument, ctx: QueryContext): boolean {
  const risk = modelEntity(doc, "Risk", ctx);
  if (risk?.status !== "open" || risk.lastReviewed === undefined) return false;
  return reviewState(risk, ctx.asOf, ctx.model.settings.risk.reviewDays).kind === "overdue";
}

/** Late beyond the project's schedule tolerance (as the rules compute it) is red; any other lateness amber. */
export function slipTone(days: number, doc: PmoDocument, ctx: QueryContext): Tone {
  const project = modelEntity(doc, "Project", ctx);
  const tolerance = project
    ? ctx.model.facts.scheduleTolerance(project).days
    : ctx.model.settings.scheduleToleranceDays;
  return days > tolerance ? "red" : "amber";
}

/** A project's judged figures: slip of its finish and of each milestone, and its cost variance. */
export interface ProjectReads {
  finishSlip: number | undefined;
  /** By the milestone's index in the document. */
  milestoneSlip(index: number): number | undefined;
  cost: CostVariance | undefined;
}

export function projectReads(doc: PmoDocument, ctx: QueryContext): ProjectReads {
  const project: Project | undefined = modelEntity(doc, "Project", ctx);
  return {
    finishSlip: project && finishVariance(project),
    milestoneSlip: (index) => {
      const milestone = project?.milestones?.[index];
      return milestone && milestoneVariance(milestone);
    },
    cost: project && ctx.model.facts.costVariance(project),
  };
}

/** Days an open or in-progress issue is past its due date; undefined when it is not overdue. */
export function issueOverdueDays(doc: PmoDocument, ctx: QueryContext): number | undefined {
  const issue: Issue | undefined = modelEntity(doc, "Issue", ctx);
  if (!issue || issue.due === undefined || (issue.status !== "open" && issue.status !== "in-progress"))
    return undefined;
  const days = daysBetween(issue.due, ctx.asOf);
  return days > 0 ? days : undefined;
}

/** A governance forum's name from the engagement, when the forum is one of its forums. */
export function forumName(forum: string | undefined, ctx: QueryContext): string | undefined {
  if (forum === undefined) return undefined;
  return ctx.model.catalog.engagement?.value.governance?.forums?.find((f) => f.id === forum)?.name;
}
