import { rule } from "../../../src/core/rules/sub-portfolio-envelopes-within-parent.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A sub-portfolio of PF-A (whose envelope is EUR 10M); its envelope is on line 7. */
const sub = (id: string, envelope: string, currency = "EUR"): string => `apiVersion: pmo/v1
kind: Portfolio
id: ${id}
name: Programme ${id}
owner: ann
parent: PF-A
budget: { currency: ${currency}, envelope: ${envelope} }
`;

testRule(rule, {
  valid: [
    { name: "no sub-portfolios", files: {} },
    {
      name: "sub-portfolios within the parent's envelope",
      files: { "a.yaml": sub("PG-1", "6000000"), "b.yaml": sub("PG-2", "4000000") },
    },
    {
      name: "a sub-portfolio without an envelope",
      files: { "a.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PG-1\nname: P\nowner: ann\nparent: PF-A\n" },
    },
    {
      name: "a parent without an envelope",
      files: {
        "portfolio.yaml": "apiVersion: pmo/v1\nkind: Portfolio\nid: PF-A\nname: A\nowner: ann\n",
        "a.yaml": sub("PG-1", "60000000"),
      },
    },
  ],
  invalid: [
    {
      name: "sub-portfolio envelopes over the parent's",
      files: { "a.yaml": sub("PG-1", "7000000"), "b.yaml": sub("PG-2", "4500000") },
      errors: [
        {
          file: "portfolio.yaml",
          line: 13,
          column: 36,
          pointer: "/budget/envelope",
          messageId: "overParent",
          data: { children: "PG-1, PG-2", total: "EUR 11.5M", over: "15%", envelope: "EUR 10M" },
        },
      ],
    },
    {
      name: "an envelope in another currency is not added",
      files: { "a.yaml": sub("PG-1", "6000000"), "b.yaml": sub("PG-2", "9000000", "GBP") },
      errors: [
        {
          file: "b.yaml",
          line: 7,
          column: 36,
          pointer: "/budget/envelope",
          messageId: "notComparable",
          data: { currency: "GBP", parentCurrency: "EUR", parent: "PF-A" },
        },
      ],
    },
  ],
});
