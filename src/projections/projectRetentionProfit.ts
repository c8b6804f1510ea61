import type { Decimal } from "decimal.js";
import type { Period } from "../core/time.js";
import { readProjectionAssumptions } from "./_internal/normalize.js";
import { buildProjectionResult } from "./_internal/results.js";
import type { ProjectionAssumptions } from "./schemas.js";
import type { ProfitComponentAmounts, ProjectionPlotPoint } from "./types.js";

/**
 * One period of a retention-to-profit projection. Counts are expected numbers
 * of customers (float64, fractions allowed); money is exact `Decimal`.
 *
 * @category Projections
 */
export interface ProjectionPeriodRow {
  /** Period number, 1..periods. */
  readonly period: number;
  /** Customers at the start of the period (retained from the previous one, or the starting customers). */
  readonly customersAtStart: number;
  /** New customers acquired at the start of the period. */
  readonly acquired: number;
  /** `customersAtStart + acquired`: customers exposed to churn in the period. */
  readonly active: number;
  /** Customers still there at the end of the period (`Σ active by tenure × retention`). */
  readonly retained: number;
  /** Customers lost during the period (`active − retained`). */
  readonly lost: number;
  /** Revenue: from `revenuePerCustomer` when given, else equal to `customerProfit` (see the result's `revenueBasis`). */
  readonly revenue: Decimal;
  /** `revenue − profit`: cost to serve (when revenue is modelled) plus acquisition costs. */
  readonly costs: Decimal;
  /** Profit earned from customers in the period (sum of the components), before acquisition costs. */
  readonly customerProfit: Decimal;
  /** `customerProfit` split by named component. */
  readonly components: ProfitComponentAmounts;
  /** `acquired × acquisitionCost` (referred customers at their own cost, if given). */
  readonly acquisitionCosts: Decimal;
  /** `customerProfit − acquisitionCosts`. */
  readonly profit: Decimal;
  /** Running sum of `profit`. */
  readonly cumulativeProfit: Decimal;
  /** Present value of the period's profit (customer profit discounted to its timing, acquisition costs from the period's start). */
  readonly discountedProfit: Decimal;
  /** Running sum of `discountedProfit`. */
  readonly cumulativeDiscountedProfit: Decimal;
}

/**
 * Totals of a projection. Money totals are exact sums of the rows.
 *
 * @category Projections
 */
export interface ProjectionTotals {
  /** Σ revenue. */
  readonly revenue: Decimal;
  /** Σ costs. */
  readonly costs: Decimal;
  /** Σ customer profit before acquisition costs. */
  readonly customerProfit: Decimal;
  /** Σ acquisition costs. */
  readonly acquisitionCosts: Decimal;
  /** Σ profit (undiscounted). */
  readonly profit: Decimal;
  /** Net present value: Σ discounted profit. */
  readonly npv: Decimal;
  /**
   * NPV of one customer acquired at the start of period 1, followed for the
   * whole horizon, net of the acquisition cost (the quantity behind Reichheld &
   * Sasser's "customer value"; see {@link customerProfitByTenure}).
   */
  readonly customerNpv: Decimal;
  /** Σ customers acquired. */
  readonly acquired: number;
  /** Σ customers lost. */
  readonly lost: number;
  /** Customers retained at the end of the last period. */
  readonly endingCustomers: number;
}

/**
 * Result of {@link projectRetentionProfit}.
 *
 * @category Projections
 */
export interface ProjectionResult {
  /** One row per period. */
  readonly periods: readonly ProjectionPeriodRow[];
  /** Totals over the horizon. */
  readonly totals: ProjectionTotals;
  /** What one period is. */
  readonly periodUnit: Period;
  /** When customer profit is received (`"end"` or `"start"` of each period). */
  readonly timing: "end" | "start";
  /** `"revenue"` when `revenuePerCustomer` was given; `"contribution"` when revenue is the customers' profit contribution. */
  readonly revenueBasis: "revenue" | "contribution";
  /** Always `"tenure-cohort"`: customers are tracked by tenure, each with its own profit and retention. */
  readonly method: "tenure-cohort";
  /**
   * Plot-ready series, x = period: `"customers at start"`, `"acquired"`,
   * `"lost"` (customers); `"profit"`, `"cumulative profit"`,
   * `"discounted profit"` (money).
   */
  readonly series: readonly ProjectionPlotPoint[];
}

