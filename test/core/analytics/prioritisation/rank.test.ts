import { describe, expect, it } from "vitest";
import {
  rankPortfolio,
  type Candidate,
  type PrioritisationMethod,
} from "../../../../src/core/analytics/prioritisation/index.js";

const method = (over: Partial<PrioritisationMethod> = {}): PrioritisationMethod => ({
  method: "weighted-sum",
  declaredBy: "PF",
  scale: { min: 1, max: 5 },
  criteria: [],
  alignmentPoints: { high: 5, medium: 3, low: 1 },
  objectives: [],
  fundingOrder: "committed-first",
  ...over,
});

const candidate = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  name: id,
  stage: "proposal",
  committed: false,
  cost: 100,
  scores: {},
  contributions: [],
  dependsOn: [],
  ...over,
});

const rank = (m: PrioritisationMethod, candidates: Candidate[], envelope?: number) =>
  rankPortfolio({ portfolio: { id: "PF", name: "PF" }, method: m, currency: "EUR", envelope, candidates });

describe("rankPortfolio: weighted sum", () => {
  // "Weighted Scoring Model for MYH Inc.", first table (https://samples.primeessays.com/business/weighted-scoring-model.html):
  // six criteria weighted 10/25/25/15/10/15, scores out of 100; published weighted project
  // scores 79, 78.5, 55 and 36.5.
  it("reproduces the published MYH Inc. weighted scoring model (79, 78.5, 55, 36.5)", () => {
    const criteria = [
      ["strategy", 10],
      ["upfront-costs", 25],
      ["net-savings", 25],
      ["technology", 15],
      ["expertise", 10],
      ["resistance", 15],
    ].map(([id, weight]) => ({
      id: id as string,
      name: id as string,
      weight: weight as number,
      source: "scores" as const,
    }));
    const table: Record<string, number[]> = {
      "Project 1": [90, 70, 90, 90, 90, 50],
      "Project 2": [90, 80, 70, 70, 80, 90],
      "Project 3": [90, 20, 50, 60, 60, 90],
      "Project 4": [90, 10, 20, 50, 50, 50],
    };
    const candidates = Object.entries(table).map(([id, s]) =>
      candidate(id, { scores: Object.fromEntries(criteria.map((c, i) => [c.id, s[i]!])) }),
    );
    const ranking = rank(method({ scale: { min: 0, max: 100 }, criteria }), candidates.reverse());
    expect(ranking.rows.map((r) => [r.rank, r.candidate.id, r.score.value])).toEqual([
      [1, "Project 1", 79],
      [2, "Project 2", 78.5],
      [3, "Project 3", 55],
      [4, "Project 4", 36.5],
    ]);
    expect(ranking.rows[0]!.score.arithmetic).toBe("(10×90 + 25×70 + 25×90 + 15×90 + 10×90 + 15×50) / 100 = 79");
  });

  // beginpm.com, "What is the weighted scoring model?" (https://beginpm.com/asking/what-is-the-weighted-scoring-model):
  // scores 4, 3 and 5 weighted 40%, 30% and 30% give 1.6 + 0.9 + 1.5 = 4.0.
  it("reproduces beginpm's worked example (4 × 0.4 + 3 × 0.3 + 5 × 0.3 = 4.0)", () => {
    const criteria = [
      ["user", 40],
      ["cost", 30],
      ["feasibility", 30],
    ].map(([id, weight]) => ({
      id: id as string,
      name: id as string,
      weight: weight as number,
      source: "scores" as const,
    }));
    const ranking = rank(method({ criteria }), [candidate("A", { scores: { user: 4, cost: 3, feasibility: 5 } })]);
    expect(ranking.rows[0]!.score.value).toBe(4);
  });

  it("computes objective alignment as a criterion: strength points × objective weight", () => {
    const m = method({
      criteria: [
        { id: "fit", name: "Fit", weight: 50, source: "alignment" },
        { id: "value", name: "Value", weight: 50, source: "scores" },
      ],
      objectives: [
        { id: "O1", name: "O1", weight: 60 },
        { id: "O2", name: "O2", weight: 40 },
      ],
    });
    const ranking = rank(m, [
      candidate("A", {
        scores: { value: 3 },
        contributions: [
          { objective: "O1", strength: "high" },
          { objective: "O2", strength: "low" },
        ],
      }),
      candidate("B", { scores: { value: 3 }, contributions: [] }),
      candidate("C", { scores: { value: 3 }, contributions: [{ objective: "O1" }] }),
    ]);
    // A: (60×5 + 40×1)/100 = 3.4, then (50×3.4 + 50×3)/100 = 3.2. B: alignment 0 → 1.5.
    expect(ranking.rows.map((r) => [r.candidate.id, r.score.value])).toEqual([
      ["A", 3.2],
      ["B", 1.5],
      ["C", undefined],
    ]);
    expect(ranking.rows[0]!.score.arithmetic).toBe(
      "(50×3.4 + 50×3) / 100 = 3.2; fit = (60×5 O1 high + 40×1 O2 low) / 100 = 3.4",
    );
    expect(ranking.unscored).toEqual([{ id: "C", rank: 3, missing: ["fit (the contribution to O1 has no strength)"] }]);
  });

  it("ranks an unscored project last, saying what is missing, never as 0", () => {
    const criteria = [{ id: "a", name: "a", weight: 100, source: "scores" as const }];
    const ranking = rank(method({ criteria }), [candidate("X"), candidate("Y", { scores: { a: 1 } })]);
    expect(ranking.rows.map((r) => r.candidate.id)).toEqual(["Y", "X"]);
    expect(ranking.rows[1]!.score).toMatchObject({
      value: undefined,
      missing: ["a"],
      arithmetic: "(100×?) / 100 = unknown (missing a)",
    });
  });

  it("breaks ties by lower cost, then known cost before unknown, then id", () => {
    const criteria = [{ id: "a", name: "a", weight: 100, source: "scores" as const }];
    const s = { a: 3 };
    const ranking = rank(method({ criteria }), [
      candidate("D", { scores: s, cost: undefined }),
      candidate("C", { scores: s, cost: 50 }),
      candidate("B", { scores: s, cost: 80 }),
      candidate("A", { scores: s, cost: 80 }),
    ]);
    expect(ranking.rows.map((r) => r.candidate.id)).toEqual(["C", "A", "B", "D"]);
  });
});

