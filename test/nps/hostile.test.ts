import { describe, expect, it } from "vitest";
import { nps, npsBySegment, npsSampleSize, npsTally, npsTrend } from "../../src/nps/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Issue 13: hostile inputs. Each reproducer is a MetricsError or a finite result.
describe("nps hostile inputs (issue 13)", () => {
  it("extreme equal weights give the same finite result as unit weights", () => {
    // Equal weights are scale-free: the result must equal the unweighted-by-1 result.
    const ref = nps([9, 0], { weights: [1, 1] });
    expect(Number.isFinite(ref.standardError)).toBe(true);
    for (const w of [1e200, Number.MAX_VALUE, 5e-324, 1e-200, 1e-160, 1e155]) {
      const r = nps([9, 0], { weights: [w, w] });
      expect(r.score, String(w)).toBe(0);
      expect(r.effectiveN, String(w)).toBeCloseTo(2, 12);
      expect(r.standardError, String(w)).toBeCloseTo(ref.standardError, 10);
      expect(r.marginOfError, String(w)).toBeCloseTo(ref.marginOfError, 10);
      expect(r.confidenceInterval[0], String(w)).toBeCloseTo(ref.confidenceInterval[0], 10);
      expect(r.confidenceInterval[1], String(w)).toBeCloseTo(ref.confidenceInterval[1], 10);
    }
  });

  it("unequal extreme weights keep their ratio (n_eff = (Σw)²/Σw²)", () => {
    // Weights 3e200 and 1e200 ∝ 3:1 → n_eff = 16/10 = 1.6, promoter share 0.75 (hand-computed).
    const r = nps([9, 0], { weights: [3e200, 1e200] });
    expect(r.effectiveN).toBeCloseTo(1.6, 12);
    expect(r.shares.promoter).toBeCloseTo(0.75, 12);
    expect(r.score).toBeCloseTo(50, 10);
    // Many heavy weights: (Σw)² overflows although Σw² does not.
    const many = nps(new Array(1000).fill(9).concat([0]), { weights: new Array(1001).fill(1e153) });
    expect(many.effectiveN).toBeCloseTo(1001, 6);
  });

  it("a tally with weighted sums unchanged in ordinary ranges", () => {
    const t = npsTally([9, 0], { weights: [2, 0.5] });
    expect([t.promoters, t.detractors, t.sumWeights, t.sumSquaredWeights]).toEqual([2, 0.5, 2.5, 4.25]);
  });

  it("rejects an impossible weighted tally", () => {
    const base = { promoters: 2, passives: 0, detractors: 1, n: 2, weighted: true, sumWeights: 3 };
    expectMetricsError(() => nps({ ...base, sumSquaredWeights: 0 }), "invalid_input", ["sumSquaredWeights"]);
    // Σw² ≥ (Σw)²/n = 4.5 (Cauchy–Schwarz): 4 is impossible.
    expectMetricsError(() => nps({ ...base, sumSquaredWeights: 4 }), "invalid_input", ["sumSquaredWeights"]);
    // Σw² ≤ (Σw)² = 9: 10 is impossible.
    expectMetricsError(() => nps({ ...base, sumSquaredWeights: 10 }), "invalid_input", ["sumSquaredWeights"]);
    // Boundary values are possible (weights 1.5,1.5 and 3,0).
    expect(nps({ ...base, sumSquaredWeights: 4.5 }).effectiveN).toBeCloseTo(2, 12);
    expect(nps({ ...base, sumSquaredWeights: 9 }).effectiveN).toBeCloseTo(1, 12);
  });

  it("a confidence whose z is infinite is out_of_range", () => {
    expectMetricsError(() => nps([9, 0, 7], { confidence: 0.9999999999999999 }), "out_of_range", ["options", "confidence"]);
    expectMetricsError(() => npsSampleSize({ marginOfError: 5, confidence: 0.9999999999999999 }), "out_of_range", ["confidence"]);
    // Just below: finite. z(0.999999999) = 6.109410204869... (inverse normal of 1 − 5e-10).
    expect(Number.isFinite(nps([9, 0, 7], { confidence: 0.999999999 }).marginOfError)).toBe(true);
  });

  it("a margin of error so small that n is not a safe integer is out_of_range", () => {
    expectMetricsError(() => npsSampleSize({ marginOfError: 1e-300 }), "out_of_range", ["marginOfError"]);
    expectMetricsError(() => npsSampleSize({ marginOfError: 1e-6 }), "out_of_range", ["marginOfError"]);
    expect(npsSampleSize({ marginOfError: 5 }).n).toBe(1534);
  });
});

