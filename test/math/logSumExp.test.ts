import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logAddExp, logSumExp } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";

describe("logSumExp", () => {
  it("matches hand-computed values", () => {
    // ln(1 + 2 + 3) = ln 6
    expectClose(logSumExp([0, Math.log(2), Math.log(3)]), Math.log(6), { rel: 1e-15 });
    // 1000 + ln 2: the naive form overflows
    expectClose(logSumExp([1000, 1000]), 1000 + Math.LN2, { rel: 1e-15 });
    expectClose(logSumExp(new Float64Array([-1000, -1000, -1000])), -1000 + Math.log(3), { rel: 1e-15 });
    expect(logSumExp([5])).toBe(5);
  });

  it("handles empty, infinite and NaN inputs (IEEE)", () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSumExp([1, Infinity])).toBe(Infinity);
    expect(logSumExp([1, Number.NaN, Infinity])).toBeNaN();
    expect(logSumExp([-Infinity, 2])).toBe(2);
  });

  it("does not mutate its input", () => {
    const v = [3, 1, 2];
    logSumExp(v);
    expect(v).toEqual([3, 1, 2]);
  });

  it("lies in [max, max + ln n] and is shift-equivariant (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -700, max: 700, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (v, shift) => {
          const max = Math.max(...v);
          const l = logSumExp(v);
          const shifted = logSumExp(v.map((x) => x + shift));
          return (
            l >= max &&
            l <= max + Math.log(v.length) + 1e-12 &&
            Math.abs(shifted - (l + shift)) <= 1e-12 * Math.max(1, Math.abs(l + shift))
          );
        },
      ),
    );
  });
});

describe("logAddExp", () => {
  it("matches hand-computed values", () => {
    expectClose(logAddExp(0, 0), Math.LN2, { rel: 1e-16 });
    expectClose(logAddExp(-1000, -1001), -1000 + Math.log1p(Math.exp(-1)), { rel: 1e-16 });
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
    expect(logAddExp(Infinity, 3)).toBe(Infinity);
    expect(logAddExp(Number.NaN, 3)).toBeNaN();
  });

  it("agrees with logSumExp of two values and is symmetric (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (a, b) => {
        const l = logAddExp(a, b);
        return (
          l === logAddExp(b, a) && l >= Math.max(a, b) && Math.abs(l - logSumExp([a, b])) <= 1e-12 * Math.max(1, Math.abs(l))
        );
      }),
    );
  });
});
