import { describe, expect, it } from "vitest";
import { clvCashflows } from "../../src/clv/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("clvCashflows", () => {
  it("lays out survival, margin, discount and present value per period (hand-computed, r = 0.8, d = 0.1)", () => {
    // Period t (end timing): PV = 100 · 0.8^t / 1.1^t → 72.7272…, 52.8925…, 38.4673…; sum 164.0871…
    const t = clvCashflows({ margin: "100", retentionRate: 0.8, discountRate: 0.1, horizon: 3 });
    expect(t.rows.map((r) => r.period)).toEqual([1, 2, 3]);
    expect(t.rows.map((r) => r.time)).toEqual([1, 2, 3]);
    expect(t.rows.map((r) => r.survival)).toEqual([0.8, 0.64, 0.512]);
    expect(t.rows.map((r) => r.expectedMargin.toString())).toEqual(["80", "64", "51.2"]);
    expect(t.rows.map((r) => r.margin.toString())).toEqual(["100", "100", "100"]);
    expect(t.rows[0]?.presentValue.toFixed(10)).toBe("72.7272727273");
    expect(t.rows[1]?.presentValue.toFixed(10)).toBe("52.8925619835");
    expect(t.rows[2]?.presentValue.toFixed(10)).toBe("38.4673178062");
    expect(t.total.toFixed(10)).toBe("164.0871525169");
    expect(t.rows[2]?.cumulativePresentValue.eq(t.total)).toBe(true);
    expect(t.netTotal.eq(t.total)).toBe(true);
    expect(t.horizon).toBe(3);
    expect(t.timing).toBe("end");
  });

  it("start timing: the first margin is certain and undiscounted", () => {
    const t = clvCashflows({ margin: "100", retentionRate: 0.8, discountRate: 0.1, horizon: 3, timing: "start" });
    expect(t.rows.map((r) => r.time)).toEqual([0, 1, 2]);
    expect(t.rows[0]?.presentValue.toString()).toBe("100");
    expect(t.rows[0]?.discountFactor).toBe(1);
    expect(t.rows[0]?.survival).toBe(1);
    // 100 + 80/1.1 + 64/1.21
    expect(t.total.toFixed(10)).toBe("225.6198347107");
  });

  it("grows the margin by (1+g)^(t−1) and nets the acquisition cost", () => {
    const t = clvCashflows({
      margin: "100",
      retentionRate: 1,
      discountRate: 0,
      marginGrowth: 0.1,
      horizon: 3,
      acquisitionCost: "300",
    });
    expect(t.rows.map((r) => r.margin.toString())).toEqual(["100", "110", "121"]);
    expect(t.total.toString()).toBe("331");
    expect(t.netTotal.toString()).toBe("31");
  });

  it("the rows sum exactly to the total (Decimal)", () => {
    const t = clvCashflows({ margin: "19.99", retentionRate: 0.93, discountRate: 0.0125, horizon: 120, marginGrowth: 0.002 });
    const sum = t.rows.reduce((s, r) => s.plus(r.presentValue), t.rows[0]!.presentValue.minus(t.rows[0]!.presentValue));
    expect(sum.eq(t.total)).toBe(true);
    expect(t.rows.length).toBe(120);
  });

  it("requires a horizon and validates it", () => {
    expectMetricsError(() => clvCashflows({ margin: "1", retentionRate: 0.5, discountRate: 0 } as never), "invalid_type", [
      "horizon",
    ]);
    expectMetricsError(() => clvCashflows({ margin: "1", retentionRate: 0.5, discountRate: 0, horizon: -3 }), "out_of_range", [
      "horizon",
    ]);
    expectMetricsError(
      () => clvCashflows({ margin: "1", retentionRate: 0.5, discountRate: 0, horizon: { value: 1.5, unit: "year" } }),
      "not_integer",
      ["horizon", "value"],
    );
    expectMetricsError(
      () => clvCashflows({ margin: "1", retentionRate: 0.5, discountRate: 0, horizon: Number.NaN }),
      "not_finite",
      ["horizon"],
    );
  });

  it("rejects unit mismatches", () => {
    expectMetricsError(
      () =>
        clvCashflows({
          margin: { value: "1", unit: "week" },
          retentionRate: { value: 0.5, unit: "month" },
          discountRate: 0,
          horizon: 3,
        }),
      "unit_mismatch",
      ["retentionRate", "unit"],
    );
  });
});
