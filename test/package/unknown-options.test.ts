import { describe, expect, it } from "vitest";
import * as btyd from "../../src/btyd/index.js";
import * as churn from "../../src/churn/index.js";
import * as core from "../../src/core/index.js";
import * as journey from "../../src/journey/index.js";
import * as loyalty from "../../src/loyalty/index.js";
import * as math from "../../src/math/index.js";
import * as nps from "../../src/nps/index.js";
import * as projections from "../../src/projections/index.js";
import * as segments from "../../src/segments/index.js";
import * as surveys from "../../src/surveys/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Issue 12, "One option convention": every public function that takes an options object rejects an
// unknown key with `invalid_option` at ["options", key]. Each row calls the function with a minimal
// valid input and its valid options plus `bogusKey`; the same call without `bogusKey` must succeed.

type Call = (options: Record<string, unknown>) => unknown;

const timed = [
  { score: 10, at: "2024-01-05" },
  { score: 3, at: "2024-01-20" },
  { score: 9, at: "2024-03-02" },
];
const events = [
  { customerId: "a", at: "2024-01-05" },
  { customerId: "a", at: "2024-02-11" },
  { customerId: "b", at: "2024-01-17" },
];
const survival = [
  { duration: 9, churned: true },
  { duration: 13, churned: false },
  { duration: 18, churned: true },
];
const btydRows = [
  { frequency: 1, recency: 5, T: 10 },
  { frequency: 0, recency: 0, T: 8 },
  { frequency: 3, recency: 7, T: 9 },
  { frequency: 2, recency: 3, T: 12 },
];
const spendRows = [
  { frequency: 1, monetaryValue: 20 },
  { frequency: 3, monetaryValue: 35 },
  { frequency: 2, monetaryValue: 12 },
  { frequency: 5, monetaryValue: 28 },
];
const rfmRows = [
  { customerId: "a", frequency: 6, recency: 300, T: 310, monetaryValue: 80 },
  { customerId: "b", frequency: 1, recency: 20, T: 200, monetaryValue: 35 },
  { customerId: "c", frequency: 0, recency: 0, T: 90, monetaryValue: 0 },
];
const journeyCustomer = { firstContactAt: "2024-01-20", purchasedAt: "2024-02-01" };
const projectionBase = {
  periods: 3,
  startingCustomers: 1000,
  retentionRate: 0.8,
  profitPerCustomer: { base: "100" },
  discountRate: 0.1,
};

