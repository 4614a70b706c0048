import { formatMoney, formatPercent } from "../money.js";
import { defineRule } from "./rule.js";

/**
 * A programme's envelope is carved out of its parent portfolio's: the envelopes of a
 * portfolio's direct sub-portfolios, added within one currency, fit inside its own. Envelopes
 * in another currency than the parent's are never converted: each is reported as not
 * comparable, so that nobody reads a silent pass into a mixed-currency tree.
 */
export const rule = defineRule({
  meta: {
    id: "sub-portfolio-envelopes-within-parent",
    description: "The budget envelopes of a portfolio's sub-portfolios add up to no more than its own envelope",
    group: "portfolio",
    severity: "warn",
    presets: ["recommended", "strategic"],
    messages: {
      overParent:
        "the envelopes of its sub-portfolios ({{children}}) total {{total}}, {{over}} more than this portfolio's envelope {{envelope}}",
      notComparable:
        "envelope in {{currency}} is not comparable with the {{parentCurrency}} envelope of parent portfolio {{parent}}, so it is not counted there (amounts in different currencies are never added)",
    },
  },
  check({ catalog, settings, report }) {
    for (const { doc, value: parent } of catalog.portfolios) {
      const envelope = parent.budget?.envelope;
      if (envelope === undefined) continue;
      const currency = parent.budget?.currency ?? settings.currency;
      const counted: string[] = [];
      let total = 0;
      for (const { doc: childDoc, value: child } of catalog.childrenOf(parent.id)) {
        const childEnvelope = child.budget?.envelope;
        if (childEnvelope === undefined) continue;
        const childCurrency = child.budget?.currency ?? settings.currency;
        if (childCurrency !== currency) {
          report({
            doc: childDoc,
            path: ["budget", "envelope"],
            messageId: "notComparable",
            data: { currency: childCurrency, parentCurrency: currency, parent: parent.id },
          });
          continue;
        }
        total += childEnvelope;
        counted.push(child.id);
      }
      if (counted.length === 0 || total <= envelope) continue;
      report({
        doc,
        path: ["budget", "envelope"],
        messageId: "overParent",
        data: {
          children: counted.sort().join(", "),
          total: formatMoney(total, currency),
          over:
            envelope > 0
              ? formatPercent(((total - envelope) / envelope) * 100)
              : formatMoney(total - envelope, currency),
          envelope: formatMoney(envelope, currency),
        },
      });
    }
  },
});
