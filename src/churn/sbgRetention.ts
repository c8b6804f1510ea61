import { assertInRange } from "../core/guards.js";
import { readSbgParams } from "./_internal/sbg.js";
import type { SbgParams, ShiftedBetaGeometricModel } from "./fitShiftedBetaGeometric.js";

/**
 * The sBG retention rate at renewal `t`: the share of customers active in period t − 1 who renew,
 * r(t) = S(t)/S(t−1) = (β + t − 1)/(α + β + t − 1). It rises with t: the customers most likely to
 * churn leave first (heterogeneity), not because anyone becomes more loyal.
 *
 * @see Fader & Hardie (2007), "How to Project Customer Retention", eq. (4).
 *
 * @param model - A fitted model or `{ alpha, beta }`.
 * @param t - The renewal (≥ 1; 1 = first renewal after the acquisition period).
 * @returns r(t) in (0, 1).
 * @throws {@link MetricsError} `invalid_model` for parameters ≤ 0; `out_of_range` (and the number codes) for `t < 1`.
 *
 * @example
 * ```ts
 * import { sbgRetention } from "customer-metrics/churn";
 * const m = { alpha: 0.668, beta: 3.806 };
 * sbgRetention(m, 1); // => 0.8507
 * sbgRetention(m, 10); // => 0.9504
 * ```
 *
 * @category Churn
 */
export function sbgRetention(model: ShiftedBetaGeometricModel | SbgParams, t: number): number {
  const fn = "sbgRetention";
  const { alpha, beta } = readSbgParams(model, fn);
  const tt = assertInRange(t, 1, Number.MAX_VALUE, fn, ["t"]);
  return (beta + tt - 1) / (alpha + beta + tt - 1);
}