describe("nps foreign values (issue 13)", () => {
  it("bigints, a BigInt64Array and a revoked Proxy are invalid_type, not raw TypeErrors", () => {
    expectMetricsError(() => nps([9n, 10n] as never), "invalid_type", [0]);
    expectMetricsError(() => nps([9, 10, 7, 8, 9n] as never), "invalid_type", [4]);
    expectMetricsError(() => nps(new BigInt64Array([9n, 10n]) as never), "invalid_type", []);
    expectMetricsError(() => nps(new BigUint64Array([9n]) as never), "invalid_type", []);
    const p = Proxy.revocable([], {});
    p.revoke();
    expectMetricsError(() => nps(p.proxy as never), "invalid_type", []);
    expectMetricsError(() => nps([9, 0], { weights: [1, 1n] as never }), "invalid_type", ["options", "weights", 1]);
    expectMetricsError(() => nps([9, 0n] as never, { weights: [1, 1] }), "invalid_type", [1]);
  });

  it('bigints are skipped as invalid_type under onInvalid: "skip"', () => {
    // Valid answers 10, 9, 0 → P = 2, D = 1 of 3: NPS = 100·(2 − 1)/3 = 33.33…
    const r = nps([10, 9n, 9, 0, 10n] as never, { onInvalid: "skip" });
    expect(r.n).toBe(3);
    expect(r.score).toBeCloseTo(100 / 3, 12);
    expect(r.excluded.count).toBe(2);
    expect(r.excluded.byReason.invalid_type).toBe(2);
  });
});

describe("nps nonsense options and keys (issue 13)", () => {
  const xs = [
    { score: 10, at: "2024-01-15" },
    { score: 3, at: "2024-03-02" },
  ];

  it("npsTrend: to before from is out_of_range at options.to", () => {
    expectMetricsError(() => npsTrend(xs, { period: "month", from: "2024-05-01", to: "2024-01-01" }), "out_of_range", [
      "options",
      "to",
    ]);
    // Same day (and same period) is fine: January..March from the responses.
    expect(npsTrend(xs, { period: "month", from: "2024-01-01", to: "2024-01-01" }).periods.length).toBe(3);
  });

  it("npsBySegment: a number and a string that print alike are not merged", () => {
    expectMetricsError(
      () =>
        npsBySegment(
          [
            { score: 10, seg: 1e21 },
            { score: 0, seg: "1e+21" },
          ],
          "seg",
        ),
      "invalid_input",
      [1, "segment"],
    );
    expectMetricsError(
      () =>
        npsBySegment(
          [
            { score: 10, seg: "1" },
            { score: 0, seg: 1 },
          ],
          "seg",
        ),
      "invalid_input",
      [1, "segment"],
    );
    // One type per key is fine: two numeric 1e21 responses form one segment "1e+21".
    const r = npsBySegment(
      [
        { score: 10, seg: 1e21 },
        { score: 0, seg: 1e21 },
        { score: 9, seg: "a" },
      ],
      "seg",
    );
    expect(r.segments.map((s) => [s.segment, s.tally.n])).toEqual([
      ["1e+21", 2],
      ["a", 1],
    ]);
  });

  it("npsTrend and npsBySegment: a bigint score is invalid_type", () => {
    expectMetricsError(() => npsTrend([{ score: 9n as never, at: "2024-01-01" }], { period: "month" }), "invalid_type", [
      0,
      "score",
    ]);
    expectMetricsError(() => npsBySegment([{ score: 9n as never, seg: "a" }], "seg"), "invalid_type", [0, "score"]);
  });
});
