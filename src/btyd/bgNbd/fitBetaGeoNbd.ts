import { betaGeoLogLikelihood, prepareBetaGeo } from "../_internal/betaGeoKernel.js";
import { fittedModelFields, runFit, timeScale, FIT_OPTION_KEYS } from "../_internal/fitDriver.js";
import { collapseRows, readContinuousRows } from "../_internal/rows.js";
import type { BetaGeoNbdModel, BetaGeoParams, BtydFitOptions, BtydSummaryColumns, BtydSummaryRow } from "../modelTypes.js";
import { assertKnownOptions } from "../../core/guards.js";

/** Fitter shared by BG/NBD and MBG/NBD (the likelihoods differ by one flag). */
export function fitBetaGeoFamily(
  fn: string,
  modified: boolean,
  rows: readonly BtydSummaryRow[] | BtydSummaryColumns,
  options: BtydFitOptions<BetaGeoParams> | undefined,
): Omit<BetaGeoNbdModel, "model"> {
  const data = collapseRows(readContinuousRows(rows, fn));
  const scale = timeScale(data.T);
  const prep = prepareBetaGeo(data, scale);
  const lnScale = Math.log(scale);
  const out = runFit(
    {
      fn,
      names: ["r", "alpha", "a", "b"],
      timeRate: [false, true, false, false],
      scale,
      W: prep.W,
      logLik: (t, grad) =>
        betaGeoLogLikelihood(prep, t[0] as number, t[1] as number, t[2] as number, t[3] as number, modified, grad),
      analyticGradient: true,
      toDataUnits: (ll) => ll + prep.sumWx * lnScale,
      fallbackStarts: [
        [0.5, 2, 0.5, 2],
        [2, 5, 1, 5],
        [0.1, 0.5, 2, 0.5],
      ],
    },
    options,
  );
  return fittedModelFields<BetaGeoParams>(out, data);
}

/**
 * Fits the BG/NBD ("beta-geometric / negative binomial") buy-till-you-die model to customer summaries:
 * while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with
 * probability p ~ Beta(a, b). The fit feeds {@link expectedPurchases}, {@link conditionalExpectedPurchases}
 * and {@link probabilityAlive}.
 *
 * Log-likelihood per customer (Fader, Hardie & Lee 2005, §7):
 * ℓ = lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *     + ln[(α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x)].
 *
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005), "Counting Your Customers the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284 (CDNOW: r = 0.243, α = 4.414,
 * a = 0.793, b = 2.426, LL = −9582.4).
 * @see Hardie, B. G. S., "Implementing the BG/NBD Model for Customer Base Analysis in Excel" (note 004).
 *
 * @remarks
 * Method: identical (frequency, recency, T) rows are collapsed with weights, so the cost grows with
 * distinct rows, not customers; times are rescaled internally (× 10 / max T, as lifetimes) for
 * conditioning; the parameters are optimised on the log scale by BFGS with an analytic gradient (the
 * mixture term is a log-add-exp, so hundreds of purchases or T in days over years do not overflow); if
 * the first start does not converge, three more are tried and the best kept. Standard errors come from
 * the inverse Hessian of the negative log-likelihood (delta method from ln θ). `logLikelihood` is the
 * total in the data's time unit, without the penalty. A customer base of one-time buyers only (every
 * x = 0) makes a, b unidentified: the fit still returns, with diagnostics; prefer
 * {@link fitModifiedBetaGeoNbd} when many customers never come back (BG/NBD calls them certainly alive).
 *
 * @param rows - Summaries `{ frequency, recency, T, weight? }` (e.g. from {@link summarizeTransactions}) or
 * columns of typed arrays.
 * @param options - Penalizer, start, iteration limit, tolerance, optimizer, strictness (see {@link BtydFitOptions}).
 * @returns A {@link BetaGeoNbdModel}: `{ model: "bg-nbd", params, logLikelihood, standardErrors, n, diagnostics, ... }`.
 * @throws {@link MetricsError} `empty_sample` for no rows (or zero total weight); `invalid_type` / `not_finite`
 * for non-numeric or non-finite values; `not_integer` for fractional frequency; `out_of_range` for negative
 * values or recency > T; `invalid_input` for recency > 0 with frequency 0; `length_mismatch` for columns of
 * different lengths; `invalid_option` for an unknown option, `out_of_range` for an option number outside its domain; `not_converged` only with `strict: true`.
 *
 * @example
 * ```ts
 * import { fitBetaGeoNbd } from "customer-metrics/btyd";
 * const model = fitBetaGeoNbd([
 *   { frequency: 0, recency: 0, T: 38.86, weight: 1411 },
 *   { frequency: 1, recency: 20, T: 38, weight: 439 },
 *   { frequency: 2, recency: 30.43, T: 38.86, weight: 200 },
 *   { frequency: 5, recency: 35, T: 38, weight: 150 },
 *   { frequency: 10, recency: 37, T: 38, weight: 60 },
 * ]);
 * model.model; // => "bg-nbd"
 * model.diagnostics.converged; // => true
 * ```
 *
 * @category BTYD
 */
export function fitBetaGeoNbd(
  rows: readonly BtydSummaryRow[] | BtydSummaryColumns,
  options?: BtydFitOptions<BetaGeoParams>,
): BetaGeoNbdModel {
  assertKnownOptions(options, FIT_OPTION_KEYS, "fitBetaGeoNbd");
  return { model: "bg-nbd", ...fitBetaGeoFamily("fitBetaGeoNbd", false, rows, options) };
}
