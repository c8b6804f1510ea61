/**
 * Pareto/NBD P(X(t) = k) for a newly acquired customer (internal).
 *
 * Given λ and the lifetime τ, X(t) ~ Poisson(λ·min(t, τ)). Integrating λ ~ Gamma(r, α) gives a negative
 * binomial NB(k; r, α/(α+u)) for exposure u; integrating μ ~ Gamma(s, β) gives P(τ > t) = (β/(β+t))^s and the
 * Lomax density (s/β)(β/(β+τ))^(s+1) for τ. Hence
 *
 *   P(X(t) = k) = (β/(β+t))^s · NB(k; r, α/(α+t)) + ∫₀ᵗ (s/β)(β/(β+τ))^(s+1) · NB(k; r, α/(α+τ)) dτ,
 *   NB(k; r, p) = Γ(r+k)/(Γ(r) k!) · p^r (1−p)^k
 *
 * (the same model assumptions as Fader & Hardie's note on P(X(t) = x) under the Pareto/NBD; their closed form
 * sums ₂F₁ terms, here the one-dimensional integral is evaluated directly).
 *
 * The integral is taken in u = ln(1 + τ/c), c = min(α, β): linear in τ below the model's time scales,
 * logarithmic above, so the power-law factors become smooth exponentials in u. The τ-integrand
 * (β+τ)^−(s+1) τ^k (α+τ)^−(r+k) is unimodal (its log-derivative vanishes at the one positive root of
 * (r+s+1)τ² − (kα − (s+1)α − rβ)τ − kαβ); the mode and every unit of u are panel breaks, so the adaptive
 * G7/K15 rule cannot step over the peak. Everything is in log space relative to the integrand's maximum, and
 * the Γ coefficient is factored out, so k in the thousands neither overflows nor underflows before the end.
 */
import { logAddExp, logGamma } from "../../math/index.js";
import type { ParetoNbdParams } from "../modelTypes.js";
import { integrateGk15 } from "./gaussKronrod.js";

/** Relative tolerance on the (pessimistic) |K15 − G7| error sum. */
const REL_TOL = 1e-13;

export function paretoProbabilityOfPurchases(p: ParetoNbdParams, k: number, t: number): number {
  if (t === 0) return k === 0 ? 1 : 0;
  const { r, alpha, s, beta } = p;
  const lnCoef = k === 0 ? 0 : logGamma(r + k) - logGamma(r) - logGamma(k + 1);
  // Alive throughout (0, t]: (β/(β+t))^s · α^r t^k / (α+t)^(r+k), without the Γ coefficient.
  const lnAlive = -s * Math.log1p(t / beta) - r * Math.log1p(t / alpha) - (k === 0 ? 0 : k * Math.log1p(alpha / t));

  // Dropped out at τ < t, in u = ln(1 + τ/c): dτ = (c + τ) du.
  const c = Math.min(alpha, beta);
  const lnc = Math.log(c);
  const lnLead = Math.log(s / beta);
  const logh = (u: number): number => {
    const tau = c * Math.expm1(u);
    let v = lnLead - (s + 1) * Math.log1p(tau / beta) + lnc + u - r * Math.log1p(tau / alpha);
    if (k > 0) v -= tau > 0 ? k * Math.log1p(alpha / tau) : Number.POSITIVE_INFINITY;
    return v;
  };
  const U = Math.log1p(t / c);

  const anchors = [0, U];
  if (k > 0) {
    const B = k * alpha - (s + 1) * alpha - r * beta;
    const a2 = r + s + 1;
    const disc = Math.sqrt(B * B + 4 * a2 * k * alpha * beta);
    const tauMode = B >= 0 ? (B + disc) / (2 * a2) : (2 * k * alpha * beta) / (disc - B);
    const uMode = Math.log1p(tauMode / c);
    if (uMode > 0 && uMode < U) anchors.splice(1, 0, uMode);
  }
  const breaks: number[] = [0];
  for (let i = 0; i + 1 < anchors.length; i++) {
    const a = anchors[i] as number;
    const b = anchors[i + 1] as number;
    const n = Math.max(1, Math.ceil(b - a));
    for (let j = 1; j < n; j++) breaks.push(a + ((b - a) * j) / n);
    breaks.push(b);
  }

  let ref = Number.NEGATIVE_INFINITY;
  for (const u of breaks) {
    const v = logh(u === 0 ? Math.min(U, 1e-3) * 1e-3 : u);
    if (v > ref) ref = v;
  }
  let lnDropped = Number.NEGATIVE_INFINITY;
  for (let attempt = 0; attempt < 3; attempt++) {
    let seen = Number.NEGATIVE_INFINITY;
    const base = ref;
    const f = (u: number): number => {
      const v = logh(u);
      if (v > seen) seen = v;
      return Math.exp(v - base);
    };
    const { value } = integrateGk15(f, breaks, REL_TOL);
    lnDropped = value > 0 ? base + Math.log(value) : Number.NEGATIVE_INFINITY;
    // Rescale and redo if the integrand rose far above the sampled reference (risk of overflow / lost digits).
    if (!(seen > base + 200) || !Number.isFinite(seen)) break;
    ref = seen;
  }
  return Math.exp(lnCoef + logAddExp(lnAlive, lnDropped));
}
