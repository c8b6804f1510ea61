import { computeChurnRate, type ChurnRateInput, type ChurnRateMethod } from "./churnRate.js";

/**
 * A retention rate and the churn rate it complements.
 *
 * @category Churn
 */
export interface RetentionRateResult {
  /** The retention rate as a fraction in [0, 1]: exactly `1 − churnRate`. */
  readonly rate: number;
  /** The churn rate it complements (same method). */
  readonly churnRate: number;
  /** The definition used. */
  readonly method: ChurnRateMethod;
  /** Customers counted as lost (the churn numerator). */
  readonly customersLost: number;
  /** The churn denominator; absent for `"daily-sum"`. */
  readonly denominator?: number;
  /** Number of days summed (only for `"daily-sum"`). */
  readonly days?: number;
}

/**
 * The share of customers kept over a period: `1 − churn` under the same named definition as
 * {@link churnRate}.
 *
 * @remarks
 * Every method of {@link churnRate} is available, and `rate + churnRate === 1` holds for each of
 * them (so the two can never disagree). For `"start"` this is the classic
 * (customers at start still active at end) / (customers at start).
 *
 * @param input - Period counts or daily counts, exactly as for {@link churnRate}.
 * @returns `{ rate, churnRate, method, customersLost, denominator?, days? }`.
 * @throws {@link MetricsError} the same codes as {@link churnRate}.
 *
 * @example
 * ```ts
 * import { retentionRate } from "customer-metrics/churn";
 * retentionRate({ customersAtStart: 200, customersLost: 10 }).rate; // => 0.95
 * retentionRate({ customersAtStart: 200, customersLost: 10, customersAtEnd: 240, method: "average" }).rate; // => 0.9545454545
 * retentionRate({ customersAtStart: 0, customersLost: 0 }); // throws empty_sample
 * ```
 *
 * @category Churn
 */
export function retentionRate(input: ChurnRateInput): RetentionRateResult {
  const churn = computeChurnRate(input, "retentionRate");
  return { ...churn, rate: 1 - churn.rate, churnRate: churn.rate };
}
