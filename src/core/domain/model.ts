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
export function buildModel(documents: readonly PmoDocument[], config: Pick<Config, "raw">, asOf: string): Model {
  const catalog = buildCatalog(documents);
  return modelOf(catalog, settingsOf(catalog.engagement?.value, config), asOf);
}

/** The model over a catalog and settings built already. */
export function modelOf(catalog: Catalog, settings: Settings, asOf: string): Model {
  return { catalog, settings, asOf, facts: deriveFacts(catalog, settings, asOf) };
}
