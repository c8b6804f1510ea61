import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logBeta, logGamma } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture } from "./loadFixture.js";

// Reference values: mpmath 1.3.0, log(abs(beta(a, b))) (test/fixtures/math/generate.py).
describe("logBeta", () => {
  const cases = loadFixture("logBeta");
  it("has reference cases", () => expect(cases.length).toBeGreaterThan(60));
  for (const c of cases) {
    const { a, b } = c.args as { a: number; b: number };
    // 1e-14 relative (abs 1e-15 where ln B is near 0), including logBeta(1e10, 1) = −ln 1e10.
    it(c.label, () => expectClose(logBeta(a, b), c.value, { rel: 1e-14, abs: 1e-15 }, c.label));
  }

  it("keeps accuracy where the naive log-gamma sum cancels", () => {
    // ln B(1e10, 1) = −ln(1e10) exactly; the naive sum is off by ~1e-5.
    expectClose(logBeta(1e10, 1), -Math.log(1e10), { rel: 1e-15 });
    expect(Math.abs(logGamma(1e10) + logGamma(1) - logGamma(1e10 + 1) + Math.log(1e10))).toBeGreaterThan(1e-9);
  });

  it("follows IEEE conventions", () => {
    expect(logBeta(Number.NaN, 1)).toBeNaN();
    expect(logBeta(1, Number.NaN)).toBeNaN();
    expect(logBeta(0, 1)).toBe(Infinity);
    expect(logBeta(Infinity, 2)).toBe(-Infinity);
    expect(logBeta(-Infinity, 2)).toBeNaN();
  });

  it("is symmetric and satisfies B(a+1, b) = B(a, b)·a/(a+b) (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (a, b) => {
        const l = logBeta(a, b);
        const scale = Math.max(1, Math.abs(l));
        return logBeta(b, a) === l && Math.abs(logBeta(a + 1, b) - (l + Math.log(a / (a + b)))) <= 1e-12 * scale;
      }),
    );
  });
});
