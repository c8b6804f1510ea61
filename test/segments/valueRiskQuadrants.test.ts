import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { valueRiskQuadrants } from "../../src/segments/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("valueRiskQuadrants", () => {
  it("splits by P(alive) and value (hand-checked, median threshold)", () => {
    // Values 10, 20, 30, 40, 50: median 30 (high value is >= 30). P(alive) < 0.5 is at risk.
    const q = valueRiskQuadrants([
      { customerId: 1, probabilityAlive: 0.5, value: 30 },
      { customerId: 2, probabilityAlive: 0.49, value: 50 },
      { customerId: 3, probabilityAlive: 1, value: 10 },
      { customerId: 4, probabilityAlive: 0, value: 20 },
      { customerId: 5, probabilityAlive: 0.8, value: 40 },
    ]);
    expect(q.thresholds).toEqual({ probabilityAlive: 0.5, value: 30 });
    expect(q.valueThresholdMethod).toBe("median");
    expect(q.customers.map((c) => c.quadrant)).toEqual(["retain", "rescue", "develop", "deprioritize", "retain"]);
    expect(q.quadrants).toEqual([
      { quadrant: "retain", count: 2, share: 0.4, valueShare: 70 / 150 },
      { quadrant: "rescue", count: 1, share: 0.2, valueShare: 50 / 150 },
      { quadrant: "develop", count: 1, share: 0.2, valueShare: 10 / 150 },
      { quadrant: "deprioritize", count: 1, share: 0.2, valueShare: 20 / 150 },
    ]);
  });

  it("uses given thresholds and reports null value shares without positive total", () => {
    const q = valueRiskQuadrants(
      [
        { customerId: "a", probabilityAlive: 0.7, value: -5 },
        { customerId: "b", probabilityAlive: 0.2, value: 0 },
      ],
      { aliveThreshold: 0.75, valueThreshold: 0 },
    );
    expect(q.customers.map((c) => c.quadrant)).toEqual(["deprioritize", "rescue"]);
    expect(q.quadrants.map((x) => x.valueShare)).toEqual([null, null, null, null]);
    expect(q.valueThresholdMethod).toBe("given");
  });

  it("partitions the customers (property)", () => {
    const row = fc.record({
      probabilityAlive: fc.double({ min: 0, max: 1, noNaN: true }),
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 50 }), (rs) => {
        const q = valueRiskQuadrants(rs.map((r, i) => ({ customerId: i, ...r })));
        return (
          q.quadrants.reduce((a, x) => a + x.count, 0) === rs.length &&
          Math.abs(q.quadrants.reduce((a, x) => a + x.share, 0) - 1) < 1e-12
        );
      }),
    );
  });

  it("rejects bad input with code and path", () => {
    expectMetricsError(() => valueRiskQuadrants([]), "empty_sample", ["rows"]);
    expectMetricsError(() => valueRiskQuadrants([{ customerId: 1, probabilityAlive: 1.2, value: 1 }]), "out_of_range", [
      0,
      "probabilityAlive",
    ]);
    expectMetricsError(() => valueRiskQuadrants([{ customerId: 1, probabilityAlive: Number.NaN, value: 1 }]), "not_finite", [
      0,
      "probabilityAlive",
    ]);
    expectMetricsError(
      () => valueRiskQuadrants([{ customerId: 1, probabilityAlive: 0.5, value: "10" as never }]),
      "invalid_type",
      [0, "value"],
    );
    expectMetricsError(
      () => valueRiskQuadrants([{ customerId: 1, probabilityAlive: 0.5, value: Number.NEGATIVE_INFINITY }]),
      "not_finite",
      [0, "value"],
    );
    expectMetricsError(
      () => valueRiskQuadrants([{ customerId: 1, probabilityAlive: 0.5, value: 1 }], { aliveThreshold: 2 }),
      "out_of_range",
      ["options", "aliveThreshold"],
    );
    expectMetricsError(
      () => valueRiskQuadrants([{ customerId: 1, probabilityAlive: 0.5, value: 1 }], { valueThreshold: Number.NaN }),
      "not_finite",
      ["options", "valueThreshold"],
    );
  });
});
