import { normalCdfCentral, normalPdf, normalUpperTail } from "./_internal/normal.js";

/**
 * Φ(x) − p, computed without cancellation: around the centre as
 * (Φ(x) − ½) − (p − ½), in the lower tail as Φ(x) − p with Φ from the tail
 * continued fraction (x < 0 and p ≤ ½ here).
 */
function residual(x: number, p: number): number {
  if (x > -1.5) return normalCdfCentral(x) - (p - 0.5);
  return normalUpperTail(-x) - p;
}

/**
 * Inverse of the standard normal CDF: the z with Φ(z) = p.
 *
 * @remarks
 * Method: a starting value from the rational approximation of Abramowitz &
 * Stegun 26.2.23 (|error| < 4.5e-4) refined by Halley steps on the residual
 * Φ(z) − p, computed without cancellation (centre: (Φ(z) − ½) − (p − ½); lower
 * tail: the Mills-ratio continued fraction). Upper-half p are handled by
 * symmetry through 1 − p, which is exact in float64 for p ≥ ½. Halley's method
 * converges cubically, so three steps reach machine precision. Accuracy
 * (against mpmath): about 1e-15 relative for p in [1e-300, 1 − 1e-16].
 * Conventions: p = 0 → −Infinity, p = 1 → +Infinity, p outside [0, 1] or NaN
 * → NaN.
 *
 * @see Abramowitz & Stegun, Handbook of Mathematical Functions, 26.2.23.
 *
 * @param p - A probability in (0, 1).
 * @returns z with Φ(z) = p.
 *
 * @example
 * ```ts
 * import { normalQuantile } from "customer-metrics/math";
 * normalQuantile(0.975); // => 1.959963984540054
 * normalQuantile(0.5); // => 0
 * normalQuantile(1e-10); // => -6.361340902404056
 * ```
 *
 * @category Math
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -lowerQuantile(1 - p);
  return lowerQuantile(p);
}

/** z ≤ 0 with Φ(z) = p, for 0 < p < ½. */
function lowerQuantile(p: number): number {
  // A&S 26.2.23 initial value.
  const t = Math.sqrt(-2 * Math.log(p));
  let x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (let i = 0; i < 8; i++) {
    const pdf = normalPdf(x);
    if (pdf === 0) break;
    const r = residual(x, p) / pdf;
    const step = r / (1 + 0.5 * x * r);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(x)) break;
  }
  return x;
}
