import type { Catalog } from "../domain/index.js";

/** The pages of a report and where they link to, relative to the page being rendered. */
export interface Links {
  index: string;
  risks: string;
  engagement: string;
  issues: string;
  decisions: string;
  benefits: string;
  dependencies: string;
  roadmap: string;
  /** The scenario comparison page (`pmo report --compare REF`). */
  scenarios: string;
  project(id: string): string | null;
  /** A portfolio's page; null for an id that is not a portfolio of the repository. */
  portfolio(id: string): string | null;
  /** A portfolio's ranking page (rank, cut line, alignment matrix, frontier); null as for portfolio. */
  ranking(id: string): string | null;
  /** A chart file (Markdown output writes charts beside the pages). */
  chart(file: string): string;
  /** Page `n` (from 1) of a full table a large portfolio's dashboard links to (`status-1.html`). */
  table(kind: string, n: number): string;
  /**
   * The stylesheet every page of an HTML site shares (STYLESHEET); null in one file, which
   * carries its styles inline, and in Markdown.
   */
  stylesheet: string | null;
}

/** The file of an HTML site's shared stylesheet, at the top of the site. */
export const STYLESHEET = "report.css";

export type PageKind =
  | "index"
  | "project"
  | "risks"
  | "engagement"
  | "issues"
  | "decisions"
  | "benefits"
  | "dependencies"
  | "roadmap"
  | "portfolio"
  | "ranking"
  | "scenarios"
  | "single"
  | "table";

/**
 * File names of project pages. Ids are case-sensitive but file systems on laptops often are
 * not, so ids that differ only in case get a numbered suffix; `_` and `.` are kept (ids
 * allow nothing else outside letters, digits and `-`).
 */
export function projectFileNames(catalog: Catalog): Map<string, string> {
  return fileNamesOf(catalog.projects.map((p) => p.value.id));
}

/** File names of portfolio pages, on the same terms as projectFileNames. */
export function portfolioFileNames(catalog: Catalog): Map<string, string> {
  return fileNamesOf(catalog.portfolios.map((p) => p.value.id));
}

function fileNamesOf(list: string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const ids = list.sort(compareIds);
  for (const id of ids) {
    if (names.has(id)) continue;
    let name = id;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${id}-${n}`;
    taken.add(name.toLowerCase());
    names.set(id, name);
  }
  return names;
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Links for one page of a site (`single` false) or of a single-file report. Project pages
 * live in projects/, portfolio pages in portfolios/, ranking pages in rankings/, every other
 * page at the top.
 */
export function linksFor(
  page: PageKind,
  ext: string,
  fileNames: ReadonlyMap<string, string>,
  single: boolean,
  portfolioNames: ReadonlyMap<string, string> = new Map(),
): Links {
  if (single) {
    return {
      index: "#dashboard",
      risks: "#risk-register",
      engagement: "#engagement",
      issues: "#issue-log",
      decisions: "#decision-log",
      benefits: "#benefits",
      dependencies: "#dependencies",
      roadmap: "#roadmap",
      scenarios: "#scenarios",
      project: (id) => (fileNames.has(id) ? `#project-${fileNames.get(id)}` : null),
      portfolio: (id) => (portfolioNames.has(id) ? `#portfolio-${portfolioNames.get(id)}` : null),
      ranking: (id) => (portfolioNames.has(id) ? `#ranking-${portfolioNames.get(id)}` : null),
      chart: (file) => `charts/${file}`,
      table: (kind) => `#${kind}-table`,
      stylesheet: null,
    };
  }
  const nested = page === "project" || page === "portfolio" || page === "ranking";
  const up = nested ? "../" : "";
  const inFolder = (folder: string, name: string): string =>
    page === folder.slice(0, -1) ? `${name}.${ext}` : `${up}${folder}/${name}.${ext}`;
  return {
    index: `${up}index.${ext}`,
    risks: `${up}risks.${ext}`,
    engagement: `${up}engagement.${ext}`,
    issues: `${up}issues.${ext}`,
    decisions: `${up}decisions.${ext}`,
    benefits: `${up}benefits.${ext}`,
    dependencies: `${up}dependencies.${ext}`,
    roadmap: `${up}roadmap.${ext}`,
    scenarios: `${up}scenarios.${ext}`,
    project: (id) => {
      const name = fileNames.get(id);
      return name === undefined ? null : inFolder("projects", name);
    },
    portfolio: (id) => {
      const name = portfolioNames.get(id);
      return name === undefined ? null : inFolder("portfolios", name);
    },
    ranking: (id) => {
      const name = portfolioNames.get(id);
      return name === undefined ? null : inFolder("rankings", name);
    },
    chart: (file) => `${up}charts/${file}`,
    table: (kind, n) => `${up}${kind}-${n}.${ext}`,
    stylesheet: ext === "html" ? `${up}${STYLESHEET}` : null,
  };
}
