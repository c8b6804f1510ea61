import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture } from "./loadFixture.js";

// Reference values: mpmath 1.3.0, findroot of ln ncdf(x) = ln p (test/fixtures/math/generate.py).
describe("normalQuantile", () => {
  const cases = loadFixture("normalQuantile");
  it("has reference cases", () => expect(cases.length).toBeGreaterThan(60));
  for (const c of cases) {
    const p = c.args["x"] as number;
    // 1e-14 relative, from p = 1e-300 to 1 − 2⁻⁵² and at 0.5 ± 1e-10.
    it(c.label, () => expectClose(normalQuantile(p), c.value, { rel: 1e-14 }, c.label));
  }

  it("matches textbook quantiles", () => {
    // z_{0.975} = 1.959963984540054… (mpmath: 1.95996398454005423552)
    expectClose(normalQuantile(0.975), 1.959963984540054, { rel: 1e-15 });
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.25)).toBe(-normalQuantile(0.75)); // 1 − 0.75 is exact
  });

  it("follows IEEE conventions", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(Number.NaN)).toBeNaN();
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
  });

  it("inverts normalCdf (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (x) => {
        const back = normalQuantile(normalCdf(x));
        // Near +8 the CDF is within a few ulps of 1, so compare on the CDF scale there.
        if (x > 5) return Math.abs(normalCdf(back) - normalCdf(x)) <= 2e-16;
        return Math.abs(back - x) <= 1e-13 * Math.max(1, Math.abs(x));
      }),
    );
  });
});
