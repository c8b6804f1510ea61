import { logGamma } from "./logGamma.js";
import { HALF_LOG_2PI, stirlingCorrection } from "./_internal/stirling.js";

/**
 * Natural logarithm of the beta function, ln |B(a, b)| = ln |Γ(a)Γ(b)/Γ(a+b)|.
 *
 * @remarks
 * For a, b > 0 the three log-gammas are never subtracted directly once an
 * argument reaches 10: the Stirling parts are combined analytically (with
 * `log1p`) so that, e.g., `logBeta(1e10, 1)` = −ln 1e10 keeps full relative
 * accuracy (the naive sum of log-gammas loses ~10 digits there). Accuracy
 * (against mpmath): about 1e-14 relative for a, b > 0 away from the zeros of
 * ln B (e.g. a = b = 1, where the error is absolute, ~1e-16). For negative
 * non-integer arguments the plain log-gamma sum is used. IEEE conventions:
 * NaN → NaN; a or b a pole (0, −1, …) → +Infinity; one argument +Infinity and
 * the other positive → −Infinity.
 *
 * @param a - First argument.
 * @param b - Second argument.
 * @returns ln |B(a, b)|.
 *
 * @example
 * ```ts
 * import { logBeta } from "customer-metrics/math";
 * logBeta(2, 3); // => -2.4849066497880004
 * logBeta(1e10, 1); // => -23.025850929940457
 * ```
 *
 * @category Math
 */
export function logBeta(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (lo > 0) {
    if (hi === Infinity) return -Infinity;
    if (hi < 10) return logGamma(lo) + logGamma(hi) - logGamma(lo + hi);
    const s = lo + hi;
    if (lo >= 10) {
      return (
        HALF_LOG_2PI +
        (lo - 0.5) * Math.log(lo / s) -
        (hi - 0.5) * Math.log1p(lo / hi) -
        0.5 * Math.log(s) +
        (stirlingCorrection(lo) + stirlingCorrection(hi) - stirlingCorrection(s))
      );
    }
    // lo < 10 ≤ hi: ln Γ(hi+lo) − ln Γ(hi) by the Stirling difference.
    const diff = (hi - 0.5) * Math.log1p(lo / hi) + lo * (Math.log(s) - 1) + (stirlingCorrection(s) - stirlingCorrection(hi));
    return logGamma(lo) - diff;
  }
  if (hi === Infinity || lo === -Infinity) return NaN;
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
