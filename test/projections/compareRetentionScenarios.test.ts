import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareRetentionScenarios, type ProjectionAssumptions } from "../../src/projections/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

interface Fixture {
  customerValue: {
    curve: string;
    assumptions: ProjectionAssumptions;
    retentionDelta: number;
    baselineCustomerNpv: string;
    improvedCustomerNpv: string;
    customerNpvRelative: number;
  }[];
  projections: {
    name: string;
    assumptions: ProjectionAssumptions;
    retentionDelta: number;
    baseline: { profit: string; npv: string; customerNpv: string };
    improved: { profit: string; npv: string; customerNpv: string };
  }[];
}
// Source: python3 test/fixtures/projections/reference.py (exact rationals, independent cohort model).
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/projections/compareRetentionScenarios.json", import.meta.url), "utf8"),
) as Fixture;

const tol = { rel: 1e-12, abs: 1e-9 };

describe("compareRetentionScenarios", () => {
  describe("the structure of the 25–95% argument: defection 10% → 5% (fixtures)", () => {
    for (const c of fixture.customerValue) {
      const a = c.assumptions as ProjectionAssumptions & { discountRate: number; acquisitionCost: string };
      it(`${c.curve} profit curve, d = ${a.discountRate}, acquisition cost ${a.acquisitionCost}`, () => {
        const r = compareRetentionScenarios(c.assumptions, { retentionDelta: c.retentionDelta });
        expectClose(r.baseline.totals.customerNpv.toNumber(), Number(c.baselineCustomerNpv), tol, "baseline");
        expectClose(r.improved.totals.customerNpv.toNumber(), Number(c.improvedCustomerNpv), tol, "improved");
        expectClose(r.uplift.customerNpvRelative!, c.customerNpvRelative, { rel: 1e-12 }, "relative uplift");
      });
    }
    it("spans roughly 25% to 87% from arithmetic alone (curve, discount rate, netting acquisition cost)", () => {
      const rel = fixture.customerValue.map(
        (c) => compareRetentionScenarios(c.assumptions, { retentionDelta: 0.05 }).uplift.customerNpvRelative!,
      );
      expectClose(Math.min(...rel), 0.246746, { abs: 5e-6 });
      expectClose(Math.max(...rel), 0.866458, { abs: 5e-6 });
      // a steeper tenure profit curve raises the uplift at every discount rate (value before acquisition cost)
      for (let i = 0; i < 4; i++) expect(rel[4 + i]!).toBeGreaterThan(rel[i]!);
      // a higher discount rate lowers it
      for (let i = 0; i < 3; i++) expect(rel[i + 1]!).toBeLessThan(rel[i]!);
    });
  });

  describe("whole projections (fixtures)", () => {
    for (const c of fixture.projections) {
      it(c.name, () => {
        const r = compareRetentionScenarios(c.assumptions, { retentionDelta: c.retentionDelta });
        for (const k of ["profit", "npv", "customerNpv"] as const) {
          expectClose(r.baseline.totals[k].toNumber(), Number(c.baseline[k]), tol, `baseline ${k}`);
          expectClose(r.improved.totals[k].toNumber(), Number(c.improved[k]), tol, `improved ${k}`);
        }
        expectClose(r.uplift.totalProfit.toNumber(), Number(c.improved.profit) - Number(c.baseline.profit), tol, "profit uplift");
        expectClose(r.uplift.npv.toNumber(), Number(c.improved.npv) - Number(c.baseline.npv), tol, "npv uplift");
        expectClose(r.uplift.npvRelative!, (Number(c.improved.npv) - Number(c.baseline.npv)) / Math.abs(Number(c.baseline.npv)), {
          rel: 1e-10,
        });
      });
    }
  });

  it("hand check: m/(1 − r) goes from 500 to 666.67 (+33.3%)", () => {
    const base: ProjectionAssumptions = { periods: 200, retentionRate: 0.8, profitPerCustomer: { base: "100" }, timing: "start" };
    const c = compareRetentionScenarios(base, { retentionDelta: 0.05 });
    expect(c.uplift.customerNpv.toFixed(6)).toBe("166.666667");
    expectClose(c.uplift.customerNpvRelative!, 1 / 3, { rel: 1e-12 });
    expect(c.retentionDelta).toBe(0.05);
  });

  it("shifts every rate of a curve, in exact decimals", () => {
    const c = compareRetentionScenarios(
      {
        periods: 3,
        startingCustomers: 100,
        retentionRate: { type: "per-period", rates: [0.8, 0.85, 0.95] },
        profitPerCustomer: { base: "1" },
      },
      { retentionDelta: 0.05 },
    );
    expect(c.improved.periods.map((r) => r.retained)).toEqual([85, 76.5, 76.5]); // 100×0.85, ×0.9, ×1.0
  });

  it("rejects shifts out of [0, 1] unless clamp is set", () => {
    const a: ProjectionAssumptions = {
      periods: 2,
      startingCustomers: 10,
      retentionRate: { type: "per-tenure", rates: [0.9, 0.97] },
      profitPerCustomer: { base: "1" },
    };
    expectMetricsError(() => compareRetentionScenarios(a, { retentionDelta: 0.05 }), "out_of_range", [
      "options",
      "retentionDelta",
    ]);
    const clamped = compareRetentionScenarios(a, { retentionDelta: 0.05, clamp: true });
    // rates become 0.95 and 1 (capped from 1.02): 10 → 9.5 → 9.5
    expect(clamped.improved.periods.map((r) => r.retained)).toEqual([9.5, 9.5]);
    expectMetricsError(() => compareRetentionScenarios(a, { retentionDelta: -0.95 }), "out_of_range", [
      "options",
      "retentionDelta",
    ]);
    expect(compareRetentionScenarios(a, { retentionDelta: -0.95, clamp: true }).improved.periods[0]!.retained).toBe(0);
  });

  it("a negative delta is a retention decline with a negative uplift", () => {
    const c = compareRetentionScenarios(
      { periods: 5, startingCustomers: 100, retentionRate: 0.9, profitPerCustomer: { base: "10" } },
      { retentionDelta: -0.1 },
    );
    expect(c.uplift.totalProfit.isNegative()).toBe(true);
    expect(c.uplift.totalProfitRelative!).toBeLessThan(0);
  });

  it("relative uplift is null when the baseline is 0, and measured against |baseline| when negative", () => {
    const zero = compareRetentionScenarios(
      { periods: 3, startingCustomers: 10, retentionRate: 0, profitPerCustomer: { base: "5" } },
      { retentionDelta: 0.5 },
    );
    expect(zero.uplift.totalProfitRelative).toBeNull();
    expect(zero.uplift.periods[0]!.profitRelative).toBeNull();
    expect(zero.uplift.totalProfit.toString()).toBe("43.75"); // 10×0.5×5 + 10×0.25×5 + 10×0.125×5
    const loss = compareRetentionScenarios(
      { periods: 1, newCustomersPerPeriod: 1, retentionRate: 0.5, acquisitionCost: "10", profitPerCustomer: { base: "4" } },
      { retentionDelta: 0.5 },
    );
    // −8 → −6: +25% of |−8|
    expect(loss.uplift.totalProfitRelative).toBe(0.25);
  });

  it("plot-ready series", () => {
    const c = compareRetentionScenarios(
      { periods: 2, startingCustomers: 10, retentionRate: 0.5, profitPerCustomer: { base: "2" } },
      { retentionDelta: 0.5 },
    );
    expect(c.series).toEqual([
      { x: 1, y: 10, series: "baseline profit" },
      { x: 2, y: 5, series: "baseline profit" },
      { x: 1, y: 20, series: "improved profit" },
      { x: 2, y: 20, series: "improved profit" },
      { x: 1, y: 10, series: "profit uplift" },
      { x: 2, y: 15, series: "profit uplift" },
    ]);
  });

  it("bad options and non-mutation", () => {
    const a: ProjectionAssumptions = { periods: 2, startingCustomers: 10, retentionRate: 0.5, profitPerCustomer: { base: "2" } };
    const before = JSON.stringify(a);
    compareRetentionScenarios(a, { retentionDelta: 0.1 });
    expect(JSON.stringify(a)).toBe(before);
    expectMetricsError(() => compareRetentionScenarios(a, { retentionDelta: Number.NaN }), "not_finite", [
      "options",
      "retentionDelta",
    ]);
    expectMetricsError(() => compareRetentionScenarios(a, { retentionDelta: "0.05" as unknown as number }), "invalid_type", [
      "options",
      "retentionDelta",
    ]);
    expectMetricsError(() => compareRetentionScenarios(a, { retentionDelta: 5 }), "out_of_range", ["options", "retentionDelta"]);
    expectMetricsError(() => compareRetentionScenarios(a, undefined as unknown as { retentionDelta: number }), "invalid_type", [
      "options",
    ]);
    expectMetricsError(
      () => compareRetentionScenarios(a, { retentionDelta: 0.1, clamp: "yes" as unknown as boolean }),
      "invalid_type",
      ["options", "clamp"],
    );
    expectMetricsError(() => compareRetentionScenarios({ ...a, retentionRate: 2 }, { retentionDelta: 0.1 }), "out_of_range", [
      "retentionRate",
    ]);
  });

  describe("properties", () => {
    const arb = fc.record({
      periods: fc.integer({ min: 1, max: 10 }),
      start: fc.integer({ min: 0, max: 1000 }),
      perPeriod: fc.integer({ min: 0, max: 200 }),
      rates: fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), { minLength: 1, maxLength: 4 }),
      base: fc.integer({ min: 1, max: 200 }),
      inc: fc.integer({ min: 0, max: 20 }),
      ac: fc.integer({ min: 0, max: 300 }),
      d: fc.double({ min: 0, max: 0.3, noNaN: true }),
      delta: fc.double({ min: 0, max: 0.1, noNaN: true }),
      timing: fc.constantFrom("end" as const, "start" as const),
    });
    type Drawn = typeof arb extends fc.Arbitrary<infer T> ? T : never;
    const build = (x: Drawn): ProjectionAssumptions => ({
      periods: x.periods,
      startingCustomers: x.start,
      newCustomersPerPeriod: x.perPeriod,
      retentionRate: { type: "per-tenure", rates: x.rates },
      acquisitionCost: String(x.ac),
      profitPerCustomer: { base: String(x.base), spendGrowth: { increment: String(x.inc) } },
      discountRate: x.d,
      timing: x.timing,
      curveExtension: "last-value",
    });

    it("the +0 scenario gives exactly 0 uplift", () => {
      fc.assert(
        fc.property(arb, (x) => {
          const c = compareRetentionScenarios(build(x), { retentionDelta: 0 });
          expect(c.uplift.totalProfit.isZero()).toBe(true);
          expect(c.uplift.npv.isZero()).toBe(true);
          expect(c.uplift.customerNpv.isZero()).toBe(true);
          for (const r of c.uplift.periods) expect(r.profit.isZero() && r.discountedProfit.isZero()).toBe(true);
          for (const v of [c.uplift.totalProfitRelative, c.uplift.npvRelative, c.uplift.customerNpvRelative])
            expect(v === null || v === 0).toBe(true);
          expect(JSON.stringify(c.improved)).toBe(JSON.stringify(c.baseline));
        }),
        { numRuns: 100 },
      );
    });

    it("a positive delta never lowers profit or NPV when profit per customer is positive", () => {
      fc.assert(
        fc.property(arb, (x) => {
          const c = compareRetentionScenarios(build(x), { retentionDelta: x.delta });
          expect(c.uplift.totalProfit.isNegative() && !c.uplift.totalProfit.isZero()).toBe(false);
          expect(c.uplift.npv.isNegative() && !c.uplift.npv.isZero()).toBe(false);
          expect(c.uplift.customerNpv.isNegative() && !c.uplift.customerNpv.isZero()).toBe(false);
        }),
        { numRuns: 100 },
      );
    });
  });
});
