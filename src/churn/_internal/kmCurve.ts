import type { SurvivalIntervalType } from "../kaplanMeier.js";

/**
 * survfit's median rule (`minmin` in print.survfit): the first time the curve is ≤ 0.5 (within
 * √ε); when it sits at 0.5 (within √ε), the midpoint between that time and the next time the
 * curve drops below it. `null` (R: NA) when the curve never reaches 0.5. NaN entries in `y` are
 * skipped (survfit's NA).
 */
export function survfitMedian(y: ArrayLike<number>, x: ArrayLike<number>): number | null {
  const tol = 1.4901161193847656e-8; // .Machine$double.eps^0.5
  let k0 = -1;
  for (let k = 0; k < y.length; k++) {
    if ((y[k] as number) < 0.5 + tol) {
      k0 = k;
      break;
    }
  }
  if (k0 < 0) return null;
  const y0 = y[k0] as number;
  const x0 = x[k0] as number;
  if (Math.abs(y0 - 0.5) < tol) {
    for (let k = k0 + 1; k < y.length; k++) {
      const v = y[k] as number;
      if (v < 0.5 + tol && v < y0) return (x0 + (x[k] as number)) / 2;
    }
  }
  return x0;
}

/**
 * Restricted mean ∫₀^τ S(t) dt and its standard error as survfit's `survmean` computes them
 * (Miller 1981): rectangles under the step curve, var = Σ_i A_i² d_i / (n_i (n_i − d_i)) with
 * A_i = ∫_{t_i}^τ S, the term set to 0 where n_i = d_i.
 */
export function survfitRestrictedMean(
  times: ArrayLike<number>,
  survival: ArrayLike<number>,
  atRisk: ArrayLike<number>,
  events: ArrayLike<number>,
  horizon: number,
): { value: number; standardError: number } {
  let m = 0; // rows with time <= horizon
  while (m < times.length && (times[m] as number) <= horizon) m++;
  // Rectangles: k = 0..m (the last one runs from the last kept time to the horizon).
  const rect = new Float64Array(m + 1);
  let prevT = 0;
  let value = 0;
  for (let k = 0; k <= m; k++) {
    const t = k < m ? (times[k] as number) : horizon;
    const r = (t - prevT) * (k === 0 ? 1 : (survival[k - 1] as number));
    rect[k] = r;
    value += r;
    prevT = t;
  }
  let tail = 0;
  let variance = 0;
  for (let k = m; k >= 1; k--) {
    tail += rect[k] as number;
    const n = atRisk[k - 1] as number;
    const d = events[k - 1] as number;
    if (n - d !== 0) variance += (tail * tail * d) / (n * (n - d));
  }
  return { value, standardError: Math.sqrt(variance) };
}

/**
 * survfit_confint for one point (S, se of log S, z), written into `lower[k]` / `upper[k]`; NaN
 * where R gives NA (S = 0; and, for log-log, the library reports [1, 1] at S = 1).
 */
export function survfitIntervalInto(
  s: number,
  seLog: number,
  z: number,
  type: SurvivalIntervalType,
  lower: Float64Array,
  upper: Float64Array,
  k: number,
): void {
  if (type === "plain") {
    if (seLog === Infinity) {
      lower[k] = Number.NaN;
      upper[k] = Number.NaN;
      return;
    }
    const se2 = seLog * s * z;
    lower[k] = Math.max(s - se2, 0);
    upper[k] = Math.min(s + se2, 1);
    return;
  }
  if (s === 0 || seLog === Infinity) {
    lower[k] = Number.NaN;
    upper[k] = Number.NaN;
    return;
  }
  if (type === "log") {
    const se2 = z * seLog;
    lower[k] = Math.exp(Math.log(s) - se2);
    upper[k] = Math.min(Math.exp(Math.log(s) + se2), 1);
    return;
  }
  if (s === 1) {
    // survfit gives NA here; the interval collapses as se → 0.
    lower[k] = 1;
    upper[k] = 1;
    return;
  }
  const se2 = (z * seLog) / Math.log(s);
  const ll = Math.log(-Math.log(s));
  lower[k] = Math.exp(-Math.exp(ll - se2));
  upper[k] = Math.exp(-Math.exp(ll + se2));
}
