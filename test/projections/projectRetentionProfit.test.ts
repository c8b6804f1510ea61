import { readFileSync } from "node:fs";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectRetentionProfit, type ProjectionAssumptions } from "../../src/projections/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

interface FixtureRow {
  period: number;
  customersAtStart: string;
  acquired: string;
  retained: string;
  lost: string;
  customerProfit: string;
  acquisitionCosts: string;
  profit: string;
  discountedProfit: string;
}
interface Fixture {
  cases: Record<
    string,
    {
      assumptions: ProjectionAssumptions;
      expected: { periods: FixtureRow[]; totals: { profit: string; npv: string; customerNpv: string } };
    }
  >;
}
// Source: independent exact-rational (fractions.Fraction) re-implementation,
// cohort by cohort: python3 test/fixtures/projections/reference.py (see README.md there).
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/projections/projectRetentionProfit.json", import.meta.url), "utf8"),
) as Fixture;

// The test's own sums use the library's documented Decimal settings (120 digits, half-even);
// the global default keeps only 20 digits.
const D = Decimal.clone({ precision: 120, rounding: Decimal.ROUND_HALF_EVEN });

const closeMoney = (actual: Decimal, expected: string, label: string): void =>
  expectClose(actual.toNumber(), Number(expected), { rel: 1e-12, abs: 1e-9 }, label);

const simple = (over: Partial<ProjectionAssumptions> = {}): ProjectionAssumptions => ({
  periods: 5,
  startingCustomers: 1000,
  retentionRate: 0.8,
  profitPerCustomer: { base: "100" },
  ...over,
});

