import { metricsError } from "../core/errors.js";
import { readSbgData, readSbgParams, sbgLogLik } from "./_internal/sbg.js";
import type { SbgData, SbgParams, ShiftedBetaGeometricModel } from "./fitShiftedBetaGeometric.js";

/**
 * The sBG log-likelihood of data at given parameters — to compare fits, run likelihood-ratio
 * tests, or check an implementation against published values.
 *
 * LL = Σ_t (n_{t−1} − n_t) log P(T = t) + n_last log S(last), with P(T = t) = B(α+1, β+t−1)/B(α, β)
 * and S(t) = B(α, β+t)/B(α, β).
 *
 * @see Fader & Hardie (2007), "How to Project Customer Retention", eq. (5)–(7).
 *
 * @remarks
 * Computed with the paper's recursions in logs, so it is accurate for long histories.
 *
 * @param params - `{ alpha, beta }` or a fitted model.
 * @param data - Active customers by period or {@link SbgRow}s (as for {@link fitShiftedBetaGeometric}).
 * @returns The log-likelihood (≤ 0 for integer counts).
 * @throws {@link MetricsError} `invalid_model` for parameters ≤ 0; the data codes of {@link fitShiftedBetaGeometric}.
 *
 * @example
 * ```ts
 * import { sbgLogLikelihood } from "customer-metrics/churn";
 * sbgLogLikelihood({ alpha: 0.704, beta: 1.182 }, [1000, 631, 468, 382, 326, 289, 262, 241]); // => -1680.265
 * ```
 *
 * @category Churn
 */
export function sbgLogLikelihood(params: SbgParams | ShiftedBetaGeometricModel, data: SbgData): number {
  const fn = "sbgLogLikelihood";
  const { alpha, beta } = readSbgParams(params, fn);
  const ll = sbgLogLik(alpha, beta, readSbgData(data, fn, ["data"]));
  if (!Number.isFinite(ll)) throw metricsError(fn, "undefined_result", [], "parameters giving a finite log-likelihood", ll);
  return ll;
}
