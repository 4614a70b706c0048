import Handlebars from "handlebars";
import { UsageError } from "../errors.js";
import { reportHelpers, type OutputFormat } from "./helpers.js";
import { escapeMarkdownDeep } from "../markdown.js";
import type { TemplateSet, TemplateSource } from "./templates.js";
import { templatesNeedingData, templateUse, type TemplateUse } from "./template-use.js";
import { FAST_PARTIAL_SOURCES, fastPartials, sourceHash } from "./fast-partials.js";

/** Renders the pages of one format. Each template is compiled once, however many pages use it. */
export interface Renderer {
  render(page: string, view: object): string;
}

/** A template that fails to compile or render: names the template file, line and column. */
export class TemplateError extends UsageError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly reason: string,
  ) {
    super(`template ${file}${line !== undefined ? `:${line}:${(column ?? 0) + 1}` : ""}: ${reason}`);
  }
}

type Compiled = (context: unknown, options?: unknown) => string;

/**
 * An isolated Handlebars environment (Handlebars.create(), so nothing leaks between formats or
 * into other users of the package) in strict mode: a field a template names that the view
 * does not have is an error naming the template file and line, not an empty cell. Markdown
 * output escapes Markdown syntax in every value from the repository, HTML output escapes HTML
 * (Handlebars' own escaping; templates use {{{ }}} only for pmo's SVG charts).
 */
export function createRenderer(
  set: TemplateSet,
  formatName: OutputFormat,
  /** `always`: every template keeps Handlebars' data frames (to check that leaving them out changes nothing). */
  dataFrames: "where-read" | "always" = "where-read",
  /** false: every partial from its template, none by its fast function (to check that they agree). */
  fastPaths = true,
): Renderer {
  const env = Handlebars.create();
  const helpers = reportHelpers(formatName, (html) => new env.SafeString(html), env.escapeExpression);
  for (const [name, helper] of Object.entries(helpers)) env.registerHelper(name, helper);
  const options = compileOptions(formatName);

  const all = [...set.partials.values(), ...set.pages.values()];
  const partialNames = new Set(set.partials.keys());
  // A precompiled template is a built-in one, unchanged: it parses, and the partials it names
  // are built in too (a user's templates may replace partials, never remove them).
  const uses = new Map<TemplateSource, TemplateUse>();
  for (const t of all) uses.set(t, t.use ?? templateUse(checkPartialReferences(env, t, partialNames)));
  const keyOf = new Map<string, TemplateSource>([
    ...[...set.pages.values()].map((t) => [`pages/${t.name}`, t] as const),
    ...[...set.partials.values()].map((t) => [`partials/${t.name}`, t] as const),
  ]);
  const withData =
    dataFrames === "always" ? new Set(keyOf.keys()) : templatesNeedingData(set, (key) => uses.get(keyOf.get(key)!)!);
  const compile = (t: TemplateSource, key: string): Compiled => {
    const data = withData.has(key);
    const template = (
      t.precompiled && t.precompiledData === data
        ? env.template(t.precompiled as TemplateSpec)
        : env.compile(t.source, { ...options, data })
    ) as Compiled;
    return (context, options) => {
      try {
        return template(context, options);
      } catch (error) {
        throw asTemplateError(error, t);
      }
    };
  };
  // A built-in partial a large report renders thousands of times is written by a function
  // instead, when its text is the one the function mirrors (fast-partials.ts).
  const fast =
    formatName === "html" && fastPaths ? fastPartials(helpers, env.escapeExpression as (v: unknown) => string) : {};
  const registered = new Map<string, Compiled>();
  // A fast partial renders the partials it calls as templates of their own (top level).
  const sub = (name: string, context: unknown): string => registered.get(name)!(context);
  for (const t of set.partials.values()) {
    const compiled = compile(t, `partials/${t.name}`);
    const quick = FAST_PARTIAL_SOURCES[t.name] === undefined ? undefined : fast[t.name];
    const partial: Compiled =
      quick && sourceHash(t.source) === FAST_PARTIAL_SOURCES[t.name]
        ? (context, options) => quick(context as Record<string, unknown>, sub) ?? compiled(context, options)
        : compiled;
    registered.set(t.name, partial);
    env.registerPartial(t.name, partial as unknown as Handlebars.Template);
  }
  const pages = new Map([...set.pages.values()].map((t) => [t.name, compile(t, `pages/${t.name}`)]));

  return {
    render(page, view) {
      const template = pages.get(page);
      if (!template) throw new UsageError(`no template for page "${page}"`);
      return template(formatName === "md" ? escapeMarkdownDeep(view) : view);
    },
  };
}

