import { assertKnownOptions } from "../core/guards.js";
/**
 * Options for {@link numericalHessian}.
 *
 * @category Math
 */
export interface NumericalHessianOptions {
  /**
   * Relative step: coordinate i moves by `step · max(1, |xᵢ|)`.
   * @defaultValue `1e-4` (≈ ε^{1/4}, balancing truncation and rounding error)
   */
  readonly step?: number;
}

/**
 * The Hessian matrix of `f` at `x` by central differences, e.g. for standard
 * errors of maximum-likelihood estimates (invert the Hessian of the negative
 * log-likelihood with {@link invertSymmetric}).
 *
 * @remarks
 * Diagonal: (f(x+hᵢ) − 2f(x) + f(x−hᵢ))/hᵢ²; off-diagonal: the four-point
 * formula (f(++) − f(+−) − f(−+) + f(−−))/(4hᵢhⱼ). The result is exactly
 * symmetric. Cost: 1 + 2n + 2n(n−1) evaluations. Accuracy is about ε^{1/2}
 * relative to the scale of f (≈ 1e-8 for well-scaled problems): enough for
 * standard errors, not for Newton steps near machine precision. Non-finite
 * values of f propagate as NaN/±Infinity entries (IEEE; no throws).
 *
 * @param f - The function (typically a negative log-likelihood).
 * @param x - Where to evaluate (not mutated).
 * @param options - See {@link NumericalHessianOptions}.
 * @returns The n×n Hessian as an array of rows.
 *
 * @example
 * ```ts
 * import { numericalHessian } from "customer-metrics/math";
 * const h = numericalHessian(([x = 0, y = 0]) => x * x + 3 * x * y + 2 * y * y, [1, 2]);
 * Math.round(h[0]![0]! * 1e6) / 1e6; // => 2
 * Math.round(h[0]![1]! * 1e6) / 1e6; // => 3
 * Math.round(h[1]![1]! * 1e6) / 1e6; // => 4
 * ```
 *
 * @category Math
 */
export function numericalHessian(
  f: (x: readonly number[]) => number,
  x: readonly number[],
  options: NumericalHessianOptions = {},
): number[][] {
  assertKnownOptions(options, ["step"], "numericalHessian");
  const n = x.length;
  const rel = options.step ?? 1e-4;
  const base = Array.from(x);
  const h = base.map((v) => {
    const step = rel * Math.max(1, Math.abs(v));
    return v + step - v; // representable step
  });
  const at = (i: number, si: number, j: number, sj: number): number => {
    const p = base.slice();
    if (i >= 0) p[i] = (p[i] as number) + si * (h[i] as number);
    if (j >= 0) p[j] = (p[j] as number) + sj * (h[j] as number);
    return f(p);
  };
  const f0 = f(base.slice());
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const hi = h[i] as number;
    const row = out[i] as number[];
    row[i] = (at(i, 1, -1, 0) - 2 * f0 + at(i, -1, -1, 0)) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = h[j] as number;
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * hi * hj);
      row[j] = v;
      (out[j] as number[])[i] = v;
    }
  }
  return out;
}