describe("projectRetentionProfit", () => {
  describe("reference fixtures (exact rationals, python)", () => {
    for (const [name, c] of Object.entries(fixture.cases)) {
      it(name, () => {
        const p = projectRetentionProfit(c.assumptions);
        expect(p.periods).toHaveLength(c.expected.periods.length);
        c.expected.periods.forEach((e, i) => {
          const r = p.periods[i]!;
          expect(r.period).toBe(e.period);
          for (const k of ["customersAtStart", "acquired", "retained", "lost"] as const) {
            expectClose(r[k], Number(e[k]), { rel: 1e-12, abs: 1e-9 }, `${name} ${k} period ${e.period}`);
          }
          for (const k of ["customerProfit", "acquisitionCosts", "profit", "discountedProfit"] as const) {
            closeMoney(r[k], e[k], `${name} ${k} period ${e.period}`);
          }
        });
        closeMoney(p.totals.profit, c.expected.totals.profit, `${name} total profit`);
        closeMoney(p.totals.npv, c.expected.totals.npv, `${name} npv`);
        closeMoney(p.totals.customerNpv, c.expected.totals.customerNpv, `${name} customer npv`);
      });
    }
  });

  it("hand-computed: 1,000 customers, 80% retention, $100 at period end", () => {
    // retained 800, 640, 512; profit earned by retained customers: 80,000 + 64,000 + 51,200
    const p = projectRetentionProfit(simple({ periods: 3 }));
    expect(p.periods.map((r) => r.retained)).toEqual([800, 640, 512]);
    expect(p.periods.map((r) => r.lost)).toEqual([200, 160, 128]);
    expect(p.periods.map((r) => r.profit.toString())).toEqual(["80000", "64000", "51200"]);
    expect(p.totals.profit.toString()).toBe("195200");
    expect(p.totals.npv.toString()).toBe("195200");
    expect(p.revenueBasis).toBe("contribution");
    expect(p.method).toBe("tenure-cohort");
    expect(p.periodUnit).toBe("year");
  });

  it("hand-computed: timing start, 10% discount, acquisition cost paid up front", () => {
    // 100 new customers in period 1 only, AC 50, profit 30 at the start of each period, r = 0.5
    // period 1: 100×30 − 100×50 = −2000 (undiscounted); period 2: 50×30 = 1500 / 1.1
    const p = projectRetentionProfit({
      periods: 2,
      newCustomersPerPeriod: { type: "per-period", counts: [100, 0] },
      retentionRate: 0.5,
      acquisitionCost: "50",
      profitPerCustomer: { base: "30" },
      discountRate: 0.1,
      timing: "start",
    });
    expect(p.periods[0]!.profit.toString()).toBe("-2000");
    expect(p.periods[0]!.discountedProfit.toString()).toBe("-2000");
    expect(p.periods[1]!.profit.toString()).toBe("1500");
    expectClose(p.periods[1]!.discountedProfit.toNumber(), 1500 / 1.1, { rel: 1e-15 });
    // one cohort acquired in period 1 = the customer NPV × 100
    expectClose(p.totals.npv.toNumber(), p.totals.customerNpv.toNumber() * 100, { rel: 1e-14 });
  });

  it("starting customers with a tenure mix earn the profit of their tenure and pay no acquisition cost", () => {
    const p = projectRetentionProfit({
      periods: 1,
      startingCustomers: { byTenure: [10, 20] },
      retentionRate: { type: "per-tenure", rates: [0.5, 1] },
      acquisitionCost: "999",
      profitPerCustomer: { base: { curve: ["1", "2"] } },
      timing: "start",
    });
    // 10 × 1 + 20 × 2 = 50; retained 5 + 20 = 25
    expect(p.periods[0]!.customerProfit.toString()).toBe("50");
    expect(p.periods[0]!.acquisitionCosts.toString()).toBe("0");
    expect(p.periods[0]!.retained).toBe(25);
  });

  it("per-tenure curves must cover the starting tenure mix plus the horizon", () => {
    // byTenure of length 2 and 3 periods: tenures 0..3 are reached, so 4 values are needed
    const a: ProjectionAssumptions = {
      periods: 3,
      startingCustomers: { byTenure: [10, 20] },
      retentionRate: { type: "per-tenure", rates: [0.5, 0.6, 0.7] },
      profitPerCustomer: { base: "1" },
    };
    expectMetricsError(() => projectRetentionProfit(a), "length_mismatch", ["retentionRate", "rates"]);
    expect(projectRetentionProfit({ ...a, curveExtension: "last-value" }).periods).toHaveLength(3);
    expect(
      projectRetentionProfit({ ...a, retentionRate: { type: "per-tenure", rates: [0.5, 0.6, 0.7, 0.7] } }).periods,
    ).toHaveLength(3);
  });

  it("curveExtension last-value repeats the last value (same as writing it out)", () => {
    const short = projectRetentionProfit({
      ...simple(),
      profitPerCustomer: { base: { curve: ["10", "20"] } },
      curveExtension: "last-value",
    });
    const long = projectRetentionProfit({ ...simple(), profitPerCustomer: { base: { curve: ["10", "20", "20", "20", "20"] } } });
    expect(JSON.stringify(short)).toBe(JSON.stringify(long));
  });

  it("components add up to customer profit; revenue/costs identity holds", () => {
    const p = projectRetentionProfit({
      ...simple({ periods: 6 }),
      newCustomersPerPeriod: 50,
      acquisitionCost: "70",
      profitPerCustomer: {
        base: "20",
        spendGrowth: { increment: "4" },
        costSavings: { curve: ["0", "2", "3"] },
        referrals: "1.5",
        pricePremium: { increment: "1", startTenure: 3, maxTenure: 5 },
      },
      revenuePerCustomer: { increment: "10" },
      curveExtension: "last-value",
    });
    expect(p.revenueBasis).toBe("revenue");
    for (const r of p.periods) {
      const sum = Object.values(r.components).reduce((s, v) => s.plus(v), new D(0));
      expect(sum.eq(r.customerProfit)).toBe(true);
      expect(r.profit.eq(r.customerProfit.minus(r.acquisitionCosts))).toBe(true);
      expect(r.revenue.minus(r.costs).eq(r.profit)).toBe(true);
    }
  });

  it("referral-driven acquisition: new = base + rate × customers at start, referred customers at their own cost", () => {
    const p = projectRetentionProfit({
      periods: 2,
      startingCustomers: 1000,
      newCustomersPerPeriod: { type: "referral", referralsPerCustomer: 0.1, base: 5, acquisitionCost: "10" },
      retentionRate: 0.9,
      acquisitionCost: "100",
      profitPerCustomer: { base: "1" },
    });
    expect(p.periods[0]!.acquired).toBe(105);
    expect(p.periods[0]!.acquisitionCosts.toString()).toBe("1500"); // 5 × 100 + 100 × 10
    // period 2: customers at start = 0.9 × 1105 = 994.5; referred 99.45
    expect(p.periods[1]!.customersAtStart).toBe(994.5);
    expect(p.periods[1]!.acquired).toBe(104.45);
  });

  it("growing acquisition: initial × (1 + g)^(t − 1)", () => {
    const p = projectRetentionProfit({
      ...simple({ periods: 3, startingCustomers: 0 }),
      newCustomersPerPeriod: { type: "growing", initial: 100, growthRate: 0.1 },
    });
    expect(p.periods.map((r) => r.acquired)).toEqual([100, 110, 121]);
  });

  it("plot-ready series: { x, y, series } per period", () => {
    const p = projectRetentionProfit(simple({ periods: 3 }));
    const profit = p.series.filter((s) => s.series === "profit");
    expect(profit).toEqual([
      { x: 1, y: 80000, series: "profit" },
      { x: 2, y: 64000, series: "profit" },
      { x: 3, y: 51200, series: "profit" },
    ]);
    expect(new Set(p.series.map((s) => s.series))).toEqual(
      new Set(["customers at start", "acquired", "lost", "profit", "cumulative profit", "discounted profit"]),
    );
  });

  it("is JSON-serializable (Decimal → string) and round-trips", () => {
    const p = projectRetentionProfit(simple());
    const json = JSON.parse(JSON.stringify(p)) as { totals: { npv: string }; periods: { profit: string }[] };
    expect(json.totals.npv).toBe(p.totals.npv.toString());
    expect(json.periods[0]!.profit).toBe("80000");
  });

  it("does not mutate its input", () => {
    const a: ProjectionAssumptions = {
      periods: 4,
      startingCustomers: { byTenure: [5, 6] },
      retentionRate: { type: "per-tenure", rates: [0.5, 0.6] },
      profitPerCustomer: { base: { curve: ["1", "2"] } },
      newCustomersPerPeriod: { type: "per-period", counts: [1, 2] },
      curveExtension: "last-value",
    };
    const before = JSON.stringify(a);
    projectRetentionProfit(a);
    expect(JSON.stringify(a)).toBe(before);
  });

  describe("bad input", () => {
    const bad =
      (over: Record<string, unknown>): (() => unknown) =>
      () =>
        projectRetentionProfit({ ...simple(), ...over } as ProjectionAssumptions);
    it("retention outside [0, 1], NaN, Infinity, strings, null", () => {
      expectMetricsError(bad({ retentionRate: 1.05 }), "out_of_range", ["retentionRate"]);
      expectMetricsError(bad({ retentionRate: -0.1 }), "out_of_range", ["retentionRate"]);
      expectMetricsError(bad({ retentionRate: 85 }), "out_of_range", ["retentionRate"]);
      expectMetricsError(bad({ retentionRate: Number.NaN }), "not_finite", ["retentionRate"]);
      expectMetricsError(bad({ retentionRate: Number.POSITIVE_INFINITY }), "not_finite", ["retentionRate"]);
      expectMetricsError(bad({ retentionRate: "0.8" }), "invalid_type", ["retentionRate"]);
      expectMetricsError(bad({ retentionRate: null }), "invalid_type", ["retentionRate"]);
      expectMetricsError(bad({ retentionRate: undefined }), "invalid_type", ["retentionRate"]);
      expectMetricsError(bad({ retentionRate: { type: "per-tenure", rates: [0.5, 1.2] } }), "out_of_range", [
        "retentionRate",
        "rates",
        1,
      ]);
      expectMetricsError(bad({ retentionRate: { type: "per-period", rates: [] } }), "empty_sample", ["retentionRate", "rates"]);
      expectMetricsError(bad({ retentionRate: { type: "weekly", rates: [0.5] } }), "invalid_option", ["retentionRate", "type"]);
    });
    it("-0 is read as 0", () => {
      expect(projectRetentionProfit(simple({ retentionRate: -0 })).periods[0]!.retained).toBe(0);
    });
    it("periods ≤ 0, fractional, too many, missing", () => {
      expectMetricsError(bad({ periods: 0 }), "out_of_range", ["periods"]);
      expectMetricsError(bad({ periods: -3 }), "out_of_range", ["periods"]);
      expectMetricsError(bad({ periods: 2.5 }), "not_integer", ["periods"]);
      expectMetricsError(bad({ periods: 2001 }), "out_of_range", ["periods"]);
      expectMetricsError(bad({ periods: "5" }), "invalid_type", ["periods"]);
      expectMetricsError(bad({ periods: undefined }), "invalid_type", ["periods"]);
    });
    it("negative customer counts", () => {
      expectMetricsError(bad({ startingCustomers: -1 }), "out_of_range", ["startingCustomers"]);
      expectMetricsError(bad({ startingCustomers: { byTenure: [10, -2] } }), "out_of_range", [
        "startingCustomers",
        "byTenure",
        1,
      ]);
      expectMetricsError(bad({ startingCustomers: { byTenure: [] } }), "empty_sample", ["startingCustomers", "byTenure"]);
      expectMetricsError(bad({ newCustomersPerPeriod: -5 }), "out_of_range", ["newCustomersPerPeriod"]);
      expectMetricsError(bad({ newCustomersPerPeriod: { type: "per-period", counts: [1, -1, 1, 1, 1] } }), "out_of_range", [
        "newCustomersPerPeriod",
        "counts",
        1,
      ]);
      expectMetricsError(bad({ newCustomersPerPeriod: { type: "growing", initial: 10, growthRate: -1 } }), "out_of_range", [
        "newCustomersPerPeriod",
        "growthRate",
      ]);
      expectMetricsError(bad({ newCustomersPerPeriod: { type: "referral", referralsPerCustomer: -0.1 } }), "out_of_range", [
        "newCustomersPerPeriod",
        "referralsPerCustomer",
      ]);
    });
    it("customer counts that overflow float64 are an error, never Infinity", () => {
      expectMetricsError(
        bad({
          periods: 2000,
          startingCustomers: 1,
          retentionRate: 1,
          newCustomersPerPeriod: { type: "referral", referralsPerCustomer: 5 },
        }),
        "undefined_result",
        ["newCustomersPerPeriod"],
      );
      expectMetricsError(
        bad({ startingCustomers: { byTenure: [1.7e308, 1.7e308] }, curveExtension: "last-value" }),
        "undefined_result",
        ["newCustomersPerPeriod"],
      );
    });
    it("curves shorter than the horizon are rejected (not extended) unless curveExtension is last-value", () => {
      expectMetricsError(bad({ profitPerCustomer: { base: { curve: ["1", "2"] } } }), "length_mismatch", [
        "profitPerCustomer",
        "base",
        "curve",
      ]);
      expectMetricsError(bad({ revenuePerCustomer: { curve: ["1"] } }), "length_mismatch", ["revenuePerCustomer", "curve"]);
      expectMetricsError(bad({ retentionRate: { type: "per-period", rates: [0.8, 0.8] } }), "length_mismatch", [
        "retentionRate",
        "rates",
      ]);
      expectMetricsError(bad({ newCustomersPerPeriod: { type: "per-period", counts: [1] } }), "length_mismatch", [
        "newCustomersPerPeriod",
        "counts",
      ]);
      let message = "";
      try {
        projectRetentionProfit({ ...simple(), profitPerCustomer: { base: { curve: ["1", "2"] } } });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/rejected, not extended/);
      expect(message).toMatch(/curveExtension: "last-value"/);
    });
    it("inconsistent units", () => {
      expectMetricsError(bad({ periodUnit: "month", retentionRate: { value: 0.8, unit: "year" } }), "unit_mismatch", [
        "retentionRate",
        "unit",
      ]);
      expectMetricsError(
        bad({ discountRate: { value: 0.1, unit: "year" }, retentionRate: { value: 0.99, unit: "month" } }),
        "unit_mismatch",
        ["retentionRate", "unit"],
      );
      expectMetricsError(bad({ periodUnit: "year", profitPerCustomer: { base: "10", unit: "month" } }), "unit_mismatch", [
        "profitPerCustomer",
        "unit",
      ]);
      expectMetricsError(bad({ periodUnit: "quarter", newCustomersPerPeriod: { value: 10, unit: "month" } }), "unit_mismatch", [
        "newCustomersPerPeriod",
        "unit",
      ]);
      expectMetricsError(bad({ periodUnit: "fortnight" }), "invalid_option", ["periodUnit"]);
      // consistent tags set the period unit
      expect(
        projectRetentionProfit(
          simple({ retentionRate: { value: 0.99, unit: "month" }, discountRate: { value: 0.01, unit: "month" } }),
        ).periodUnit,
      ).toBe("month");
    });
    it("money and options", () => {
      expectMetricsError(bad({ acquisitionCost: "-5" }), "out_of_range", ["acquisitionCost"]);
      expectMetricsError(bad({ acquisitionCost: "five" }), "invalid_input", ["acquisitionCost"]);
      expectMetricsError(bad({ profitPerCustomer: { base: Number.NaN } }), "not_finite", ["profitPerCustomer", "base"]);
      expectMetricsError(bad({ profitPerCustomer: { base: null } }), "invalid_type", ["profitPerCustomer", "base"]);
      expectMetricsError(bad({ profitPerCustomer: {} }), "invalid_type", ["profitPerCustomer", "base"]);
      expectMetricsError(bad({ profitPerCustomer: "100" }), "invalid_type", ["profitPerCustomer"]);
      expectMetricsError(bad({ profitPerCustomer: { base: { curve: ["1", "x"] } } }), "invalid_input", [
        "profitPerCustomer",
        "base",
        "curve",
        1,
      ]);
      expectMetricsError(bad({ profitPerCustomer: { base: { curve: [] } } }), "empty_sample", [
        "profitPerCustomer",
        "base",
        "curve",
      ]);
      expectMetricsError(bad({ profitPerCustomer: { base: { increment: "1", startTenure: 3, maxTenure: 2 } } }), "out_of_range", [
        "profitPerCustomer",
        "base",
        "maxTenure",
      ]);
      expectMetricsError(bad({ profitPerCustomer: { base: { increment: "1", startTenure: 1.5 } } }), "not_integer", [
        "profitPerCustomer",
        "base",
        "startTenure",
      ]);
      expectMetricsError(bad({ profitPerCustomer: { base: { curve: ["1"], increment: "1" } } }), "invalid_input", [
        "profitPerCustomer",
        "base",
      ]);
      expectMetricsError(bad({ discountRate: -0.1 }), "out_of_range", ["discountRate"]);
      expectMetricsError(bad({ timing: "middle" }), "invalid_option", ["timing"]);
      expectMetricsError(bad({ curveExtension: "extend" }), "invalid_option", ["curveExtension"]);
      expectMetricsError(() => projectRetentionProfit(null as unknown as ProjectionAssumptions), "invalid_type", []);
    });
  });

  describe("properties", () => {
    const arbAssumptions = fc.record({
      periods: fc.integer({ min: 1, max: 12 }),
      start: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 4 }),
      newPerPeriod: fc.integer({ min: 0, max: 300 }),
      growth: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      growing: fc.boolean(),
      retention: fc.double({ min: 0, max: 0.95, noNaN: true }),
      bump: fc.double({ min: 0, max: 0.05, noNaN: true }),
      base: fc.integer({ min: 1, max: 500 }),
      inc: fc.integer({ min: 0, max: 50 }),
      ac: fc.integer({ min: 0, max: 300 }),
      d: fc.double({ min: 0, max: 0.3, noNaN: true }),
      timing: fc.constantFrom("end" as const, "start" as const),
    });
    type Drawn = typeof arbAssumptions extends fc.Arbitrary<infer T> ? T : never;
    const build = (x: Drawn, r: number): ProjectionAssumptions => ({
      periods: x.periods,
      startingCustomers: { byTenure: x.start },
      newCustomersPerPeriod: x.growing ? { type: "growing", initial: x.newPerPeriod, growthRate: x.growth } : x.newPerPeriod,
      retentionRate: r,
      acquisitionCost: String(x.ac),
      profitPerCustomer: { base: String(x.base), spendGrowth: { increment: String(x.inc) } },
      discountRate: x.d,
      timing: x.timing,
    });

    it("profit and NPV are non-decreasing in retention when profit per customer is positive", () => {
      fc.assert(
        fc.property(arbAssumptions, (x) => {
          const lo = projectRetentionProfit(build(x, x.retention));
          const hi = projectRetentionProfit(build(x, x.retention + x.bump));
          expect(hi.totals.profit.gte(lo.totals.profit)).toBe(true);
          expect(hi.totals.npv.gte(lo.totals.npv)).toBe(true);
          expect(hi.totals.customerNpv.gte(lo.totals.customerNpv)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it("totals equal the sum of the rows to the cent (exactly, in Decimal)", () => {
      fc.assert(
        fc.property(arbAssumptions, (x) => {
          const p = projectRetentionProfit(build(x, x.retention));
          const sum = (k: "profit" | "discountedProfit" | "revenue" | "costs" | "customerProfit" | "acquisitionCosts"): Decimal =>
            p.periods.reduce((s, r) => s.plus(r[k]), new D(0));
          expect(sum("profit").toFixed(2)).toBe(p.totals.profit.toFixed(2));
          expect(sum("profit").eq(p.totals.profit)).toBe(true);
          expect(sum("discountedProfit").eq(p.totals.npv)).toBe(true);
          expect(sum("revenue").eq(p.totals.revenue)).toBe(true);
          expect(sum("costs").eq(p.totals.costs)).toBe(true);
          expect(sum("customerProfit").eq(p.totals.customerProfit)).toBe(true);
          expect(sum("acquisitionCosts").eq(p.totals.acquisitionCosts)).toBe(true);
          expect(p.periods.at(-1)!.cumulativeProfit.eq(p.totals.profit)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it("customers are conserved: active = retained + lost, next start = retained", () => {
      fc.assert(
        fc.property(arbAssumptions, (x) => {
          const p = projectRetentionProfit(build(x, x.retention));
          p.periods.forEach((r, i) => {
            expectClose(r.active, r.retained + r.lost, { rel: 1e-12, abs: 1e-9 });
            if (i > 0) expectClose(r.customersAtStart, p.periods[i - 1]!.retained, { rel: 1e-12, abs: 1e-9 });
            expect(r.lost).toBeGreaterThanOrEqual(0);
          });
        }),
        { numRuns: 100 },
      );
    });
  });
});
