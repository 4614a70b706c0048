import { format as formatDate } from "date-fns/format";
import { parseISO } from "date-fns/parseISO";
import type { HelperDelegate } from "handlebars";
import { formatMoney, formatPercent, groupThousands } from "../money.js";
import { compareIds } from "./links.js";
import type { StatusView } from "./status.js";

export type OutputFormat = "html" | "md";

/** Stands in for a value that is not there, in every table cell. */
export const NONE = "—";

type SafeString = { toHTML(): string };
type Escape = (text: string) => string;

/** Emoji for the built-in scales in Markdown, where there is no CSS to colour a badge. */
const STATUS_EMOJI: Record<string, string> = {
  green: "🟢",
  "amber-green": "🟡",
  amber: "🟠",
  "amber-red": "🟠",
  red: "🔴",
};
const BAND_EMOJI: Record<string, string> = { low: "🟢", medium: "🟡", high: "🟠", critical: "🔴" };

/**
 * The helpers templates may call. Dates use date-fns with explicit patterns (its built-in
 * English names, never the machine's locale), money and percentages the same functions as
 * pmo check's messages, so a report and a finding never disagree on a number.
 */
export function reportHelpers(
  formatName: OutputFormat,
  safe: (html: string) => SafeString,
  escapeText: Escape,
): Record<string, HelperDelegate> {
  const isHtml = formatName === "html";
  const present = (v: unknown): boolean => v !== null && v !== undefined && v !== "";
  const field = (item: unknown, key: string): unknown =>
    key
      .split(".")
      .reduce<unknown>((v, k) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k]), item);
  const compare = (a: unknown, b: unknown): number => {
    if (typeof a === "number" && typeof b === "number") return a - b;
    if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
    if (b === null || b === undefined) return -1;
    return compareIds(String(a), String(b));
  };
  const badge = (kind: "status" | "band", value: string, label: string): SafeString | string => {
    if (isHtml) return safe(`<span class="badge ${kind}-${escapeText(value)}">${escapeText(label)}</span>`);
    const emoji = (kind === "status" ? STATUS_EMOJI : BAND_EMOJI)[value];
    return emoji ? `${emoji} ${label}` : label;
  };
  const formattedDates = new Map<string, string>();
  const defaultDates = new Map<unknown, string>();
  // Handlebars passes its options object as the last argument of every helper.
  const args = (list: unknown[]): unknown[] => list.slice(0, -1);

  return {
    /** {{date value}} "27 Nov 2026"; {{date value "yyyy-MM-dd"}} with an explicit date-fns pattern. */
    date: (...list: unknown[]) => {
      const value = list.length > 1 ? list[0] : undefined;
      const pattern = list.length > 2 ? list[1] : undefined;
      if (!present(value)) return NONE;
      // A report formats the same few hundred dates thousands of times: by text alone in the
      // default pattern (no key to build for each call), by pattern and text otherwise.
      if (typeof pattern !== "string") {
        let text = defaultDates.get(value);
        if (text === undefined) {
          text = formatDate(parseISO(String(value)), "d MMM yyyy");
          defaultDates.set(value, text);
        }
        return text;
      }
      const key = `${String(value)}\u0000${pattern}`;
      let text = formattedDates.get(key);
      if (text === undefined) {
        text = formatDate(parseISO(String(value)), pattern);
        formattedDates.set(key, text);
      }
      return text;
    },
    /** {{money amount currency}} "GBP 14.26M". */
    money: (...list: unknown[]) => {
      const [amount, currency] = args(list);
      return typeof amount === "number"
        ? formatMoney(amount, typeof currency === "string" ? currency : undefined)
        : NONE;
    },
    /** {{percent value}} "62%". */
    percent: (...list: unknown[]) => {
      const [value] = args(list);
      return typeof value === "number" ? formatPercent(value) : NONE;
    },
    /** {{number value}} "1,234". */
    number: (...list: unknown[]) => {
      const [value] = args(list);
      return typeof value === "number" ? groupThousands(value) : NONE;
    },
    /** {{days n}} "+21" / "-4" / "0": a signed count of days (slip, variance). */
    days: (...list: unknown[]) => {
      const [value] = args(list);
      if (typeof value !== "number") return NONE;
      return value > 0 ? `+${value}` : String(value);
    },
    /** {{signedMoney amount currency}} for variances: "+GBP 1.86M". */
    signedMoney: (...list: unknown[]) => {
      const [amount, currency] = args(list);
      if (typeof amount !== "number") return NONE;
      const text = formatMoney(Math.abs(amount), typeof currency === "string" ? currency : undefined);
      return amount > 0 ? `+${text}` : amount < 0 ? `-${text}` : text;
    },
    /** {{badge status}} for a status view ({ value, label }); a dash when there is none. */
    badge: (...list: unknown[]) => {
      const [status] = args(list) as [StatusView | null | undefined];
      if (!status) return isHtml ? safe(`<span class="badge status-none">${NONE}</span>`) : NONE;
      return badge("status", status.value, status.label);
    },
    /** {{band "high"}} a risk band badge. */
    band: (...list: unknown[]) => {
      const [value] = args(list);
      const text = String(value);
      return badge("band", text, text.charAt(0).toUpperCase() + text.slice(1));
    },
    /** {{label "project-management-support"}} "Project management support". */
    label: (...list: unknown[]) => {
      const [value] = args(list);
      if (!present(value)) return NONE;
      const text = String(value).replace(/-/g, " ");
      return text.charAt(0).toUpperCase() + text.slice(1);
    },
    /** {{or value "fallback"}} the first present value. */
    or: (...list: unknown[]) => args(list).find(present) ?? NONE,
    /** {{join list ", "}} */
    join: (...list: unknown[]) => {
      const [items, separator] = args(list);
      return Array.isArray(items) && items.length > 0
        ? items.map(String).join(typeof separator === "string" ? separator : ", ")
        : NONE;
    },
    /** {{#each (sortBy list "score" "desc")}}: a sorted copy, by a dotted field. */
    sortBy: (...list: unknown[]) => {
      const [items, key, order] = args(list);
      if (!Array.isArray(items)) return [];
      const sign = order === "desc" ? -1 : 1;
      return [...items].sort((a, b) => sign * compare(field(a, String(key)), field(b, String(key))));
    },
    /** {{#each (groupBy list "portfolio")}}{{key}}: {{#each items}}...: groups in first-seen order. */
    groupBy: (...list: unknown[]) => {
      const [items, key] = args(list);
      const groups = new Map<string, unknown[]>();
      for (const item of Array.isArray(items) ? items : []) {
        const k = String(field(item, String(key)) ?? NONE);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return [...groups.entries()].map(([k, members]) => ({ key: k, items: members }));
    },
    /** {{#if (eq a b)}} */
    eq: (...list: unknown[]) => {
      const [a, b] = args(list);
      return a === b;
    },
    /** {{#if (gt a b)}} */
    gt: (...list: unknown[]) => {
      const [a, b] = args(list);
      return typeof a === "number" && typeof b === "number" && a > b;
    },
    /** {{add @index 1}} */
    add: (...list: unknown[]) => {
      const [a, b] = args(list);
      return Number(a) + Number(b);
    },
    /**
     * {{cssString value}} a quoted CSS string, for `content:` in the print stylesheet's running
     * headers. Inside <style> HTML entities are not decoded, so the value is escaped for CSS
     * instead: quotes, backslashes, line breaks and `<` (which could close the element).
     */
    cssString: (...list: unknown[]) => {
      const [value] = args(list);
      const text = present(value) ? String(value) : "";
      const escaped = [...text]
        .map((c) =>
          c === "\\" || c === '"' || c === "<" || c === ">" || c === "&" || c < " " || c === "\u007f"
            ? `\\${c.charCodeAt(0).toString(16)} `
            : c,
        )
        .join("");
      return isHtml ? safe(`"${escaped}"`) : `"${escaped}"`;
    },
    /** {{plural count "risk" "risks"}} "1 risk", "3 risks". */
    plural: (...list: unknown[]) => {
      const [count, one, many] = args(list);
      return `${String(count)} ${count === 1 ? String(one) : String(many ?? `${String(one)}s`)}`;
    },
  };
}
