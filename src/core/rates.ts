import { metricsError } from "./errors.js";
import { assertOneOf, assertProbability, assertFinite, assertKnownOptions } from "./guards.js";
import { PERIODS, type Period } from "./time.js";

/**
 * Length of each period in years: 1 week = 7 days, 1 year = 365.25 days,
 * 1 month = 1/12 year, 1 quarter = 1/4 year.
 *
 * @category Core
 */
export const PERIOD_IN_YEARS: Readonly<Record<Period, number>> = Object.freeze({
  day: 1 / 365.25,
  week: 7 / 365.25,
  month: 1 / 12,
  quarter: 1 / 4,
  year: 1,
});

/**
 * What kind of per-period rate {@link convertRate} converts, which fixes how it compounds.
 *
 * - `"churn"`: probability of being lost in one period; survival compounds: `1 − (1 − c)^k`.
 * - `"retention"`: probability of staying one period: `r^k`.
 * - `"interest"`: a discount, growth or interest rate: `(1 + i)^k − 1`.
 *
 * @category Core
 */
export type RateKind = "churn" | "retention" | "interest";

/**
 * Options for {@link convertRate}.
 *
 * @category Core
 */
export interface ConvertRateOptions {
  /** The period the given rate is per. */
  readonly from: Period;
  /** The period to convert to. */
  readonly to: Period;
  /** How the rate compounds. @defaultValue `"churn"` */
  readonly kind?: RateKind;
}

/**
 * Converts a per-period rate to another period with compounding, e.g. a 5%
 * monthly churn to the annual churn `1 − 0.95¹² ≈ 45.96%`.
 *
 * @remarks
 * With `k = length(to) / length(from)` (see {@link PERIOD_IN_YEARS}):
 * churn `1 − (1 − c)^k`, retention `r^k`, interest `(1 + i)^k − 1`.
 * Churn and retention must be fractions in [0, 1]; interest rates must be
 * greater than −1. Round trips (`from → to → from`) return the input up to
 * floating-point error.
 *
 * @param rate - The rate per `from` period, as a fraction (0.05, not 5).
 * @param options - See {@link ConvertRateOptions}.
 * @returns The rate per `to` period.
 * @throws {@link MetricsError} `out_of_range` for a churn/retention outside [0, 1] or an interest rate ≤ −1; `invalid_option` for an unknown period or kind; `invalid_type` when `options` is not an object.
 *
 * @example
 * ```ts
 * import { convertRate } from "customer-metrics/core";
 * convertRate(0.05, { from: "month", to: "year" }); // => 0.4596399123
 * convertRate(0.10, { from: "year", to: "month", kind: "interest" }); // => 0.0079741404
 * convertRate(0.9, { from: "year", to: "quarter", kind: "retention" }); // => 0.9740037464
 * ```
 *
 * @category Core
 */
export function convertRate(rate: number, options: ConvertRateOptions): number {
  const fn = "convertRate";
  if (typeof options !== "object" || options === null) {
    throw metricsError(fn, "invalid_type", ["options"], "an options object { from, to }", options);
  }
  assertKnownOptions(options, ["from", "kind", "to"], "convertRate");
  const from = assertOneOf(options.from, PERIODS, fn, ["options", "from"]);
  const to = assertOneOf(options.to, PERIODS, fn, ["options", "to"]);
  const kind = assertOneOf(options.kind ?? "churn", ["churn", "retention", "interest"] as const, fn, ["options", "kind"]);
  const k = PERIOD_IN_YEARS[to] / PERIOD_IN_YEARS[from];
  if (kind === "interest") {
    const i = assertFinite(rate, fn, ["rate"]);
    if (i <= -1) throw metricsError(fn, "out_of_range", ["rate"], "an interest rate greater than -1", rate);
    return from === to ? i : Math.expm1(k * Math.log1p(i));
  }
  const p = assertProbability(rate, fn, ["rate"]);
  if (from === to) return p;
  if (kind === "retention") return p === 0 ? 0 : Math.exp(k * Math.log(p));
  if (p === 1) return 1;
  const out = -Math.expm1(k * Math.log1p(-p));
  return out === 0 ? 0 : out;
}
