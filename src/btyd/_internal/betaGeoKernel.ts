/**
 * BG/NBD and MBG/NBD log-likelihood with its analytic gradient, on collapsed rows.
 *
 * BG/NBD (Fader, Hardie & Lee 2005, §7; Hardie note 004), per customer:
 *   ℓ = lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)
 *       + ln[(α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x)]
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007): lnΓ(b+x+1) and lnΓ(a+b+x+1) instead, and the second
 * term a/(b+x) · (α+t_x)^−(r+x) for every x (death is possible right after the first purchase).
 *
 * Everything that depends on x only (gamma functions, digammas) is computed once per distinct x, and
 * logarithms of α+T and α+t_x once per distinct T and t_x, so one evaluation costs two transcendental
 * calls per distinct row. The mixture term is a log-add-exp; its share π of the "dead after t_x" branch
 * drives the gradient.
 */
import { digamma, logGamma } from "../../math/index.js";
import { uniqueIndex, type RowData } from "./rows.js";

export interface BetaGeoPrepared {
  readonly rows: number;
  readonly w: Float64Array;
  /** Distinct x values and each row's index into them. */
  readonly ux: Float64Array;
  readonly xi: Int32Array;
  /** Weight per distinct x. */
  readonly wx: Float64Array;
  /** Distinct T and t_x values (already time-scaled) and per-row indices. */
  readonly uT: Float64Array;
  readonly Ti: Int32Array;
  readonly uR: Float64Array;
  readonly Ri: Int32Array;
  /** Scratch buffers. */
  readonly LT: Float64Array;
  readonly IT: Float64Array;
  readonly LR: Float64Array;
  readonly IR: Float64Array;
  readonly c4: Float64Array;
  readonly pix: Float64Array;
  readonly W: number;
  /** Σ w·x, used to move the log-likelihood between time scales. */
  readonly sumWx: number;
}

/** Prepares collapsed rows for repeated evaluation; `scale` multiplies times (T, t_x). */
export function prepareBetaGeo(d: RowData, scale: number): BetaGeoPrepared {
  const k = d.x.length;
  const ux = uniqueIndex(d.x);
  const sT = new Float64Array(k);
  const sR = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    sT[i] = (d.T[i] as number) * scale;
    sR[i] = (d.tx[i] as number) * scale;
  }
  const uT = uniqueIndex(sT);
  const uR = uniqueIndex(sR);
  const wx = new Float64Array(ux.values.length);
  let W = 0;
  let sumWx = 0;
  for (let i = 0; i < k; i++) {
    const wi = d.w[i] as number;
    wx[ux.index[i] as number] = (wx[ux.index[i] as number] as number) + wi;
    W += wi;
    sumWx += wi * (d.x[i] as number);
  }
  return {
    rows: k,
    w: d.w,
    ux: ux.values,
    xi: ux.index,
    wx,
    uT: uT.values,
    Ti: uT.index,
    uR: uR.values,
    Ri: uR.index,
    LT: new Float64Array(uT.values.length),
    IT: new Float64Array(uT.values.length),
    LR: new Float64Array(uR.values.length),
    IR: new Float64Array(uR.values.length),
    c4: new Float64Array(ux.values.length),
    pix: new Float64Array(ux.values.length),
    W,
    sumWx,
  };
}

/**
 * Σ w·ℓ at (r, α, a, b) (times on the prepared scale). When `grad` is given, writes ∂/∂(r, α, a, b) of
 * that sum into it. Returns NaN/−Infinity for impossible parameters (the optimizer backs off).
 */
export function betaGeoLogLikelihood(
  p: BetaGeoPrepared,
  r: number,
  alpha: number,
  a: number,
  b: number,
  modified: boolean,
  grad: Float64Array | null,
): number {
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Number.isFinite(r + alpha + a + b)) {
    if (grad) grad.fill(Number.NaN);
    return Number.NEGATIVE_INFINITY;
  }
  const o = modified ? 1 : 0;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  let ll = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  const psiR = grad ? digamma(r) : 0;
  const psiB = grad ? digamma(b) : 0;
  const psiAB = grad ? digamma(a + b) : 0;
  const { ux, wx, c4, pix } = p;
  for (let j = 0; j < ux.length; j++) {
    const x = ux[j] as number;
    const w = wx[j] as number;
    ll += w * (logGamma(r + x) - lgR + r * lnAlpha + lgAB + logGamma(b + x + o) - lgB - logGamma(a + b + x + o));
    // ln(a / (b + x − 1)) for BG (x > 0 only), ln(a / (b + x)) for MBG.
    c4[j] = modified ? lnA - Math.log(b + x) : x > 0 ? lnA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    pix[j] = 0;
    if (grad) {
      const psiABX = digamma(a + b + x + o);
      dr += w * (digamma(r + x) - psiR + lnAlpha);
      dAlpha += (w * r) / alpha;
      da += w * (psiAB - psiABX);
      db += w * (psiAB + digamma(b + x + o) - psiB - psiABX);
    }
  }
  const { uT, LT, IT, uR, LR, IR } = p;
  for (let t = 0; t < uT.length; t++) {
    const v = alpha + (uT[t] as number);
    LT[t] = Math.log(v);
    IT[t] = 1 / v;
  }
  for (let t = 0; t < uR.length; t++) {
    const v = alpha + (uR[t] as number);
    LR[t] = Math.log(v);
    IR[t] = 1 / v;
  }
  const { w: wr, xi, Ti, Ri } = p;
  const k = p.rows;
  let gR = 0;
  let gAlpha = 0;
  for (let i = 0; i < k; i++) {
    const j = xi[i] as number;
    const wi = wr[i] as number;
    const rx = r + (ux[j] as number);
    const ti = Ti[i] as number;
    const a3 = -rx * (LT[ti] as number);
    const cj = c4[j] as number;
    if (cj === Number.NEGATIVE_INFINITY) {
      ll += wi * a3;
      if (grad) {
        gR -= wi * (LT[ti] as number);
        gAlpha -= wi * rx * (IT[ti] as number);
      }
      continue;
    }
    const ri = Ri[i] as number;
    const a4 = cj - rx * (LR[ri] as number);
    let l: number;
    let pi: number;
    if (a3 >= a4) {
      const e = Math.exp(a4 - a3);
      l = a3 + Math.log1p(e);
      pi = e / (1 + e);
    } else {
      const e = Math.exp(a3 - a4);
      l = a4 + Math.log1p(e);
      pi = 1 / (1 + e);
    }
    ll += wi * l;
    if (grad) {
      const q = 1 - pi;
      gR -= wi * (q * (LT[ti] as number) + pi * (LR[ri] as number));
      gAlpha -= wi * rx * (q * (IT[ti] as number) + pi * (IR[ri] as number));
      pix[j] = (pix[j] as number) + wi * pi;
    }
  }
  if (grad) {
    for (let j = 0; j < ux.length; j++) {
      const s = pix[j] as number;
      if (s === 0) continue;
      da += s / a;
      db -= s / (b + (ux[j] as number) - 1 + o);
    }
    grad[0] = dr + gR;
    grad[1] = dAlpha + gAlpha;
    grad[2] = da;
    grad[3] = db;
  }
  return ll;
}
