import { normalCdfCentral, normalUpperTail } from "./_internal/normal.js";

/**
 * The standard normal cumulative distribution function
 * Φ(x) = P(Z ≤ x) = ½ erfc(−x/√2).
 *
 * @remarks
 * Method: for |x| ≤ 1.5 the series Φ(x) = ½ + φ(x) Σ x^{2k+1}/(2k+1)!!; beyond,
 * the continued fraction of the Mills ratio (modified Lentz), with φ(x)
 * evaluated on a split x² so the far tail keeps full relative accuracy.
 * Accuracy (against mpmath): about 1e-15 relative for every x, including
 * the lower tail down to Φ(−37.5) ≈ 4.6e-308; the result underflows to 0 only
 * below x ≈ −38.4. Values near 1 are limited by the float64 spacing near 1
 * (use `normalCdf(-x)` for upper tails). NaN → NaN, ±Infinity → 1 / 0.
 *
 * @param x - Any real number (a z-score).
 * @returns Φ(x) in [0, 1].
 *
 * @example
 * ```ts
 * import { normalCdf } from "customer-metrics/math";
 * normalCdf(1.959963984540054); // => 0.975
 * normalCdf(0); // => 0.5
 * normalCdf(-10); // => 7.619853024160526e-24
 * ```
 *
 * @category Math
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= -1.5) return normalUpperTail(-x);
  if (x < 1.5) return 0.5 + normalCdfCentral(x);
  return 1 - normalUpperTail(x);
}
