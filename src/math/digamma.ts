/** Positive root of ψ. */
const ROOT = 1.4616321449683622;
/** Low-order part: ROOT + ROOT_LO is the root to ~1e-32 (mpmath). */
const ROOT_LO = 9.549995429965697e-17;
/**
 * Taylor coefficients ψ^(k)(x₀)/k!, k = 1..29, about the positive root x₀
 * (mpmath 1.3.0, 40 digits).
 */
const ROOT_SERIES = [
  0.96767224544762117043, -0.44276316898359210609, 0.25849976095565101062, -0.1639427054424065275, 0.10782405069126236576,
  -0.072199561256454710926, 0.048804288164143107225, -0.033161126474847359292, 0.02259764823221810466, -0.015424765904948959139,
  0.010538791616612175388, -0.007204534386356868241, 0.0049267813957298534464, -0.0033698016554393280828,
  0.0023051263267349278369, -0.0015769367714301972593, 0.0010788252019162965807, -0.00073807093899600512957,
  0.00050495326583460203518, -0.00034546802510630769956, 0.00023635601564027052792, -0.00016170622091974803449,
  0.00011063372768747410904, -0.000075691795821950659192, 0.00005178575795222080869, -0.000035430070947659606316,
  0.000024240066118601317653, -0.000016584242271854133375, 0.000011346384584663849807,
];

/** ψ(x) for x ≥ 10 by the asymptotic series. */
function digammaLarge(x: number): number {
  const r2 = 1 / (x * x);
  const s =
    r2 *
    (1 / 12 -
      r2 *
        (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 * (1 / 132 - r2 * (691 / 32760 - r2 * (1 / 12 - r2 * (3617 / 8160))))))));
  return Math.log(x) - 0.5 / x - s;
}

function digammaPositive(x: number): number {
  const h = x - ROOT - ROOT_LO;
  if (Math.abs(h) < 0.25) {
    let s = 0;
    for (let k = ROOT_SERIES.length - 1; k >= 0; k--) s = s * h + (ROOT_SERIES[k] as number);
    return s * h;
  }
  if (x >= 10) return digammaLarge(x);
  let sum = 0;
  let y = x;
  while (y < 10) {
    sum += 1 / y;
    y += 1;
  }
  return digammaLarge(y) - sum;
}

/**
 * The digamma function ψ(x) = d/dx ln Γ(x).
 *
 * @remarks
 * Method: asymptotic (Bernoulli) series for x ≥ 10, the recurrence
 * ψ(x) = ψ(x+1) − 1/x below, a Taylor series about the positive root
 * x₀ ≈ 1.4616 (so the root keeps relative accuracy), and the reflection
 * ψ(x) = ψ(1−x) − π cot(πx) for x < 0. Accuracy (against mpmath): about 1e-15
 * relative for x > 0; for x < 0 about 1e-15 relative to |ψ(1−x)| + |π cot πx|
 * (less near the negative roots). IEEE conventions: NaN → NaN, +Infinity →
 * +Infinity, ψ(+0) = −Infinity, ψ(−0) = +Infinity, negative integers and
 * −Infinity → NaN (the two one-sided limits differ).
 *
 * @param x - Any real number.
 * @returns ψ(x).
 *
 * @example
 * ```ts
 * import { digamma } from "customer-metrics/math";
 * digamma(1); // => -0.5772156649015329
 * digamma(10); // => 2.251752589066721
 * ```
 *
 * @category Math
 */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 0) return x === Infinity ? Infinity : digammaPositive(x);
  if (x === 0) return Object.is(x, -0) ? Infinity : -Infinity;
  if (x === -Infinity) return NaN;
  const n = Math.round(x);
  const r = x - n;
  if (r === 0) return NaN;
  return digammaPositive(1 - x) - Math.PI / Math.tan(Math.PI * r);
}
