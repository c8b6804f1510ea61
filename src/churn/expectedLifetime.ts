import { metricsError } from "../core/errors.js";
import { assertProbability } from "../core/guards.js";

/**
 * Expected customer lifetime, in periods, implied by a constant per-period churn rate: `1 / churn`.
 *
 * With the same churn probability `c` every period, a customer's lifetime is geometric and its
 * mean is `1/c` periods (a 5% monthly churn means 20 months on average).
 *
 * @see Fader & Hardie (2007), "How to Project Customer Retention", J. Interactive Marketing 21(1): a constant churn c gives a geometric lifetime with mean 1/c.
 *
 * @remarks
 * Real cohorts rarely churn at a constant rate: churn falls with tenure because the customers
 * most likely to leave leave first. `1/c` from the first periods' churn therefore understates
 * lifetimes; prefer {@link kaplanMeier} (restricted mean) or {@link sbgExpectedLifetime} when you
 * have cohort data. Convert the rate's period first with `convertRate` (core) if needed.
 *
 * @param churn - The churn rate per period as a fraction in (0, 1], or a {@link ChurnRateResult}.
 * @returns The expected lifetime in periods (≥ 1).
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `out_of_range` for a rate outside [0, 1];
 * `undefined_result` for a churn of 0 (the lifetime is infinite).
 *
 * @example
 * ```ts
 * import { expectedLifetime, churnRate } from "customer-metrics/churn";
 * expectedLifetime(0.05); // => 20
 * expectedLifetime(churnRate({ customersAtStart: 400, customersLost: 10 })); // => 40
 * expectedLifetime(0); // throws undefined_result
 * ```
 *
 * @category Churn
 */
export function expectedLifetime(churn: number | { readonly rate: number }): number {
  const fn = "expectedLifetime";
  const isObj = churn !== null && typeof churn === "object";
  const c = assertProbability(isObj ? (churn as { rate: unknown }).rate : churn, fn, isObj ? ["rate"] : []);
  if (c === 0)
    throw metricsError(
      fn,
      "undefined_result",
      isObj ? ["rate"] : [],
      "a churn rate above 0 (with no churn the expected lifetime is infinite)",
      c,
    );
  return 1 / c;
}
