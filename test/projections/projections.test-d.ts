import type { Decimal } from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  compareRetentionScenarios,
  customerProfitByTenure,
  earnedGrowthRate,
  projectRetentionProfit,
  type EarnedGrowthRateInput,
  type ProjectionAssumptions,
  type ProjectionAssumptionsSchema,
  type ProjectionResult,
} from "../../src/projections/index.js";

describe("projections types", () => {
  it("the exported assumptions type is the schema's inferred type", () => {
    expectTypeOf<ProjectionAssumptions>().toEqualTypeOf<z.infer<typeof ProjectionAssumptionsSchema>>();
  });

  it("calculators take the schema type and return Decimal money", () => {
    const a: ProjectionAssumptions = { periods: 3, retentionRate: 0.8, profitPerCustomer: { base: "100" } };
    expectTypeOf(projectRetentionProfit(a)).toEqualTypeOf<ProjectionResult>();
    expectTypeOf(projectRetentionProfit(a).totals.npv).toEqualTypeOf<Decimal>();
    expectTypeOf(customerProfitByTenure(a).tenures[0]!.survival).toEqualTypeOf<number>();
    expectTypeOf(compareRetentionScenarios(a, { retentionDelta: 0.05 }).uplift.npvRelative).toEqualTypeOf<number | null>();
  });

  it("rejects malformed assumptions at compile time", () => {
    // @ts-expect-error retentionRate is required
    projectRetentionProfit({ periods: 3, profitPerCustomer: { base: "100" } });
    // @ts-expect-error profit components are money, not booleans
    projectRetentionProfit({ periods: 3, retentionRate: 0.8, profitPerCustomer: { base: true } });
    // @ts-expect-error unknown retention form
    projectRetentionProfit({ periods: 3, retentionRate: { type: "weekly", rates: [0.5] }, profitPerCustomer: { base: "1" } });
    // @ts-expect-error timing is "end" | "start"
    projectRetentionProfit({ periods: 3, retentionRate: 0.8, profitPerCustomer: { base: "1" }, timing: "middle" });
    // @ts-expect-error options are required
    compareRetentionScenarios({ periods: 3, retentionRate: 0.8, profitPerCustomer: { base: "1" } });
  });

  it("earnedGrowthRate takes rates or amounts", () => {
    expectTypeOf<{ netRevenueRetention: number; earnedNewRevenueShare: number }>().toExtend<EarnedGrowthRateInput>();
    expectTypeOf(earnedGrowthRate({ netRevenueRetention: 0.9, earnedNewRevenueShare: 0.1 }).totalGrowthRate).toEqualTypeOf<
      number | null
    >();
  });
});
