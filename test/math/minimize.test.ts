import { describe, expect, it } from "vitest";
import { logBeta, minimize, type Minimizer } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadJson } from "./loadFixture.js";

const rosenbrock = ([x = 0, y = 0]: readonly number[]): number => 100 * (y - x * x) ** 2 + (1 - x) ** 2;

describe("minimize: standard test functions", () => {
  it("finds the Rosenbrock minimum (1, 1) from (−1.2, 1) with BFGS", () => {
    const r = minimize(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.method).toBe("bfgs");
    expectClose(r.x[0] as number, 1, { abs: 1e-6 });
    expectClose(r.x[1] as number, 1, { abs: 1e-6 });
    expect(r.value).toBeLessThan(1e-12);
    expect(r.gradientNorm).toBeLessThan(1e-6);
    expect(r.evaluations).toBeGreaterThan(r.iterations);
  });

  it("finds the Rosenbrock minimum with Nelder–Mead", () => {
    const r = minimize(rosenbrock, [-1.2, 1], { method: "nelder-mead" });
    expect(r.converged).toBe(true);
    expect(r.method).toBe("nelder-mead");
    expectClose(r.x[0] as number, 1, { abs: 1e-4 });
    expectClose(r.x[1] as number, 1, { abs: 1e-4 });
  });

  it("solves an ill-conditioned 5-D quadratic with an analytic gradient", () => {
    // f(x) = Σ dᵢ (xᵢ − cᵢ)² + 0.5 (x₀ − x₁)²: minimum solves a linear system; here c is chosen so
    // that the minimum is x* = c + correction computed by hand: with x₀, x₁ coupled,
    // ∂/∂x₀: 2d₀(x₀−c₀) + (x₀−x₁) = 0, ∂/∂x₁: 2d₁(x₁−c₁) − (x₀−x₁) = 0.
    const d = [1, 10, 100, 1000, 0.1];
    const c = [1, -2, 3, 0.5, -4];
    const f = (x: readonly number[]): number =>
      d.reduce((s, di, i) => s + di * ((x[i] as number) - (c[i] as number)) ** 2, 0) +
      0.5 * ((x[0] as number) - (x[1] as number)) ** 2;
    const gradient = (x: readonly number[]): number[] => {
      const g = d.map((di, i) => 2 * di * ((x[i] as number) - (c[i] as number)));
      g[0] = (g[0] as number) + ((x[0] as number) - (x[1] as number));
      g[1] = (g[1] as number) - ((x[0] as number) - (x[1] as number));
      return g;
    };
    // Hand solution of the 2×2 block: [2d₀+1, −1; −1, 2d₁+1] x = [2d₀c₀, 2d₁c₁] = [2, −40]; det = 3·21 − 1 = 62.
    const x0Star = (21 * 2 + 1 * -40) / 62;
    const x1Star = (1 * 2 + 3 * -40) / 62;
    const r = minimize(f, [0, 0, 0, 0, 0], { gradient, gradientTolerance: 1e-12 });
    expect(r.converged).toBe(true);
    const expected = [x0Star, x1Star, 3, 0.5, -4];
    expected.forEach((e, i) => expectClose(r.x[i] as number, e, { abs: 1e-8 }, `x[${i}]`));
  });

  it("fits a beta-binomial likelihood on log parameters (reference: mpmath score equations)", () => {
    // test/fixtures/math/betaBinomialMle.json: α̂, β̂ and the maximum log-likelihood from mpmath.findroot
    // on the digamma score equations (test/fixtures/math/generate.py).
    const ref = loadJson<{ n: number; counts: number[]; alpha: string; beta: string; logLikelihood: string }>("betaBinomialMle");
    const { n, counts } = ref;
    const logChoose = (k: number): number => -Math.log(n + 1) - logBeta(k + 1, n - k + 1);
    const negLL = ([la = 0, lb = 0]: readonly number[]): number => {
      const a = Math.exp(la);
      const b = Math.exp(lb);
      let ll = 0;
      counts.forEach((w, k) => {
        ll += w * (logChoose(k) + logBeta(k + a, n - k + b) - logBeta(a, b));
      });
      return -ll;
    };
    const r = minimize(negLL, [0, 0]);
    expect(r.converged).toBe(true);
    expectClose(Math.exp(r.x[0] as number), Number(ref.alpha), { rel: 1e-6 });
    expectClose(Math.exp(r.x[1] as number), Number(ref.beta), { rel: 1e-6 });
    expectClose(-r.value, Number(ref.logLikelihood), { rel: 1e-12 });
  });
});

describe("minimize: diagnostics instead of throws", () => {
  it("reports a non-finite objective at the start", () => {
    const r = minimize(() => Number.NaN, [1, 2]);
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/not finite/);
  });

  it("reports a non-finite starting point", () => {
    const r = minimize(rosenbrock, [Number.NaN, 1]);
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/non-finite/);
  });

  it("stops at the iteration limit and says so", () => {
    const r = minimize(rosenbrock, [-1.2, 1], { maxIterations: 3, fallback: false });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBeLessThanOrEqual(3);
    expect(r.message).toMatch(/iteration limit/);
  });

  it("backs off from regions where the objective is undefined", () => {
    // f = x − ln x is NaN for x ≤ 0; the minimum is at x = 1. A first step to x < 0 must be rejected.
    const f = ([x = 0]: readonly number[]): number => x - Math.log(x);
    const r = minimize(f, [20]);
    expect(r.converged).toBe(true);
    expectClose(r.x[0] as number, 1, { abs: 1e-6 });
  });

  it("falls back to Nelder–Mead when BFGS cannot make progress (non-smooth objective)", () => {
    // |x| + |y| has no gradient at the minimum; the line search stalls and the fallback takes over.
    const f = ([x = 0, y = 0]: readonly number[]): number => Math.abs(x - 0.3) + Math.abs(y + 0.7);
    const r = minimize(f, [2, 2]);
    expectClose(r.x[0] as number, 0.3, { abs: 1e-5 });
    expectClose(r.x[1] as number, -0.7, { abs: 1e-5 });
    expect(r.value).toBeLessThan(1e-5);
    expect(r.message.length).toBeGreaterThan(0);
  });

  it("does not mutate x0 and can be injected as a Minimizer", () => {
    const x0 = [-1.2, 1];
    const injected: Minimizer = minimize;
    injected(rosenbrock, x0, { gradientTolerance: 1e-6 });
    expect(x0).toEqual([-1.2, 1]);
  });

  it("handles zero variables", () => {
    const r = minimize(() => 3, []);
    expect(r).toMatchObject({ x: [], value: 3, converged: true, iterations: 0 });
  });
});
