import { describe, expect, it } from "vitest";
import { rfmFromTransactions, rfmScores } from "../../src/segments/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("rfmFromTransactions", () => {
  // Hand-computed summaries (asOf 2024-06-30, days): ann first 01-05, last 06-25 (3 purchases: 120, 80, 100);
  // bob one purchase 02-11 (30); cy 06-01 and 06-20 (45, 55); dee two purchases on 03-01 (one period: 10 + 20).
  const tx = [
    { customerId: "ann", at: "2024-01-05", amount: 120 },
    { customerId: "bob", at: "2024-02-11", amount: 30 },
    { customerId: "dee", at: "2024-03-01T09:00:00Z", amount: 10 },
    { customerId: "ann", at: "2024-05-20", amount: 80 },
    { customerId: "cy", at: "2024-06-01", amount: 45 },
    { customerId: "dee", at: "2024-03-01T17:00:00Z", amount: 20 },
    { customerId: "cy", at: "2024-06-20", amount: 55 },
    { customerId: "ann", at: "2024-06-25", amount: 100 },
  ];

  it("summarizes with the first purchase counted, then scores", () => {
    const got = rfmFromTransactions(tx, { asOf: "2024-06-30" });
    const expected = rfmScores([
      { customerId: "ann", frequency: 3, recency: 172, T: 177, monetaryValue: 100 },
      { customerId: "bob", frequency: 1, recency: 0, T: 140, monetaryValue: 30 },
      { customerId: "dee", frequency: 1, recency: 0, T: 121, monetaryValue: 30 },
      { customerId: "cy", frequency: 2, recency: 19, T: 29, monetaryValue: 50 },
    ]);
    expect(got).toEqual(expected);
    expect(got.map((s) => s.sinceLastPurchase)).toEqual([5, 140, 121, 10]);
  });

  it("follows btyd's repeat-only convention when asked", () => {
    const got = rfmFromTransactions(tx, { asOf: "2024-06-30", includeFirstTransaction: false, bins: 2 });
    expect(got.map((s) => [s.frequency, s.monetaryValue])).toEqual([
      [2, 90],
      [0, 0],
      [0, 0],
      [1, 55],
    ]);
  });

  it("works in weeks and with cut points", () => {
    const got = rfmFromTransactions(tx, {
      asOf: "2024-06-30",
      unit: "week",
      method: "cut-points",
      bins: 3,
      cutPoints: { recency: [1, 8], frequency: [2, 3], monetary: [40, 80] },
    });
    // ann: last purchase in the week of 06-24, asOf's week is the same (0 weeks) -> r 3; 3 purchases -> f 3; 100 -> m 3.
    expect(got[0]?.code).toBe("333");
    expect(got[0]?.sinceLastPurchase).toBe(0);
  });

  it("rejects transactions without amounts and passes btyd's errors through", () => {
    expectMetricsError(
      () => rfmFromTransactions([{ customerId: 1, at: "2024-01-01" }], { asOf: "2024-06-30" }),
      "invalid_input",
      [0, "amount"],
    );
    expectMetricsError(() => rfmFromTransactions([], { asOf: "2024-06-30" }), "empty_sample", ["transactions"]);
    expectMetricsError(
      () => rfmFromTransactions([{ customerId: 1, at: "someday", amount: 1 }], { asOf: "2024-06-30" }),
      "invalid_date",
      [0, "at"],
    );
    expectMetricsError(() => rfmFromTransactions(tx, { asOf: "2024-06-30", bins: 12 }), "out_of_range", ["options", "bins"]);
    expectMetricsError(() => rfmFromTransactions(tx, null as never), "invalid_type", ["options"]);
  });
});
