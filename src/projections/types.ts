import type { Decimal } from "decimal.js";

/**
 * One point of a plot-ready series: draw every point with the same `series`
 * as one line (or bar group), `x` on the horizontal axis, `y` on the vertical.
 * Works as-is with Vega-Lite, Observable Plot, Chart.js (after grouping),
 * ECharts, or a spreadsheet pivot.
 *
 * @remarks
 * `y` is a float64 `number` for plotting (money is converted from its exact
 * `Decimal` with `toNumber()`); use the result's tables for exact amounts.
 * Each series has its own unit (customers, money, a fraction), named in the
 * series label or the function's docs: filter by `series` before plotting.
 *
 * @category Projections
 */
export interface ProjectionPlotPoint {
  /** Horizontal position: a period or tenure number, a rate, or a category label. */
  readonly x: number | string;
  /** Vertical value (money as a float64 number, counts, or fractions). */
  readonly y: number;
  /** Name of the series the point belongs to. */
  readonly series: string;
}

/**
 * Money per named profit component (Reichheld & Sasser's five sources of
 * customer profit). Components not given in the assumptions are 0.
 *
 * @category Projections
 */
export interface ProfitComponentAmounts {
  /** Base profit. */
  readonly base: Decimal;
  /** Profit from increased spending with tenure. */
  readonly spendGrowth: Decimal;
  /** Lower cost to serve with tenure. */
  readonly costSavings: Decimal;
  /** Profit from referrals. */
  readonly referrals: Decimal;
  /** Price premium paid by long-standing customers. */
  readonly pricePremium: Decimal;
}
