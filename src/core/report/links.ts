import type { Catalog } from "../domain/index.js";

/** The pages of a report and where they link to, relative to the page being rendered. */
export interface Links {
  index: string;
  risks: string;
  engagement: string;
  project(id: string): string | null;
  /** A chart file (Markdown output writes charts beside the pages). */
  chart(file: string): string;
  /** Page `n` (from 1) of a full table a large portfolio's dashboard links to (`status-1.html`). */
  table(kind: string, n: number): string;
}

export type PageKind = "index" | "project" | "risks" | "engagement" | "single" | "table";

/**
 * File names of project pages. Ids are case-sensitive but file systems on laptops often are
 * not, so ids that differ only in case get a numbered suffix; `_` and `.` are kept (ids
 * allow nothing else outside letters, digits and `-`).
 */
export function projectFileNames(catalog: Catalog): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const ids = catalog.projects.map((p) => p.value.id).sort(compareIds);
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

/** Links for one page of a site (`single` false) or of a single-file report. */
export function linksFor(page: PageKind, ext: string, fileNames: ReadonlyMap<string, string>, single: boolean): Links {
  if (single) {
    return {
      index: "#dashboard",
      risks: "#risk-register",
      engagement: "#engagement",
      project: (id) => (fileNames.has(id) ? `#project-${fileNames.get(id)}` : null),
      chart: (file) => `charts/${file}`,
      table: (kind) => `#${kind}-table`,
    };
  }
  const up = page === "project" ? "../" : "";
  return {
    index: `${up}index.${ext}`,
    risks: `${up}risks.${ext}`,
    engagement: `${up}engagement.${ext}`,
    project: (id) => {
      const name = fileNames.get(id);
      if (name === undefined) return null;
      return page === "project" ? `${name}.${ext}` : `projects/${name}.${ext}`;
    },
    chart: (file) => `${up}charts/${file}`,
    table: (kind, n) => `${up}${kind}-${n}.${ext}`,
  };
}
