import Handlebars from "handlebars";
import type { TemplateSet } from "./templates.js";

/**
 * What a template reads of Handlebars' data frames, found in its parse: whether it names an
 * `@` variable itself (`@index`, `@last`, `@root`, `@partial-block`), and the partials it calls
 * by name, plainly (`{{> chart}}`) or as a block (`{{#> layout}}...{{/layout}}`).
 */
export interface TemplateUse {
  /** Names an `@` variable, a partial by an expression, or an inline partial or decorator. */
  data: boolean;
  /** Names `@root`: reads the page's own context, which only a page with data frames keeps. */
  root: boolean;
  partials: string[];
  blockPartials: string[];
}

export function templateUse(ast: hbs.AST.Program): TemplateUse {
  const use: TemplateUse = { data: false, root: false, partials: [], blockPartials: [] };
  const visitor = new Handlebars.Visitor();
  visitor.PathExpression = (node) => {
    if (node.data) {
      use.data = true;
      if (node.parts[0] === "root" || node.original.startsWith("@root")) use.root = true;
    }
  };
  const called = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, into: string[]): void => {
    if (node.name.type !== "PathExpression") use.data = true;
    else if (!(node.name as hbs.AST.PathExpression).data) into.push((node.name as hbs.AST.PathExpression).original);
  };
  visitor.PartialStatement = function (node) {
    called(node, use.partials);
    return Handlebars.Visitor.prototype.PartialStatement.call(this, node);
  };
  visitor.PartialBlockStatement = function (node) {
    called(node, use.blockPartials);
    return Handlebars.Visitor.prototype.PartialBlockStatement.call(this, node);
  };
  visitor.DecoratorBlock = function (node) {
    use.data = true;
    return Handlebars.Visitor.prototype.DecoratorBlock.call(this, node);
  };
  visitor.Decorator = function (node) {
    use.data = true;
    return Handlebars.Visitor.prototype.Decorator.call(this, node);
  };
  visitor.accept(ast);
  return use;
}

/**
 * The templates of a set that need Handlebars' data frames (`pages/<name>`, `partials/<name>`);
 * the others are compiled with `data: false`, which spares every `{{#if}}` and `{{#each}}` a new
 * frame and a new closure. A template needs them when it names an `@` variable, or calls
 * plainly a partial that does (such a partial reads the frames of its caller). A partial
 * called as a block gets a frame of its own for `@partial-block`, so its caller needs none,
 * unless something under it reads `@root`; when any template does, or when a template names a
 * partial that is not in the set, every template keeps its frames. The output is the same
 * either way: only unread frames are left out.
 */
export function templatesNeedingData(set: TemplateSet, useOf: (key: string) => TemplateUse): Set<string> {
  const keys = [
    ...[...set.pages.keys()].map((n) => `pages/${n}`),
    ...[...set.partials.keys()].map((n) => `partials/${n}`),
  ];
  const uses = new Map(keys.map((k) => [k, useOf(k)]));
  const everyName = [...uses.values()].flatMap((u) => [...u.partials, ...u.blockPartials]);
  if ([...uses.values()].some((u) => u.root) || everyName.some((n) => !set.partials.has(n))) return new Set(keys);
  const needs = new Set(keys.filter((k) => uses.get(k)!.data));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [k, u] of uses)
      if (!needs.has(k) && u.partials.some((n) => needs.has(`partials/${n}`))) {
        needs.add(k);
        changed = true;
      }
  }
  return needs;
}
