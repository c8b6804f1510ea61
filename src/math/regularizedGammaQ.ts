import { incompleteGamma } from "./_internal/incompleteGamma.js";

/**
 * The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x) =
 * Γ(a, x)/Γ(a), the survival function of a Gamma(a, 1) variable at x.
 *
 * @remarks
 * Same method as {@link regularizedGammaP}; in the upper tail (x ≥ a + 1) Q
 * comes straight from the continued fraction, so tiny tail probabilities keep
 * their relative accuracy. IEEE conventions: NaN or a ≤ 0 or x < 0 → NaN;
 * x = +Infinity → 0.
 *
 * @param a - Shape, > 0.
 * @param x - Lower limit, ≥ 0.
 * @returns Q(a, x) in [0, 1].
 *
 * @example
 * ```ts
 * import { regularizedGammaQ } from "customer-metrics/math";
 * regularizedGammaQ(1, 2); // => 0.1353352832366127
 * regularizedGammaQ(10, 50); // => 1.2596084591660922e-12
 * ```
 *
 * @category Math
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0) || a === Infinity) return NaN;
  if (x === Infinity) return 0;
  return incompleteGamma(a, x)[1];
}
