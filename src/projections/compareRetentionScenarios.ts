import type { Decimal } from "decimal.js";
import { metricsError } from "../core/errors.js";
import { assertInRange, assertKnownOptions } from "../core/guards.js";
import { clean, relativeChange, toFloat } from "./_internal/engine.js";
import { readProjectionAssumptions, shiftRetention } from "./_internal/normalize.js";
import { buildProjectionResult } from "./_internal/results.js";
import type { ProjectionResult } from "./projectRetentionProfit.js";
import type { ProjectionAssumptions } from "./schemas.js";
import type { ProjectionPlotPoint } from "./types.js";

/**
 * Options of {@link compareRetentionScenarios}.
 *
 * @category Projections
 */
export interface RetentionScenarioOptions {
  /**
   * Change in retention, in fraction points added to every retention rate of
   * the baseline (0.05 = five points more retention, e.g. 0.80 → 0.85; the
   * same as five points fewer defections). From −1 to 1.
   */
  readonly retentionDelta: number;
  /** Cap shifted rates at 0 and 1 instead of rejecting them. @defaultValue `false` */
  readonly clamp?: boolean;
}

/**
 * Uplift in one period.
 *
 * @category Projections
 */
export interface RetentionUpliftRow {
  /** Period number. */
  readonly period: number;
  /** Improved minus baseline profit. */
  readonly profit: Decimal;
  /** `profit / |baseline profit|` as a fraction (0.33 = +33%), or `null` when the baseline profit is 0. */
  readonly profitRelative: number | null;
  /** Improved minus baseline discounted profit. */
  readonly discountedProfit: Decimal;
}

/**
 * The uplift of the improved scenario over the baseline, in money and as
 * fractions of the baseline (relative to its absolute value, so an improvement
 * on a loss is positive; `null` when the baseline is 0).
 *
 * @category Projections
 */
export interface RetentionUplift {
  /** Uplift per period. */
  readonly periods: readonly RetentionUpliftRow[];
  /** Improved minus baseline total profit. */
  readonly totalProfit: Decimal;
  /** `totalProfit / |baseline total profit|` (0.33 = +33%), or `null`. */
  readonly totalProfitRelative: number | null;
  /** Improved minus baseline NPV. */
  readonly npv: Decimal;
  /** `npv / |baseline NPV|`, or `null`. */
  readonly npvRelative: number | null;
  /** Improved minus baseline customer NPV. */
  readonly customerNpv: Decimal;
  /** `customerNpv / |baseline customer NPV|` — the "25% to 95%" figure of Reichheld & Sasser — or `null`. */
  readonly customerNpvRelative: number | null;
}

/**
 * Result of {@link compareRetentionScenarios}.
 *
 * @category Projections
 */
export interface RetentionScenarioComparison {
  /** The projection with the assumptions as given. */
  readonly baseline: ProjectionResult;
  /** The projection with every retention rate shifted by `retentionDelta`. */
  readonly improved: ProjectionResult;
  /** The shift applied. */
  readonly retentionDelta: number;
  /** Improved minus baseline. */
  readonly uplift: RetentionUplift;
  /** Plot-ready series, x = period: `"baseline profit"`, `"improved profit"`, `"profit uplift"` (money). */
  readonly series: readonly ProjectionPlotPoint[];
}

