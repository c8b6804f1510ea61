import type { Decimal } from "decimal.js";
import type { Period } from "../core/time.js";
import { readProjectionAssumptions } from "./_internal/normalize.js";
import { buildTenureResult } from "./_internal/results.js";
import type { ProjectionAssumptions } from "./schemas.js";
import type { ProfitComponentAmounts, ProjectionPlotPoint } from "./types.js";

/**
 * One tenure of a customer's expected profit.
 *
 * @category Projections
 */
export interface TenureProfitRow {
  /** Whole periods already served: 0 in the period the customer is acquired. */
  readonly tenure: number;
  /** Probability the customer is still active at the start of this tenure period (1 at tenure 0). */
  readonly survival: number;
  /** Retention applied during this tenure period. */
  readonly retentionRate: number;
  /** Profit per active customer at this tenure (sum of the components). */
  readonly profitPerCustomer: Decimal;
  /** `profitPerCustomer` by named component (the stacked bars of the classic chart). */
  readonly components: ProfitComponentAmounts;
  /** Expected profit per acquired customer: `profitPerCustomer × survival` (timing "start") or `× survival × retentionRate` (timing "end"). */
  readonly expectedProfit: Decimal;
  /** `expectedProfit` discounted to the acquisition date. */
  readonly discountedProfit: Decimal;
  /** Running sum of `expectedProfit`. */
  readonly cumulativeProfit: Decimal;
  /** Running sum of `discountedProfit`. */
  readonly cumulativeDiscountedProfit: Decimal;
}

/**
 * Totals for one customer over the horizon.
 *
 * @category Projections
 */
export interface TenureProfitTotals {
  /** Σ expected profit, undiscounted. */
  readonly lifetimeProfit: Decimal;
  /** Σ discounted expected profit: the customer's value (CLV) over the horizon, before acquisition cost. */
  readonly lifetimeValue: Decimal;
  /** The acquisition cost paid at the start. */
  readonly acquisitionCost: Decimal;
  /** `lifetimeValue − acquisitionCost`. */
  readonly customerNpv: Decimal;
  /** Expected number of periods the customer is active within the horizon: Σ survival. */
  readonly expectedActivePeriods: number;
}

/**
 * Result of {@link customerProfitByTenure}.
 *
 * @category Projections
 */
export interface TenureProfitResult {
  /** One row per tenure 0..periods−1. */
  readonly tenures: readonly TenureProfitRow[];
  /** Totals for one acquired customer. */
  readonly totals: TenureProfitTotals;
  /** What one period is. */
  readonly periodUnit: Period;
  /** Profit timing used. */
  readonly timing: "end" | "start";
  /**
   * Plot-ready series. x = year (period) of the relationship, 1..periods, for
   * the profit per active customer by component (`"base"`, `"spendGrowth"`,
   * `"costSavings"`, `"referrals"`, `"pricePremium"`; only components that are
   * not all zero) plus `"acquisition cost"` as a negative bar at x = 0 — the
   * classic "profit per customer by year" chart; and `"expected profit"`
   * (money per acquired customer) and `"survival"` (fraction) by the same x.
   */
  readonly series: readonly ProjectionPlotPoint[];
}

/**
 * A customer's profit by tenure and its expected value: the data behind the
 * classic "profit one customer generates over time" chart (acquisition cost
 * in year 0, then base profit plus profit from increased purchases, lower
 * costs, referrals and price premium).
 *
 * Follows one customer acquired at the start of period 1 for `periods`
 * periods. Survival to tenure k is S(k) = Π_{j<k} r(j). With timing "start",
 * expected profit at tenure k is π(k)·S(k), discounted by (1 + d)^−k; with
 * "end", π(k)·S(k + 1), discounted by (1 + d)^−(k+1). The customer NPV is the
 * sum minus the acquisition cost. Starting customers and new-customer
 * assumptions are ignored; per-period retention is read as the calendar of
 * this cohort (tenure k falls in period k + 1).
 *
 * @see Reichheld, F. F. & Sasser, W. E. (1990), "Zero Defections: Quality Comes to Services", Harvard Business Review 68(5), 105–111.
 * @see Gupta, S. & Lehmann, D. R. (2003), "Customers as assets", Journal of Interactive Marketing 17(1).
 *
 * @remarks
 * Hand check: constant profit m, constant retention r, d = 0, timing
 * "start": lifetimeValue = m(1 − r^H)/(1 − r) → m/(1 − r). With timing "end"
 * and d > 0 it equals `clvFromRetention({ margin: m, retentionRate: r,
 * discountRate: d, horizon: H }).value`. Curves must cover `periods` tenures
 * (or set `curveExtension: "last-value"`).
 *
 * @param assumptions - The same {@link ProjectionAssumptions} as {@link projectRetentionProfit}.
 * @returns Rows per tenure, totals for one customer, plot-ready series.
 * @throws {@link MetricsError} as {@link projectRetentionProfit}, with curves checked against `periods` tenures.
 *
 * @example
 * ```ts
 * import { customerProfitByTenure } from "customer-metrics/projections";
 * // $100 a year, 80% retention, received at the start of each year, no discounting: m / (1 − r)
 * const c = customerProfitByTenure({ periods: 200, retentionRate: 0.8, profitPerCustomer: { base: "100" }, timing: "start" });
 * c.totals.lifetimeValue.toFixed(2); // => "500.00"
 * c.tenures[2].survival; // => 0.64
 * ```
 *
 * @example
 * ```ts
 * import { customerProfitByTenure } from "customer-metrics/projections";
 * const c = customerProfitByTenure({
 *   periods: 3,
 *   retentionRate: 0.9,
 *   acquisitionCost: "50",
 *   profitPerCustomer: { base: "30", spendGrowth: { increment: "10" } },
 * });
 * c.tenures.map((t) => t.profitPerCustomer.toString()); // => ["30", "40", "50"]
 * c.totals.customerNpv.toString(); // => "45.85"
 * ```
 *
 * @category Projections
 */
export function customerProfitByTenure(assumptions: ProjectionAssumptions): TenureProfitResult {
  return buildTenureResult(readProjectionAssumptions(assumptions, "customerProfitByTenure", "tenure"));
}
