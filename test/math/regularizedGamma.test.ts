import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareSf, regularizedGammaP, regularizedGammaQ } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture } from "./loadFixture.js";

// Reference values: mpmath 1.3.0 gammainc(a, 0, x, regularized=True) and gammainc(a, x, inf, regularized=True)
// (test/fixtures/math/generate.py). Tolerance 1e-13 relative for a up to 1e6.
describe("regularizedGammaP / regularizedGammaQ", () => {
  for (const c of loadFixture("regularizedGammaP")) {
    const { a, x } = c.args as { a: number; x: number };
    it(c.label, () => expectClose(regularizedGammaP(a, x), c.value, { rel: 1e-13, abs: 1e-300 }, c.label));
  }
  for (const c of loadFixture("regularizedGammaQ")) {
    const { a, x } = c.args as { a: number; x: number };
    it(c.label, () => expectClose(regularizedGammaQ(a, x), c.value, { rel: 1e-13, abs: 1e-300 }, c.label));
  }

  it("matches closed forms: P(1, x) = 1 − e^{−x}", () => {
    expectClose(regularizedGammaP(1, 2), -Math.expm1(-2), { rel: 1e-15 });
    expectClose(regularizedGammaQ(1, 30), Math.exp(-30), { rel: 1e-14 });
  });

  it("follows IEEE conventions", () => {
    expect(regularizedGammaP(Number.NaN, 1)).toBeNaN();
    expect(regularizedGammaP(1, Number.NaN)).toBeNaN();
    expect(regularizedGammaP(0, 1)).toBeNaN();
    expect(regularizedGammaP(1, -1)).toBeNaN();
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
  });

  it("P + Q = 1 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 2e4, noNaN: true }), (a, x) => {
        return Math.abs(regularizedGammaP(a, x) + regularizedGammaQ(a, x) - 1) <= 1e-13;
      }),
    );
  });
});

describe("chiSquareSf", () => {
  // Reference: mpmath gammainc(df/2, x/2, inf, regularized=True).
  for (const c of loadFixture("chiSquareSf")) {
    const { x, df } = c.args as { x: number; df: number };
    it(c.label, () => expectClose(chiSquareSf(x, df), c.value, { rel: 1e-13 }, c.label));
  }

  it("gives the textbook 5% critical value for df = 1", () => {
    expectClose(chiSquareSf(3.841458820694124, 1), 0.05, { rel: 1e-13 });
  });

  it("follows IEEE conventions", () => {
    expect(chiSquareSf(Number.NaN, 1)).toBeNaN();
    expect(chiSquareSf(1, 0)).toBeNaN();
    expect(chiSquareSf(1, -1)).toBeNaN();
    expect(chiSquareSf(-1, 3)).toBe(1);
    expect(chiSquareSf(Infinity, 3)).toBe(0);
  });
});
