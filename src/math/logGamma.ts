import { HALF_LOG_2PI, stirlingCorrection } from "./_internal/stirling.js";

/**
 * Coefficients of ln Γ(2+ε) = (1−γ)ε + Σ_{k≥2} (−1)^k (ζ(k)−1)/k · ε^k, k = 1..31
 * (computed with mpmath 1.3.0 at 40 digits).
 */
const LGAMMA2 = [
  0.42278433509846713939, 0.32246703342411321824, -0.067352301053198095133, 0.020580808427784547879, -0.0073855510286739852663,
  0.0028905103307415232858, -0.0011927539117032609771, 0.00050966952474304242234, -0.00022315475845357937976,
  0.000099457512781808533715, -0.0000449262367381331417, 0.000020507212775670691553, -9.439488275268395904e-6,
  4.3748667899074878042e-6, -2.0392157538013662368e-6, 9.5514121304074198329e-7, -4.4924691987645660433e-7,
  2.1207184805554665869e-7, -1.0043224823968099609e-7, 4.7698101693639805658e-8, -2.271109460894316491e-8,
  1.0838659214896954091e-8, -5.1834750419700466551e-9, 2.4836745438024783172e-9, -1.1921401405860912074e-9,
  5.7313672416788620133e-10, -2.7595228851242331452e-10, 1.3304764374244489481e-10, -6.4229645638381000221e-11,
  3.1044247747322272762e-11, -1.5021384080754142171e-11,
];

/** ln Γ(2+e) for |e| ≤ 0.5 by the Taylor series about 2. */
function lgammaNear2(e: number): number {
  let s = 0;
  for (let k = LGAMMA2.length - 1; k >= 0; k--) s = s * e + (LGAMMA2[k] as number);
  return s * e;
}

/** ln Γ(x) for x > 0. */
function lgammaPositive(x: number): number {
  if (x >= 10) {
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingCorrection(x);
  }
  if (x < 0.5) {
    // Γ(x) = Γ(x+2) / (x(x+1)), with x+2 in (2, 2.5).
    return lgammaNear2(x) - Math.log1p(x) - Math.log(x);
  }
  if (x < 1.5) {
    // ln Γ(x) = ln Γ(x+1) − ln x, with x+1 in [1.5, 2.5).
    return lgammaNear2(x - 1) - Math.log(x);
  }
  if (x <= 2.5) return lgammaNear2(x - 2);
  // Shift down into (1.5, 2.5]: Γ(x) = Γ(x−n)·∏ (x−k).
  let prod = 1;
  let y = x;
  while (y > 2.5) {
    y -= 1;
    prod *= y;
  }
  return lgammaNear2(y - 2) + Math.log(prod);
}

/**
 * Natural logarithm of the absolute value of the gamma function, ln |Γ(x)|.
 *
 * @remarks
 * Method: for x ≥ 10 the Stirling series with nine Bernoulli terms; for
 * 0.5 ≤ x ≤ 2.5 the Taylor series of ln Γ about 2 (so the zeros at 1 and 2 keep
 * full relative accuracy); other x > 0 by the recurrence Γ(x+1) = xΓ(x); x < 0
 * by the reflection formula Γ(x)Γ(1−x) = π / sin(πx). Accuracy (against mpmath):
 * about 1e-15 relative for x > 0, including x = 1e-300 and x = 1e300.
 * IEEE conventions: NaN → NaN, +Infinity → +Infinity, poles (0, −1, −2, …) →
 * +Infinity, −Infinity → NaN.
 *
 * @param x - Any real number.
 * @returns ln |Γ(x)|.
 *
 * @example
 * ```ts
 * import { logGamma } from "customer-metrics/math";
 * logGamma(5); // => 3.178053830347946
 * logGamma(0.5); // => 0.5723649429247001
 * logGamma(0); // => Infinity
 * ```
 *
 * @category Math
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 0) {
    if (x === Infinity) return Infinity;
    if (x < 1e-300) return -Math.log(x); // Γ(x) ≈ 1/x; correction below 1e-300
    return lgammaPositive(x);
  }
  if (x === -Infinity) return NaN;
  const n = Math.round(x);
  const r = x - n; // in [−0.5, 0.5], exact
  if (r === 0) return Infinity;
  // |Γ(x)| = π / (|sin(πx)| Γ(1−x)); sin(πx) = ±sin(πr).
  return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * r))) - lgammaPositive(1 - x);
}
