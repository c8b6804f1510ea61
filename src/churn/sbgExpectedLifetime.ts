import { metricsError } from "../core/errors.js";
import { assertIntegerInRange, assertKnownOptions } from "../core/guards.js";
import { readOptions } from "./_internal/checks.js";
import { readSbgParams } from "./_internal/sbg.js";
import type { SbgParams, ShiftedBetaGeometricModel } from "./fitShiftedBetaGeometric.js";

/**
 * Options for {@link sbgExpectedLifetime}.
 *
 * @category Churn
 */
export interface SbgExpectedLifetimeOptions {
  /** Count only the first `horizon` periods: Σ_{t=0}^{horizon−1} S(t). @defaultValue none (the whole lifetime) */
  readonly horizon?: number;
}

/**
 * Expected number of periods a newly acquired customer stays (counting the acquisition period),
 * under the sBG model: E[T] = Σ_{t≥0} S(t) = (α + β − 1)/(α − 1) when α > 1.
 *
 * @see Fader & Hardie (2007), "How to Project Customer Retention" (mean of the sBG: E[1/θ] for θ ~ Beta(α, β)).
 *
 * @remarks
 * When α ≤ 1 the mean lifetime is infinite: enough customers have θ near 0 that the average never
 * settles (both segments in Fader & Hardie's paper have α < 1). Then pass a `horizon` (the expected
 * number of periods within it) or use {@link sbgDiscountedResidualLifetime}, which discounts the
 * far future and is always finite.
 *
 * @param model - A fitted model or `{ alpha, beta }`.
 * @param options - `{ horizon? }` (an integer ≥ 1).
 * @returns Expected periods active (≥ 1).
 * @throws {@link MetricsError} `undefined_result` when α ≤ 1 and no horizon is given; `invalid_model` for parameters ≤ 0; `out_of_range` / `not_integer` for a bad horizon.
 *
 * @example
 * ```ts
 * import { sbgExpectedLifetime } from "customer-metrics/churn";
 * sbgExpectedLifetime({ alpha: 3, beta: 9 }); // => 5.5
 * sbgExpectedLifetime({ alpha: 0.668, beta: 3.806 }, { horizon: 10 }); // => 6.3467
 * sbgExpectedLifetime({ alpha: 0.668, beta: 3.806 }); // throws undefined_result
 * ```
 *
 * @category Churn
 */
export function sbgExpectedLifetime(model: ShiftedBetaGeometricModel | SbgParams, options?: SbgExpectedLifetimeOptions): number {
  assertKnownOptions(options, ["horizon"], "sbgExpectedLifetime");
  const fn = "sbgExpectedLifetime";
  const { alpha, beta } = readSbgParams(model, fn);
  const opts = readOptions(options, fn);
  if (opts.horizon === undefined) {
    if (!(alpha > 1)) {
      throw metricsError(
        fn,
        "undefined_result",
        ["model", "alpha"],
        "above 1 for a finite mean lifetime (pass a horizon, or use sbgDiscountedResidualLifetime)",
        alpha,
      );
    }
    return (alpha + beta - 1) / (alpha - 1);
  }
  const h = assertIntegerInRange(opts.horizon, 1, 1e7, fn, ["options", "horizon"]);
  let s = 1;
  let total = 0;
  for (let t = 0; t < h; t++) {
    total += s;
    s *= (beta + t) / (alpha + beta + t);
  }
  return total;
}
