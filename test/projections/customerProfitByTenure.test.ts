import { readFileSync } from "node:fs";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clvFromRetention } from "../../src/clv/index.js";
import { customerProfitByTenure, projectRetentionProfit, type ProjectionAssumptions } from "../../src/projections/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

interface Fixture {
  cases: { assumptions: ProjectionAssumptions; lifetimeValue: string }[];
}
// Source: exact rationals from the finite geometric closed form, checked against an
// independent cohort loop: python3 test/fixtures/projections/reference.py
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/projections/customerProfitByTenure.json", import.meta.url), "utf8"),
) as Fixture;

const D = Decimal.clone({ precision: 60 });
/** |a − b| ≤ rel·|b| in high precision (both Decimal strings). */
function expectDecimalClose(a: Decimal, b: Decimal | string, rel: number, label = ""): void {
  const x = new D(a.toString());
  const y = new D(b.toString());
  const diff = x.minus(y).abs();
  const allowed = y.abs().times(rel).plus(new D(10).pow(-20));
  if (diff.gt(allowed)) expect.fail(`${label}: ${x.toString()} vs ${y.toString()} (|Δ| = ${diff.toExponential(3)})`);
}

describe("customerProfitByTenure", () => {
  describe("finite-horizon closed forms (fixtures)", () => {
    for (const c of fixture.cases) {
      const a = c.assumptions as ProjectionAssumptions & { retentionRate: number; discountRate: number; timing: string };
      it(`m=${String(a.profitPerCustomer.base)} r=${a.retentionRate} d=${a.discountRate} H=${a.periods} ${a.timing}`, () => {
        expectDecimalClose(customerProfitByTenure(c.assumptions).totals.lifetimeValue, c.lifetimeValue, 1e-30, "lifetimeValue");
      });
    }
  });

  it("hand check: constant profit, no discounting → m / (1 − r) (timing start)", () => {
    // m = 100, r = 0.8: 100 / 0.2 = 500; after 200 periods the remainder 0.8^200 × 500 is < 1e-16
    const c = customerProfitByTenure({ periods: 200, retentionRate: 0.8, profitPerCustomer: { base: "100" }, timing: "start" });
    expect(c.totals.lifetimeValue.toFixed(10)).toBe("500.0000000000");
    // timing end: m·r/(1 − r) = 400
    const e = customerProfitByTenure({ periods: 200, retentionRate: 0.8, profitPerCustomer: { base: "100" } });
    expect(e.totals.lifetimeValue.toFixed(10)).toBe("400.0000000000");
    // expected lifetime in periods: Σ r^k → 1/(1 − r) = 5
    expectClose(c.totals.expectedActivePeriods, 5, { rel: 1e-12 });
  });

  it("hand check: three tenures, exact decimals", () => {
    // survival 1, 0.9, 0.81; end timing weights 0.9, 0.81, 0.729
    const c = customerProfitByTenure({
      periods: 3,
      retentionRate: 0.9,
      acquisitionCost: "50",
      profitPerCustomer: { base: "30", spendGrowth: { increment: "10" } },
    });
    expect(c.tenures.map((t) => t.survival)).toEqual([1, 0.9, 0.81]);
    expect(c.tenures.map((t) => t.expectedProfit.toString())).toEqual(["27", "32.4", "36.45"]);
    expect(c.tenures.map((t) => t.components.spendGrowth.toString())).toEqual(["0", "10", "20"]);
    expect(c.totals.lifetimeProfit.toString()).toBe("95.85");
    expect(c.totals.customerNpv.toString()).toBe("45.85");
    expect(c.totals.acquisitionCost.toString()).toBe("50");
  });

  describe("equals clvFromRetention where the models coincide (constant margin and retention)", () => {
    const cases: [string, number, number, number, "end" | "start"][] = [
      ["100", 0.8, 0.1, 3, "end"],
      ["100", 0.8, 0.1, 25, "start"],
      ["42.5", 0.93, 0.012, 120, "end"],
      ["42.5", 0.93, 0, 120, "start"],
      ["1000", 0.5, 0.25, 7, "end"],
    ];
    for (const [m, r, d, H, timing] of cases) {
      it(`m=${m} r=${r} d=${d} H=${H} ${timing}`, () => {
        const mine = customerProfitByTenure({
          periods: H,
          retentionRate: r,
          discountRate: d,
          timing,
          profitPerCustomer: { base: m },
          acquisitionCost: "30",
        });
        const clv = clvFromRetention({ margin: m, retentionRate: r, discountRate: d, timing, horizon: H, acquisitionCost: "30" });
        expectDecimalClose(mine.totals.lifetimeValue, clv.value, 1e-30, "value");
        expectDecimalClose(mine.totals.customerNpv, clv.netValue, 1e-30, "net value");
      });
    }

    it("margin growth g: a curve m(1+g)^k equals clvFromRetention with marginGrowth", () => {
      const curve = Array.from({ length: 40 }, (_, k) => new D(100).times(new D(1.05).pow(k)).toString());
      const mine = customerProfitByTenure({
        periods: 40,
        retentionRate: 0.85,
        discountRate: 0.1,
        profitPerCustomer: { base: { curve } },
      });
      const clv = clvFromRetention({ margin: "100", retentionRate: 0.85, discountRate: 0.1, marginGrowth: 0.05, horizon: 40 });
      expectDecimalClose(mine.totals.lifetimeValue, clv.value, 1e-25, "growing margin");
    });

    it("long horizon converges to the infinite-horizon closed form m·r/(1+d−r), computed here independently", () => {
      const mine = customerProfitByTenure({
        periods: 2000,
        retentionRate: 0.8,
        discountRate: 0.1,
        profitPerCustomer: { base: "100" },
      });
      const closedForm = new D(100).times(0.8).div(new D(1).plus(0.1).minus(0.8)); // 266.666…
      expectDecimalClose(mine.totals.lifetimeValue, closedForm, 1e-30, "m·r/(1+d−r)");
      expectDecimalClose(
        mine.totals.lifetimeValue,
        clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1 }).value,
        1e-30,
        "clv closed form",
      );
      const start = customerProfitByTenure({
        periods: 2000,
        retentionRate: 0.8,
        discountRate: 0.1,
        profitPerCustomer: { base: "100" },
        timing: "start",
      });
      expectDecimalClose(start.totals.lifetimeValue, new D(100).times(1.1).div(0.3), 1e-30, "m(1+d)/(1+d−r)");
    });
  });

  it("matches the projection of a single cohort acquired in period 1", () => {
    const a: ProjectionAssumptions = {
      periods: 8,
      newCustomersPerPeriod: { type: "per-period", counts: [1, 0, 0, 0, 0, 0, 0, 0] },
      retentionRate: { type: "per-tenure", rates: [0.6, 0.75, 0.85, 0.9] },
      acquisitionCost: "80",
      profitPerCustomer: { base: "25", spendGrowth: { increment: "6" }, costSavings: { curve: ["0", "3", "5"] } },
      discountRate: 0.08,
      curveExtension: "last-value",
    };
    const c = customerProfitByTenure(a);
    const p = projectRetentionProfit(a);
    expectDecimalClose(c.totals.customerNpv, p.totals.npv, 1e-13, "npv of one cohort");
    expectDecimalClose(c.totals.customerNpv, p.totals.customerNpv, 0, "same customerNpv");
    c.tenures.forEach((t, k) => expectDecimalClose(t.expectedProfit, p.periods[k]!.customerProfit, 1e-13, `tenure ${k}`));
  });

  it("per-period retention is the cohort's calendar (tenure k in period k + 1)", () => {
    const c = customerProfitByTenure({
      periods: 3,
      retentionRate: { type: "per-period", rates: [0.5, 0.6, 0.7] },
      profitPerCustomer: { base: "10" },
    });
    expect(c.tenures.map((t) => t.retentionRate)).toEqual([0.5, 0.6, 0.7]);
    expect(c.tenures.map((t) => t.survival)).toEqual([1, 0.5, 0.3]);
  });

  it("ignores starting customers: curves only need to cover `periods` tenures", () => {
    const a: ProjectionAssumptions = {
      periods: 3,
      startingCustomers: { byTenure: [1, 1, 1] },
      retentionRate: { type: "per-tenure", rates: [0.5, 0.6, 0.7] },
      profitPerCustomer: { base: "1" },
    };
    expect(customerProfitByTenure(a).tenures).toHaveLength(3);
    expectMetricsError(() => projectRetentionProfit(a), "length_mismatch", ["retentionRate", "rates"]);
    expectMetricsError(
      () => customerProfitByTenure({ ...a, profitPerCustomer: { base: { curve: ["1", "2"] } } }),
      "length_mismatch",
      ["profitPerCustomer", "base", "curve"],
    );
  });

  it("plot-ready series: the classic profit-per-customer-by-year chart", () => {
    const c = customerProfitByTenure({
      periods: 3,
      retentionRate: 0.9,
      acquisitionCost: "50",
      profitPerCustomer: { base: "30", spendGrowth: { increment: "10" } },
    });
    expect(c.series.filter((s) => s.series === "acquisition cost")).toEqual([{ x: 0, y: -50, series: "acquisition cost" }]);
    expect(c.series.filter((s) => s.series === "spendGrowth")).toEqual([
      { x: 1, y: 0, series: "spendGrowth" },
      { x: 2, y: 10, series: "spendGrowth" },
      { x: 3, y: 20, series: "spendGrowth" },
    ]);
    expect(c.series.some((s) => s.series === "referrals")).toBe(false);
    expect(c.series.filter((s) => s.series === "survival").map((s) => s.y)).toEqual([1, 0.9, 0.81]);
  });

  it("does not mutate its input and is JSON-serializable", () => {
    const a: ProjectionAssumptions = {
      periods: 4,
      retentionRate: { type: "per-tenure", rates: [0.5, 0.6, 0.7, 0.8] },
      profitPerCustomer: { base: { curve: ["1", "2", "3", "4"] } },
    };
    const before = JSON.stringify(a);
    const c = customerProfitByTenure(a);
    expect(JSON.stringify(a)).toBe(before);
    expect((JSON.parse(JSON.stringify(c)) as { totals: { lifetimeValue: string } }).totals.lifetimeValue).toBe(
      c.totals.lifetimeValue.toString(),
    );
  });

  it("bad input", () => {
    expectMetricsError(
      () => customerProfitByTenure({ periods: 0, retentionRate: 0.8, profitPerCustomer: { base: "1" } }),
      "out_of_range",
      ["periods"],
    );
    expectMetricsError(
      () => customerProfitByTenure({ periods: 1.5, retentionRate: 0.8, profitPerCustomer: { base: "1" } }),
      "not_integer",
      ["periods"],
    );
    expectMetricsError(
      () => customerProfitByTenure({ periods: 3, retentionRate: 1.2, profitPerCustomer: { base: "1" } }),
      "out_of_range",
      ["retentionRate"],
    );
    expectMetricsError(
      () =>
        customerProfitByTenure({
          periods: 3,
          periodUnit: "month",
          retentionRate: 0.9,
          profitPerCustomer: { base: "1", unit: "year" },
        }),
      "unit_mismatch",
      ["profitPerCustomer", "unit"],
    );
  });

  describe("properties", () => {
    const arb = fc.record({
      periods: fc.integer({ min: 1, max: 40 }),
      r: fc.double({ min: 0, max: 0.97, noNaN: true }),
      bump: fc.double({ min: 0, max: 0.03, noNaN: true }),
      d: fc.double({ min: 0, max: 0.5, noNaN: true }),
      dBump: fc.double({ min: 0, max: 0.2, noNaN: true }),
      base: fc.integer({ min: 1, max: 1000 }),
      inc: fc.integer({ min: 0, max: 100 }),
      timing: fc.constantFrom("end" as const, "start" as const),
    });
    it("customer value is non-decreasing in retention and non-increasing in the discount rate (positive profit)", () => {
      fc.assert(
        fc.property(arb, (x) => {
          const v = (r: number, d: number): Decimal =>
            customerProfitByTenure({
              periods: x.periods,
              retentionRate: r,
              discountRate: d,
              timing: x.timing,
              profitPerCustomer: { base: String(x.base), spendGrowth: { increment: String(x.inc) } },
            }).totals.lifetimeValue;
          expect(v(x.r + x.bump, x.d).gte(v(x.r, x.d))).toBe(true);
          expect(v(x.r, x.d + x.dBump).lte(v(x.r, x.d))).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  });
});
