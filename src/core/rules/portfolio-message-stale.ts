import { statusMessageState } from "../domain/index.js";
import type { StatusMessage } from "../../model/entities.js";
import type { DocumentRef } from "../../model/document.js";
import { defineRule } from "./rule.js";
import { formatDays } from "./support/days.js";

/**
 * A portfolio's status message (and the engagement's, the message for the whole portfolio)
 * is what the board reads first: the headline and what it is asked to do. Written for one
 * reporting period, it goes stale after the status validity period, as a project's status
 * report does; the report marks it stale by the same fact (statusMessageState). A portfolio
 * without a message is not judged: the message is optional.
 */
export const rule = defineRule({
  meta: {
    id: "portfolio-message-stale",
    description: "A portfolio's or the engagement's status message is no older than the status validity period",
    group: "portfolio",
    severity: "warn",
    presets: ["recommended", "strategic", "operational"],
    messages: {
      stale:
        "the status message of {{owner}} as of {{date}} is {{age}} old on {{asOf}}; a message is valid for {{validity}}: write this period's message",
    },
  },
  check({ catalog, settings, asOf, report }) {
    const judge = (doc: DocumentRef, owner: string, message: StatusMessage | undefined): void => {
      if (!message) return;
      const state = statusMessageState(message, settings, asOf);
      if (!state.stale) return;
      report({
        doc,
        path: ["message", "asOf"],
        messageId: "stale",
        data: {
          owner,
          date: message.asOf,
          age: formatDays(state.age),
          asOf,
          validity: formatDays(state.validityDays),
        },
      });
    };
    if (catalog.engagement) judge(catalog.engagement.doc, "the engagement", catalog.engagement.value.message);
    for (const { doc, value: portfolio } of catalog.portfolios)
      judge(doc, `portfolio ${portfolio.id}`, portfolio.message);
  },
});
