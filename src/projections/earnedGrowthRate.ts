import { _MoneyDecimal } from "../core/money.js";
import { readEarnedGrowthInput } from "./_internal/earnedGrowthInput.js";
import type { EarnedGrowthRateInput } from "./schemas.js";
import type { ProjectionPlotPoint } from "./types.js";

/**
 * Result of {@link earnedGrowthRate}. All values are fractions of last
 * period's revenue (0.1 = 10%).
 *
 * @category Projections
 */
export interface EarnedGrowthRateResult {
  /** NRR + earned new revenue share − 1. May be negative while total growth is positive. */
  readonly earnedGrowthRate: number;
  /** Net revenue retention (revenue this period from last period's customers ÷ last period's revenue). */
  readonly netRevenueRetention: number;
  /** Revenue from new customers won through referrals and recommendations ÷ last period's revenue. */
  readonly earnedNewRevenueShare: number;
  /** Revenue from new customers bought with marketing and sales spend ÷ last period's revenue, or `null` when not given. */
  readonly boughtNewRevenueShare: number | null;
  /** NRR + earned + bought − 1 (reported revenue growth), or `null` when bought new revenue is not given. */
  readonly totalGrowthRate: number | null;
  /** `"rates"` when given as rates, `"revenue"` when computed from revenue amounts. */
  readonly method: "rates" | "revenue";
  /** Plot-ready bars, series `"earned growth"`: x = `"net revenue retention"`, `"earned new customers"`, `"bought new customers"` (when given), `"earned growth rate"`, `"total growth rate"` (when given). */
  readonly series: readonly ProjectionPlotPoint[];
}

/**
 * Bain's Earned Growth Rate: how much of a company's growth its customers
 * earned — revenue kept and expanded from existing customers plus revenue
 * from new customers they referred — as opposed to growth bought with
 * acquisition spend.
 *
 * EGR = net revenue retention + earned new-customer revenue share − 100%,
 * each as a fraction of last period's revenue. Reported growth adds the
 * bought new-customer share.
 *
 * @see Reichheld, F., Darnell, D. & Burns, M. (2021), "Net Promoter 3.0", Harvard Business Review, Nov–Dec 2021; Reichheld et al., "Winning on Purpose" (2021).
 *
 * @remarks
 * Computed in Decimal from the rates' shortest decimal strings, so
 * 0.85 + 0.25 − 1 is exactly 0.1. The revenue form divides by the starting
 * revenue. Which new customers count as "earned" (referred, returning) is a
 * definition to write down and keep stable.
 *
 * @param input - Rates or revenue amounts; see {@link EarnedGrowthRateInput}.
 * @returns The EGR, its parts, the total growth rate when bought new revenue is given, and plot-ready bars.
 * @throws {@link MetricsError} `out_of_range` for rates outside [0, 10], negative amounts or a starting revenue of 0; `invalid_input` when rates and amounts are mixed; `invalid_type`/`not_finite` for malformed values.
 *
 * @example
 * ```ts
 * import { earnedGrowthRate } from "customer-metrics/projections";
 * // Bain's example: NRR 85%, earned new 25%, bought new 20% → growth 30%, of which earned 10%
 * const g = earnedGrowthRate({ netRevenueRetention: 0.85, earnedNewRevenueShare: 0.25, boughtNewRevenueShare: 0.2 });
 * g.earnedGrowthRate; // => 0.1
 * g.totalGrowthRate; // => 0.3
 * earnedGrowthRate({ startingRevenue: "1000000", revenueFromExistingCustomers: "850000", revenueFromEarnedNewCustomers: "250000" }).earnedGrowthRate; // => 0.1
 * earnedGrowthRate({ netRevenueRetention: 85, earnedNewRevenueShare: 25 }); // throws out_of_range
 * ```
 *
 * @category Projections
 */
export function earnedGrowthRate(input: EarnedGrowthRateInput): EarnedGrowthRateResult {
  const g = readEarnedGrowthInput(input, "earnedGrowthRate");
  const one = new _MoneyDecimal(1);
  const egr = g.nrr.plus(g.earned).minus(one);
  const totalGrowth = g.bought === null ? null : g.nrr.plus(g.earned).plus(g.bought).minus(one);
  const num = (x: { toNumber(): number }): number => {
    const v = x.toNumber();
    return v === 0 ? 0 : v;
  };
  const series: ProjectionPlotPoint[] = [
    { x: "net revenue retention", y: num(g.nrr), series: "earned growth" },
    { x: "earned new customers", y: num(g.earned), series: "earned growth" },
  ];
  if (g.bought !== null) series.push({ x: "bought new customers", y: num(g.bought), series: "earned growth" });
  series.push({ x: "earned growth rate", y: num(egr), series: "earned growth" });
  if (totalGrowth !== null) series.push({ x: "total growth rate", y: num(totalGrowth), series: "earned growth" });
  return {
    earnedGrowthRate: num(egr),
    netRevenueRetention: num(g.nrr),
    earnedNewRevenueShare: num(g.earned),
    boughtNewRevenueShare: g.bought === null ? null : num(g.bought),
    totalGrowthRate: totalGrowth === null ? null : num(totalGrowth),
    method: g.method,
    series,
  };
}
