import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { nps, npsSampleSize } from "../../src/nps/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

interface SizeRef {
  marginOfError: number;
  promoter: number;
  detractor: number;
  method: "wald" | "adjusted-wald";
  confidence: number;
  n: number;
  variance: number;
}
// Independent values: python3 test/fixtures/nps/reference.py; formula n = z²V/E² (− 3 for adjusted Wald),
// MeasuringU "Sample Size Estimation for NPS Confidence Intervals".
const ref = JSON.parse(readFileSync(new URL("../fixtures/nps/reference.json", import.meta.url), "utf8")) as {
  sampleSizes: SizeRef[];
};

describe("npsSampleSize", () => {
  it("matches independent reference sizes", () => {
    for (const c of ref.sampleSizes) {
      const r = npsSampleSize({
        marginOfError: c.marginOfError,
        expectedShares: { promoter: c.promoter, detractor: c.detractor },
        confidence: c.confidence,
        interval: c.method,
      });
      expect(r.n, JSON.stringify(c)).toBe(c.n);
    }
  });

  it("defaults to the worst case (variance 1)", () => {
    const r = npsSampleSize({ marginOfError: 5 });
    expect(r.variance).toBe(1);
    expect(r.n).toBe(1534);
    expect(r.expectedScore).toBe(0);
  });

  it("the planned n achieves the margin under the Wald formula (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (moe, pp, dd) => {
          if (pp + dd > 10) return true;
          const p = pp / 10;
          const d = dd / 10;
          const { n } = npsSampleSize({ marginOfError: moe, expectedShares: { promoter: p, detractor: d }, interval: "wald" });
          const P = Math.round(p * n);
          const D = Math.round(d * n);
          if (Math.abs(P - p * n) > 1e-9 || Math.abs(D - d * n) > 1e-9 || P + D > n) return true;
          const r = nps({ promoters: P, passives: n - P - D, detractors: D }, { interval: "wald" });
          return r.marginOfError <= moe + 1e-9;
        },
      ),
    );
  });

  it("rejects bad input", () => {
    expectMetricsError(() => npsSampleSize({ marginOfError: 0 }), "out_of_range", ["marginOfError"]);
    expectMetricsError(() => npsSampleSize({ marginOfError: 101 }), "out_of_range", ["marginOfError"]);
    expectMetricsError(() => npsSampleSize({ marginOfError: Number.NaN }), "not_finite", ["marginOfError"]);
    expectMetricsError(() => npsSampleSize({ marginOfError: "5" as never }), "invalid_type", ["marginOfError"]);
    expectMetricsError(
      () => npsSampleSize({ marginOfError: 5, expectedShares: { promoter: 0.7, detractor: 0.4 } }),
      "out_of_range",
      ["expectedShares"],
    );
    expectMetricsError(
      () => npsSampleSize({ marginOfError: 5, expectedShares: { promoter: 40, detractor: 10 } }),
      "out_of_range",
      ["expectedShares", "promoter"],
    );
    expectMetricsError(() => npsSampleSize({ marginOfError: 5, confidence: 1.2 }), "out_of_range", ["confidence"]);
    expectMetricsError(() => npsSampleSize({ marginOfError: 5, interval: "bayes" as never }), "invalid_option", ["interval"]);
    expectMetricsError(() => npsSampleSize(null as never), "invalid_type", []);
  });
});
