import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { nps, npsTally } from "../../src/nps/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

interface IntervalRef {
  counts: [number, number, number];
  method: "wald" | "adjusted-wald";
  confidence: number;
  score: number;
  standardError: number;
  lower: number;
  upper: number;
  marginOfError: number;
  center: number;
  effectiveN: number;
}
// Independent values: python3 test/fixtures/nps/reference.py (mpmath + scipy), see test/fixtures/nps/README.md.
const ref = JSON.parse(readFileSync(new URL("../fixtures/nps/reference.json", import.meta.url), "utf8")) as {
  intervals: IntervalRef[];
  weighted: IntervalRef & { scores: number[]; weights: number[] };
  weightedWald: IntervalRef & { scores: number[]; weights: number[] };
};

function scoresFor([p, pa, d]: [number, number, number]): number[] {
  return [...Array<number>(p).fill(10), ...Array<number>(pa).fill(7), ...Array<number>(d).fill(2)];
}

describe("nps", () => {
  it("computes score, counts and shares (hand-computed)", () => {
    const r = nps([10, 10, 9, 9, 9, 8, 7, 6, 3, 0]);
    expect(r.score).toBe(20);
    expect([r.n, r.promoters, r.passives, r.detractors]).toEqual([10, 5, 2, 3]);
    expect(r.shares).toEqual({ promoter: 0.5, passive: 0.2, detractor: 0.3 });
    expect(r.interval).toBe("adjusted-wald");
    expect(r.confidence).toBe(0.95);
    expect(r.weighted).toBe(false);
    expect(r.effectiveN).toBe(10);
  });

  // Published figure: talkstats.com thread "Net Promoter Score - Calculating Confidence Intervals and
  // Margin of Error": n = 1162 with 291 promoters, 476 passives, 395 detractors gives NPS −9 (−8.95).
  it("matches the published talkstats example (NPS −9 on 1162 responses)", () => {
    const r = nps({ promoters: 291, passives: 476, detractors: 395 });
    expectClose(r.score, (100 * (291 - 395)) / 1162, { rel: 1e-12 }); // −8.95 → reported as −9
    expect(Math.round(r.score)).toBe(-9);
  });

  // Published figure: stats.stackexchange "How can I calculate margin of error in a NPS result?" (whuber):
  // shares 1/2, 1/3, 1/6 give NPS 1/3 and per-response variance 5/9, so SE = sqrt(5/9)/sqrt(n).
  it("matches the trinomial variance worked example (p = 1/2, d = 1/6 → Var = 5/9)", () => {
    const r = nps({ promoters: 300, passives: 200, detractors: 100 }, { interval: "wald" });
    expectClose(r.score, 100 / 3, { rel: 1e-12 });
    expectClose(r.standardError, 100 * Math.sqrt(5 / 9 / 600), { rel: 1e-12 });
  });

  it("matches independent reference intervals (Wald and adjusted Wald, several confidences)", () => {
    for (const c of ref.intervals) {
      for (const input of [{ promoters: c.counts[0], passives: c.counts[1], detractors: c.counts[2] }, scoresFor(c.counts)]) {
        const r = nps(input, { interval: c.method, confidence: c.confidence });
        const label = `${c.counts.join("/")} ${c.method} ${c.confidence}`;
        expectClose(r.score, c.score, { rel: 1e-12, abs: 1e-12 }, label);
        expectClose(r.standardError, c.standardError, { rel: 1e-9, abs: 1e-12 }, label);
        expectClose(r.confidenceInterval[0], c.lower, { rel: 1e-9, abs: 1e-9 }, label);
        expectClose(r.confidenceInterval[1], c.upper, { rel: 1e-9, abs: 1e-9 }, label);
        expectClose(r.marginOfError, c.marginOfError, { rel: 1e-9, abs: 1e-12 }, label);
        expectClose(r.intervalCenter, c.center, { rel: 1e-9, abs: 1e-12 }, label);
      }
    }
  });

  it("uses Kish's effective n with weights (reference values)", () => {
    for (const c of [ref.weighted, ref.weightedWald]) {
      const r = nps(c.scores, { weights: c.weights, interval: c.method });
      expectClose(r.score, c.score, { rel: 1e-12 });
      expectClose(r.effectiveN, c.effectiveN, { rel: 1e-12 });
      expectClose(r.standardError, c.standardError, { rel: 1e-9 });
      expectClose(r.confidenceInterval[0], c.lower, { rel: 1e-9, abs: 1e-9 });
      expectClose(r.confidenceInterval[1], c.upper, { rel: 1e-9, abs: 1e-9 });
      expect(r.weighted).toBe(true);
      expect(r.n).toBe(5);
    }
  });

  it("equal weights give the unweighted interval", () => {
    const s = [10, 9, 8, 5, 3, 10, 7];
    const a = nps(s);
    const b = nps(s, { weights: Array<number>(s.length).fill(2.5) });
    expectClose(b.score, a.score, { rel: 1e-12 });
    expectClose(b.standardError, a.standardError, { rel: 1e-12 });
    expectClose(b.confidenceInterval[0], a.confidenceInterval[0], { rel: 1e-12 });
  });

  it("accepts a tally and gives the same result as the raw scores", () => {
    const s = [10, 9, 9, 8, 1, 0, 6, 7];
    expect(nps(npsTally(s))).toEqual(nps(s));
    expect(nps(JSON.parse(JSON.stringify(npsTally(s))) as never)).toEqual(nps(s));
  });

  it("clips the interval to −100..100 and keeps it non-degenerate at the extremes (adjusted Wald)", () => {
    const r = nps([10, 10, 10]);
    expect(r.score).toBe(100);
    expect(r.confidenceInterval[1]).toBe(100);
    expect(r.confidenceInterval[0]).toBeLessThan(100);
  });

  it("reports exclusions from skipped scores", () => {
    const r = nps([10, null, 3, 12], { onInvalid: "skip" });
    expect(r.n).toBe(2);
    expect(r.excluded.count).toBe(2);
    expect(r.excluded.byReason).toEqual({ missing: 1, invalid_type: 0, not_finite: 0, not_integer: 0, out_of_range: 1 });
  });

  it("rejects bad input", () => {
    expectMetricsError(() => nps([]), "empty_sample", []);
    expectMetricsError(() => nps([null], { onInvalid: "skip" }), "empty_sample", []);
    expectMetricsError(() => nps({ promoters: 0, passives: 0, detractors: 0 }), "empty_sample", []);
    expectMetricsError(() => nps([9, 10, 11]), "out_of_range", [2]);
    expectMetricsError(() => nps([9], { interval: "exact" as never }), "invalid_option", ["options", "interval"]);
    expectMetricsError(() => nps([9], { confidence: 1 }), "out_of_range", ["options", "confidence"]);
    expectMetricsError(() => nps([9], { confidence: 95 }), "out_of_range", ["options", "confidence"]);
    expectMetricsError(() => nps([9], { confidence: Number.NaN }), "not_finite", ["options", "confidence"]);
    expectMetricsError(() => nps({ promoters: -1, passives: 0, detractors: 3 }), "out_of_range", ["promoters"]);
    expectMetricsError(() => nps({ promoters: 1.5, passives: 0, detractors: 3 }), "not_integer", ["promoters"]);
    expectMetricsError(() => nps({ promoters: Number.NaN, passives: 0, detractors: 3 }), "not_finite", ["promoters"]);
    expectMetricsError(() => nps({ promoters: "3", passives: 0, detractors: 3 } as never), "invalid_type", ["promoters"]);
    expectMetricsError(() => nps({ promoters: 3, passives: 0, detractors: 3, n: 7 }), "invalid_input", ["n"]);
    expectMetricsError(
      () => nps({ promoters: 3, passives: 0, detractors: 3, distribution: [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2] }),
      "invalid_input",
      ["distribution"],
    );
    expectMetricsError(() => nps({ promoters: 3, passives: 0, detractors: 3, weighted: true }), "invalid_input", ["n"]);
  });

  it("score stays within −100..100 and inside-interval invariants hold (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }),
        fc.constantFrom("wald" as const, "adjusted-wald" as const),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (scores, interval, confidence) => {
          const r = nps(scores, { interval, confidence });
          const [lo, hi] = r.confidenceInterval;
          return (
            r.score >= -100 &&
            r.score <= 100 &&
            lo >= -100 &&
            hi <= 100 &&
            lo <= r.intervalCenter + 1e-9 &&
            hi >= r.intervalCenter - 1e-9 &&
            Number.isFinite(r.standardError) &&
            Math.abs(r.shares.promoter + r.shares.passive + r.shares.detractor - 1) < 1e-12
          );
        },
      ),
    );
  });
});
