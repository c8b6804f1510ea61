import { assertFinite } from "../core/guards.js";
import { metricsError } from "../core/errors.js";

const FN = "informationCriteria";

/** Akaike and Bayesian information criteria of a fitted model. */
export interface InformationCriteria {
  /** AIC = 2k − 2·ln L. Lower is better. */
  readonly aic: number;
  /** BIC = k·ln n − 2·ln L. Lower is better; penalises parameters more than AIC once n > 7. */
  readonly bic: number;
}

/**
 * Akaike (AIC) and Bayesian (BIC) information criteria from a maximised
 * log-likelihood,
 *
 *   AIC = 2k − 2·ln L,   BIC = k·ln n − 2·ln L,
 *
 * with k free parameters and n independent observations (for the
 * buy-till-you-die models: customers, counting a collapsed row by its count).
 *
 * @remarks
 * Only differences matter, and only between models fitted to the same data:
 * a difference in AIC of 2 or less is weak evidence, 10 or more is strong.
 *
 * @see Akaike, H. (1974). A new look at the statistical model identification.
 * IEEE Transactions on Automatic Control, 19(6), 716–723.
 * @see Schwarz, G. (1978). Estimating the dimension of a model. The Annals of
 * Statistics, 6(2), 461–464.
 *
 * @param logLikelihood - The maximised log-likelihood ln L (finite).
 * @param parameters - Number of free parameters k, a whole number ≥ 0.
 * @param observations - Number of observations n, a whole number ≥ 1.
 * @returns `{ aic, bic }`.
 * @throws {@link MetricsError} `invalid_type` for a non-number; `not_finite` for NaN or ±Infinity;
 * `out_of_range` for a negative or fractional k, or n < 1 or fractional.
 *
 * @example
 * ```ts
 * import { informationCriteria } from "customer-metrics/math";
 * informationCriteria(-9582.4255605673934, 4, 2357); // => { aic: 19172.851121134787, bic: 19195.911700746532 }
 * informationCriteria(-10, 4, 0); // throws out_of_range
 * ```
 *
 * @category Math
 */
export function informationCriteria(logLikelihood: number, parameters: number, observations: number): InformationCriteria {
  const ll = assertFinite(logLikelihood, FN, ["logLikelihood"]);
  const k = assertFinite(parameters, FN, ["parameters"]);
  if (k < 0 || !Number.isInteger(k)) throw metricsError(FN, "out_of_range", ["parameters"], "a whole number ≥ 0", parameters);
  const n = assertFinite(observations, FN, ["observations"]);
  if (n < 1 || !Number.isInteger(n)) throw metricsError(FN, "out_of_range", ["observations"], "a whole number ≥ 1", observations);
  return { aic: 2 * k - 2 * ll, bic: k * Math.log(n) - 2 * ll };
}
