import { logGamma } from "../logGamma.js";
import { log1pmx, stirlingCorrection } from "./stirling.js";

/**
 * xᵃ e^{−x} / Γ(a), the common prefactor of the incomplete-gamma series and
 * continued fraction. For a ≥ 10 it is written as
 * √(a/2π)·exp(a·(ln(1+t) − t) − corr(a)) with t = (x−a)/a, which avoids the
 * cancellation in a·ln x − x − ln Γ(a).
 */
function prefactor(a: number, x: number): number {
  if (a >= 10) {
    const t = (x - a) / a;
    const lpm = Math.abs(t) < 0.25 ? log1pmx(t) : Math.log(x / a) - t;
    return Math.sqrt(a / (2 * Math.PI)) * Math.exp(a * lpm - stirlingCorrection(a));
  }
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

/** Series: P(a,x) = x^a e^{-x}/Γ(a+1) Σ xⁿ/((a+1)…(a+n)); for x < a+1. */
function seriesP(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  const maxIter = 1000 + Math.ceil(20 * Math.sqrt(a));
  for (let n = 1; n < maxIter; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return (prefactor(a, x) / a) * sum;
}

/** Continued fraction for Q(a,x) (modified Lentz); for x ≥ a+1. */
function continuedFractionQ(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  const maxIter = 1000 + Math.ceil(20 * Math.sqrt(a));
  for (let i = 1; i < maxIter; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return prefactor(a, x) * h;
}

/** [P(a,x), Q(a,x)] for finite a > 0, x ≥ 0 (caller handles the edges). */
export function incompleteGamma(a: number, x: number): [number, number] {
  if (x === 0) return [0, 1];
  if (x < a + 1) {
    const p = seriesP(a, x);
    return [p, 1 - p];
  }
  const q = continuedFractionQ(a, x);
  return [1 - q, q];
}
