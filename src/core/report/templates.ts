import type { TemplateUse } from "./template-use.js";

/** One template or partial: its name, the file it came from (for errors) and its source text. */
export interface TemplateSource {
  name: string;
  /** Path shown in errors, e.g. templates/html/index.hbs or my-brand/html/partials/footer.hbs. */
  file: string;
  source: string;
  /**
   * Handlebars' precompiled form of `source` (a built-in template, precompiled when pmo is
   * built, see precompile.ts), with the options the renderer compiles with; compiled at run
   * time when absent.
   */
  precompiled?: TemplateSpecification;
  /** Whether `precompiled` was compiled with Handlebars' data frames (see template-use.ts). */
  precompiledData?: boolean;
  /** What the template reads of the data frames and which partials it calls, known from the build. */
  use?: TemplateUse;
}

/** What Handlebars.precompile produces, as an object (its functions are the template's code). */
export type TemplateSpecification = object;

/** The templates of one output format: pages by name, and the partials they may use. */
export interface TemplateSet {
  pages: ReadonlyMap<string, TemplateSource>;
  partials: ReadonlyMap<string, TemplateSource>;
}

export const PAGE_TEMPLATES = [
  "index",
  "project",
  "risks",
  "engagement",
  "issues",
  "decisions",
  "benefits",
  "dependencies",
  "roadmap",
  "portfolio",
  "ranking",
  "scenarios",
  "single",
  "table",
  "pack",
  "stylesheet",
] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

/**
 * Built-in templates overlaid with a user's: a user template replaces the built-in one of the
 * same name, and a user partial may also add a new name (for their own layout to use). A page
 * template that is not one of PAGE_TEMPLATES would never be rendered, so it is refused, as
 * a misspelt file name would otherwise be silently ignored.
 */
export function overlayTemplates(
  builtIn: TemplateSet,
  user: TemplateSet,
): { set: TemplateSet; unknownPages: TemplateSource[] } {
  const pages = new Map(builtIn.pages);
  const unknownPages: TemplateSource[] = [];
  for (const t of user.pages.values()) {
    if (pages.has(t.name)) pages.set(t.name, t);
    else unknownPages.push(t);
  }
  const partials = new Map(builtIn.partials);
  for (const t of user.partials.values()) partials.set(t.name, t);
  return { set: { pages, partials }, unknownPages };
}
