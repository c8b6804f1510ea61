import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture } from "./loadFixture.js";

// Reference values: mpmath 1.3.0 ncdf(x) (test/fixtures/math/generate.py).
describe("normalCdf", () => {
  const cases = loadFixture("normalCdf");
  it("has reference cases", () => expect(cases.length).toBeGreaterThan(60));
  for (const c of cases) {
    const x = c.args["x"] as number;
    // 1e-14 relative everywhere, including the far lower tail (Φ(−37.5) ≈ 4.6e-308).
    it(c.label, () => expectClose(normalCdf(x), c.value, { rel: 1e-14 }, c.label));
  }

  it("follows IEEE conventions", () => {
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0); // Φ(−40) ≈ 3.7e-350 underflows
  });

  it("is monotone and satisfies Φ(x) + Φ(−x) = 1 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, d) => {
        return normalCdf(x + d) >= normalCdf(x) && Math.abs(normalCdf(x) + normalCdf(-x) - 1) <= 2e-16;
      }),
    );
  });
});
