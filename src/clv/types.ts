import type { Period } from "../core/time.js";

/**
 * A time-based input (a rate, an amount per period, a number of periods),
 * either bare or tagged with its period: `0.05` or `{ value: 0.05, unit: "month" }`.
 *
 * @remarks
 * Bare values are read in the call's common period (the `period` field when
 * given). Every tagged value in one call must carry the same unit, and match
 * `period` when that is given: a weekly rate next to a monthly margin is
 * rejected with `unit_mismatch`, never mixed silently. Convert explicitly
 * first: rates with `convertRate` from `customer-metrics/core`, amounts and
 * durations by the ratio of `PERIOD_IN_YEARS`.
 *
 * @typeParam T - The bare value type (`number` for rates and durations, `DecimalInput` for money).
 *
 * @example
 * ```ts
 * import { clvFromRetention } from "customer-metrics/clv";
 * clvFromRetention({ margin: { value: "100", unit: "year" }, retentionRate: { value: 0.8, unit: "year" }, discountRate: { value: 0.1, unit: "year" } }).period; // => "year"
 * ```
 *
 * @category CLV
 */
export type ClvPerPeriod<T> =
  | T
  | {
      /** The value, per `unit` (a rate or amount per period, or a number of periods). */
      readonly value: T;
      /** The period the value is per (or counts). */
      readonly unit: Period;
    };

/**
 * When in each period a customer's margin is received.
 *
 * - `"end"`: at the end of each period, only by customers retained through it
 *   (Gupta–Lehmann's convention; the first margin is discounted one period
 *   and weighted by `r`).
 * - `"start"`: at the start of each period, so the first margin is certain and
 *   undiscounted (subscriptions billed in advance).
 *
 * @category CLV
 */
export type ClvTiming = "end" | "start";