const CASES: readonly (readonly [string, Call, Record<string, unknown>])[] = [
  // nps
  ["nps", (o) => nps.nps([9, 10, 3], o), { confidence: 0.9 }],
  ["npsTally", (o) => nps.npsTally([9, 10, 3], o), { onInvalid: "throw" }],
  ["npsTrend", (o) => nps.npsTrend(timed, o as never), { period: "month" }],
  [
    "npsBySegment",
    (o) =>
      nps.npsBySegment(
        [
          { score: 10, plan: "pro" },
          { score: 2, plan: "free" },
        ],
        "plan",
        o,
      ),
    { confidence: 0.9 },
  ],
  [
    "compareNps",
    (o) => nps.compareNps({ promoters: 60, passives: 20, detractors: 20 }, { promoters: 40, passives: 30, detractors: 30 }, o),
    { confidence: 0.9 },
  ],
  // surveys
  ["csat", (o) => surveys.csat([5, 4, 4, 3, 1], o), { method: "mean" }],
  ["ces", (o) => surveys.ces([7, 6, 5, 2], o), { confidence: 0.9 }],
  ["ratingTally", (o) => surveys.ratingTally([5, 4, 3], o), { scale: 5 }],
  [
    "customerLoyaltyIndex",
    (o) => surveys.customerLoyaltyIndex([{ recommend: 6, repurchase: 7, tryOther: 8 }], o),
    { method: "mean" },
  ],
  ["customerLoyaltyIndexTally", (o) => surveys.customerLoyaltyIndexTally([{ recommend: 6, repurchase: 7, tryOther: 8 }], o), {}],
  // loyalty
  ["repeatPurchaseRate", (o) => loyalty.repeatPurchaseRate(events, o), { period: "month" }],
  [
    "referralRate",
    (o) => loyalty.referralRate({ customers: 200, referringCustomers: 30, referrals: 45 }, o),
    { confidence: 0.9 },
  ],
  // churn
  ["kaplanMeier", (o) => churn.kaplanMeier(survival, o), { interval: "log" }],
  ["logRankTest", (o) => churn.logRankTest([survival, survival], o), {}],
  ["cohortRetention", (o) => churn.cohortRetention(events, o), { period: "month", asOf: "2024-03-31" }],
  ["cohortRetentionTally", (o) => churn.cohortRetentionTally(events, o), { period: "month" }],
  ["fitShiftedBetaGeometric", (o) => churn.fitShiftedBetaGeometric([1000, 869, 743, 653], o), {}],
  [
    "customerMovements",
    (o) => churn.customerMovements([{ customerId: "a", start: "2024-01-10" }], o as never),
    { period: "month", asOf: "2024-03-31" },
  ],
  // btyd
  ["summarizeTransactions", (o) => btyd.summarizeTransactions(events, o as never), { asOf: "2024-03-31", unit: "day" }],
  ["fitBetaGeoNbd", (o) => btyd.fitBetaGeoNbd(btydRows, o), { maxIterations: 200 }],
  ["fitModifiedBetaGeoNbd", (o) => btyd.fitModifiedBetaGeoNbd(btydRows, o), { maxIterations: 200 }],
  ["fitParetoNbd", (o) => btyd.fitParetoNbd(btydRows, o), { maxIterations: 200 }],
  ["fitGammaGamma", (o) => btyd.fitGammaGamma(spendRows, o), { maxIterations: 200 }],
  [
    "simulateParetoNbd",
    (o) => btyd.simulateParetoNbd({ r: 1, alpha: 1, s: 1, beta: 1 }, o as never),
    { customers: 2, seed: 1, observationDays: 10 },
  ],
  [
    "simulateBetaGeoNbd",
    (o) => btyd.simulateBetaGeoNbd({ r: 1, alpha: 1, a: 1, b: 1 }, o as never),
    { customers: 2, seed: 1, observationDays: 10 },
  ],
  // projections
  ["retentionSensitivity", (o) => projections.retentionSensitivity(projectionBase, o as never), { retentionRates: [0.7, 0.9] }],
  [
    "compareRetentionScenarios",
    (o) => projections.compareRetentionScenarios(projectionBase, o as never),
    { retentionDelta: 0.05 },
  ],
  // journey
  [
    "classifyJourneyStage",
    (o) => journey.classifyJourneyStage(journey.COLEMAN_JOURNEY, journeyCustomer, o as never),
    { asOf: "2024-03-05" },
  ],
  ["journeyFunnel", (o) => journey.journeyFunnel(journey.COLEMAN_JOURNEY, [journeyCustomer], o as never), { asOf: "2024-03-05" }],
  [
    "journeyDistribution",
    (o) => journey.journeyDistribution(journey.COLEMAN_JOURNEY, [journeyCustomer], o as never),
    { asOf: "2024-03-05" },
  ],
  // segments
  ["rfmScores", (o) => segments.rfmScores(rfmRows, o), { bins: 3 }],
  ["rfmSegments", (o) => segments.rfmSegments([{ customerId: 1, r: 5, f: 5, m: 4 }], o), {}],
  [
    "valueRiskQuadrants",
    (o) =>
      segments.valueRiskQuadrants(
        [
          { customerId: "a", probabilityAlive: 0.9, value: 500 },
          { customerId: "b", probabilityAlive: 0.2, value: 80 },
        ],
        o,
      ),
    {},
  ],
  // core and math
  ["roundMoney", (o) => core.roundMoney("1.005", o), { decimals: 2 }],
  ["convertRate", (o) => core.convertRate(0.1, o as never), { from: "year", to: "month" }],
  ["minimize", (o) => math.minimize((x) => (x[0]! - 1) ** 2, [0], o), { maxIterations: 100 }],
];

describe("unknown option keys (issue 12)", () => {
  it("covers at least 25 functions", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  for (const [name, call, valid] of CASES) {
    it(`${name} accepts its valid options and rejects bogusKey at ["options", "bogusKey"]`, () => {
      expect(() => call({ ...valid })).not.toThrow();
      expectMetricsError(() => call({ ...valid, bogusKey: 1 }), "invalid_option", ["options", "bogusKey"]);
    });
  }

  it("rejects the misspellings from the issue", () => {
    expectMetricsError(() => nps.nps([9, 10], { confidnce: 0.9 } as never), "invalid_option", ["options", "confidnce"]);
    expectMetricsError(() => nps.npsTrend(timed, { period: "month", window: 3 } as never), "invalid_option", [
      "options",
      "window",
    ]);
  });

  it("puts btyd fit option errors under options", () => {
    expectMetricsError(() => btyd.fitBetaGeoNbd(btydRows, { penalizer: -1 }), "out_of_range", ["options", "penalizer"]);
  });
});
