import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { churnRate, expectedLifetime } from "../../src/churn/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("expectedLifetime", () => {
  it("1 / churn periods (FORMULAS.md §2.3; Lean Analytics: 2.5% monthly churn → 40 months)", () => {
    expect(expectedLifetime(0.025)).toBe(40);
    expect(expectedLifetime(0.05)).toBe(20);
    expect(expectedLifetime(1)).toBe(1);
    expect(expectedLifetime(churnRate({ customersAtStart: 400, customersLost: 10 }))).toBe(40);
  });

  it("rejects bad rates", () => {
    expectMetricsError(() => expectedLifetime(0), "undefined_result", []);
    expectMetricsError(() => expectedLifetime(-0), "undefined_result", []);
    expectMetricsError(() => expectedLifetime(1.5), "out_of_range", []);
    expectMetricsError(() => expectedLifetime(5), "out_of_range", []);
    expectMetricsError(() => expectedLifetime(Number.NaN), "not_finite", []);
    expectMetricsError(() => expectedLifetime("0.1" as unknown as number), "invalid_type", []);
    expectMetricsError(() => expectedLifetime({ rate: 0 }), "undefined_result", ["rate"]);
  });

  it("property: lifetime × churn = 1 and lifetime decreases with churn", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (a, b) => {
        expect(Math.abs(expectedLifetime(a) * a - 1)).toBeLessThan(1e-12);
        if (a < b) expect(expectedLifetime(a)).toBeGreaterThanOrEqual(expectedLifetime(b));
      }),
    );
  });
});
