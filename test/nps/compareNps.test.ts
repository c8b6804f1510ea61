import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareNps, npsTally } from "../../src/nps/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

interface CompareRef {
  a: [number, number, number];
  b: [number, number, number];
  method: "wald" | "adjusted-wald";
  confidence: number;
  difference: number;
  standardError: number;
  z: number;
  pValue: number;
  lower: number;
  upper: number;
}
// Independent values: python3 test/fixtures/nps/reference.py (MeasuringU adjusted-Wald test; scipy norm.sf).
const ref = JSON.parse(readFileSync(new URL("../fixtures/nps/reference.json", import.meta.url), "utf8")) as {
  comparisons: CompareRef[];
};
const counts = ([promoters, passives, detractors]: [number, number, number]) => ({ promoters, passives, detractors });

describe("compareNps", () => {
  it("matches independent reference tests", () => {
    for (const c of ref.comparisons) {
      const r = compareNps(counts(c.a), counts(c.b), { interval: c.method, confidence: c.confidence });
      const label = `${c.a.join("/")} vs ${c.b.join("/")} ${c.method}`;
      expectClose(r.difference, c.difference, { abs: 1e-9 }, label);
      expectClose(r.standardError, c.standardError, { rel: 1e-9 }, label);
      expectClose(r.z, c.z, { rel: 1e-9, abs: 1e-12 }, label);
      expectClose(r.pValue, c.pValue, { rel: 1e-7, abs: 1e-12 }, label);
      expectClose(r.confidenceInterval[0], c.lower, { rel: 1e-9, abs: 1e-9 }, label);
      expectClose(r.confidenceInterval[1], c.upper, { rel: 1e-9, abs: 1e-9 }, label);
      expect(r.significant).toBe(c.pValue < 1 - c.confidence);
    }
  });

  it("accepts raw scores and tallies interchangeably", () => {
    const a = [10, 10, 9, 8, 3];
    const b = [6, 5, 9, 7, 7, 2];
    const r1 = compareNps(a, b);
    const r2 = compareNps(npsTally(a), npsTally(b));
    expect(r1).toEqual(r2);
    expect(r1.a.score).toBe(40);
    // Hand-computed: b has 1 promoter (9), 2 passives (7, 7), 3 detractors (6, 5, 2) → (1 − 3)/6 = −33.3.
    expectClose(r1.b.score, -100 / 3, { rel: 1e-12 });
  });

  it("is antisymmetric: swapping the samples flips difference and z", () => {
    const a = counts([40, 30, 30]);
    const b = counts([25, 35, 40]);
    const ab = compareNps(a, b);
    const ba = compareNps(b, a);
    expectClose(ab.difference, -ba.difference, { abs: 1e-12 });
    expectClose(ab.z, -ba.z, { abs: 1e-12 });
    expectClose(ab.pValue, ba.pValue, { rel: 1e-12 });
  });

  it("rejects bad input with the sample name in path", () => {
    expectMetricsError(() => compareNps([9, 11], [9]), "out_of_range", ["a", 1]);
    expectMetricsError(() => compareNps([9], [Number.NaN]), "not_finite", ["b", 0]);
    expectMetricsError(() => compareNps([], [9]), "empty_sample", ["a"]);
    expectMetricsError(() => compareNps([9], { promoters: 0, passives: 0, detractors: 0 }), "empty_sample", ["b"]);
    expectMetricsError(() => compareNps({ promoters: -2, passives: 0, detractors: 0 }, [9]), "out_of_range", ["a", "promoters"]);
    expectMetricsError(() => compareNps([10, 10], [10], { interval: "wald" }), "undefined_result", []);
    expectMetricsError(() => compareNps([9], [9], { confidence: 0 }), "out_of_range", ["options", "confidence"]);
  });

  it("p-value is in [0, 1] and significance matches the level (property)", () => {
    const c = fc.tuple(fc.nat(60), fc.nat(60), fc.nat(60)).filter(([a, b, d]) => a + b + d > 0);
    fc.assert(
      fc.property(c, c, (x, y) => {
        const r = compareNps(counts(x), counts(y));
        return r.pValue >= 0 && r.pValue <= 1 && r.significant === r.pValue < 0.05 && Math.abs(r.difference) <= 200;
      }),
    );
  });
});
