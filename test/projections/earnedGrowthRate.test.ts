import { describe, expect, it } from "vitest";
import { earnedGrowthRate } from "../../src/projections/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("earnedGrowthRate", () => {
  it("Bain's example: NRR 85%, earned new 25%, bought new 20% → growth 30%, EGR 10%", () => {
    // Source: Reichheld, Darnell & Burns, "Net Promoter 3.0" (HBR 2021), as summarised in FORMULAS.md §2.8
    const g = earnedGrowthRate({ netRevenueRetention: 0.85, earnedNewRevenueShare: 0.25, boughtNewRevenueShare: 0.2 });
    expect(g.earnedGrowthRate).toBe(0.1); // exact: decimal arithmetic, not 0.10000000000000009
    expect(g.totalGrowthRate).toBe(0.3);
    expect(g.method).toBe("rates");
    expect(g.series.map((p) => [p.x, p.y])).toEqual([
      ["net revenue retention", 0.85],
      ["earned new customers", 0.25],
      ["bought new customers", 0.2],
      ["earned growth rate", 0.1],
      ["total growth rate", 0.3],
    ]);
  });

  it("without bought new revenue, total growth is null", () => {
    const g = earnedGrowthRate({ netRevenueRetention: 0.85, earnedNewRevenueShare: 0.25 });
    expect(g.earnedGrowthRate).toBe(0.1);
    expect(g.boughtNewRevenueShare).toBeNull();
    expect(g.totalGrowthRate).toBeNull();
    expect(g.series).toHaveLength(3);
  });

  it("can be negative while reported growth is positive", () => {
    const g = earnedGrowthRate({ netRevenueRetention: 0.8, earnedNewRevenueShare: 0.05, boughtNewRevenueShare: 0.4 });
    expect(g.earnedGrowthRate).toBe(-0.15);
    expect(g.totalGrowthRate).toBe(0.25);
  });

  it("from revenue amounts", () => {
    const g = earnedGrowthRate({
      startingRevenue: "2000000",
      revenueFromExistingCustomers: "2150000",
      revenueFromEarnedNewCustomers: "150000",
      revenueFromBoughtNewCustomers: "100000",
    });
    expect(g).toMatchObject({
      netRevenueRetention: 1.075,
      earnedNewRevenueShare: 0.075,
      boughtNewRevenueShare: 0.05,
      earnedGrowthRate: 0.15,
      totalGrowthRate: 0.2,
      method: "revenue",
    });
  });

  it("bad input", () => {
    expectMetricsError(() => earnedGrowthRate({ netRevenueRetention: 85, earnedNewRevenueShare: 0.25 }), "out_of_range", [
      "netRevenueRetention",
    ]);
    expectMetricsError(() => earnedGrowthRate({ netRevenueRetention: 0.85, earnedNewRevenueShare: -0.1 }), "out_of_range", [
      "earnedNewRevenueShare",
    ]);
    expectMetricsError(() => earnedGrowthRate({ netRevenueRetention: Number.NaN, earnedNewRevenueShare: 0.1 }), "not_finite", [
      "netRevenueRetention",
    ]);
    expectMetricsError(() => earnedGrowthRate({ netRevenueRetention: 0.85 } as never), "invalid_type", ["earnedNewRevenueShare"]);
    expectMetricsError(
      () => earnedGrowthRate({ netRevenueRetention: 0.85, earnedNewRevenueShare: 0.1, startingRevenue: "10" } as never),
      "invalid_input",
      ["startingRevenue"],
    );
    expectMetricsError(
      () => earnedGrowthRate({ startingRevenue: "0", revenueFromExistingCustomers: "1", revenueFromEarnedNewCustomers: "1" }),
      "out_of_range",
      ["startingRevenue"],
    );
    expectMetricsError(
      () => earnedGrowthRate({ startingRevenue: "10", revenueFromExistingCustomers: "-1", revenueFromEarnedNewCustomers: "1" }),
      "out_of_range",
      ["revenueFromExistingCustomers"],
    );
    expectMetricsError(
      () => earnedGrowthRate({ startingRevenue: "10", revenueFromExistingCustomers: "1" } as never),
      "invalid_type",
      ["revenueFromEarnedNewCustomers"],
    );
    expectMetricsError(() => earnedGrowthRate(null as never), "invalid_type", []);
  });
});
