import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CxRevenueImpactInputSchema,
  EarnedGrowthRateInputSchema,
  ProjectionAssumptionsSchema,
  parseCxRevenueImpactInput,
  parseEarnedGrowthRateInput,
  parseProjectionAssumptions,
  projectRetentionProfit,
} from "../../src/projections/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/projections/projectRetentionProfit.json", import.meta.url), "utf8"),
) as {
  cases: Record<string, { assumptions: unknown }>;
};

describe("parseProjectionAssumptions", () => {
  it("accepts every fixture's assumptions (as parsed JSON) and the calculators accept the result", () => {
    for (const c of Object.values(fixture.cases)) {
      const a = parseProjectionAssumptions(c.assumptions);
      expect(projectRetentionProfit(a).periods.length).toBe(a.periods);
    }
  });

  it("rejects shapes, domains and typos with paths", () => {
    const ok = { periods: 5, retentionRate: 0.8, profitPerCustomer: { base: "100" } };
    expectMetricsError(() => parseProjectionAssumptions({ ...ok, periods: 0 }), "out_of_range", ["periods"]);
    expectMetricsError(() => parseProjectionAssumptions({ ...ok, periods: 2.5 }), "invalid_type", ["periods"]);
    expectMetricsError(() => parseProjectionAssumptions({ ...ok, retentionRate: 1.5 }), "out_of_range", ["retentionRate"]);
    expectMetricsError(
      () => parseProjectionAssumptions({ ...ok, retentionRate: { type: "per-tenure", rates: [0.5, 3] } }),
      "out_of_range",
      ["retentionRate", "rates", 1],
    );
    expectMetricsError(() => parseProjectionAssumptions({ ...ok, startingCustomers: -3 }), "out_of_range", ["startingCustomers"]);
    expectMetricsError(() => parseProjectionAssumptions({ ...ok, retention: 0.8 }), "invalid_input", []);
    expectMetricsError(() => parseProjectionAssumptions({ ...ok, timing: "middle" }), "invalid_option", ["timing"]);
    expectMetricsError(() => parseProjectionAssumptions({ ...ok, profitPerCustomer: { base: "ten" } }), "invalid_input", [
      "profitPerCustomer",
      "base",
    ]);
    expectMetricsError(() => parseProjectionAssumptions("nope"), "invalid_type", []);
  });

  it("runs the cross-field checks too (curve lengths, units)", () => {
    const ok = { periods: 5, retentionRate: 0.8, profitPerCustomer: { base: "100" } };
    expectMetricsError(
      () => parseProjectionAssumptions({ ...ok, profitPerCustomer: { base: { curve: ["1"] } } }),
      "length_mismatch",
      ["profitPerCustomer", "base", "curve"],
    );
    expectMetricsError(
      () => parseProjectionAssumptions({ ...ok, periodUnit: "month", discountRate: { value: 0.1, unit: "year" } }),
      "unit_mismatch",
      ["discountRate", "unit"],
    );
    expect(
      parseProjectionAssumptions({ ...ok, profitPerCustomer: { base: { curve: ["1"] } }, curveExtension: "last-value" })
        .curveExtension,
    ).toBe("last-value");
  });

  it("the schemas are plain zod schemas users can compose", () => {
    expect(
      ProjectionAssumptionsSchema.safeParse({ periods: 1, retentionRate: 0.5, profitPerCustomer: { base: 1 } }).success,
    ).toBe(true);
    expect(CxRevenueImpactInputSchema.safeParse({}).success).toBe(false);
    expect(EarnedGrowthRateInputSchema.safeParse({ netRevenueRetention: 0.9, earnedNewRevenueShare: 0.1 }).success).toBe(true);
  });
});

describe("parseCxRevenueImpactInput", () => {
  const ok = {
    revenue: "1000000000",
    customers: 1000000,
    baseline: { retentionRate: 0.8 },
    improvement: 10,
    elasticities: { retention: 0.01 },
    years: 3,
  };
  it("accepts valid input and rejects invalid input with paths", () => {
    expect(parseCxRevenueImpactInput(ok).years).toBe(3);
    expectMetricsError(() => parseCxRevenueImpactInput({ ...ok, customers: 0 }), "out_of_range", ["customers"]);
    expectMetricsError(() => parseCxRevenueImpactInput({ ...ok, years: 101 }), "out_of_range", ["years"]);
    expectMetricsError(() => parseCxRevenueImpactInput({ ...ok, elasticities: { retention: 0.05 } }), "out_of_range", [
      "elasticities",
      "retention",
    ]);
  });
});

describe("parseEarnedGrowthRateInput", () => {
  it("accepts either form and rejects percentages", () => {
    expect(parseEarnedGrowthRateInput({ netRevenueRetention: 0.85, earnedNewRevenueShare: 0.25 })).toEqual({
      netRevenueRetention: 0.85,
      earnedNewRevenueShare: 0.25,
    });
    expect(
      parseEarnedGrowthRateInput({
        startingRevenue: "10",
        revenueFromExistingCustomers: "9",
        revenueFromEarnedNewCustomers: "1",
      }),
    ).toMatchObject({ startingRevenue: "10" });
    expectMetricsError(() => parseEarnedGrowthRateInput({ netRevenueRetention: 85, earnedNewRevenueShare: 25 }), "out_of_range", [
      "netRevenueRetention",
    ]);
    expectMetricsError(
      () =>
        parseEarnedGrowthRateInput({
          startingRevenue: "0",
          revenueFromExistingCustomers: "9",
          revenueFromEarnedNewCustomers: "1",
        }),
      "out_of_range",
      ["startingRevenue"],
    );
  });
});
