import { logBeta } from "./logBeta.js";
import { normalQuantile } from "./normalQuantile.js";
import { studentCentral, studentLogPdf, studentTail } from "./_internal/studentT.js";

/** s > 0 with P(T < −s) = q, for 0 < q < ½. */
function upperPoint(q: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * q);
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  // Starting values: Cornish–Fisher from the normal, and the power-law tail.
  const z = -normalQuantile(q);
  const cf = z + (z * z * z + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  if (q >= 0.25) return centralPoint(1 - 2 * q, df, cf);
  const logQ = Math.log(q);
  // g(u) = ln tail(e^u) − ln q, decreasing in u.
  const g = (u: number): number => Math.log(studentTail(Math.exp(u), df)) - logQ;
  const logK = -logBeta(df / 2, 0.5) + ((df - 1) / 2) * Math.log(df) - Math.log(df);
  const tailGuess = (logK - logQ) / df; // ln s from tail ≈ K s^{−df}
  let u = Math.log(Math.max(cf, 1e-300));
  let gu = g(u);
  const g2 = g(tailGuess);
  if (Number.isFinite(g2) && !(Math.abs(gu) <= Math.abs(g2))) {
    u = tailGuess;
    gu = g2;
  }
  // Bracket [lo, hi] with g(lo) > 0 > g(hi).
  let lo = u;
  let hi = u;
  let glo = gu;
  let ghi = gu;
  let step = 0.5;
  while (glo <= 0 && step < 1e3) {
    lo -= step;
    glo = g(lo);
    step *= 2;
  }
  step = 0.5;
  while (!(ghi < 0) && step < 1e3) {
    hi += step;
    ghi = g(hi);
    step *= 2;
  }
  if (gu === 0) return Math.exp(u);
  for (let i = 0; i < 200; i++) {
    const s = Math.exp(u);
    const tail = studentTail(s, df);
    // g'(u) = −pdf(s)·s / tail(s)
    const dg = -Math.exp(studentLogPdf(s, df) + u) / tail;
    let next = u - gu / dg;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = 0.5 * (lo + hi);
    const gn = g(next);
    if (gn > 0) lo = next;
    else hi = next;
    const delta = Math.abs(next - u);
    u = next;
    gu = gn;
    if (gn === 0 || delta <= 1e-15 * Math.max(1, Math.abs(u)) || hi - lo <= 1e-15 * Math.max(1, Math.abs(u))) break;
  }
  return Math.exp(u);
}

/**
 * s > 0 with P(|T| < s) = c, for 0 < c ≤ ½ (c = 1 − 2q is exact in float64 for
 * q ≥ ¼): Newton on the central probability, whose derivative is 2·pdf(s),
 * safeguarded by bisection.
 */
function centralPoint(c: number, df: number, guess: number): number {
  let lo = 0;
  let hi = Math.max(2 * guess, 4);
  while (studentCentral(hi, df) < c && hi < 1e300) hi *= 2; // bounded: c ≤ ½ is reached long before
  let s = guess > lo && guess < hi ? guess : 0.5 * (lo + hi);
  for (let i = 0; i < 200; i++) {
    const h = studentCentral(s, df) - c;
    if (h === 0) return s;
    if (h > 0) hi = s;
    else lo = s;
    let next = s - h / (2 * Math.exp(studentLogPdf(s, df)));
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const delta = Math.abs(next - s);
    s = next;
    if (delta <= 4e-16 * s || hi - lo <= 4e-16 * s) break;
  }
  return s;
}

/**
 * The quantile function of Student's t distribution: the t with
 * P(T ≤ t) = p for `df` degrees of freedom.
 *
 * @remarks
 * Closed forms for df = 1 (Cauchy) and df = 2; otherwise a safeguarded Newton
 * iteration on ln P(T < −s) as a function of ln s (which is nearly linear in
 * both the centre and the power-law tails), started from a Cornish–Fisher
 * expansion or the tail asymptote, with a bisection bracket so it always
 * converges. Accuracy (against mpmath): about 1e-12 relative for df ≤ 1e3.
 * df = +Infinity gives the normal quantile. Conventions: NaN in → NaN; df ≤ 0
 * or p outside [0, 1] → NaN; p = 0 / 1 → −Infinity / +Infinity.
 *
 * @param p - A probability in (0, 1).
 * @param df - Degrees of freedom, > 0.
 * @returns t with P(T ≤ t) = p.
 *
 * @example
 * ```ts
 * import { studentTQuantile } from "customer-metrics/math";
 * studentTQuantile(0.975, 10); // => 2.2281388519862744
 * studentTQuantile(0.75, 1); // => 1
 * ```
 *
 * @category Math
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || !(df > 0) || p < 0 || p > 1) return NaN;
  if (df === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  return p < 0.5 ? -upperPoint(p, df) : upperPoint(1 - p, df);
}
