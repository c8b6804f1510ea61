import { FIT_OPTION_KEYS } from "../_internal/fitDriver.js";
import { fitBetaGeoFamily } from "../bgNbd/fitBetaGeoNbd.js";
import type {
  BetaGeoParams,
  BtydFitOptions,
  BtydSummaryColumns,
  BtydSummaryRow,
  ModifiedBetaGeoNbdModel,
} from "../modelTypes.js";
import { assertKnownOptions } from "../../core/guards.js";

/**
 * Fits the MBG/NBD (modified BG/NBD) model: as BG/NBD, but a customer may also drop out right after the
 * first purchase, so one-time buyers are not assumed alive for sure. Choose it over
 * {@link fitBetaGeoNbd} when many customers never come back.
 *
 * Log-likelihood per customer (Batislam, Denizel & Filiztekin 2007):
 * ℓ = lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b)
 *     + ln[(α+T)^−(r+x) + a/(b+x) · (α+t_x)^−(r+x)].
 *
 * @see Batislam, E. P., Denizel, M. & Filiztekin, A. (2007), "Empirical validation and comparison of
 * models for customer base analysis", International Journal of Research in Marketing 24(3), 201–209.
 * @see lifetimes `ModifiedBetaGeoFitter` (the same likelihood).
 *
 * @remarks
 * Same method as {@link fitBetaGeoNbd}: collapsed rows, internal time rescaling, log-parameter BFGS with an
 * analytic gradient, multi-start, Hessian standard errors, diagnostics instead of exceptions.
 *
 * @param rows - Summaries `{ frequency, recency, T, weight? }` or columns of typed arrays.
 * @param options - See {@link BtydFitOptions}.
 * @returns A {@link ModifiedBetaGeoNbdModel} (`model: "mbg-nbd"`).
 * @throws {@link MetricsError} As {@link fitBetaGeoNbd}.
 *
 * @example
 * ```ts
 * import { fitModifiedBetaGeoNbd } from "customer-metrics/btyd";
 * const model = fitModifiedBetaGeoNbd([
 *   { frequency: 0, recency: 0, T: 38.86, weight: 1411 },
 *   { frequency: 1, recency: 20, T: 38, weight: 439 },
 *   { frequency: 2, recency: 30.43, T: 38.86, weight: 200 },
 *   { frequency: 5, recency: 35, T: 38, weight: 150 },
 *   { frequency: 10, recency: 37, T: 38, weight: 60 },
 * ]);
 * model.model; // => "mbg-nbd"
 * model.diagnostics.converged; // => true
 * ```
 *
 * @category BTYD
 */
export function fitModifiedBetaGeoNbd(
  rows: readonly BtydSummaryRow[] | BtydSummaryColumns,
  options?: BtydFitOptions<BetaGeoParams>,
): ModifiedBetaGeoNbdModel {
  assertKnownOptions(options, FIT_OPTION_KEYS, "fitModifiedBetaGeoNbd");
  return { model: "mbg-nbd", ...fitBetaGeoFamily("fitModifiedBetaGeoNbd", true, rows, options) };
}
