/**
 * Reading and validating Gamma-Gamma input, and the log-likelihood kernel with its analytic gradient.
 * Rows are grouped by frequency so the Gamma-function terms are evaluated once per distinct x.
 */
import { metricsError, type PathSegment } from "../../../core/errors.js";
import { isArrayLike } from "../../../core/guards.js";
import { digamma, logGamma } from "../../../math/index.js";

/** Validated repeat-buyer rows, grouped by frequency. */
export interface SpendData {
  /** Per row: frequency, ln(m), m, weight. */
  readonly x: Float64Array;
  readonly lnm: Float64Array;
  readonly m: Float64Array;
  readonly w: Float64Array;
  /** Distinct frequencies and, per distinct frequency, Σw and ln x. */
  readonly xs: Float64Array;
  readonly wx: Float64Array;
  readonly lnx: Float64Array;
  /** Row → index into xs. */
  readonly group: Uint32Array;
  /** Σ w. */
  readonly W: number;
  /** Σ w·m / Σ w. */
  readonly meanM: number;
  readonly excludedNonRepeat: number;
  readonly excludedNonPositive: number;
}

function num(v: unknown, fn: string, path: readonly PathSegment[], what: string): number {
  if (typeof v !== "number") throw metricsError(fn, "invalid_type", path, what, v);
  if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", path, what, v);
  return v === 0 ? 0 : v;
}

/** Reads `{ frequency, monetaryValue, weight? }[]` or columns; validates; drops x = 0 (and m ≤ 0 when asked). */
export function readSpendData(input: unknown, fn: string, onNonPositive: "throw" | "exclude"): SpendData {
  let len: number;
  let get: (i: number, field: string) => unknown;
  let path: (i: number, field: string) => PathSegment[];
  if (Array.isArray(input)) {
    const rows = input as readonly unknown[];
    len = rows.length;
    for (let i = 0; i < len; i++) {
      const r = rows[i];
      if (r === null || typeof r !== "object")
        throw metricsError(fn, "invalid_type", [i], "a row { frequency, monetaryValue, weight? }", r);
    }
    get = (i, field) => (rows[i] as Record<string, unknown>)[field];
    path = (i, field) => [i, field];
    if (len === 0) throw metricsError(fn, "empty_sample", [], "a non-empty set of rows", len);
  } else if (input !== null && typeof input === "object") {
    const cols = input as Record<string, unknown>;
    for (const name of ["frequency", "monetaryValue"]) {
      if (!isArrayLike(cols[name])) throw metricsError(fn, "invalid_type", [name], "an array", cols[name]);
    }
    len = (cols["frequency"] as ArrayLike<unknown>).length;
    for (const name of ["monetaryValue", "weight"]) {
      const c = cols[name];
      if (c === undefined && name === "weight") continue;
      if (!isArrayLike(c)) throw metricsError(fn, "invalid_type", [name], "an array", c);
      if (c.length !== len) throw metricsError(fn, "length_mismatch", [name], `of length ${len} (like frequency)`, c.length);
    }
    const f = cols["frequency"] as ArrayLike<unknown>;
    const mv = cols["monetaryValue"] as ArrayLike<unknown>;
    const wc = cols["weight"] as ArrayLike<unknown> | undefined;
    get = (i, field) => (field === "frequency" ? f[i] : field === "monetaryValue" ? mv[i] : wc === undefined ? undefined : wc[i]);
    path = (i, field) => [field, i];
    if (len === 0) throw metricsError(fn, "empty_sample", ["frequency"], "a non-empty set of rows", len);
  } else {
    throw metricsError(
      fn,
      "invalid_type",
      ["rows"],
      "an array of rows { frequency, monetaryValue } or an object of columns",
      input,
    );
  }

  const x = new Float64Array(len);
  const m = new Float64Array(len);
  const w = new Float64Array(len);
  let kept = 0;
  let exNon = 0;
  let exNeg = 0;
  for (let i = 0; i < len; i++) {
    const xi = num(get(i, "frequency"), fn, path(i, "frequency"), "an integer number of repeat purchases >= 0");
    if (!Number.isInteger(xi))
      throw metricsError(fn, "not_integer", path(i, "frequency"), "an integer number of repeat purchases >= 0", xi);
    if (xi < 0) throw metricsError(fn, "out_of_range", path(i, "frequency"), "an integer number of repeat purchases >= 0", xi);
    const mi = num(get(i, "monetaryValue"), fn, path(i, "monetaryValue"), "a finite mean purchase value");
    const rawW = get(i, "weight");
    const wi = rawW === undefined ? 1 : num(rawW, fn, path(i, "weight"), "a weight >= 0");
    if (wi < 0) throw metricsError(fn, "out_of_range", path(i, "weight"), "a weight >= 0", wi);
    if (xi === 0) {
      exNon += wi;
      continue;
    }
    if (!(mi > 0)) {
      if (onNonPositive === "throw") {
        throw metricsError(
          fn,
          "out_of_range",
          path(i, "monetaryValue"),
          'a mean purchase value > 0 for a repeat buyer (the Gamma-Gamma model needs positive spend; pass { onNonPositiveSpend: "exclude" } to drop such customers with a count)',
          mi,
        );
      }
      exNeg += wi;
      continue;
    }
    if (wi === 0) continue;
    x[kept] = xi;
    m[kept] = mi;
    w[kept] = wi;
    kept++;
  }
  if (kept === 0) {
    throw metricsError(
      fn,
      "insufficient_data",
      [],
      "data with at least one repeat buyer (frequency > 0) with positive spend and weight",
      `${len} rows, none usable`,
    );
  }
  const xk = x.slice(0, kept);
  const mk = m.slice(0, kept);
  const wk = w.slice(0, kept);
  const lnm = new Float64Array(kept);
  const group = new Uint32Array(kept);
  const index = new Map<number, number>();
  const xsList: number[] = [];
  const wxList: number[] = [];
  let W = 0;
  let sumWM = 0;
  for (let i = 0; i < kept; i++) {
    const xi = xk[i] as number;
    lnm[i] = Math.log(mk[i] as number);
    let g = index.get(xi);
    if (g === undefined) {
      g = xsList.length;
      index.set(xi, g);
      xsList.push(xi);
      wxList.push(0);
    }
    group[i] = g;
    wxList[g] = (wxList[g] as number) + (wk[i] as number);
    W += wk[i] as number;
    sumWM += (wk[i] as number) * (mk[i] as number);
  }
  const xs = Float64Array.from(xsList);
  return {
    x: xk,
    lnm,
    m: mk,
    w: wk,
    xs,
    wx: Float64Array.from(wxList),
    lnx: xs.map(Math.log),
    group,
    W,
    meanM: sumWM / W,
    excludedNonRepeat: exNon,
    excludedNonPositive: exNeg,
  };
}

