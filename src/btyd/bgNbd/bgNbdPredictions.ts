/**
 * BG/NBD and MBG/NBD predictions (internal; the public entry points dispatch on the model tag).
 * Formulas: Fader, Hardie & Lee (2005) eqs. (8)–(10) and Hardie note 021 for BG/NBD; Batislam et al. (2007)
 * for MBG/NBD. The Gauss ₂F₁ terms are evaluated in their Euler-transformed form
 * (1−z)^(a−1) · ₂F₁(·, a−1; ·; z), whose parameters do not grow with x, so hundreds of purchases
 * cannot overflow (lifetimes switches to this form only after an overflow).
 */
import { hyp2f1, logBeta, logGamma, regularizedBeta } from "../../math/index.js";
import type { BetaGeoParams } from "../modelTypes.js";

/** (C / (a − 1)) · [1 − (1−z)^(a−1) · ₂F₁(A, a−1; c; z)], guarding a ≈ 1 (removable singularity). */
function scaledBracket(C: number, A: number, c: number, a: number, z: number, lnq: number): number {
  const am1 = a - 1;
  if (Math.abs(am1) < 1e-7) {
    // Symmetric difference around a = 1: O(h²) accurate.
    const h = 1e-5;
    return 0.5 * (scaledBracket(C + h, A + h, c + h, 1 + h, z, lnq) + scaledBracket(C - h, A - h, c - h, 1 - h, z, lnq));
  }
  const H = hyp2f1(A, am1, c, z);
  const bracket = H > 0 ? -Math.expm1(am1 * lnq + Math.log(H)) : 1 - Math.exp(am1 * lnq) * H;
  return (C / am1) * bracket;
}

/** P(alive | x, t_x, T). */
export function betaGeoProbabilityAlive(p: BetaGeoParams, modified: boolean, x: number, tx: number, T: number): number {
  if (!modified && x === 0) return 1;
  const { r, alpha, a, b } = p;
  const d = Math.log(a) - Math.log(b + x - (modified ? 0 : 1)) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

/** E[X(t)] for a new customer. */
export function betaGeoExpectedPurchases(p: BetaGeoParams, modified: boolean, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + t);
  const lnq = -Math.log1p(t / alpha);
  return modified ? scaledBracket(b, a + b - r, a + b, a, z, lnq) : scaledBracket(a + b - 1, a + b - 1 - r, a + b - 1, a, z, lnq);
}

/** E[Y(t) | x, t_x, T]: expected purchases in (T, T + t]. */
export function betaGeoConditionalExpectedPurchases(
  p: BetaGeoParams,
  modified: boolean,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const lnq = -Math.log1p(t / (alpha + T));
  const e = modified
    ? scaledBracket(a + b + x, a + b - r, a + b + x, a, z, lnq)
    : scaledBracket(a + b + x - 1, a + b - 1 - r, a + b + x - 1, a, z, lnq);
  return e * betaGeoProbabilityAlive(p, modified, x, tx, T);
}

/** P(X(t) = k) for a new customer. */
export function betaGeoProbabilityOfPurchases(p: BetaGeoParams, modified: boolean, k: number, t: number): number {
  const { r, alpha, a, b } = p;
  if (t === 0) return k === 0 ? 1 : 0;
  const lnB = logBeta(a, b);
  const o = modified ? 1 : 0;
  // Negative binomial P(N(t) = k) with λ ~ Gamma(r, α).
  const lnNb =
    logGamma(r + k) - logGamma(r) - logGamma(k + 1) - r * Math.log1p(t / alpha) + k * (Math.log(t) - Math.log(alpha + t));
  const first = Math.exp(logBeta(a, b + k + o) - lnB + lnNb);
  if (!modified && k === 0) return first;
  // Dropped out right after the k-th purchase (BG: k ≥ 1; MBG: also at time 0), with N(t) ≥ k.
  const tail = k === 0 ? 1 : regularizedBeta(t / (alpha + t), k, r);
  const second = Math.exp(logBeta(a + 1, b + k - 1 + o) - lnB) * tail;
  return first + second;
}
