import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../src/math/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// Reference values: python3 statistics.NormalDist().inv_cdf and the closed-form
// Wilson (1927) bounds, independently of this library (command in
// test/fixtures/math/README.md, "wilsonInterval").
const REFERENCE: readonly [number, number, number, number, number][] = [
  [8, 10, 0.95, 0.49016247153664183, 0.9433178485456247],
  [0, 10, 0.95, 0, 0.27753279986288915],
  [10, 10, 0.95, 0.7224672001371109, 1],
  [1, 1, 0.9, 0.2698659487840544, 1],
  [37, 120, 0.9, 0.24385619835333927, 0.38126261286639374],
  [2.5, 7, 0.99, 0.0852580204671643, 0.7680595323883368],
  [500, 1000, 0.95, 0.4690696003681042, 0.5309303996318958],
  [1, 100000, 0.95, 1.765247730378316e-6, 5.664709659040965e-5],
];

describe("wilsonInterval", () => {
  for (const [k, n, c, lo, hi] of REFERENCE) {
    it(`(${k}, ${n}, ${c})`, () => {
      const [l, u] = wilsonInterval(k, n, c);
      expectClose(l, lo, { rel: 1e-12, abs: 1e-15 }, "lower");
      expectClose(u, hi, { rel: 1e-12, abs: 1e-15 }, "upper");
    });
  }

  it("is exactly 0 / 1 at the ends", () => {
    expect(wilsonInterval(0, 7, 0.95)[0]).toBe(0);
    expect(wilsonInterval(7, 7, 0.95)[1]).toBe(1);
  });

  it("rejects bad input with code and path", () => {
    expectMetricsError(() => wilsonInterval(11, 10, 0.95), "out_of_range", ["successes"]);
    expectMetricsError(() => wilsonInterval(-1, 10, 0.95), "out_of_range", ["successes"]);
    expectMetricsError(() => wilsonInterval(NaN, 10, 0.95), "not_finite", ["successes"]);
    expectMetricsError(() => wilsonInterval(1, 0, 0.95), "out_of_range", ["n"]);
    expectMetricsError(() => wilsonInterval(1, -3, 0.95), "out_of_range", ["n"]);
    expectMetricsError(() => wilsonInterval(1, Infinity, 0.95), "not_finite", ["n"]);
    expectMetricsError(() => wilsonInterval(1, "10" as unknown as number, 0.95), "invalid_type", ["n"]);
    expectMetricsError(() => wilsonInterval(1, 10, 1), "out_of_range", ["confidence"]);
    expectMetricsError(() => wilsonInterval(1, 10, 0), "out_of_range", ["confidence"]);
    expectMetricsError(() => wilsonInterval(1, 10, null as unknown as number), "invalid_type", ["confidence"]);
  });

  it("contains p̂ and stays inside [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        (n, f, c) => {
          const k = Math.floor(f * n);
          const [l, u] = wilsonInterval(k, n, c);
          const p = k / n;
          expect(0 <= l && l <= p && p <= u && u <= 1).toBe(true);
        },
      ),
    );
  });
});
