import type { Decimal } from "decimal.js";
import { type PathSegment, metricsError } from "../core/errors.js";
import { assertNonNegative, assertOneOf, assertProbability, isArrayLike, assertKnownOptions } from "../core/guards.js";
import { clean, runProjection, toFloat } from "./_internal/engine.js";
import {
  type Normalized,
  readProjectionAssumptions,
  withConstantRetention,
  withDiscountRate,
  withMarginMultiplier,
} from "./_internal/normalize.js";
import type { ProjectionAssumptions } from "./schemas.js";
import type { ProjectionPlotPoint } from "./types.js";

/**
 * Which result a sensitivity analysis ranks by.
 *
 * @category Projections
 */
export type SensitivityMetric = "npv" | "customerNpv" | "totalProfit";

/**
 * Options of {@link retentionSensitivity}.
 *
 * @category Projections
 */
export interface RetentionSensitivityOptions {
  /** Constant retention rates to try, each a fraction in [0, 1]; each replaces the baseline retention (a per-tenure or per-period curve becomes that constant). Non-empty. */
  readonly retentionRates: readonly number[];
  /** Multipliers applied to every profit component (not to acquisition cost or revenue), each ≥ 0. @defaultValue `[1]` */
  readonly marginMultipliers?: readonly number[];
  /** Discount rates per period to try, each ≥ 0. @defaultValue the baseline discount rate */
  readonly discountRates?: readonly number[];
  /** The result the tornado ranks by. @defaultValue `"npv"` */
  readonly metric?: SensitivityMetric;
}

/**
 * One cell of the sensitivity grid.
 *
 * @category Projections
 */
export interface SensitivityCell {
  /** Constant retention rate used. */
  readonly retentionRate: number;
  /** Margin multiplier used. */
  readonly marginMultiplier: number;
  /** Discount rate used. */
  readonly discountRate: number;
  /** NPV of the projection. */
  readonly npv: Decimal;
  /** Total undiscounted profit. */
  readonly totalProfit: Decimal;
  /** NPV of one customer acquired in period 1. */
  readonly customerNpv: Decimal;
}

/**
 * One bar of the tornado: the metric with one assumption at its lowest and
 * highest tried value, every other assumption at the baseline.
 *
 * @category Projections
 */
export interface TornadoBar {
  /** The assumption varied. */
  readonly assumption: "retentionRate" | "marginMultiplier" | "discountRate";
  /** Lowest value tried. */
  readonly low: number;
  /** Highest value tried. */
  readonly high: number;
  /** The metric with the assumption at `low`. */
  readonly metricAtLow: Decimal;
  /** The metric with the assumption at `high`. */
  readonly metricAtHigh: Decimal;
  /** `|metricAtHigh − metricAtLow|`: the bar's width; bars are sorted by it, widest first. */
  readonly swing: Decimal;
}

/**
 * Result of {@link retentionSensitivity}.
 *
 * @category Projections
 */
export interface RetentionSensitivityResult {
  /** Every combination of the tried values, retention varying fastest. */
  readonly grid: readonly SensitivityCell[];
  /** The metric ranked. */
  readonly metric: SensitivityMetric;
  /** The metric for the baseline assumptions as given (retention as given, multiplier 1, baseline discount rate). */
  readonly baselineValue: Decimal;
  /** Tornado bars, widest swing first: which assumption moves the metric most. */
  readonly tornado: readonly TornadoBar[];
  /** Plot-ready grid: x = retention rate, y = the metric (money), one series per multiplier and discount rate, named like `"margin ×1, discount 0.1"`. */
  readonly series: readonly ProjectionPlotPoint[];
  /** Plot-ready tornado: x = assumption name, y = metric minus baseline, series `"low"` and `"high"`. */
  readonly tornadoSeries: readonly ProjectionPlotPoint[];
}

const MAX_CELLS = 10_000;

function readList(
  value: unknown,
  fn: string,
  path: readonly PathSegment[],
  check: (v: unknown, p: readonly PathSegment[]) => number,
): number[] {
  if (!isArrayLike(value)) throw metricsError(fn, "invalid_type", path, "an array of numbers", value);
  if (value.length === 0) throw metricsError(fn, "empty_sample", path, "a non-empty array of numbers", value);
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) out.push(check(value[i], [...path, i]));
  return out;
}

function evaluate(n: Normalized): { npv: Decimal; totalProfit: Decimal; customerNpv: Decimal } {
  const { totals } = runProjection(n);
  return { npv: totals.npv, totalProfit: totals.profit, customerNpv: totals.customerNpv };
}