describe("rankPortfolio: WSJF", () => {
  // Scaled Agile, Inc., WSJF prioritisation template ("Prioritisation Framework: WSJF",
  // https://docs.google.com/spreadsheets/d/1bGtMWfQDEQ6yzy--4iWuyoPsD87qBTrJ/edit, rows 6-17):
  // job size, user-business value, time criticality, risk reduction/opportunity enablement,
  // and the published WSJF score. The sheet rounds up to two decimals (16 / 13 = 1.2308 shows as
  // 1.24, 12 / 13 = 0.923 as 0.93), so the comparison rounds up too.
  const safe: [string, number, number, number, number, number][] = [
    ["Funky ferret", 5, 8, 5, 13, 5.2],
    ["Fancy falcon", 5, 8, 5, 8, 4.2],
    ["Grumpy gazelle", 8, 13, 5, 8, 3.25],
    ["Cheeky chicken", 5, 5, 3, 8, 3.2],
    ["Worried wolf", 5, 8, 1, 5, 2.8],
    ["Excited eagle", 8, 13, 3, 8, 3],
    ["Funny frog", 5, 5, 1, 5, 2.2],
    ["Powerful piglet", 5, 5, 1, 5, 2.2],
    ["Hilarious hound", 13, 8, 5, 8, 1.62],
    ["Happy hamster", 13, 5, 3, 8, 1.24],
    ["Panicky pigeon", 13, 5, 3, 8, 1.24],
    ["Clumsy camel", 13, 8, 1, 3, 0.93],
  ];
  it("reproduces Scaled Agile's WSJF template: cost of delay over job size, and the order it implies", () => {
    const candidates = safe.map(([id, jobSize, businessValue, timeCriticality, riskReduction]) =>
      candidate(id, { wsjf: { businessValue, timeCriticality, riskReduction, jobSize } }),
    );
    const ranking = rank(method({ method: "wsjf" }), candidates);
    for (const row of ranking.rows) {
      const published = safe.find((s) => s[0] === row.candidate.id)![5];
      expect(Math.ceil(row.score.value! * 100 - 1e-9) / 100, row.candidate.id).toBe(published);
    }
    expect(ranking.rows.map((r) => r.candidate.id)).toEqual([
      "Funky ferret",
      "Fancy falcon",
      "Grumpy gazelle",
      "Cheeky chicken",
      "Excited eagle",
      "Worried wolf",
      // Equal WSJF and equal cost: by id.
      "Funny frog",
      "Powerful piglet",
      "Hilarious hound",
      "Happy hamster",
      "Panicky pigeon",
      "Clumsy camel",
    ]);
    expect(ranking.rows[0]!.score).toMatchObject({ selectionValue: 26, arithmetic: "(8 + 5 + 13) / 5 = 26 / 5 = 5.2" });
  });

  it("leaves a project with a missing WSJF component unscored", () => {
    const ranking = rank(method({ method: "wsjf" }), [
      candidate("A", { wsjf: { businessValue: 3, timeCriticality: 2, jobSize: 1 } }),
    ]);
    expect(ranking.rows[0]!.score).toMatchObject({ value: undefined, missing: ["wsjf.riskReduction"] });
  });
});

