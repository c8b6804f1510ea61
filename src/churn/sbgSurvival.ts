import { metricsError } from "../core/errors.js";
import { assertNonNegative } from "../core/guards.js";
import { logBeta } from "../math/index.js";
import { readSbgParams } from "./_internal/sbg.js";
import type { SbgParams, ShiftedBetaGeometricModel } from "./fitShiftedBetaGeometric.js";

/**
 * Share of a cohort still active after `t` renewal opportunities under the sBG model:
 * S(t) = B(α, β + t) / B(α, β).
 *
 * @see Fader & Hardie (2007), "How to Project Customer Retention", eq. (3).
 *
 * @remarks
 * `t = 0` is the acquisition period (S = 1); `t` need not be an integer (the formula interpolates
 * smoothly). Computed as exp(log B(α, β+t) − log B(α, β)), stable for long horizons.
 *
 * @param model - A fitted model or `{ alpha, beta }`.
 * @param t - Periods after acquisition (≥ 0).
 * @returns S(t) in (0, 1].
 * @throws {@link MetricsError} `invalid_model` for parameters ≤ 0; `invalid_type` / `not_finite` / `out_of_range` for a bad `t`.
 *
 * @example
 * ```ts
 * import { sbgSurvival } from "customer-metrics/churn";
 * sbgSurvival({ alpha: 0.668, beta: 3.806 }, 1); // => 0.8507
 * sbgSurvival({ alpha: 0.668, beta: 3.806 }, 12); // => 0.3780
 * ```
 *
 * @category Churn
 */
export function sbgSurvival(model: ShiftedBetaGeometricModel | SbgParams, t: number): number {
  const fn = "sbgSurvival";
  const { alpha, beta } = readSbgParams(model, fn);
  const tt = assertNonNegative(t, fn, ["t"]);
  if (tt === 0) return 1;
  const s = Math.exp(logBeta(alpha, beta + tt) - logBeta(alpha, beta));
  if (!Number.isFinite(s)) throw metricsError(fn, "undefined_result", ["t"], "a time with a finite survival", t);
  return Math.min(1, s);
}
