import { describe, expect, it } from "vitest";
import {
  churnRate,
  customerMovements,
  fitShiftedBetaGeometric,
  kaplanMeier,
  parseActivityEvents,
  parseChurnRateInput,
  parseMrrRecords,
  parseRevenueMovements,
  parseSbgRows,
  parseSubscriptionRecords,
  parseSurvivalRecords,
  revenueRetention,
} from "../../src/churn/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("churn schemas", () => {
  it("parsed JSON feeds the calculators", () => {
    const json = JSON.parse('{"customersAtStart": 200, "customersLost": 10, "method": "average", "customersAtEnd": 220}');
    expect(churnRate(parseChurnRateInput(json)).rate).toBe(10 / 210);
    const daily = parseChurnRateInput({ method: "daily-sum", daily: [{ customersAtStart: 10, customersLost: 1 }] });
    expect(churnRate(daily).rate).toBe(0.1);
    const subs = parseSubscriptionRecords(
      JSON.parse(
        '[{"customerId": "a", "start": "2024-01-01", "end": null}, {"customerId": 2, "start": "2024-01-05", "end": "2024-02-01"}]',
      ),
    );
    expect(customerMovements(subs, { asOf: "2024-02-29" }).rows.map((r) => r.customersAtEnd)).toEqual([2, 1]);
    expect(parseActivityEvents([{ customerId: "x", at: "2024-01-01", amount: "1.5" }])).toHaveLength(1);
    expect(revenueRetention(parseRevenueMovements({ startingMrr: "100", churnedMrr: "5" })).grossMrrChurnRate).toBe(0.05);
    expect(parseMrrRecords([{ customerId: 1, at: 0, mrr: "3" }])).toHaveLength(1);
    expect(
      kaplanMeier(
        parseSurvivalRecords([
          { duration: 3, churned: true },
          { duration: 5, churned: false, entry: 1 },
        ]),
      ).n,
    ).toBe(2);
    expect(
      fitShiftedBetaGeometric(
        parseSbgRows([
          { recency: 1, T: 3, count: 40 },
          { recency: 2, T: 3, count: 20 },
          { recency: 3, T: 3, count: 40 },
        ]),
      ).n,
    ).toBe(100);
  });

  it("reject bad input with code and path", () => {
    expectMetricsError(() => parseChurnRateInput({ customersAtStart: 1.5, customersLost: 0 }), "invalid_type", [
      "customersAtStart",
    ]);
    expectMetricsError(() => parseChurnRateInput({ customersAtStart: 10, customersLost: Number.NaN }), "invalid_type", [
      "customersLost",
    ]);
    expectMetricsError(() => parseChurnRateInput({ customersAtStart: 10 }), "invalid_input", ["customersLost"]);
    expectMetricsError(() => parseChurnRateInput({ method: "daily-sum" }), "invalid_input", ["daily"]);
    expectMetricsError(() => parseChurnRateInput({ customersAtStart: 10, customersLost: 1, method: "mean" }), "invalid_option", [
      "method",
    ]);
    expectMetricsError(() => parseSubscriptionRecords([]), "out_of_range", []);
    expectMetricsError(() => parseSubscriptionRecords([{ customerId: "__proto__", start: "2024-01-01" }]), "unsafe_key", [
      0,
      "customerId",
    ]);
    expectMetricsError(() => parseActivityEvents([{ customerId: 1, at: Number.POSITIVE_INFINITY }]), "invalid_option", [0, "at"]);
    expectMetricsError(() => parseRevenueMovements({ startingMrr: "100", typo: 1 }), "invalid_input", []);
    expectMetricsError(() => parseMrrRecords([{ customerId: 1, at: "2024-01-01", mrr: "-3" }]), "invalid_input", [0, "mrr"]);
    expectMetricsError(() => parseSurvivalRecords([{ duration: 3, churned: "yes" }]), "invalid_type", [0, "churned"]);
    expectMetricsError(() => parseSbgRows([{ recency: 1.5, T: 3 }]), "invalid_type", [0, "recency"]);
  });
});
