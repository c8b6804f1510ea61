import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regularizedBeta } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture } from "./loadFixture.js";

// Reference values: mpmath 1.3.0 betainc(a, b, 0, x, regularized=True) (test/fixtures/math/generate.py).
describe("regularizedBeta", () => {
  const cases = loadFixture("regularizedBeta");
  it("has reference cases", () => expect(cases.length).toBeGreaterThan(30));
  for (const c of cases) {
    const { x, a, b } = c.args as { x: number; a: number; b: number };
    // 1e-13 relative for shapes up to ~3e3.
    it(c.label, () => expectClose(regularizedBeta(x, a, b), c.value, { rel: 1e-13 }, c.label));
  }

  it("matches closed forms", () => {
    expect(regularizedBeta(0.2, 1, 1)).toBeCloseTo(0.2, 15); // uniform CDF
    expectClose(regularizedBeta(0.3, 1, 4), 1 - 0.7 ** 4, { rel: 1e-15 }); // 1 − (1−x)^b
    expectClose(regularizedBeta(0.5, 2, 3), 0.6875, { rel: 1e-15 });
  });

  it("follows IEEE conventions", () => {
    expect(regularizedBeta(Number.NaN, 1, 1)).toBeNaN();
    expect(regularizedBeta(0.5, 0, 1)).toBeNaN();
    expect(regularizedBeta(0.5, 1, -1)).toBeNaN();
    expect(regularizedBeta(1.5, 1, 1)).toBeNaN();
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });

  it("satisfies I_x(a,b) = 1 − I_{1−x}(b,a) (property)", () => {
    // x in [½, 1] so that 1 − x is exact in float64 (otherwise the identity tests the rounding of 1 − x).
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        (x, a, b) => Math.abs(regularizedBeta(x, a, b) - (1 - regularizedBeta(1 - x, b, a))) <= 1e-13,
      ),
    );
  });
});
