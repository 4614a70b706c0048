import { buildCatalog } from "../../src/core/catalog/index.js";
import { deriveFacts } from "../../src/core/domain/index.js";
import { documentsOf } from "../../src/core/load/index.js";
import { DEFAULT_LAYOUT, type ReportContext } from "../../src/core/report/context.js";
import type { ReportHistory } from "../../src/core/report/history.js";
import { indexProjectHistories } from "../../src/core/report/history.js";
import { linksFor, projectFileNames } from "../../src/core/report/links.js";
import { notAssessedView, statusLookup, statusScaleView } from "../../src/core/report/status.js";
import { resolveSettings } from "../../src/core/rules/settings.js";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import type { Engagement } from "../../src/model/entities.js";
import { AS_OF, BASE_FILES } from "./rule-tester.js";

/**
 * The context a report view builder reads, for a repository of BASE_FILES plus `files`, built
 * the way renderReport builds it (no findings, no history unless given).
 */
export function reportContextOf(
  files: Record<string, string>,
  options: { asOf?: string; history?: ReportHistory } = {},
): ReportContext {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const documents = Object.entries({ ...BASE_FILES, ...files }).flatMap(([file, text]) =>
    documentsOf(file, text, diagnostics, sources),
  );
  const catalog = buildCatalog(documents);
  const engagement = catalog.engagement?.value as Engagement | undefined;
  const settings = resolveSettings(engagement);
  const asOf = options.asOf ?? AS_OF;
  const scale = statusScaleView(engagement, settings);
  const notAssessed = notAssessedView(engagement, settings);
  const history: ReportHistory = options.history ?? { kind: "none", reason: "disabled" };
  return {
    catalog,
    settings,
    facts: deriveFacts(catalog, settings, asOf),
    asOf,
    findings: [],
    waived: [],
    findingsFor: () => ({ active: [], waived: [] }),
    scale,
    notAssessed,
    status: statusLookup(scale, notAssessed),
    links: linksFor("index", "html", projectFileNames(catalog), false),
    history,
    projectHistory: indexProjectHistories(history),
    layout: DEFAULT_LAYOUT,
    single: false,
  };
}

/** A project document in PF-A. */
export function projectYaml(id: string, body: string): string {
  return `apiVersion: pmo/v1\nkind: Project\nid: ${id}\nname: Project ${id}\nportfolio: PF-A\nmanager: ann\nsponsor: bob\n${body}`;
}
