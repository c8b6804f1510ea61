import { describe, expect, it } from "vitest";
import { retentionSensitivity, type ProjectionAssumptions } from "../../src/projections/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// 1,000 customers at $100 a period (end timing), no acquisition:
// NPV = 1000 · m · Σ_{t=1..H} (r/(1+d))^t = 1000 · m · q(1 − q^H)/(1 − q), q = r/(1 + d) — computed here independently.
const npvClosedForm = (r: number, m: number, d: number, H: number): number => {
  const q = r / (1 + d);
  return 1000 * m * (q === 1 ? H : (q * (1 - q ** H)) / (1 - q));
};

const base: ProjectionAssumptions = {
  periods: 10,
  startingCustomers: 1000,
  retentionRate: 0.8,
  profitPerCustomer: { base: "100" },
  discountRate: 0.1,
};

describe("retentionSensitivity", () => {
  it("grid cells equal the closed form, retention varying fastest", () => {
    const s = retentionSensitivity(base, {
      retentionRates: [0.7, 0.8, 0.9],
      marginMultipliers: [0.9, 1.1],
      discountRates: [0.05, 0.15],
    });
    expect(s.grid).toHaveLength(12);
    expect(s.grid.slice(0, 4).map((c) => [c.retentionRate, c.marginMultiplier, c.discountRate])).toEqual([
      [0.7, 0.9, 0.05],
      [0.8, 0.9, 0.05],
      [0.9, 0.9, 0.05],
      [0.7, 1.1, 0.05],
    ]);
    for (const c of s.grid) {
      expectClose(
        c.npv.toNumber(),
        npvClosedForm(c.retentionRate, 100 * c.marginMultiplier, c.discountRate, 10),
        { rel: 1e-12 },
        JSON.stringify(c),
      );
      expectClose(c.totalProfit.toNumber(), npvClosedForm(c.retentionRate, 100 * c.marginMultiplier, 0, 10), { rel: 1e-12 });
      // no acquisition cost: one customer is worth NPV / 1000
      expectClose(c.customerNpv.toNumber(), c.npv.toNumber() / 1000, { rel: 1e-12 });
    }
  });

  it("tornado: bars sorted by swing, each from the lowest to the highest value with the others at baseline", () => {
    const s = retentionSensitivity(base, {
      retentionRates: [0.7, 0.9],
      marginMultipliers: [0.9, 1.1],
      discountRates: [0.05, 0.15],
    });
    expectClose(s.baselineValue.toNumber(), npvClosedForm(0.8, 100, 0.1, 10), { rel: 1e-12 });
    expect(s.metric).toBe("npv");
    const byName = Object.fromEntries(s.tornado.map((b) => [b.assumption, b]));
    expectClose(byName["retentionRate"]!.metricAtLow.toNumber(), npvClosedForm(0.7, 100, 0.1, 10), { rel: 1e-12 });
    expectClose(byName["retentionRate"]!.metricAtHigh.toNumber(), npvClosedForm(0.9, 100, 0.1, 10), { rel: 1e-12 });
    expectClose(byName["marginMultiplier"]!.metricAtHigh.toNumber(), npvClosedForm(0.8, 110, 0.1, 10), { rel: 1e-12 });
    expectClose(byName["discountRate"]!.metricAtLow.toNumber(), npvClosedForm(0.8, 100, 0.05, 10), { rel: 1e-12 });
    expect(s.tornado.map((b) => b.assumption)).toEqual(["retentionRate", "discountRate", "marginMultiplier"]);
    for (let i = 1; i < s.tornado.length; i++) expect(s.tornado[i - 1]!.swing.gte(s.tornado[i]!.swing)).toBe(true);
    for (const b of s.tornado) expect(b.swing.eq(b.metricAtHigh.minus(b.metricAtLow).abs())).toBe(true);
    const t = s.tornadoSeries.filter((p) => p.x === "retentionRate");
    expect(t.map((p) => p.series)).toEqual(["low", "high"]);
    expectClose(t[0]!.y, npvClosedForm(0.7, 100, 0.1, 10) - npvClosedForm(0.8, 100, 0.1, 10), { rel: 1e-9 });
  });

  it("defaults: multiplier 1, the baseline discount rate; only retention in the tornado", () => {
    const s = retentionSensitivity(base, { retentionRates: [0.75, 0.85] });
    expect(s.grid.map((c) => [c.marginMultiplier, c.discountRate])).toEqual([
      [1, 0.1],
      [1, 0.1],
    ]);
    expect(s.tornado.map((b) => b.assumption)).toEqual(["retentionRate"]);
    expect(s.series.map((p) => p.series)).toEqual(["margin ×1, discount 0.1", "margin ×1, discount 0.1"]);
    expect(s.series.map((p) => p.x)).toEqual([0.75, 0.85]);
  });

  it("ranks by customer NPV or total profit when asked; a single value has swing 0", () => {
    const s = retentionSensitivity(
      { ...base, acquisitionCost: "50" },
      { retentionRates: [0.8], discountRates: [0, 0.2], metric: "customerNpv" },
    );
    expect(s.metric).toBe("customerNpv");
    expect(s.tornado[0]!.assumption).toBe("discountRate");
    expect(s.tornado[1]!.swing.isZero()).toBe(true);
    const tp = retentionSensitivity(base, { retentionRates: [0.5, 0.9], discountRates: [0, 0.5], metric: "totalProfit" });
    // the discount rate does not move undiscounted profit
    expect(tp.tornado.find((b) => b.assumption === "discountRate")!.swing.isZero()).toBe(true);
  });

  it("a per-tenure baseline retention is replaced by each constant rate", () => {
    const s = retentionSensitivity(
      { ...base, retentionRate: { type: "per-tenure", rates: [0.5, 0.9] }, curveExtension: "last-value" },
      { retentionRates: [0.8] },
    );
    expectClose(s.grid[0]!.npv.toNumber(), npvClosedForm(0.8, 100, 0.1, 10), { rel: 1e-12 });
  });

  it("bad input", () => {
    expectMetricsError(() => retentionSensitivity(base, { retentionRates: [] }), "empty_sample", ["options", "retentionRates"]);
    expectMetricsError(() => retentionSensitivity(base, { retentionRates: [0.8, 1.2] }), "out_of_range", [
      "options",
      "retentionRates",
      1,
    ]);
    expectMetricsError(() => retentionSensitivity(base, { retentionRates: [Number.NaN] }), "not_finite", [
      "options",
      "retentionRates",
      0,
    ]);
    expectMetricsError(() => retentionSensitivity(base, { retentionRates: [0.8], marginMultipliers: [-1] }), "out_of_range", [
      "options",
      "marginMultipliers",
      0,
    ]);
    expectMetricsError(() => retentionSensitivity(base, { retentionRates: [0.8], discountRates: [0.1, -0.1] }), "out_of_range", [
      "options",
      "discountRates",
      1,
    ]);
    expectMetricsError(() => retentionSensitivity(base, { retentionRates: [0.8], metric: "ebitda" as "npv" }), "invalid_option", [
      "options",
      "metric",
    ]);
    expectMetricsError(() => retentionSensitivity(base, { retentionRates: "0.8" as unknown as number[] }), "invalid_type", [
      "options",
      "retentionRates",
    ]);
    expectMetricsError(() => retentionSensitivity(base, null as unknown as { retentionRates: number[] }), "invalid_type", [
      "options",
    ]);
    const many = Array.from({ length: 101 }, (_, i) => i / 100);
    expectMetricsError(
      () => retentionSensitivity(base, { retentionRates: many, marginMultipliers: many, discountRates: [0.1] }),
      "out_of_range",
      ["options"],
    );
    expectMetricsError(() => retentionSensitivity({ ...base, periods: 0 }, { retentionRates: [0.8] }), "out_of_range", [
      "periods",
    ]);
  });

  it("does not mutate its inputs and is JSON-serializable", () => {
    const opts = { retentionRates: [0.8, 0.7], marginMultipliers: [1.2, 0.8] };
    const before = JSON.stringify([base, opts]);
    const s = retentionSensitivity(base, opts);
    expect(JSON.stringify([base, opts])).toBe(before);
    expect(typeof (JSON.parse(JSON.stringify(s)) as { baselineValue: unknown }).baselineValue).toBe("string");
  });
});
