/**
 * BG/BB log-likelihood and predictions (Fader, Hardie & Shang 2010, eqs. 5, 7, 11, 13).
 *
 *   L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *     + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)
 * evaluated as a log-sum-exp of log-beta terms.
 */
import { logBeta, logGamma } from "../../math/index.js";
import type { BetaGeoBetaBinomialParams } from "../modelTypes.js";
import type { RowData } from "./rows.js";

export function bgBbLogLikelihoodOne(p: BetaGeoBetaBinomialParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const lnBab = logBeta(alpha, beta);
  const lnBgd = logBeta(gamma, delta);
  const first = logBeta(alpha + x, beta + n - x) - lnBab + logBeta(gamma, delta + n) - lnBgd;
  let m = first;
  const terms = n - tx;
  // Two passes: max, then sum (terms ≤ n, no allocation).
  for (let i = 0; i < terms; i++) {
    const v = logBeta(alpha + x, beta + tx - x + i) - lnBab + logBeta(gamma + 1, delta + tx + i) - lnBgd;
    if (v > m) m = v;
  }
  let sum = Math.exp(first - m);
  for (let i = 0; i < terms; i++) {
    sum += Math.exp(logBeta(alpha + x, beta + tx - x + i) - lnBab + logBeta(gamma + 1, delta + tx + i) - lnBgd - m);
  }
  return m + Math.log(sum);
}

export function bgBbLogLikelihood(d: RowData, p: BetaGeoBetaBinomialParams): number {
  const { alpha, beta, gamma, delta } = p;
  if (!(alpha > 0 && beta > 0 && gamma > 0 && delta > 0) || !Number.isFinite(alpha + beta + gamma + delta))
    return Number.NEGATIVE_INFINITY;
  let ll = 0;
  for (let i = 0; i < d.x.length; i++) {
    ll += (d.w[i] as number) * bgBbLogLikelihoodOne(p, d.x[i] as number, d.tx[i] as number, d.T[i] as number);
  }
  return ll;
}

/** Σ_{j=from+1}^{from+t} P(alive at opportunity j) = Σ B(γ, δ+j)/B(γ,δ) (recurrence, closed form for long horizons). */
function aliveSum(gamma: number, delta: number, from: number, t: number): number {
  if (t <= 0) return 0;
  if (t > 1e6 && Math.abs(gamma - 1) > 1e-6) {
    // δ/(γ−1) · Γ(γ+δ)/Γ(1+δ) · [Γ(1+δ+from)/Γ(γ+δ+from) − Γ(1+δ+from+t)/Γ(γ+δ+from+t)]
    const k = Math.log(delta) + logGamma(gamma + delta) - logGamma(1 + delta);
    const a1 = logGamma(1 + delta + from) - logGamma(gamma + delta + from);
    const a2 = logGamma(1 + delta + from + t) - logGamma(gamma + delta + from + t);
    return (Math.exp(k + a1) * -Math.expm1(a2 - a1)) / (gamma - 1);
  }
  let pj = Math.exp(logBeta(gamma, delta + from) - logBeta(gamma, delta));
  let s = 0;
  for (let j = from; j < from + t; j++) {
    pj *= (delta + j) / (gamma + delta + j);
    s += pj;
  }
  return s;
}

/** E[X(t)]: expected transactions in the first t opportunities of a new customer. */
export function bgBbExpectedPurchases(p: BetaGeoBetaBinomialParams, t: number): number {
  return (p.alpha / (p.alpha + p.beta)) * aliveSum(p.gamma, p.delta, 0, t);
}

/** E[X(n, n+t) | x, t_x, n] (eq. 13). */
export function bgBbConditionalExpectedPurchases(
  p: BetaGeoBetaBinomialParams,
  x: number,
  tx: number,
  n: number,
  t: number,
): number {
  if (t === 0) return 0;
  const ll = bgBbLogLikelihoodOne(p, x, tx, n);
  const lead = Math.exp(logBeta(p.alpha + x + 1, p.beta + n - x) - logBeta(p.alpha, p.beta) - ll);
  return lead * aliveSum(p.gamma, p.delta, n, t);
}

/** P(alive at opportunity n + 1 | x, t_x, n) (eq. 11). */
export function bgBbProbabilityAlive(p: BetaGeoBetaBinomialParams, x: number, tx: number, n: number): number {
  const ll = bgBbLogLikelihoodOne(p, x, tx, n);
  const v = Math.exp(
    logBeta(p.alpha + x, p.beta + n - x) -
      logBeta(p.alpha, p.beta) +
      logBeta(p.gamma, p.delta + n + 1) -
      logBeta(p.gamma, p.delta) -
      ll,
  );
  return Math.min(1, v);
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** P(X(n) = k) for a new customer (eq. 7). */
export function bgBbProbabilityOfPurchases(p: BetaGeoBetaBinomialParams, k: number, n: number): number {
  if (k > n) return 0;
  const { alpha, beta, gamma, delta } = p;
  const lnBab = logBeta(alpha, beta);
  const lnBgd = logBeta(gamma, delta);
  let total = Math.exp(logChoose(n, k) + logBeta(alpha + k, beta + n - k) - lnBab + logBeta(gamma, delta + n) - lnBgd);
  for (let i = k; i < n; i++) {
    total += Math.exp(logChoose(i, k) + logBeta(alpha + k, beta + i - k) - lnBab + logBeta(gamma + 1, delta + i) - lnBgd);
  }
  return total;
}
