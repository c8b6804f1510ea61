import { regularizedGammaQ } from "./regularizedGammaQ.js";

/**
 * Upper tail of the chi-square distribution, P(X > x) for X ~ χ²(df): the
 * p-value of a chi-square statistic. Equals Q(df/2, x/2).
 *
 * @remarks
 * Uses {@link regularizedGammaQ}, so small p-values keep their relative
 * accuracy (about 1e-14 for df ≤ 1e3). `df` may be fractional. Conventions:
 * NaN in → NaN; df ≤ 0 → NaN; x ≤ 0 → 1; x = +Infinity → 0.
 *
 * @param x - The statistic.
 * @param df - Degrees of freedom, > 0.
 * @returns P(X > x) in [0, 1].
 *
 * @example
 * ```ts
 * import { chiSquareSf } from "customer-metrics/math";
 * chiSquareSf(3.841458820694124, 1); // => 0.05
 * chiSquareSf(2, 2); // => 0.36787944117144233
 * ```
 *
 * @category Math
 */
export function chiSquareSf(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0) || df === Infinity) return NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}
