import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mergeNpsTallies, nps, npsTally } from "../../src/nps/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

describe("npsTally", () => {
  // Hand-computed: 10,9 promoters; 8,7 passives; 6,0 detractors.
  it("counts classes and the 0..10 distribution", () => {
    const t = npsTally([10, 9, 8, 7, 6, 0, 10]);
    expect(t).toEqual({
      promoters: 3,
      passives: 2,
      detractors: 2,
      n: 7,
      weighted: false,
      sumWeights: 7,
      sumSquaredWeights: 7,
      distribution: [1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2],
      excluded: { count: 0, byReason: { missing: 0, invalid_type: 0, not_finite: 0, not_integer: 0, out_of_range: 0 } },
    });
  });

  it("gives the same tally for Uint8Array, number[] and Float64Array (incl. lengths not divisible by 4)", () => {
    for (const len of [1, 2, 3, 4, 5, 7, 8, 13, 101]) {
      const arr = Array.from({ length: len }, (_, i) => (i * 7 + 3) % 11);
      const a = npsTally(arr);
      expect(npsTally(Uint8Array.from(arr))).toEqual(a);
      expect(npsTally(Float64Array.from(arr))).toEqual(a);
      expect(a.n).toBe(len);
    }
  });

  it("the word-at-a-time Uint8Array path (≥ 4096 bytes, any alignment) agrees with a per-element count (property)", () => {
    const naive = (a: ArrayLike<number>) => {
      const dist = new Array<number>(11).fill(0);
      let bad = 0;
      for (let i = 0; i < a.length; i++) {
        const s = a[i] as number;
        if (s <= 10) dist[s] = (dist[s] as number) + 1;
        else bad++;
      }
      return { dist, bad };
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 4096, max: 9000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 11, max: 255 })), { maxLength: 5 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (len, offset, corrupt, seed) => {
          const buf = new Uint8Array(len + offset);
          let x = seed;
          for (let i = 0; i < buf.length; i++) {
            x = (Math.imul(x, 1103515245) + 12345) >>> 0;
            buf[i] = (x >>> 16) % 11;
          }
          for (const [pos, v] of corrupt) buf[offset + (pos % len)] = v;
          const view = buf.subarray(offset);
          const ref = naive(view);
          const t = npsTally(view, { onInvalid: "skip" });
          expect(t.distribution).toEqual(ref.dist);
          expect(t.excluded.byReason.out_of_range).toBe(ref.bad);
          expect(npsTally(Array.from(view), { onInvalid: "skip" })).toEqual(t);
          if (ref.bad > 0) {
            const first = view.findIndex((v) => v > 10);
            expectMetricsError(() => npsTally(view), "out_of_range", [first]);
            expectMetricsError(() => npsTally(Array.from(view)), "out_of_range", [first]);
          } else expect(npsTally(view).n).toBe(len);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("rejects invalid scores with the index in path", () => {
    expectMetricsError(() => npsTally([9, 8, 11]), "out_of_range", [2]);
    expectMetricsError(() => npsTally([9, -1]), "out_of_range", [1]);
    expectMetricsError(() => npsTally([9, 8, 7, 7.5]), "not_integer", [3]);
    expectMetricsError(() => npsTally([Number.NaN]), "not_finite", [0]);
    expectMetricsError(() => npsTally([1, 2, 3, 4, 5, Number.NEGATIVE_INFINITY]), "not_finite", [5]);
    expectMetricsError(() => npsTally([9, "9"] as never), "invalid_type", [1]);
    expectMetricsError(() => npsTally([null, 9]), "invalid_type", [0]);
    expectMetricsError(() => npsTally([9, 9, 9, 9, undefined]), "invalid_type", [4]);
    expectMetricsError(() => npsTally(Uint8Array.from([1, 2, 3, 4, 5, 200])), "out_of_range", [5]);
    expectMetricsError(() => npsTally(Uint8Array.from([1, 2, 30, 4])), "out_of_range", [2]);
    expectMetricsError(() => npsTally([]), "empty_sample", []);
    expectMetricsError(() => npsTally(new Uint8Array(0)), "empty_sample", []);
    expectMetricsError(() => npsTally("9,10" as never), "invalid_type", []);
    expectMetricsError(() => npsTally(null as never), "invalid_type", []);
    expectMetricsError(() => npsTally([9], { onInvalid: "ignore" as never }), "invalid_option", ["options", "onInvalid"]);
  });

  it("never counts a missing score as a detractor", () => {
    const t = npsTally([10, null, undefined, 10], { onInvalid: "skip" });
    expect(t.detractors).toBe(0);
    expect(t.n).toBe(2);
    expect(t.excluded.byReason.missing).toBe(2);
  });

  it("skips and counts invalid scores by reason", () => {
    const t = npsTally([10, null, "9", Number.NaN, 7.5, 11, -1, 3] as never, { onInvalid: "skip" });
    expect([t.promoters, t.passives, t.detractors, t.n]).toEqual([1, 0, 1, 2]);
    expect(t.excluded).toEqual({
      count: 6,
      byReason: { missing: 1, invalid_type: 1, not_finite: 1, not_integer: 1, out_of_range: 2 },
    });
    const u = npsTally(Uint8Array.from([10, 250, 0, 11, 9]), { onInvalid: "skip" });
    expect([u.n, u.excluded.byReason.out_of_range]).toEqual([3, 2]);
  });

  it("weights the classes and keeps Σw, Σw²", () => {
    // Hand-computed: promoters 2+1, passives 1, detractors 0.5+0.5; Σw = 5, Σw² = 6.5.
    const t = npsTally([10, 9, 7, 3, 0], { weights: [2, 1, 1, 0.5, 0.5] });
    expect([t.promoters, t.passives, t.detractors, t.n, t.sumWeights, t.sumSquaredWeights, t.weighted]).toEqual([
      3,
      1,
      1,
      5,
      5,
      6.5,
      true,
    ]);
    expect(t.distribution).toEqual([0.5, 0, 0, 0.5, 0, 0, 0, 1, 0, 1, 2]);
  });

  it("rejects bad weights", () => {
    expectMetricsError(() => npsTally([9, 8], { weights: [1] }), "length_mismatch", ["options", "weights"]);
    expectMetricsError(() => npsTally([9, 8], { weights: [1, -1] }), "out_of_range", ["options", "weights", 1]);
    expectMetricsError(() => npsTally([9, 8], { weights: [Number.NaN, 1] }), "not_finite", ["options", "weights", 0]);
    expectMetricsError(() => npsTally([9, 8], { weights: [1, Number.POSITIVE_INFINITY] }), "not_finite", [
      "options",
      "weights",
      1,
    ]);
    expectMetricsError(() => npsTally([9, 8], { weights: [1, "2"] as never }), "invalid_type", ["options", "weights", 1]);
    expectMetricsError(() => npsTally([9, 8], { weights: [0, 0] }), "out_of_range", ["options", "weights"]);
    expectMetricsError(() => npsTally([9, 8], { weights: 3 as never }), "invalid_type", ["options", "weights"]);
  });

  it("does not mutate its inputs", () => {
    const scores = [10, 3, 7];
    const weights = [1, 2, 3];
    npsTally(scores, { weights });
    expect(scores).toEqual([10, 3, 7]);
    expect(weights).toEqual([1, 2, 3]);
  });

  it("classes partition the sample (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), (scores) => {
        const t = npsTally(scores);
        const dist = t.distribution as number[];
        return (
          t.promoters + t.passives + t.detractors === scores.length &&
          t.n === scores.length &&
          dist.reduce((a, b) => a + b, 0) === scores.length &&
          dist.every((c, k) => c === scores.filter((s) => s === k).length)
        );
      }),
    );
  });

  it("merged tallies equal the tally of the concatenation (property)", () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 100 });
    fc.assert(
      fc.property(fc.array(scores, { minLength: 1, maxLength: 6 }), (parts) => {
        const merged = mergeNpsTallies(...parts.map((p) => npsTally(p)));
        expect(merged).toEqual(npsTally(parts.flat()));
        expect(nps(merged)).toEqual(nps(parts.flat()));
      }),
    );
  });

  it("weighted merge equals the weighted tally of the concatenation up to rounding (property)", () => {
    const part = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0.1, max: 10, noNaN: true })), {
        minLength: 1,
        maxLength: 50,
      })
      .map((rows) => ({ s: rows.map((r) => r[0]), w: rows.map((r) => r[1]) }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const merged = nps(mergeNpsTallies(...parts.map((p) => npsTally(p.s, { weights: p.w }))));
        const whole = nps(
          parts.flatMap((p) => p.s),
          { weights: parts.flatMap((p) => p.w) },
        );
        expectClose(merged.score, whole.score, { rel: 1e-9, abs: 1e-9 });
        expectClose(merged.standardError, whole.standardError, { rel: 1e-9, abs: 1e-9 });
        expect(merged.n).toBe(whole.n);
      }),
    );
  });
});
