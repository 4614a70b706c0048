/** Markdown escaping is shared by every Markdown writer: it lives in src/core/markdown.ts. */
export { escapeMarkdown, escapeMarkdownDeep, escapeMarkdownText } from "../markdown.js";
