import type { PmoDocument } from "../../../model/document.js";
import type { ReportArgs } from "../../messages/index.js";

/** The layers of validation, in the order they run: the layer a check belongs to is where it is documented. */
export const VALIDATION_LAYERS = ["YAML", "file", "schema", "integrity"] as const;
export type ValidationLayer = (typeof VALIDATION_LAYERS)[number];

/** Metadata of a validation check, whatever finds it (the loader, the schema or an integrity rule). */
export interface ValidationCheckMeta {
  /** kebab-case; an integrity rule's id equals its file name, its test name and its doc page name. */
  id: string;
  /** One line: what the check requires. */
  description: string;
  layer: ValidationLayer;
  /** What it finds, for the tables of README.md and docs/validation.md. */
  finds: string;
  /** How to fix what it finds, in a few words. */
  fix: string;
}

export interface ValidationRuleMeta extends ValidationCheckMeta {
  layer: "integrity";
  /** Message templates by id, with {{placeholders}}. */
  messages: Record<string, string>;
  /** Hint templates by message id: how to fix that finding. */
  hints: Record<string, string>;
}

/**
 * What an integrity rule gets: every document, including ones with schema errors (so it reads
 * values defensively and only judges what has the expected type), and the as-of date.
 */
export interface ValidationContext {
  documents: readonly PmoDocument[];
  /** Every document with an id by id (the first one when an id is duplicated). */
  byId: ReadonlyMap<string, PmoDocument>;
  /**
   * The documents of one kind, in the order of `documents`: indexed once for all rules, so that
   * a rule about risks does not walk every project, person and decision.
   */
  ofKind(kind: string): readonly PmoDocument[];
  /** The first Engagement document, when there is one. */
  engagement: PmoDocument | undefined;
  /** The date actual dates may not be after (YYYY-MM-DD). */
  asOf: string;
  report(args: ReportArgs): void;
  /** Reports a problem with a whole file, at its first line. */
  reportFile(args: { file: string; messageId: string; data?: Record<string, string | number> }): void;
}

export interface ValidationRule {
  meta: ValidationRuleMeta;
  check(ctx: ValidationContext): void;
}

/** Declares an integrity rule: metadata, then the check, as governance rules do. */
export function defineValidationRule(rule: ValidationRule): ValidationRule {
  return rule;
}