type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/**
 * How every template of a format is compiled, at run time or ahead of it (precompile.ts):
 * strict mode, partials not re-indented, and the report's helpers known to the compiler so
 * that they are called directly, not looked up as a field first on every use.
 */
export function compileOptions(formatName: OutputFormat): CompileOptions {
  const names = Object.keys(
    reportHelpers(
      formatName,
      (html) => ({ toHTML: () => html }),
      (text) => text,
    ),
  );
  return {
    strict: true,
    preventIndent: true,
    knownHelpers: Object.fromEntries(names.map((name) => [name, true])),
    // Markdown values arrive escaped by escapeMarkdownDeep (HTML included); Handlebars' HTML
    // escaping on top would write = and ' as &#x3D; and &#x27; in the Markdown source.
    noEscape: formatName === "md",
  };
}

export interface CompileOptions {
  strict: true;
  preventIndent: true;
  knownHelpers: Record<string, true>;
  noEscape: boolean;
  /** Set per template: data frames only where a template reads them (template-use.ts). */
  data?: boolean;
}

/** The innermost template that failed wins: a partial's error keeps the partial's file. */
function asTemplateError(error: unknown, t: TemplateSource): TemplateError {
  if (error instanceof TemplateError) return error;
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error)
    .replace(/ - \d+:\d+$/, "")
    .replace(
      / not defined in .*$/s,
      " is not a field of the view here (templates run in strict mode: check the spelling, or guard optional values with {{#if}})",
    );
  return new TemplateError(t.file, e.lineNumber, e.column, message);
}

/**
 * Parses a template eagerly (Handlebars would only parse it on first use) so that syntax errors
 * and references to partials that do not exist are reported before anything is written.
 */
function checkPartialReferences(
  env: typeof Handlebars,
  t: TemplateSource,
  partials: ReadonlySet<string>,
): hbs.AST.Program {
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(t.source);
  } catch (error) {
    const e = error as { message?: string; lineNumber?: number; column?: number };
    const firstLine =
      String(e.message ?? error)
        .split("\n")
        .find((l) => !/^Parse error on line/.test(l)) ?? String(error);
    const line = e.lineNumber ?? Number(/line (\d+)/.exec(String(e.message))?.[1] ?? NaN);
    throw new TemplateError(
      t.file,
      Number.isNaN(line) ? undefined : line,
      e.column,
      `syntax error: ${
        String(e.message ?? error)
          .split("\n")
          .slice(-1)[0] || firstLine
      }`,
    );
  }
  const visitor = new Handlebars.Visitor();
  const missing: { name: string; line: number; column: number }[] = [];
  const check = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement): void => {
    const name = node.name.type === "PathExpression" ? (node.name as hbs.AST.PathExpression).original : undefined;
    if (name !== undefined && !partials.has(name) && name !== "@partial-block")
      missing.push({ name, line: node.loc.start.line, column: node.loc.start.column });
  };
  visitor.PartialStatement = (node) => {
    check(node);
  };
  visitor.PartialBlockStatement = function (node) {
    check(node);
    return Handlebars.Visitor.prototype.PartialBlockStatement.call(this, node);
  };
  visitor.accept(ast);
  const first = missing[0];
  if (first)
    throw new TemplateError(
      t.file,
      first.line,
      first.column,
      `partial "${first.name}" does not exist (partials: ${[...partials].sort().join(", ")})`,
    );
  return ast;
}
