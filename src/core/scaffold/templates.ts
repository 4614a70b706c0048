import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { stringify } from "yaml";

/**
 * The scaffolding templates shipped in the package's templates/ folder (templates/init for
 * `pmo init`, templates/new for `pmo new`), rendered with Handlebars. Values go through the
 * `yaml` helper, which writes a YAML scalar that reads back as the same string (plain when it
 * can be, double-quoted otherwise), so a client called "Acme: Water" cannot break a document.
 */

// dist/ mirrors src/, so the same relative URL reaches <package>/templates/ from both.
const TEMPLATE_DIR = new URL("../../../templates/", import.meta.url);

const handlebars = Handlebars.create();
handlebars.registerHelper("yaml", (value: unknown) => {
  if (value === undefined || value === null) return "";
  return stringify(value, { lineWidth: 0, singleQuote: false }).replace(/\n$/, "");
});
handlebars.registerHelper("json", (value: unknown) => JSON.stringify(value));
handlebars.registerHelper("join", (values: unknown, separator: unknown) =>
  Array.isArray(values) ? values.join(typeof separator === "string" ? separator : ", ") : "",
);

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Renders templates/<name> with `data`. */
export function renderTemplate(name: string, data: object): string {
  let template = compiled.get(name);
  if (template === undefined) {
    const source = readFileSync(new URL(name, TEMPLATE_DIR), "utf8");
    template = handlebars.compile(source, { noEscape: true, strict: false });
    compiled.set(name, template);
  }
  return template(data);
}
