import type { Portfolio, Project } from "../../model/entities.js";
import { sumCommitted, type Entry } from "../domain/index.js";
import { formatMoney, formatPercent } from "../money.js";
import { defineRule } from "./rule.js";

/** What a portfolio's committed projects, its sub-portfolios' included, are forecast to cost. */
interface Commitment {
  /** Projects with money, by the currency of their budget. */
  byCurrency: Map<string, { total: number; count: number }>;
  /** Committed projects without a forecast or an approved budget. */
  unknown: number;
  /** Ids of the sub-portfolios (at any depth) that hold at least one committed project. */
  fromSubPortfolios: Set<string>;
}

/**
 * The forecast at completion of the committed projects of each portfolio and its
 * sub-portfolios, compared with the portfolio's envelope. Money is only ever added within
 * one currency: a project budgeted in another currency than the envelope is reported as not
 * comparable instead of being converted or ignored.
 */
export const rule = defineRule({
  meta: {
    id: "portfolio-within-envelope",
    description:
      "The forecast cost of a portfolio's committed projects, sub-portfolios included, stays within its budget envelope",
    group: "portfolio",
    severity: "error",
    presets: ["recommended", "strategic"],
    messages: {
      overEnvelope:
        "forecast {{total}} across {{projects}}{{scope}} is {{over}} over the envelope {{envelope}} of portfolio {{portfolio}}{{notCounted}}",
      notComparable:
        "budget in {{currency}} is not comparable with the {{envelopeCurrency}} {{envelopes}}, so it is not counted there (amounts in different currencies are never added)",
    },
  },
  check({ catalog, settings, facts, report }) {
    const memo = new Map<string, Commitment>();
    const visiting = new Set<string>();
    // Bottom-up over the portfolio tree, each portfolio once: linear in projects times depth.
    const commitmentOf = (portfolio: Entry<Portfolio>): Commitment => {
      const id = portfolio.value.id;
      const known = memo.get(id);
      if (known) return known;
      const c: Commitment = { byCurrency: new Map(), unknown: 0, fromSubPortfolios: new Set() };
      if (visiting.has(id)) return c;
      visiting.add(id);
      const own = sumCommitted(
        catalog.projectsOf(id).map((e) => e.value),
        (project) => facts.committedCost(project),
      );
      for (const [currency, { total, count }] of own.byCurrency) add(c, currency, total, count);
      c.unknown += own.unknown;
      for (const child of catalog.childrenOf(id)) {
        const sub = commitmentOf(child);
        for (const [currency, { total, count }] of sub.byCurrency) add(c, currency, total, count);
        c.unknown += sub.unknown;
        for (const s of sub.fromSubPortfolios) c.fromSubPortfolios.add(s);
        if (sub.byCurrency.size > 0 || sub.unknown > 0) c.fromSubPortfolios.add(child.value.id);
      }
      visiting.delete(id);
      memo.set(id, c);
      return c;
    };

    /** Per project budgeted in another currency: the envelopes it could not be compared with. */
    const notComparable = new Map<
      Entry<Project>,
      { currency: string; envelopes: { id: string; currency: string }[] }
    >();

    for (const entry of catalog.portfolios) {
      const { doc, value: portfolio } = entry;
      const budget = portfolio.budget;
      if (!budget) continue;
      const envelopeCurrency = budget.currency ?? settings.currency;
      const commitment = commitmentOf(entry);
      const same = commitment.byCurrency.get(envelopeCurrency);
      if (commitment.byCurrency.size > (same ? 1 : 0)) collectNotComparable(entry, envelopeCurrency);
      if (!same || same.total <= budget.envelope) continue;
      const subs = [...commitment.fromSubPortfolios].sort();
      report({
        doc,
        path: ["budget", "envelope"],
        messageId: "overEnvelope",
        data: {
          total: formatMoney(same.total, envelopeCurrency),
          projects: plural(same.count, "project"),
          scope: subs.length === 0 ? "" : ` (sub-portfolio${subs.length > 1 ? "s" : ""} ${subs.join(", ")} included)`,
          over:
            budget.envelope > 0
              ? formatPercent(((same.total - budget.envelope) / budget.envelope) * 100)
              : formatMoney(same.total, envelopeCurrency),
          envelope: formatMoney(budget.envelope, envelopeCurrency),
          portfolio: portfolio.id,
          notCounted: notCountedText(commitment, envelopeCurrency),
        },
      });
    }

    for (const [{ doc }, { currency, envelopes }] of notComparable) {
      const byCurrency = new Map<string, string[]>();
      for (const e of envelopes) byCurrency.set(e.currency, [...(byCurrency.get(e.currency) ?? []), e.id]);
      for (const [envelopeCurrency, ids] of byCurrency) {
        report({
          doc,
          path: ["budget", "currency"],
          messageId: "notComparable",
          data: {
            currency,
            envelopeCurrency,
            envelopes:
              ids.length === 1
                ? `envelope of portfolio ${ids[0]}`
                : `envelopes of portfolios ${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`,
          },
        });
      }
    }

    function collectNotComparable(portfolio: Entry<Portfolio>, envelopeCurrency: string): void {
      // Walk the portfolio's subtree again, only for portfolios that hold foreign money.
      const stack = [portfolio];
      const seen = new Set<string>();
      while (stack.length > 0) {
        const p = stack.pop()!;
        if (seen.has(p.value.id)) continue;
        seen.add(p.value.id);
        for (const entry of catalog.projectsOf(p.value.id)) {
          const project = entry.value;
          const cost = facts.committedCost(project);
          if (cost === undefined || cost === "unknown") continue;
          const currency = cost.currency;
          if (currency === envelopeCurrency) continue;
          const found = notComparable.get(entry) ?? { currency, envelopes: [] };
          found.envelopes.push({ id: portfolio.value.id, currency: envelopeCurrency });
          notComparable.set(entry, found);
        }
        stack.push(...catalog.childrenOf(p.value.id));
      }
    }
  },
});

function add(c: Commitment, currency: string, amount: number, count: number): void {
  const entry = c.byCurrency.get(currency);
  if (entry) {
    entry.total += amount;
    entry.count += count;
  } else {
    c.byCurrency.set(currency, { total: amount, count });
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "; not counted: 1 project in USD, 2 projects with no forecast or approved budget", or "". */
function notCountedText(c: Commitment, envelopeCurrency: string): string {
  const parts: string[] = [];
  for (const [currency, { count }] of [...c.byCurrency].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (currency !== envelopeCurrency) parts.push(`${plural(count, "project")} in ${currency}`);
  }
  if (c.unknown > 0) parts.push(`${plural(c.unknown, "project")} with no forecast or approved budget`);
  return parts.length === 0 ? "" : `; not counted: ${parts.join(", ")}`;
}
