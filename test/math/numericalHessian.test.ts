import { describe, expect, it } from "vitest";
import { invertSymmetric, numericalHessian } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";

describe("numericalHessian", () => {
  it("recovers the matrix of a quadratic form exactly up to rounding", () => {
    // f(x) = ½ xᵀAx + bᵀx has Hessian A.
    const A = [
      [4, 1, -2],
      [1, 3, 0.5],
      [-2, 0.5, 6],
    ];
    const f = (x: readonly number[]): number => {
      let s = 0;
      for (let i = 0; i < 3; i++) {
        s += (i + 1) * (x[i] as number);
        for (let j = 0; j < 3; j++) s += 0.5 * (x[i] as number) * (A[i]![j] as number) * (x[j] as number);
      }
      return s;
    };
    const h = numericalHessian(f, [0.3, -1.2, 2]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expectClose(h[i]![j]!, A[i]![j]!, { abs: 1e-6 }, `H[${i}][${j}]`);
    expect(h[0]![2]).toBe(h[2]![0]); // exactly symmetric
  });

  it("matches the analytic Hessian of a non-polynomial function", () => {
    // f = exp(x) sin(y) + x²y: H = [[eˣ sin y + 2y, eˣ cos y + 2x], [·, −eˣ sin y]]
    const f = ([x = 0, y = 0]: readonly number[]): number => Math.exp(x) * Math.sin(y) + x * x * y;
    const [x, y] = [0.4, 1.1];
    const h = numericalHessian(f, [x, y]);
    expectClose(h[0]![0]!, Math.exp(x) * Math.sin(y) + 2 * y, { rel: 1e-6 });
    expectClose(h[0]![1]!, Math.exp(x) * Math.cos(y) + 2 * x, { rel: 1e-6 });
    expectClose(h[1]![1]!, -Math.exp(x) * Math.sin(y), { rel: 1e-6 });
  });

  it("honours the step option and does not mutate x", () => {
    const x = [10, -0.2];
    const f = ([a = 0, b = 0]: readonly number[]): number => a * a * 0.5 + 3 * b * b;
    const h = numericalHessian(f, x, { step: 1e-3 });
    expectClose(h[0]![0]!, 1, { rel: 1e-6 });
    expectClose(h[1]![1]!, 6, { rel: 1e-6 });
    expect(x).toEqual([10, -0.2]);
  });

  it("propagates non-finite values (IEEE, no throws)", () => {
    const h = numericalHessian(() => Number.NaN, [1]);
    expect(h[0]![0]).toBeNaN();
  });

  it("gives standard errors through invertSymmetric: normal log-likelihood", () => {
    // −ln L(μ) for n = 25 observations with σ = 2: Hessian n/σ² = 6.25, so SE(μ) = σ/√n = 0.4.
    const negLL = ([mu = 0]: readonly number[]): number => (25 * (mu - 1.7) ** 2) / (2 * 4);
    const cov = invertSymmetric(numericalHessian(negLL, [1.7]));
    expectClose(Math.sqrt(cov![0]![0]!), 0.4, { rel: 1e-6 });
  });
});
