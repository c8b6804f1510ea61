import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digamma } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture } from "./loadFixture.js";

// Reference values: mpmath 1.3.0 digamma(x) (test/fixtures/math/generate.py).
describe("digamma", () => {
  const cases = loadFixture("digamma");
  it("has reference cases", () => expect(cases.length).toBeGreaterThan(50));
  for (const c of cases) {
    const x = c.args["x"] as number;
    // 1e-14 relative for x > 0 (including the root x₀ ≈ 1.4616); 1e-13 for the reflected x < 0.
    it(c.label, () => expectClose(digamma(x), c.value, { rel: x > 0 ? 1e-14 : 1e-13 }, c.label));
  }

  it("matches known values", () => {
    expectClose(digamma(1), -0.5772156649015329, { rel: 1e-15 }); // −γ
    expectClose(digamma(0.5), -0.5772156649015329 - 2 * Math.LN2, { rel: 1e-15 }); // −γ − 2 ln 2
  });

  it("follows IEEE conventions", () => {
    expect(digamma(Number.NaN)).toBeNaN();
    expect(digamma(Infinity)).toBe(Infinity);
    expect(digamma(-Infinity)).toBeNaN();
    expect(digamma(0)).toBe(-Infinity);
    expect(digamma(-0)).toBe(Infinity);
    expect(digamma(-2)).toBeNaN();
  });

  it("satisfies ψ(x+1) = ψ(x) + 1/x (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        const lhs = digamma(x + 1);
        const rhs = digamma(x) + 1 / x;
        return Math.abs(lhs - rhs) <= 1e-13 * Math.max(1, Math.abs(lhs), 1 / x);
      }),
    );
  });
});