/**
 * Projects customers, profit and NPV period by period from explicit
 * assumptions about retention and how a customer's profit grows with tenure:
 * the model behind "five points more retention lift profits by 25% to 95%"
 * (Reichheld & Sasser, "Zero Defections", HBR 1990), run on your own numbers.
 *
 * Customers are tracked by tenure k (whole periods already served). In period
 * t, `acquired` new customers join at tenure 0, each tenure group keeps a
 * share `r(t, k)` of its customers, and each earning customer brings the
 * profit of its tenure, π(k) = base + spendGrowth + costSavings + referrals +
 * pricePremium. With `timing: "end"` (default) profit arrives at the end of
 * the period from the customers retained through it, discounted by
 * (1 + d)^−t; with `"start"` it arrives at the start from every active
 * customer, discounted by (1 + d)^−(t−1). Acquisition costs are paid at the
 * start of the period. NPV = Σ discounted profit.
 *
 * @see Reichheld, F. F. & Sasser, W. E. (1990), "Zero Defections: Quality Comes to Services", Harvard Business Review 68(5), 105–111.
 * @see Gupta, S. & Lehmann, D. R. (2003), "Customers as assets", Journal of Interactive Marketing 17(1).
 *
 * @remarks
 * Counts are float64 expected values; money is exact Decimal. Sums over
 * tenures are taken in float64 per distinct profit amount and converted to
 * Decimal once (the documented crossing point), so totals equal the sum of
 * the rows exactly. For one customer, constant profit m, constant retention r
 * and no discounting, the undiscounted customer value tends to m/(1 − r)
 * (`timing: "start"`) or m·r/(1 − r) (`"end"`); with discount rate d these are
 * Gupta–Lehmann's m(1 + d)/(1 + d − r) and m·r/(1 + d − r) (`clvFromRetention`).
 *
 * Curves (profit curves, per-tenure or per-period retention, per-period new
 * customers) shorter than the tenures or periods the projection reaches are
 * rejected with `length_mismatch` unless `curveExtension: "last-value"`. With
 * a tenure mix, starting customers reach tenure `byTenure.length − 1 + periods − 1`,
 * so tenure curves must cover that many tenures.
 *
 * More retention is not always more NPV: with referral-driven acquisition
 * and a positive acquisition cost, more retained customers refer more new
 * customers whose acquisition cost may not be recovered before the horizon.
 *
 * @param assumptions - See {@link ProjectionAssumptions}; validate untrusted input with {@link parseProjectionAssumptions}.
 * @returns The period table, totals (profit, NPV, customer NPV) and plot-ready series.
 * @throws {@link MetricsError} `undefined_result` when customer counts overflow float64 (e.g. compounding referral-driven acquisition); `out_of_range` for a retention outside [0, 1], negative counts or costs, a discount rate < 0, periods outside 1..2000; `not_integer` for fractional periods; `length_mismatch` for curves shorter than the horizon; `unit_mismatch` when `unit` tags disagree with each other or with `periodUnit`; `empty_sample` for empty curves; `invalid_type`/`not_finite`/`invalid_input`/`invalid_option` for malformed values.
 *
 * @example
 * ```ts
 * import { projectRetentionProfit } from "customer-metrics/projections";
 * // 1,000 customers, 80% retention, $100 profit each at the end of each year, no discounting
 * const p = projectRetentionProfit({ periods: 3, startingCustomers: 1000, retentionRate: 0.8, profitPerCustomer: { base: "100" } });
 * p.periods.map((r) => r.retained); // => [800, 640, 512]
 * p.totals.profit.toString(); // => "195200"
 * ```
 *
 * @example
 * ```ts
 * import { projectRetentionProfit } from "customer-metrics/projections";
 * // 100 new customers a year, profit growing with tenure, 10% discount rate
 * const p = projectRetentionProfit({
 *   periods: 10,
 *   newCustomersPerPeriod: 100,
 *   retentionRate: 0.85,
 *   acquisitionCost: "100",
 *   profitPerCustomer: { base: "40", spendGrowth: { increment: "10" }, costSavings: { curve: ["0", "5", "8", "10"] } },
 *   discountRate: 0.1,
 *   curveExtension: "last-value", // cost savings stay at 10 after tenure 3
 * });
 * p.totals.npv.toFixed(2); // => "42532.26"
 * p.totals.customerNpv.toFixed(2); // => "126.48"
 * projectRetentionProfit({ periods: 5, retentionRate: 0.85, profitPerCustomer: { base: { curve: ["40", "50"] } } }); // throws length_mismatch
 * ```
 *
 * @category Projections
 */
export function projectRetentionProfit(assumptions: ProjectionAssumptions): ProjectionResult {
  return buildProjectionResult(readProjectionAssumptions(assumptions, "projectRetentionProfit", "projection"));
}
