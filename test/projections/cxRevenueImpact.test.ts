import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cxRevenueImpact, type CxRevenueImpactInput } from "../../src/projections/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

interface Fixture {
  cases: {
    input: CxRevenueImpactInput;
    expected: { impact: string; years: string[]; drivers: Record<"retention" | "spend" | "referral" | "interaction", string> };
  }[];
}
// Source: python3 test/fixtures/projections/reference.py (exact rationals, independent re-implementation).
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/projections/cxRevenueImpact.json", import.meta.url), "utf8"),
) as Fixture;

const temkin: CxRevenueImpactInput = {
  revenue: "1000000000",
  customers: 1_000_000,
  baseline: { retentionRate: 0.8, referralRate: 0.02 },
  improvement: 10,
  elasticities: { retention: 0.01, spend: 0.004, referral: 0.001 },
  years: 3,
};

describe("cxRevenueImpact", () => {
  for (const [i, c] of fixture.cases.entries()) {
    it(`reference case ${i + 1}`, () => {
      const r = cxRevenueImpact(c.input);
      expectClose(r.totals.impact.toNumber(), Number(c.expected.impact), { rel: 1e-15 }, "impact");
      c.expected.years.forEach((v, k) => expectClose(r.years[k]!.impact.toNumber(), Number(v), { rel: 1e-15 }, `year ${k + 1}`));
      for (const k of ["retention", "spend", "referral", "interaction"] as const) {
        expectClose(r.drivers[k].toNumber(), Number(c.expected.drivers[k]), { rel: 1e-14, abs: 1e-6 }, k);
      }
    });
  }

  it("reproduces Temkin's headline: about $775 million over three years for a $1 billion company", () => {
    // Temkin Group, ROI of Customer Experience 2018: $775M average over 3 years for a $1B company.
    // These assumptions (a 10-point CX improvement; +1 point retention, +0.4% spend and
    // +0.1 point referrals per CX point) give $774,928,560 exactly.
    const r = cxRevenueImpact(temkin);
    expect(r.totals.impact.toString()).toBe("774928560");
    expect(r.years.map((y) => y.impact.toString())).toEqual(["154400000", "260792000", "359736560"]);
    expect(r.years.map((y) => y.baselineRevenue.toString())).toEqual(["1000000000", "1000000000", "1000000000"]);
    expect(r.years.map((y) => y.baselineCustomers)).toEqual([1_000_000, 1_000_000, 1_000_000]);
    expect(r.improvedRates).toEqual({ retentionRate: 0.9, referralRate: 0.03, spendMultiplier: 1.04 });
    expectClose(r.totals.impactRelative!, 774928560 / 3e9, { rel: 1e-15 });
    expect(r.totals.discountedImpact.eq(r.totals.impact)).toBe(true);
    expect(r.method).toBe("loyalty-behaviours");
    // drivers add up to the total with the interaction
    const d = r.drivers;
    expect(d.retention.plus(d.spend).plus(d.referral).plus(d.interaction).eq(r.totals.impact)).toBe(true);
  });

  it("hand check: spend alone is revenue × elasticity × improvement × years", () => {
    const r = cxRevenueImpact({ ...temkin, elasticities: { spend: 0.004 } });
    expect(r.totals.impact.toString()).toBe("120000000"); // 1e9 × 0.04 × 3
    expect(r.drivers.interaction.isZero()).toBe(true);
  });

  it("hand check: retention alone, two years", () => {
    // N = 100, s = 10, r 0.5 → 0.6, A = 50: N1 = 110, N2 = 116 → impact 100 + 160
    const r = cxRevenueImpact({
      revenue: "1000",
      customers: 100,
      baseline: { retentionRate: 0.5 },
      improvement: 1,
      elasticities: { retention: 0.1 },
      years: 2,
      discountRate: 0.25,
    });
    expect(r.years.map((y) => y.customers)).toEqual([110, 116]);
    expect(r.years.map((y) => y.impact.toString())).toEqual(["100", "160"]);
    expect(r.totals.discountedImpact.toString()).toBe("182.4"); // 100/1.25 + 160/1.5625
  });

  it("explicit baseline acquisition: the baseline may shrink", () => {
    const r = cxRevenueImpact({
      revenue: "1000",
      customers: 100,
      baseline: { retentionRate: 0.5, newCustomers: 0 },
      improvement: 0,
      elasticities: {},
      years: 2,
    });
    expect(r.years.map((y) => y.baselineRevenue.toString())).toEqual(["500", "250"]);
    expect(r.totals.impact.isZero()).toBe(true);
  });

  it("plot-ready series", () => {
    const r = cxRevenueImpact(temkin);
    expect(r.series.filter((p) => p.series === "impact").map((p) => p.y)).toEqual([154400000, 260792000, 359736560]);
    expect(r.series.filter((p) => p.series === "impact by driver").map((p) => p.x)).toEqual([
      "retention",
      "spend",
      "referral",
      "interaction",
    ]);
  });

  it("bad input", () => {
    const bad =
      (over: Record<string, unknown>): (() => unknown) =>
      () =>
        cxRevenueImpact({ ...temkin, ...over } as CxRevenueImpactInput);
    expectMetricsError(bad({ revenue: "0" }), "out_of_range", ["revenue"]);
    expectMetricsError(bad({ revenue: "-1" }), "out_of_range", ["revenue"]);
    expectMetricsError(bad({ revenue: "a lot" }), "invalid_input", ["revenue"]);
    expectMetricsError(bad({ customers: 0 }), "out_of_range", ["customers"]);
    expectMetricsError(bad({ customers: Number.NaN }), "not_finite", ["customers"]);
    expectMetricsError(bad({ baseline: { retentionRate: 80 } }), "out_of_range", ["baseline", "retentionRate"]);
    expectMetricsError(bad({ baseline: { retentionRate: 0.8, referralRate: -0.1 } }), "out_of_range", [
      "baseline",
      "referralRate",
    ]);
    expectMetricsError(bad({ baseline: null }), "invalid_type", ["baseline"]);
    expectMetricsError(bad({ improvement: -1 }), "out_of_range", ["improvement"]);
    expectMetricsError(bad({ elasticities: { retention: 0.05 } }), "out_of_range", ["elasticities", "retention"]); // 0.8 + 0.5 > 1
    expectMetricsError(bad({ elasticities: { referral: -0.01 } }), "out_of_range", ["elasticities", "referral"]);
    expectMetricsError(bad({ elasticities: { spend: -0.2 } }), "out_of_range", ["elasticities", "spend"]);
    expectMetricsError(bad({ elasticities: { spend: "0.1" } }), "invalid_type", ["elasticities", "spend"]);
    expectMetricsError(bad({ elasticities: undefined }), "invalid_type", ["elasticities"]);
    expectMetricsError(bad({ years: 0 }), "out_of_range", ["years"]);
    expectMetricsError(bad({ years: 2.5 }), "not_integer", ["years"]);
    expectMetricsError(bad({ discountRate: -0.01 }), "out_of_range", ["discountRate"]);
    // compounding beyond float64 is an error, never Infinity
    expectMetricsError(bad({ baseline: { retentionRate: 0.8, referralRate: 1e200 }, years: 2 }), "undefined_result", []);
  });

  it("does not mutate its input; result is JSON-serializable", () => {
    const input = structuredClone(temkin);
    cxRevenueImpact(input);
    expect(input).toEqual(temkin);
    expect((JSON.parse(JSON.stringify(cxRevenueImpact(temkin))) as { totals: { impact: string } }).totals.impact).toBe(
      "774928560",
    );
  });
});
