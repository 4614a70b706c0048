import Handlebars from "handlebars";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../../src/commands/report.js";
import { checkOpenedWorkspace, openWorkspace } from "../../../src/commands/workspace.js";
import { buildReport, createRenderer, type TemplateSet, type TemplateSource } from "../../../src/core/report/index.js";
import { templatesNeedingData, templateUse } from "../../../src/core/report/template-use.js";

/**
 * Templates are compiled without Handlebars' data frames where nothing reads them (a frame and
 * a closure fewer for every {{#if}} and {{#each}}): the output must be the same as with frames
 * everywhere, and a template that reads `@index`, `@last`, `@root` or `@partial-block` (itself
 * or through the partials it calls) must keep them.
 */
const repo = path.resolve(fileURLToPath(import.meta.url), "../../../..");

function set(pages: Record<string, string>, partials: Record<string, string>): TemplateSet {
  const map = (entries: Record<string, string>, dir: string) =>
    new Map(
      Object.entries(entries).map(([name, source]): [string, TemplateSource] => [
        name,
        { name, file: `${dir}/${name}.hbs`, source },
      ]),
    );
  return { pages: map(pages, "t"), partials: map(partials, "t/partials") };
}

const needing = (s: TemplateSet): string[] => {
  const uses = new Map<string, ReturnType<typeof templateUse>>();
  for (const [kind, map] of [
    ["pages", s.pages],
    ["partials", s.partials],
  ] as const)
    for (const t of map.values()) uses.set(`${kind}/${t.name}`, templateUse(Handlebars.parse(t.source)));
  return [...templatesNeedingData(s, (k) => uses.get(k)!)].sort();
};

const layout = "<main>{{> @partial-block}}</main>";

describe("data frames only where read", () => {
  it("finds @ variables, partials called plainly and partials called as a block", () => {
    const use = templateUse(
      Handlebars.parse("{{#> layout}}{{#each xs}}{{> row}}{{#unless @last}},{{/unless}}{{/each}}{{/layout}}"),
    );
    expect(use).toEqual({ data: true, root: false, partials: ["row"], blockPartials: ["layout"] });
    expect(templateUse(Handlebars.parse("{{@root.site.title}}")).root).toBe(true);
    expect(templateUse(Handlebars.parse("{{#each xs}}{{this}}{{/each}}")).data).toBe(false);
    // A partial named by an expression could be any partial: it keeps the frames.
    expect(templateUse(Handlebars.parse("{{> (which)}}")).data).toBe(true);
  });

  it("keeps the frames of a template that calls plainly a partial reading them; a block call needs none", () => {
    const reads = set(
      { page: "{{#> layout}}{{> row}}{{/layout}}" },
      { layout, row: "{{#each items}}{{@index}}:{{this}}{{#unless @last}},{{/unless}}{{/each}}" },
    );
    expect(needing(reads)).toEqual(["pages/page", "partials/layout", "partials/row"]);
    const plain = set(
      { page: "{{#> layout}}{{> row}}{{/layout}}" },
      { layout, row: "{{#each items}}{{this}}{{/each}}" },
    );
    expect(needing(plain)).toEqual(["partials/layout"]);
    for (const s of [reads, plain])
      expect(createRenderer(s, "html").render("page", { items: ["a", "b"] })).toBe(
        createRenderer(s, "html", "always").render("page", { items: ["a", "b"] }),
      );
    expect(createRenderer(reads, "html").render("page", { items: ["a", "b"] })).toBe("<main>0:a,1:b</main>");
  });

  it("keeps every frame when a template reads @root or names a partial that is not there", () => {
    const root = set(
      { page: "{{#> layout}}{{> row}}{{/layout}}" },
      { layout, row: "{{#each items}}{{@root.title}}{{this}}{{/each}}" },
    );
    expect(needing(root)).toEqual(["pages/page", "partials/layout", "partials/row"]);
    expect(createRenderer(root, "html").render("page", { title: "T", items: ["a"] })).toBe("<main>Ta</main>");
    const missing = set({ page: "{{> nowhere}}", other: "x" }, { row: "y" });
    expect(needing(missing)).toEqual(["pages/other", "pages/page", "partials/row"]);
  });

  it("a user's partial that reads frames gives its callers frames, with built-in templates too", () => {
    const builtIn = loadTemplates("html", undefined, repo);
    const footer = builtIn.partials.get("footer")!;
    const partials = new Map(builtIn.partials);
    partials.set("footer", { ...footer, source: `{{#each site.scale}}{{@index}}{{/each}}${footer.source}` });
    const needs = needing({ pages: builtIn.pages, partials });
    expect(needs).toContain("partials/footer");
    expect(needs).toContain("partials/layout");
    expect(needing(builtIn)).not.toContain("pages/project");
  });

  it("renders the example's report byte for byte as with frames everywhere", async () => {
    const example = path.join(repo, "examples/meridian-water");
    const opened = await openWorkspace({ dir: example }, repo);
    const result = await checkOpenedWorkspace(opened, "2026-11-30", repo);
    for (const format of ["html", "md"] as const) {
      const templates = loadTemplates(format, undefined, repo);
      // Every template marked as reading frames: the renderer then compiles all of them with frames.
      const mark = (m: ReadonlyMap<string, TemplateSource>) =>
        new Map([...m].map(([k, t]) => [k, { ...t, use: { ...templateUse(Handlebars.parse(t.source)), data: true } }]));
      const everywhere = { pages: mark(templates.pages), partials: mark(templates.partials) };
      const input = {
        catalog: result.catalog,
        settings: result.settings,
        facts: result.model.facts,
        asOf: "2026-11-30",
        findings: result.diagnostics,
        waived: result.waived,
        history: { kind: "none" as const, reason: "disabled" as const },
        meta: { version: "0.0.0-test", commit: null },
        format,
        single: false,
      };
      const where = buildReport({ ...input, templates });
      const always = buildReport({ ...input, templates: everywhere });
      expect(where.map((f) => f.path)).toEqual(always.map((f) => f.path));
      for (const [i, file] of where.entries()) expect(file.content, file.path).toBe(always[i]!.content);
    }
  }, 60_000);
});
