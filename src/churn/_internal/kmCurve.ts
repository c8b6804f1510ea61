import type { SurvivalIntervalType } from "../kaplanMeier.js";

/** A Kaplan–Meier step as the library reports it. */
export interface KmStepData {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  readonly survival: number;
}

/**
 * survfit's median rule (`minmin` in print.survfit): the first time the curve is ≤ 0.5 (within
 * √ε); when it sits at 0.5 (within √ε), the midpoint between that time and the next time the
 * curve drops below it. `null` (R: NA) when the curve never reaches 0.5.
 */
export function survfitMedian(y: readonly (number | null)[], x: ArrayLike<number>): number | null {
  const tol = 1.4901161193847656e-8; // .Machine$double.eps^0.5
  let k0 = -1;
  for (let k = 0; k < y.length; k++) {
    const v = y[k];
    if (v !== null && v !== undefined && v < 0.5 + tol) {
      k0 = k;
      break;
    }
  }
  if (k0 < 0) return null;
  const y0 = y[k0] as number;
  const x0 = x[k0] as number;
  if (Math.abs(y0 - 0.5) < tol) {
    for (let k = k0 + 1; k < y.length; k++) {
      const v = y[k];
      if (v !== null && v !== undefined && v < 0.5 + tol && v < y0) return (x0 + (x[k] as number)) / 2;
    }
  }
  return x0;
}

/**
 * Restricted mean ∫₀^τ S(t) dt and its standard error as survfit's `survmean` computes them
 * (Miller 1981): rectangles under the step curve, var = Σ_i A_i² d_i / (n_i (n_i − d_i)) with
 * A_i = ∫_{t_i}^τ S, the term set to 0 where n_i = d_i.
 */
export function survfitRestrictedMean(steps: readonly KmStepData[], horizon: number): { value: number; standardError: number } {
  const times: number[] = [];
  const surv: number[] = [];
  const hh: number[] = [];
  for (const s of steps) {
    if (s.time > horizon) break;
    times.push(s.time);
    surv.push(s.survival);
    hh.push(s.atRisk - s.events === 0 ? 0 : s.events / (s.atRisk * (s.atRisk - s.events)));
  }
  const tt = [...times, horizon];
  const ss = [...surv, surv.length > 0 ? (surv[surv.length - 1] as number) : 1];
  const h = [...hh, 0];
  const m = tt.length;
  const rect: number[] = new Array(m);
  let prevT = 0;
  let value = 0;
  for (let k = 0; k < m; k++) {
    const width = (tt[k] as number) - prevT;
    rect[k] = width * (k === 0 ? 1 : (ss[k - 1] as number));
    value += rect[k] as number;
    prevT = tt[k] as number;
  }
  // Σ over i of (Σ_{j > i} rect_j)² · h_i, walking backwards.
  let tail = 0;
  let variance = 0;
  for (let k = m - 1; k >= 1; k--) {
    tail += rect[k] as number;
    variance += tail * tail * (h[k - 1] as number);
  }
  return { value, standardError: Math.sqrt(variance) };
}

/** survfit_confint for one point: S, se of log S (Greenwood), z. Returns nulls where R gives NA. */
export function survfitInterval(s: number, seLog: number, z: number, type: SurvivalIntervalType): [number | null, number | null] {
  if (type === "plain") {
    if (!Number.isFinite(seLog)) return [null, null];
    const se2 = seLog * s * z;
    return [Math.max(s - se2, 0), Math.min(s + se2, 1)];
  }
  if (s === 0 || !Number.isFinite(seLog)) return [null, null];
  if (type === "log") {
    const se2 = z * seLog;
    return [Math.exp(Math.log(s) - se2), Math.min(Math.exp(Math.log(s) + se2), 1)];
  }
  if (s === 1) return [1, 1]; // survfit gives NA here; the interval collapses as se → 0.
  const se2 = (z * seLog) / Math.log(s);
  const ll = Math.log(-Math.log(s));
  return [Math.exp(-Math.exp(ll - se2)), Math.exp(-Math.exp(ll + se2))];
}
