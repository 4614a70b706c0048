import type { Diagnostic } from "../../model/diagnostic.js";
import type { PmoDocument } from "../../model/document.js";
import type { Config } from "../config/index.js";
import { buildCatalog, type Catalog } from "./catalog.js";
import { deriveFacts, type Facts } from "./facts.js";
import { settingsOf, type Settings } from "./settings.js";

/**
 * The domain model of a repository: typed entities with their relations (the catalog), one
 * resolved set of settings, and the derived facts. Everything above it (rules, report views,
 * `ls`/`show`, diff, history) reads the repository through it.
 */
export interface Model {
  catalog: Catalog;
  settings: Settings;
  asOf: string;
  facts: Facts;
}

/** Builds the model from documents that passed their schema, and the repository's config. */
export function buildModel(documents: readonly PmoDocument[], config: Pick<Config, "values">, asOf: string): Model {
  const catalog = buildCatalog(documents);
  return modelOf(catalog, settingsOf(catalog.engagement?.value, config), asOf);
}

/**
 * The documents the model may hold: those without a schema or apiVersion problem among the
 * validation diagnostics (their values then match their types). Reference problems do not
 * exclude a document: rules still judge it, and its references resolve to nothing.
 */
export function documentsThatValidate(
  documents: readonly PmoDocument[],
  diagnostics: readonly Diagnostic[],
): PmoDocument[] {
  const broken = new Set(
    diagnostics
      .filter((d) => d.ruleId === "schema" || d.ruleId === "api-version")
      .map((d) => `${d.file}#${d.docIndex}`),
  );
  // A valid repository (the common case) needs no key for each of its documents.
  if (broken.size === 0) return [...documents];
  return documents.filter((d) => !broken.has(`${d.file}#${d.docIndex}`));
}

/** The model over a catalog and settings built already. */
export function modelOf(catalog: Catalog, settings: Settings, asOf: string): Model {
  return { catalog, settings, asOf, facts: deriveFacts(catalog, settings, asOf) };
}