/**
 * Σ w·ℓ with ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln(m/s) + px ln x − (px+q) ln(v + x·m/s),
 * i.e. the log-likelihood of the money values divided by `s` (pass s = 1 for money units). With `grad`,
 * writes ∂/∂(p, q, v) into it.
 */
export function gammaGammaLogLik(d: SpendData, p: number, q: number, v: number, s: number, grad: Float64Array | null): number {
  const G = d.xs.length;
  const lnS = Math.log(s);
  const lnv = Math.log(v);
  // Per distinct x: Gamma terms (and digammas for the gradient).
  const a = new Float64Array(G);
  const dpx = grad ? new Float64Array(G) : null;
  const dq = grad ? new Float64Array(G) : null;
  let ll = -d.W * logGamma(q) + d.W * q * lnv;
  const psiQ = grad ? digamma(q) : 0;
  let gp = 0;
  let gq = grad ? d.W * (lnv - psiQ) : 0;
  let gv = grad ? (d.W * q) / v : 0;
  for (let j = 0; j < G; j++) {
    const xj = d.xs[j] as number;
    const px = p * xj;
    const lnx = d.lnx[j] as number;
    a[j] = logGamma(px + q) - logGamma(px) + px * lnx;
    ll += (d.wx[j] as number) * (a[j] as number);
    if (dpx && dq) {
      const psiPxq = digamma(px + q);
      dpx[j] = xj * (psiPxq - digamma(px) + lnx);
      dq[j] = psiPxq;
      gp += (d.wx[j] as number) * (dpx[j] as number);
      gq += (d.wx[j] as number) * (dq[j] as number);
    }
  }
  const n = d.x.length;
  for (let i = 0; i < n; i++) {
    const xi = d.x[i] as number;
    const wi = d.w[i] as number;
    const lnm = (d.lnm[i] as number) - lnS;
    const denom = v + (xi * (d.m[i] as number)) / s;
    const L = Math.log(denom);
    const px = p * xi;
    ll += wi * ((px - 1) * lnm - (px + q) * L);
    if (grad) {
      gp += wi * xi * (lnm - L);
      gq -= wi * L;
      gv -= (wi * (px + q)) / denom;
    }
  }
  if (grad) {
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gv;
  }
  return ll;
}
