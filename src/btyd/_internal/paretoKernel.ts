/**
 * Pareto/NBD log-likelihood in log space (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD Model
 * and Related Expressions", eqs. 18–20; Schmittlein, Morrison & Colombo 1987).
 *
 *   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ]
 *   A₀ = F(t_x) − F(T),  F(y) = ₂F₁(r+s+x, b'; r+s+x+1; |α−β|/(m+y)) / (m+y)^(r+s+x),
 *   m = max(α, β), b' = s+1 when α ≥ β, r+x otherwise.
 *
 * F is evaluated through Euler's transformation, ₂F₁(A, b'; A+1; z) = (1−z)^(1−b') ₂F₁(1, A+1−b'; A+1; z),
 * whose series has positive terms bounded by zⁿ: no cancellation and no overflow for x in the hundreds
 * (lifetimes issue #25 overflowed here). The series is summed inline (positive terms, relative error
 * ≈ n·ε) because it runs for every distinct row at every optimizer step; the general `hyp2f1` of the math
 * area does error estimation across several representations and costs several times more.
 */
import { digamma, logGamma } from "../../math/index.js";
import type { RowData } from "./rows.js";

/** ln ₂F₁(1, B; C; z) for 0 ≤ z < 1, 0 < B < C (positive-term series). */
function logHyp1(B: number, C: number, z: number): number {
  if (z === 0) return 0;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100000; n++) {
    term *= ((B + n) / (C + n)) * z;
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return Math.log(sum);
}

/** ln(1 − eᵘ) for u ≤ 0 (−Infinity at u = 0). */
export function log1mexp(u: number): number {
  return u > -Math.LN2 ? Math.log(-Math.expm1(u)) : Math.log1p(-Math.exp(u));
}

/** ln F(y) (see the file comment). */
function logF(r: number, alpha: number, s: number, beta: number, x: number, y: number): number {
  const A = r + s + x;
  if (alpha === beta) return -A * Math.log(alpha + y);
  const ge = alpha >= beta;
  const m = ge ? alpha : beta;
  const mn = ge ? beta : alpha;
  const bp = ge ? s + 1 : r + x;
  const lm = Math.log(m + y);
  const z = (m - mn) / (m + y);
  return -A * lm + (1 - bp) * (Math.log(mn + y) - lm) + logHyp1(A + 1 - bp, A + 1, z);
}

/** ln A₀ = ln(F(t_x) − F(T)); −Infinity when t_x = T. */
export function paretoLogA0(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  if (tx >= T) return Number.NEGATIVE_INFINITY;
  const f1 = logF(r, alpha, s, beta, x, tx);
  const f2 = logF(r, alpha, s, beta, x, T);
  return f1 + log1mexp(Math.min(0, f2 - f1));
}

/** Per-customer ℓ(x, t_x, T) without the x-only constant lnΓ(r+x) − lnΓ(r) + r ln α + s ln β. */
export function paretoMixtureTerm(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const p = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const la0 = paretoLogA0(r, alpha, s, beta, x, tx, T);
  if (la0 === Number.NEGATIVE_INFINITY) return p;
  const q = Math.log(s) - Math.log(r + s + x) + la0;
  return p > q ? p + Math.log1p(Math.exp(q - p)) : q + Math.log1p(Math.exp(p - q));
}

/** Σ w·ℓ over rows with times multiplied by `scale`. */
export function paretoLogLikelihood(d: RowData, scale: number, r: number, alpha: number, s: number, beta: number): number {
  if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Number.isFinite(r + alpha + s + beta)) return Number.NEGATIVE_INFINITY;
  const lgR = logGamma(r);
  const c = r * Math.log(alpha) + s * Math.log(beta) - lgR;
  let ll = 0;
  let lastX = -1;
  let lgRX = 0;
  const k = d.x.length;
  for (let i = 0; i < k; i++) {
    const x = d.x[i] as number;
    if (x !== lastX) {
      lgRX = logGamma(r + x);
      lastX = x;
    }
    ll +=
      (d.w[i] as number) *
      (lgRX + c + paretoMixtureTerm(r, alpha, s, beta, x, (d.tx[i] as number) * scale, (d.T[i] as number) * scale));
  }
  return ll;
}

/** Scratch: ∂ ln S / ∂(B, C, z) from the last {@link logHyp1Grad} call. */
const dS = new Float64Array(3);

/** ln ₂F₁(1, B; C; z) with its partial derivatives in B, C and z written to `dS`. */
function logHyp1Grad(B: number, C: number, z: number): number {
  let term = 1;
  let sum = 1;
  let sB = 0;
  let sC = 0;
  let sZ = 0;
  let hB = 0;
  let hC = 0;
  for (let n = 0; n < 100000; n++) {
    // term_n = c_n z^n; derivative of term_{n+1} in z is (n+1) c_{n+1} z^n = (n+1) term_{n+1} / z.
    const ratio = (B + n) / (C + n);
    hB += 1 / (B + n);
    hC += 1 / (C + n);
    sZ += (n + 1) * term * ratio; // (n+1) c_{n+1} z^n
    term *= ratio * z;
    sum += term;
    sB += term * hB;
    sC += term * hC;
    if (term < 1e-17 * sum) break;
  }
  dS[0] = sB / sum;
  dS[1] = -sC / sum;
  dS[2] = sZ / sum;
  return Math.log(sum);
}

