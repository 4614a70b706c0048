/**
 * Markdown escaping for values from the repository. Handlebars already HTML-escapes every
 * value (so `<script>` stays text on GitHub); this adds the Markdown syntax a value could
 * otherwise inject: emphasis, links, code, table cells and headings. Line breaks become spaces
 * so that a multi-line YAML string cannot end a table row.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`);
}

/**
 * A value from the repository as Markdown text that a report page prints as it is: Markdown
 * syntax escaped (escapeMarkdown), and the HTML a Markdown renderer would otherwise run or
 * decode made text with the three entities that need it: `<` (a tag), `>` and an `&` that
 * would start an entity (`&amp;` stays `&amp;`, "R&D" stays "R&D"). Nothing else becomes an
 * entity, so `=`, `'` and `"` read as they are in the Markdown source too (Handlebars' own
 * HTML escaping turned them into `&#x3D;`, `&#x27;` and `&quot;`).
 */
export function escapeMarkdownText(text: string): string {
  return escapeMarkdown(text).replace(/[<>]|&(?=#?[0-9a-z]+;)/gi, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

/**
 * Keys whose values are links, file paths or SVG that pmo generated: never escaped. `nav` is
 * the header's links, `first`, `last`, `previous` and `next` a full table's (`#dashboard`,
 * `#status-table` in one file: an escaped `\#` would be part of the link).
 */
const RAW_KEYS = new Set(["href", "src", "file", "svg", "anchor", "nav", "first", "last", "previous", "next"]);

/**
 * Escapes every string in a view (a fresh copy; the view itself is not changed) for a
 * Markdown page rendered without Handlebars' HTML escaping (escapeMarkdownText).
 */
export function escapeMarkdownDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === "string") return escapeMarkdownText(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = RAW_KEYS.has(k) ? v : walk(v);
    return out;
  }
  return value;
}