/**
 * What a retention improvement is worth: the same projection run twice,
 * baseline and with every retention rate raised by `retentionDelta`, and the
 * uplift in profit per period, total profit, NPV and customer NPV, in money and
 * as a fraction of the baseline.
 *
 * This is the structure of Reichheld & Sasser's "reducing defections by 5
 * points raises profits 25% to 85%" (later quoted as 25–95%): the figure is the
 * relative uplift in customer NPV (`uplift.customerNpvRelative`), and how big it
 * is depends on the baseline retention, on how steeply profit grows with tenure
 * and on the discount rate — see the guide (docs/projections.md) for the
 * critique of the headline (Byron Sharp) and how to defend a scenario.
 *
 * @see Reichheld, F. F. & Sasser, W. E. (1990), "Zero Defections: Quality Comes to Services", Harvard Business Review 68(5), 105–111.
 * @see Sharp, B., "Loyalty Myths: a 5% drop in defections does not result in 80%+ increase in profits", https://marketingscience.info/loyalty-myths/
 *
 * @remarks
 * `retentionDelta` is added in exact decimal arithmetic (0.8 + 0.05 = 0.85, not
 * 0.8500000000000001). A delta of 0 gives an uplift of exactly 0. With positive
 * profit per customer and acquisition independent of retention, the uplift is
 * ≥ 0 for a positive delta.
 *
 * @param base - The baseline {@link ProjectionAssumptions}.
 * @param options - See {@link RetentionScenarioOptions}.
 * @returns Both projections, the uplift and plot-ready series.
 * @throws {@link MetricsError} as {@link projectRetentionProfit} for the assumptions; `out_of_range` at `["options", "retentionDelta"]` for a delta outside [−1, 1] or one that pushes a rate outside [0, 1] (unless `clamp`); `invalid_type` when options are missing.
 *
 * @example
 * ```ts
 * import { compareRetentionScenarios } from "customer-metrics/projections";
 * const base = { periods: 200, retentionRate: 0.8, profitPerCustomer: { base: "100" }, timing: "start" as const };
 * // customer value m/(1 − r): 500 at 80% retention, 666.67 at 85%
 * const c = compareRetentionScenarios(base, { retentionDelta: 0.05 });
 * c.uplift.customerNpv.toFixed(2); // => "166.67"
 * c.uplift.customerNpvRelative; // => 0.3333
 * compareRetentionScenarios(base, { retentionDelta: 0.3 }); // throws out_of_range
 * ```
 *
 * @category Projections
 */
export function compareRetentionScenarios(
  base: ProjectionAssumptions,
  options: RetentionScenarioOptions,
): RetentionScenarioComparison {
  const fn = "compareRetentionScenarios";
  if (typeof options !== "object" || options === null) {
    throw metricsError(fn, "invalid_type", ["options"], "an options object such as { retentionDelta: 0.05 }", options);
  }
  assertKnownOptions(options, ["clamp", "retentionDelta"], "compareRetentionScenarios");
  const delta = assertInRange(options.retentionDelta, -1, 1, fn, ["options", "retentionDelta"]);
  const clamp = options.clamp ?? false;
  if (typeof clamp !== "boolean") throw metricsError(fn, "invalid_type", ["options", "clamp"], "a boolean", clamp);
  const n = readProjectionAssumptions(base, fn, "projection");
  const baseline = buildProjectionResult(n);
  const improved = buildProjectionResult(shiftRetention(n, delta, clamp, fn, ["options", "retentionDelta"]));
  const periods: RetentionUpliftRow[] = baseline.periods.map((b, i) => {
    const m = improved.periods[i] as (typeof improved.periods)[number];
    return {
      period: b.period,
      profit: clean(m.profit.minus(b.profit)),
      profitRelative: relativeChange(b.profit, m.profit),
      discountedProfit: clean(m.discountedProfit.minus(b.discountedProfit)),
    };
  });
  const bt = baseline.totals;
  const it = improved.totals;
  const series: ProjectionPlotPoint[] = [];
  for (const r of baseline.periods)
    series.push({ x: r.period, y: toFloat(r.profit, fn, "the plot series"), series: "baseline profit" });
  for (const r of improved.periods)
    series.push({ x: r.period, y: toFloat(r.profit, fn, "the plot series"), series: "improved profit" });
  for (const r of periods) series.push({ x: r.period, y: toFloat(r.profit, fn, "the plot series"), series: "profit uplift" });
  return {
    baseline,
    improved,
    retentionDelta: delta,
    uplift: {
      periods,
      totalProfit: clean(it.profit.minus(bt.profit)),
      totalProfitRelative: relativeChange(bt.profit, it.profit),
      npv: clean(it.npv.minus(bt.npv)),
      npvRelative: relativeChange(bt.npv, it.npv),
      customerNpv: clean(it.customerNpv.minus(bt.customerNpv)),
      customerNpvRelative: relativeChange(bt.customerNpv, it.customerNpv),
    },
    series,
  };
}
