/**
 * Markdown escaping for values from the repository. Handlebars already HTML-escapes every
 * value (so `<script>` stays text on GitHub); this adds the Markdown syntax a value could
 * otherwise inject: emphasis, links, code, table cells and headings. Line breaks become spaces
 * so that a multi-line YAML string cannot end a table row.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`);
}

/** Keys whose values are links, file paths or SVG that pmo generated: never escaped. */
const RAW_KEYS = new Set(["href", "src", "file", "svg", "anchor"]);

/** Escapes every string in a view (a fresh copy; the view itself is not changed). */
export function escapeMarkdownDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === "string") return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = RAW_KEYS.has(k) ? v : walk(v);
    return out;
  }
  return value;
}
