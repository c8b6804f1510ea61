import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csat, mergeRatingTallies, ratingTally } from "../../src/surveys/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { ref } from "./_ref.js";

describe("csat", () => {
  // Definition: Delighted CSAT = share of 4 or 5 on a 1–5 scale. Intervals: scipy (reference.py).
  it("top-box share with a Wilson interval (default)", () => {
    const r = csat(ref.csat.scores);
    expect(r.method).toBe("top-box");
    expect(r.value).toBe(0.6);
    expect([r.satisfied, r.satisfiedMin, r.n]).toEqual([3, 4, 5]);
    expectClose(r.confidenceInterval?.[0] as number, ref.csat.topBox.lower, { rel: 1e-12 });
    expectClose(r.confidenceInterval?.[1] as number, ref.csat.topBox.upper, { rel: 1e-12 });
    expect(r.distribution).toEqual([1, 0, 1, 2, 1]);
    const r90 = csat(ref.csat.scores, { confidence: 0.9 });
    expectClose(r90.confidenceInterval?.[0] as number, ref.csat.topBox90.lower, { rel: 1e-12 });
  });

  it("mean variant with a Student-t interval", () => {
    const r = csat(ref.csat.scores, { method: "mean" });
    expectClose(r.value, 3.4, { rel: 1e-15 });
    expectClose(r.standardError as number, ref.csat.mean.se, { rel: 1e-12 });
    expectClose(r.confidenceInterval?.[0] as number, ref.csat.mean.lower, { rel: 1e-9 });
    expectClose(r.confidenceInterval?.[1] as number, ref.csat.mean.upper, { rel: 1e-9 });
  });

  it("scores a tally exactly like the raw ratings (1,000 responses)", () => {
    const counts = ref.csatBig.counts as number[];
    const scores = counts.flatMap((c, k) => Array<number>(c).fill(k + 1));
    const t = ratingTally(scores);
    expect(t.counts).toEqual(counts);
    expect(csat(t)).toEqual(csat(scores));
    expectClose(csat(t).confidenceInterval?.[0] as number, ref.csatBig.topBox.lower, { rel: 1e-12 });
    expectClose(csat(t, { method: "mean" }).confidenceInterval?.[1] as number, ref.csatBig.mean.upper, { rel: 1e-9 });
  });

  it("supports 3-point smiley scales, custom thresholds and reverse-oriented scales", () => {
    expectClose(csat([3, 2, 3], { scale: 3 }).value, 2 / 3, { rel: 1e-15 });
    expect(csat([5, 4, 3], { satisfiedMin: 5 }).value).toBeCloseTo(1 / 3, 15);
    // best: "min" → 1 is very satisfied: 1 and 2 count as satisfied after reverse-coding.
    expect(csat([1, 2, 5], { scale: { min: 1, max: 5, best: "min" } }).satisfied).toBe(2);
  });

  it("n = 1: the mean has no interval (null, never NaN)", () => {
    const r = csat([4], { method: "mean" });
    expect(r.confidenceInterval).toBeNull();
    expect(r.standardError).toBeNull();
  });

  it("rejects bad input with code and path", () => {
    expectMetricsError(() => csat([5, 6]), "out_of_range", [1]);
    expectMetricsError(() => csat([5, 0]), "out_of_range", [1]);
    expectMetricsError(() => csat([4.5]), "not_integer", [0]);
    expectMetricsError(() => csat([Number.NaN]), "not_finite", [0]);
    expectMetricsError(() => csat(["5"] as never), "invalid_type", [0]);
    expectMetricsError(() => csat([null]), "invalid_type", [0]);
    expectMetricsError(() => csat([]), "empty_sample", []);
    expectMetricsError(() => csat([null], { onInvalid: "skip" }), "empty_sample", []);
    expectMetricsError(() => csat([5], { method: "nps" as never }), "invalid_option", ["options", "method"]);
    expectMetricsError(() => csat([5], { satisfiedMin: 6 }), "out_of_range", ["options", "satisfiedMin"]);
    expectMetricsError(() => csat([5], { scale: 1 }), "out_of_range", ["options", "scale"]);
    expectMetricsError(() => csat([5], { scale: { min: 5, max: 1 } }), "out_of_range", ["options", "scale", "max"]);
    expectMetricsError(() => csat(ratingTally([3], { scale: 3 }), { scale: 5 }), "unit_mismatch", ["options", "scale"]);
    expectMetricsError(() => csat({ min: 1, max: 5, counts: [1, 2], n: 3 } as never), "invalid_input", ["counts"]);
  });

  it("skips invalid ratings when asked and counts them", () => {
    const r = csat([5, 9, null, 4], { onInvalid: "skip" });
    expect(r.n).toBe(2);
    expect(r.excluded.byReason).toEqual({ missing: 1, invalid_type: 0, not_finite: 0, not_integer: 0, out_of_range: 1 });
  });

  it("merged tallies equal the tally of the concatenation; the value stays in [0, 1] (property)", () => {
    const part = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const merged = mergeRatingTallies(...parts.map((p) => ratingTally(p)));
        expect(merged).toEqual(ratingTally(parts.flat()));
        const r = csat(merged);
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(1);
        const [lo, hi] = r.confidenceInterval as readonly [number, number];
        expect(lo).toBeLessThanOrEqual(r.value + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(r.value - 1e-12);
      }),
    );
  });
});
