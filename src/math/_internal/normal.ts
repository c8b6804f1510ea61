/**
 * Private normal-distribution kernels shared by normalCdf and normalQuantile.
 */

/** 1/√(2π). */
const INV_SQRT_2PI = 0.3989422804014327;

/** φ(x) = exp(−x²/2)/√(2π), with x² split so the exponent keeps full accuracy in the tails. */
export function normalPdf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 1) return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  const hi = Math.round(ax * 16) / 16; // few bits: hi² is exact
  const lo = ax - hi;
  return INV_SQRT_2PI * Math.exp(-0.5 * hi * hi) * Math.exp(-0.5 * lo * (ax + hi));
}

/**
 * Φ(x) − ½ for |x| ≤ 1.5 by the everywhere-convergent series
 * Φ(x) − ½ = φ(x) Σ x^{2k+1} / (1·3·5···(2k+1)).
 */
export function normalCdfCentral(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 200; k++) {
    term *= x2 / (2 * k + 1);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return normalPdf(x) * sum;
}

/**
 * Upper tail Q(x) = 1 − Φ(x) for x ≥ 1.5 via the continued fraction of the
 * Mills ratio R(x) = Q(x)/φ(x) = 1/(x + 1/(x + 2/(x + 3/(x + …)))),
 * evaluated by the modified Lentz method.
 */
export function normalUpperTail(x: number): number {
  if (x > 39) return 0; // underflow: Q(39) ≈ 1.4e-333
  const tiny = 1e-300;
  // b0 = x, a_k = k, b_k = x.
  let f = x;
  let c = f;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    d = x + k * d;
    if (d === 0) d = tiny;
    c = x + k / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalPdf(x) / f;
}