/** ln F(y) and its gradient in (r, α, s, β) written to `g`. */
function logFGrad(r: number, alpha: number, s: number, beta: number, x: number, y: number, g: Float64Array): number {
  const A = r + s + x;
  const C = A + 1;
  const la = Math.log(alpha + y);
  const lb = Math.log(beta + y);
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + y);
    const lS = logHyp1Grad(r + x, C, z);
    const dB = dS[0] as number;
    const dC = dS[1] as number;
    const dZ = dS[2] as number;
    g[0] = -la + dB + dC;
    g[1] = (s - A) / (alpha + y) + (dZ * (beta + y)) / ((alpha + y) * (alpha + y));
    g[2] = -lb + dC;
    g[3] = -s / (beta + y) - dZ / (alpha + y);
    return -A * la - s * (lb - la) + lS;
  }
  const z = (beta - alpha) / (beta + y);
  const lS = logHyp1Grad(s + 1, C, z);
  const dB = dS[0] as number;
  const dC = dS[1] as number;
  const dZ = dS[2] as number;
  g[0] = -la + dC;
  g[1] = (1 - r - x) / (alpha + y) - dZ / (beta + y);
  g[2] = -lb + dB + dC;
  g[3] = -(s + 1) / (beta + y) + (dZ * (alpha + y)) / ((beta + y) * (beta + y));
  return -A * lb + (1 - r - x) * (la - lb) + lS;
}

const g1 = new Float64Array(4);
const g2 = new Float64Array(4);

/**
 * Σ w·ℓ with its gradient in (r, α, s, β) written to `grad` (times multiplied by `scale`).
 * Rows must be sorted by x (per-x terms are computed once per run).
 */
export function paretoLogLikelihoodGrad(
  d: RowData,
  scale: number,
  r: number,
  alpha: number,
  s: number,
  beta: number,
  grad: Float64Array,
): number {
  if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Number.isFinite(r + alpha + s + beta)) {
    grad.fill(Number.NaN);
    return Number.NEGATIVE_INFINITY;
  }
  const lgR = logGamma(r);
  const psiR = digamma(r);
  const lnAlpha = Math.log(alpha);
  const lnBeta = Math.log(beta);
  const c = r * lnAlpha + s * lnBeta - lgR;
  let ll = 0;
  let gr = 0;
  let ga = 0;
  let gs = 0;
  let gb = 0;
  let lastX = -1;
  let lgRX = 0;
  let psiRX = 0;
  const k = d.x.length;
  for (let i = 0; i < k; i++) {
    const x = d.x[i] as number;
    const w = d.w[i] as number;
    if (x !== lastX) {
      lgRX = logGamma(r + x);
      psiRX = digamma(r + x);
      lastX = x;
    }
    const tx = (d.tx[i] as number) * scale;
    const T = (d.T[i] as number) * scale;
    const laT = Math.log(alpha + T);
    const lbT = Math.log(beta + T);
    const p = -(r + x) * laT - s * lbT;
    // Constant part.
    ll += w * (lgRX + c);
    gr += w * (psiRX - psiR + lnAlpha);
    ga += (w * r) / alpha;
    gs += w * lnBeta;
    gb += (w * s) / beta;
    // ∂p
    const pr = -laT;
    const pa = -(r + x) / (alpha + T);
    const ps = -lbT;
    const pb = -s / (beta + T);
    if (tx >= T) {
      ll += w * p;
      gr += w * pr;
      ga += w * pa;
      gs += w * ps;
      gb += w * pb;
      continue;
    }
    const f1 = logFGrad(r, alpha, s, beta, x, tx, g1);
    const f2 = logFGrad(r, alpha, s, beta, x, T, g2);
    const rho = Math.exp(Math.min(0, f2 - f1));
    const la0 = f1 + log1mexp(Math.min(0, f2 - f1));
    const inv = 1 / (1 - rho);
    const rsx = r + s + x;
    const q = Math.log(s) - Math.log(rsx) + la0;
    const qr = -1 / rsx + ((g1[0] as number) - rho * (g2[0] as number)) * inv;
    const qa = ((g1[1] as number) - rho * (g2[1] as number)) * inv;
    const qs = 1 / s - 1 / rsx + ((g1[2] as number) - rho * (g2[2] as number)) * inv;
    const qb = ((g1[3] as number) - rho * (g2[3] as number)) * inv;
    let l: number;
    let pi: number;
    if (p > q) {
      const e = Math.exp(q - p);
      l = p + Math.log1p(e);
      pi = e / (1 + e);
    } else {
      const e = Math.exp(p - q);
      l = q + Math.log1p(e);
      pi = 1 / (1 + e);
    }
    const o = 1 - pi;
    ll += w * l;
    gr += w * (o * pr + pi * qr);
    ga += w * (o * pa + pi * qa);
    gs += w * (o * ps + pi * qs);
    gb += w * (o * pb + pi * qb);
  }
  grad[0] = gr;
  grad[1] = ga;
  grad[2] = gs;
  grad[3] = gb;
  return ll;
}
