import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, studentTCdf, studentTQuantile } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture } from "./loadFixture.js";

// Reference values: mpmath 1.3.0 via the incomplete beta function; quantiles by mpmath.findroot
// (test/fixtures/math/generate.py).
describe("studentTCdf", () => {
  for (const c of loadFixture("studentTCdf")) {
    const { t, df } = c.args as { t: number; df: number };
    // 1e-13 relative, including lower tails such as P(T ≤ −7.25 | df = 100) ≈ 4.5e-11.
    it(c.label, () => expectClose(studentTCdf(t, df), c.value, { rel: 1e-13 }, c.label));
  }

  it("matches closed forms for df = 1 (Cauchy) and df = 2", () => {
    expectClose(studentTCdf(1, 1), 0.75, { rel: 1e-15 });
    expectClose(studentTCdf(-3, 1), 0.5 + Math.atan(-3) / Math.PI, { rel: 1e-14 });
    expectClose(studentTCdf(2, 2), 0.5 + 2 / (2 * Math.sqrt(6)), { rel: 1e-15 });
  });

  it("tends to the normal CDF", () => {
    expect(studentTCdf(1.3, Infinity)).toBe(normalCdf(1.3));
    expectClose(studentTCdf(1.3, 1e7), normalCdf(1.3), { rel: 1e-7 });
  });

  it("follows IEEE conventions", () => {
    expect(studentTCdf(Number.NaN, 3)).toBeNaN();
    expect(studentTCdf(1, 0)).toBeNaN();
    expect(studentTCdf(1, Number.NaN)).toBeNaN();
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTCdf(0, 3)).toBe(0.5);
  });
});

describe("studentTQuantile", () => {
  for (const c of loadFixture("studentTQuantile")) {
    const { p, df } = c.args as { p: number; df: number };
    // 1e-12 relative (limited by the incomplete beta function it inverts).
    it(c.label, () => expectClose(studentTQuantile(p, df), c.value, { rel: 1e-12 }, c.label));
  }

  it("matches closed forms and textbook values", () => {
    expectClose(studentTQuantile(0.75, 1), 1, { rel: 1e-15 });
    // t_{0.975, 10} = 2.228138851986274… (mpmath findroot)
    expectClose(studentTQuantile(0.975, 10), 2.2281388519862744, { rel: 1e-13 });
    expect(studentTQuantile(0.3, Infinity)).toBeCloseTo(-0.5244005127080407, 14);
  });

  it("follows IEEE conventions", () => {
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(Number.NaN, 3)).toBeNaN();
    expect(studentTQuantile(0.3, -1)).toBeNaN();
    expect(studentTQuantile(1.2, 3)).toBeNaN();
  });

  it("inverts studentTCdf (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }),
        fc.constantFrom(0.5, 1, 1.5, 2, 3, 7.5, 30, 300),
        (p, df) => {
          const t = studentTQuantile(p, df);
          const back = studentTCdf(t, df);
          return Math.abs(back - p) <= 1e-12 * Math.min(p, 1 - p) + 1e-16;
        },
      ),
    );
  });
});
