import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logGamma } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture } from "./loadFixture.js";

// Reference values: mpmath 1.3.0, log(abs(gamma(x))) at 50/70 digits
// (test/fixtures/math/generate.py, see test/fixtures/math/README.md).
describe("logGamma", () => {
  const cases = loadFixture("logGamma");
  it("has reference cases", () => expect(cases.length).toBeGreaterThan(80));
  for (const c of cases) {
    const x = c.args["x"] as number;
    // 1e-14 relative for x > 0 (abs 1e-16 at the zeros x = 1, 2); the reflection for x < 0
    // adds the rounding of sin(πx): 1e-14 relative too.
    it(c.label, () => expectClose(logGamma(x), c.value, { rel: 1e-14, abs: 1e-16 }, c.label));
  }

  it("is exact at the zeros and simple values", () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), { rel: 1e-15 }); // Γ(½) = √π
    expectClose(logGamma(6), Math.log(120), { rel: 1e-15 });
  });

  it("follows IEEE conventions", () => {
    expect(logGamma(Number.NaN)).toBeNaN();
    expect(logGamma(Infinity)).toBe(Infinity);
    expect(logGamma(-Infinity)).toBeNaN();
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(logGamma(5e-324)).toBeCloseTo(744.44007192138126, 10); // −ln(min subnormal)
  });

  it("satisfies ln Γ(x+1) = ln Γ(x) + ln x (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        const rhs = logGamma(x) + Math.log(x);
        return Math.abs(lhs - rhs) <= 1e-13 * Math.max(1, Math.abs(lhs), Math.abs(logGamma(x)), Math.abs(Math.log(x)));
      }),
    );
  });
});
