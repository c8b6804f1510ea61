import { metricsError } from "../core/errors.js";
import { assertIntegerInRange, assertPositive, assertKnownOptions } from "../core/guards.js";
import { hyp2f1 } from "../math/index.js";
import { readObject } from "./_internal/checks.js";
import { readSbgParams } from "./_internal/sbg.js";
import type { SbgParams, ShiftedBetaGeometricModel } from "./fitShiftedBetaGeometric.js";

/**
 * Options for {@link sbgDiscountedResidualLifetime}.
 *
 * @category Churn
 */
export interface SbgDerlOptions {
  /** Periods the customer has been active (n ≥ 1, i.e. n − 1 renewals made). @defaultValue `1` */
  readonly periodsAlive?: number;
  /** Discount rate per period (> 0), e.g. 0.1 for 10% a year on annual contracts. */
  readonly discountRate: number;
}

/**
 * Discounted expected residual lifetime (DERL) of an active customer under the sBG model: the
 * expected number of FUTURE renewals (payments), each discounted — multiply by the margin per
 * period to get the customer's residual lifetime value.
 *
 * DERL(d | α, β, n) = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d)) for a
 * customer active for n periods (n − 1 renewals); the next renewal counts in full and each later
 * one is discounted by 1/(1 + d) per period.
 *
 * @see Fader, P. S. & Hardie, B. G. S. (2010), "Customer-Base Valuation in a Contractual Setting:
 * The Perils of Ignoring Heterogeneity", Marketing Science 29(1), 85–93.
 *
 * @remarks
 * Equivalent to Σ_{k≥1} E[(1 − θ)^k | survived n − 1 renewals] / (1 + d)^{k−1}, with the posterior
 * θ ~ Beta(α, β + n − 1): long-tenured customers are worth more because survivors are the loyal
 * ones. The Gauss hypergeometric function comes from math's `hyp2f1`; the series converges for
 * every d > 0.
 *
 * @param model - A fitted model or `{ alpha, beta }`.
 * @param options - `{ periodsAlive = 1, discountRate }`.
 * @returns DERL in (discounted) periods, ≥ 0.
 * @throws {@link MetricsError} `invalid_model` for parameters ≤ 0; `out_of_range` / `not_integer` for
 * periodsAlive < 1; `out_of_range` for a discount rate ≤ 0; `undefined_result` if ₂F₁ cannot be
 * evaluated accurately.
 *
 * @example
 * ```ts
 * import { sbgDiscountedResidualLifetime } from "customer-metrics/churn";
 * const m = { alpha: 0.668, beta: 3.806 };
 * sbgDiscountedResidualLifetime(m, { periodsAlive: 1, discountRate: 0.1 }); // => 5.4149
 * sbgDiscountedResidualLifetime(m, { periodsAlive: 5, discountRate: 0.1 }); // => 6.8971
 * ```
 *
 * @category Churn
 */
export function sbgDiscountedResidualLifetime(model: ShiftedBetaGeometricModel | SbgParams, options: SbgDerlOptions): number {
  assertKnownOptions(options, ["discountRate", "periodsAlive"], "sbgDiscountedResidualLifetime");
  const fn = "sbgDiscountedResidualLifetime";
  const { alpha, beta } = readSbgParams(model, fn);
  const opts = readObject(options, fn, ["options"], "an options object { periodsAlive?, discountRate }");
  const n = assertIntegerInRange(opts["periodsAlive"] ?? 1, 1, 1e7, fn, ["options", "periodsAlive"]);
  const d = assertPositive(opts["discountRate"], fn, ["options", "discountRate"]);
  const r = (beta + n - 1) / (alpha + beta + n - 1);
  const f = hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + d));
  const derl = r * f;
  if (!Number.isFinite(derl) || derl < 0) {
    throw metricsError(
      fn,
      "undefined_result",
      ["options", "discountRate"],
      "parameters for which 2F1 can be evaluated accurately",
      d,
    );
  }
  return derl;
}
