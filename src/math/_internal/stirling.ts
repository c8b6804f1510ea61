/**
 * Stirling-series helpers shared by logGamma, logBeta and the incomplete gamma
 * prefactor (private; never re-exported).
 */

/** ½·ln(2π). */
export const HALF_LOG_2PI = 0.91893853320467274178;

/** Machine epsilon 2^-52. */
export const EPS = 2.220446049250313e-16;

/**
 * Coefficients B_{2k} / (2k(2k−1)) of the Stirling series
 * ln Γ(x) = (x−½)ln x − x + ½ln 2π + Σ_k c_k / x^{2k−1}, k = 1..9.
 */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400, 43867 / 244188];

/**
 * The Stirling correction ln Γ(x) − [(x−½)ln x − x + ½ln 2π] for x ≥ 10
 * (absolute error below 1e-18 there).
 */
export function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  let s = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) s = s * r2 + (STIRLING[k] as number);
  return s * r;
}

/**
 * ln(1+t) − t, accurate also for small |t| (t > −1).
 */
export function log1pmx(t: number): number {
  if (Math.abs(t) < 0.25) {
    // −t²/2 + t³/3 − t⁴/4 + …
    let term = t;
    let sum = 0;
    for (let k = 2; k < 80; k++) {
      term *= -t;
      const add = term / k;
      sum += add;
      if (Math.abs(add) <= 1e-17 * Math.abs(sum)) break;
    }
    return sum;
  }
  return Math.log1p(t) - t;
}
