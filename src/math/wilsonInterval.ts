import { assertFinite, assertInRange } from "../core/guards.js";
import { metricsError } from "../core/errors.js";
import { normalQuantile } from "./normalQuantile.js";

const FN = "wilsonInterval";

/**
 * Wilson score interval for a binomial proportion: the set of p whose score
 * test does not reject at the given confidence,
 *
 *   (p̂ + z²/(2n) ± z·√(p̂(1 − p̂)/n + z²/(4n²))) / (1 + z²/n),
 *
 * with p̂ = successes / n and z = Φ⁻¹(1 − (1 − confidence)/2) from
 * {@link normalQuantile}.
 *
 * @remarks
 * Unlike the Wald interval p̂ ± z·√(p̂(1 − p̂)/n) it stays inside [0, 1] and
 * keeps near-nominal coverage for small n and for p̂ near 0 or 1. The result
 * always contains p̂; it is exactly 0 at the lower end when `successes` is 0
 * and exactly 1 at the upper end when `successes` equals `n` (rounding is
 * clamped away). `successes` and `n` may be fractional (weighted counts).
 *
 * @see Wilson, E. B. (1927). Probable inference, the law of succession, and
 * statistical inference. Journal of the American Statistical Association,
 * 22(158), 209–212.
 *
 * @param successes - Number of successes, in [0, n].
 * @param n - Number of trials, > 0.
 * @param confidence - Two-sided confidence level in (0, 1), e.g. 0.95.
 * @returns `[lower, upper]` with 0 ≤ lower ≤ p̂ ≤ upper ≤ 1.
 * @throws {@link MetricsError} `invalid_type` for a non-number; `not_finite` for NaN or ±Infinity;
 * `out_of_range` for n ≤ 0, successes outside [0, n], or confidence outside (0, 1).
 *
 * @example
 * ```ts
 * import { wilsonInterval } from "customer-metrics/math";
 * wilsonInterval(8, 10, 0.95); // => [0.49016247153664183, 0.9433178485456247]
 * wilsonInterval(0, 10, 0.95); // => [0, 0.27753279986288915]
 * wilsonInterval(11, 10, 0.95); // throws out_of_range
 * ```
 *
 * @category Math
 */
export function wilsonInterval(successes: number, n: number, confidence: number): readonly [number, number] {
  const trials = assertFinite(n, FN, ["n"]);
  if (trials <= 0) throw metricsError(FN, "out_of_range", ["n"], "a number of trials > 0", n);
  const k = assertInRange(successes, 0, trials, FN, ["successes"]);
  const c = assertInRange(confidence, 0, 1, FN, ["confidence"], { minExclusive: true, maxExclusive: true });
  const z = normalQuantile(1 - (1 - c) / 2);
  const p = k / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z / denom) * Math.sqrt(Math.max(0, (p * (1 - p)) / trials + z2 / (4 * trials * trials)));
  const lower = k === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const upper = k === trials ? 1 : Math.max(p, Math.min(1, centre + half));
  return [lower, upper];
}