/**
 * Sensitivity of a projection to retention, margin and discount rate: a grid
 * of results over every combination of the values you try, and a tornado list
 * of which assumption moves the result most when swung from its lowest to its
 * highest value with the others at the baseline.
 *
 * @remarks
 * Each cell is a full projection ({@link projectRetentionProfit}). A retention
 * rate replaces the baseline retention with that constant rate; a margin
 * multiplier scales every profit component (acquisition cost and revenue are
 * unchanged); a discount rate replaces the baseline's. The tornado only
 * includes the assumptions whose values you pass (retention always); one
 * tried at a single value has a swing of 0. At most 10,000 cells.
 *
 * @param base - The baseline {@link ProjectionAssumptions}.
 * @param options - See {@link RetentionSensitivityOptions}.
 * @returns The grid, the tornado list and plot-ready series.
 * @throws {@link MetricsError} as {@link projectRetentionProfit} for the assumptions; `out_of_range` for a retention rate outside [0, 1], a negative multiplier or discount rate, or more than 10,000 cells; `empty_sample` for an empty list; `invalid_option` for an unknown metric.
 *
 * @example
 * ```ts
 * import { retentionSensitivity } from "customer-metrics/projections";
 * const base = { periods: 10, startingCustomers: 1000, retentionRate: 0.8, profitPerCustomer: { base: "100" }, discountRate: 0.1 };
 * const s = retentionSensitivity(base, { retentionRates: [0.7, 0.8, 0.9], marginMultipliers: [0.9, 1.1], discountRates: [0.05, 0.15] });
 * s.grid.length; // => 12
 * s.tornado.map((t) => t.assumption); // => ["retentionRate", "discountRate", "marginMultiplier"]
 * ```
 *
 * @category Projections
 */
export function retentionSensitivity(
  base: ProjectionAssumptions,
  options: RetentionSensitivityOptions,
): RetentionSensitivityResult {
  const fn = "retentionSensitivity";
  if (typeof options !== "object" || options === null) {
    throw metricsError(
      fn,
      "invalid_type",
      ["options"],
      "an options object such as { retentionRates: [0.8, 0.85, 0.9] }",
      options,
    );
  }
  assertKnownOptions(options, ["discountRates", "marginMultipliers", "metric", "retentionRates"], "retentionSensitivity");
  const n = readProjectionAssumptions(base, fn, "projection");
  const rates = readList(options.retentionRates, fn, ["options", "retentionRates"], (v, p) => assertProbability(v, fn, p));
  const multipliers =
    options.marginMultipliers === undefined
      ? [1]
      : readList(options.marginMultipliers, fn, ["options", "marginMultipliers"], (v, p) => assertNonNegative(v, fn, p));
  const discounts =
    options.discountRates === undefined
      ? [n.discountRate]
      : readList(options.discountRates, fn, ["options", "discountRates"], (v, p) => assertNonNegative(v, fn, p));
  const metric = assertOneOf(options.metric ?? "npv", ["npv", "customerNpv", "totalProfit"] as const, fn, ["options", "metric"]);
  const cells = rates.length * multipliers.length * discounts.length;
  if (cells > MAX_CELLS) {
    throw metricsError(
      fn,
      "out_of_range",
      ["options"],
      `at most ${MAX_CELLS} combinations of retentionRates × marginMultipliers × discountRates`,
      `${cells} combinations`,
    );
  }

  const grid: SensitivityCell[] = [];
  const series: ProjectionPlotPoint[] = [];
  for (const d of discounts) {
    const nd = withDiscountRate(n, d);
    for (const m of multipliers) {
      const nm = withMarginMultiplier(nd, m);
      const name = `margin ×${m}, discount ${d}`;
      for (const r of rates) {
        const v = evaluate(withConstantRetention(nm, r));
        grid.push({ retentionRate: r, marginMultiplier: m, discountRate: d, ...v });
        series.push({ x: r, y: toFloat(v[metric], fn, "the plot series"), series: name });
      }
    }
  }

  const baselineValue = evaluate(n)[metric];
  const bars: TornadoBar[] = [];
  const bar = (assumption: TornadoBar["assumption"], values: readonly number[], apply: (x: number) => Normalized): void => {
    const low = Math.min(...values);
    const high = Math.max(...values);
    const metricAtLow = evaluate(apply(low))[metric];
    const metricAtHigh = high === low ? metricAtLow : evaluate(apply(high))[metric];
    bars.push({ assumption, low, high, metricAtLow, metricAtHigh, swing: clean(metricAtHigh.minus(metricAtLow).abs()) });
  };
  bar("retentionRate", rates, (r) => withConstantRetention(n, r));
  if (options.marginMultipliers !== undefined) bar("marginMultiplier", multipliers, (m) => withMarginMultiplier(n, m));
  if (options.discountRates !== undefined) bar("discountRate", discounts, (d) => withDiscountRate(n, d));
  const order = ["retentionRate", "marginMultiplier", "discountRate"];
  bars.sort((a, b) => b.swing.comparedTo(a.swing) || order.indexOf(a.assumption) - order.indexOf(b.assumption));
  const tornadoSeries: ProjectionPlotPoint[] = [];
  for (const b of bars) {
    tornadoSeries.push({ x: b.assumption, y: toFloat(b.metricAtLow.minus(baselineValue), fn, "the plot series"), series: "low" });
    tornadoSeries.push({
      x: b.assumption,
      y: toFloat(b.metricAtHigh.minus(baselineValue), fn, "the plot series"),
      series: "high",
    });
  }
  return { grid, metric, baselineValue, tornado: bars, series, tornadoSeries };
}
