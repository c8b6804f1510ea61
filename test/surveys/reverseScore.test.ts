import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeScore, reverseScore } from "../../src/surveys/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("reverseScore / normalizeScore", () => {
  it("reverse-codes (hand-computed)", () => {
    expect(reverseScore(2, { min: 1, max: 5 })).toBe(4);
    expect(reverseScore(0, { min: 0, max: 10 })).toBe(10);
    expect(reverseScore(3, 5)).toBe(3);
  });

  it("normalises to 0–100 (Revinate-style linear rescaling)", () => {
    expect(normalizeScore(4, { min: 1, max: 5 })).toBe(75);
    expect(normalizeScore(1, { min: 1, max: 6, best: "min" })).toBe(100);
    expect(normalizeScore(7, { min: 0, max: 10 })).toBe(70);
  });

  it("reverse-scoring twice is the identity; normalised scores stay in 0..100 (property)", () => {
    const scale = fc
      .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 100 }))
      .map(([min, span]) => ({ min, max: min + span }));
    fc.assert(
      fc.property(scale, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (s, u, flip) => {
        const r = Math.round(s.min + u * (s.max - s.min));
        const v = r === 0 ? 0 : r; // Math.round(-0.4) is -0; scores are read with -0 as 0
        expect(reverseScore(reverseScore(v, s), s)).toBe(v);
        const z = normalizeScore(v, { ...s, best: flip ? "min" : "max" });
        expect(z).toBeGreaterThanOrEqual(0);
        expect(z).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("rejects off-scale values and bad scales", () => {
    expectMetricsError(() => reverseScore(6, { min: 1, max: 5 }), "out_of_range", ["value"]);
    expectMetricsError(() => reverseScore(Number.NaN, { min: 1, max: 5 }), "not_finite", ["value"]);
    expectMetricsError(() => normalizeScore("3" as never, 5), "invalid_type", ["value"]);
    expectMetricsError(() => normalizeScore(3, { min: 3, max: 3 }), "out_of_range", ["scale", "max"]);
    expectMetricsError(() => normalizeScore(3, null as never), "invalid_type", ["scale"]);
  });
});