describe("rankPortfolio: the cut line", () => {
  const criteria = [{ id: "a", name: "a", weight: 100, source: "scores" as const }];
  const m = method({ criteria });

  it("funds committed work first, then proposals by rank, and draws the line where the envelope runs out", () => {
    const ranking = rank(
      m,
      [
        candidate("P1", { scores: { a: 5 }, cost: 300 }),
        candidate("P2", { scores: { a: 4 }, cost: 100 }),
        candidate("D1", { scores: { a: 1 }, cost: 500, committed: true, stage: "delivery" }),
        candidate("P3", { scores: { a: 3 }, cost: 50 }),
      ],
      900,
    );
    expect(ranking.rows.map((r) => [r.rank, r.candidate.id, r.fundingPosition, r.cumulative, r.funding])).toEqual([
      [1, "P1", 2, 800, "funded"],
      [2, "P2", 3, 900, "funded"],
      [3, "P3", 4, 950, "below-line"],
      [4, "D1", 1, 500, "funded"],
    ]);
    expect(ranking.cutLine).toEqual({ afterPosition: 3, lastFunded: "P2", firstBelow: "P3" });
    expect(ranking.fundedCost).toBe(900);
  });

  it("in rank order, a committed project can fall below the line", () => {
    const ranking = rank(
      method({ criteria, fundingOrder: "rank" }),
      [
        candidate("P1", { scores: { a: 5 }, cost: 300 }),
        candidate("D1", { scores: { a: 1 }, cost: 500, committed: true, stage: "delivery" }),
      ],
      400,
    );
    expect(ranking.rows.map((r) => [r.candidate.id, r.funding])).toEqual([
      ["P1", "funded"],
      ["D1", "below-line"],
    ]);
  });

  it("leaves unknown costs out of the cumulative cost and lists them with their rank", () => {
    const ranking = rank(
      m,
      [
        candidate("P1", { scores: { a: 5 }, cost: undefined, costUnknownBecause: "no forecast or approved budget" }),
        candidate("P2", { scores: { a: 4 }, cost: 100 }),
      ],
      1000,
    );
    expect(ranking.rows.map((r) => [r.candidate.id, r.cumulative, r.funding])).toEqual([
      ["P1", undefined, "cost-unknown"],
      ["P2", 100, "funded"],
    ]);
    expect(ranking.costUnknown).toEqual([{ id: "P1", rank: 1, because: "no forecast or approved budget" }]);
    expect(ranking.totalCost).toBe(100);
  });

  it("deducts sub-portfolio envelopes from what the portfolio's own projects can use", () => {
    const ranking = rankPortfolio({
      portfolio: { id: "PF", name: "PF" },
      method: m,
      currency: "EUR",
      envelope: 1000,
      subPortfolioEnvelopes: [{ id: "SUB", envelope: 800 }],
      candidates: [candidate("P1", { scores: { a: 5 }, cost: 300 })],
    });
    expect(ranking.available).toBe(200);
    expect(ranking.rows[0]!.funding).toBe("below-line");
    expect(ranking.cutLine).toEqual({ afterPosition: 0, lastFunded: undefined, firstBelow: "P1" });
  });

  it("without an envelope there is no line, but the cumulative cost is still shown", () => {
    const ranking = rank(m, [candidate("P1", { scores: { a: 5 }, cost: 300 })]);
    expect(ranking.rows[0]).toMatchObject({ cumulative: 300, funding: "no-envelope" });
    expect(ranking.cutLine).toBeUndefined();
  });
});
