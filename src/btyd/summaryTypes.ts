import type { DateInput } from "../core/time.js";

/**
 * One purchase in a transaction log.
 *
 * @category BTYD
 */
export interface BtydTransaction {
  /** The customer's id (a string or a finite number); used as a Map key, never as an object key. */
  readonly customerId: string | number;
  /** When the purchase happened: a Date, an ISO-8601 string or epoch milliseconds (read as UTC; the time of day is ignored). */
  readonly at: DateInput;
  /** What the purchase was worth (a finite number, a numeric string, or a Decimal-like object such as a `Decimal`). Give it on every transaction or on none. */
  readonly amount?:
    | number
    | string
    | {
        /** Returns the amount as a float64 number (as `Decimal#toNumber`); it must be finite. */
        toNumber(): number;
      };
}

/**
 * Options of {@link summarizeTransactions} and {@link summarizeTransactionColumns}.
 *
 * @category BTYD
 */
export interface SummarizeTransactionsOptions {
  /**
   * End of the observation window (lifetimes' `observation_period_end`), inclusive at the period level:
   * a purchase later on the `asOf` day (or in the `asOf` week) counts; later periods are excluded and counted.
   * With `calibrationEnd` (holdout mode) it is inclusive at the day level instead, as in lifetimes'
   * `calibration_and_holdout_data`: holdout purchases after the `asOf` day are excluded and counted.
   */
  readonly asOf: DateInput;
  /** The period purchases are bucketed into and times are measured in (pandas `"D"` / `"W"`, weeks Monday–Sunday). */
  readonly unit: "day" | "week";
  /**
   * End of the calibration window (inclusive, whole UTC day). When given, summaries describe the calibration
   * window and the rows also carry holdout purchases up to `asOf`. @defaultValue none (no holdout)
   */
  readonly calibrationEnd?: DateInput;
  /** Count the first purchase in `frequency` and `monetaryValue` (do not use for model fitting). @defaultValue `false` */
  readonly includeFirstTransaction?: boolean;
  /**
   * Divide `recency`, `T` and `durationHoldout` by this (lifetimes' `freq_multiplier`): `unit: "day"` with 7 gives
   * exact fractional weeks (CDNOW's 30.43 / 38.86). @defaultValue `1`
   */
  readonly unitMultiplier?: number;
  /** Throw `out_of_range` for a purchase after `asOf`'s period instead of excluding and counting it. @defaultValue `false` */
  readonly strict?: boolean;
}

/**
 * One customer's recency-frequency-monetary summary (lifetimes `summary_data_from_transaction_data` columns).
 *
 * @category BTYD
 */
export interface CustomerSummary {
  /** The customer's id as given. */
  readonly customerId: string | number;
  /** Repeat purchase periods: distinct periods with a purchase, minus the first (unless `includeFirstTransaction`). */
  readonly frequency: number;
  /** Time from the first to the last purchase period, in `unit`s divided by `unitMultiplier`. */
  readonly recency: number;
  /** Time from the first purchase period to the end of the (calibration) window, same unit. */
  readonly T: number;
  /** Mean of the per-period purchase totals of the repeat periods (0 without repeats); present when amounts were given. */
  readonly monetaryValue?: number;
  /** This customer's transactions dated after `asOf`'s period, excluded from the summary. */
  readonly excludedAfterAsOf: number;
  /** Distinct periods with a purchase in the holdout window (with `calibrationEnd`). */
  readonly frequencyHoldout?: number;
  /** Mean amount of the individual holdout transactions, 0 without any (with `calibrationEnd` and amounts; as lifetimes). */
  readonly monetaryValueHoldout?: number;
  /** Length of the holdout window: periods from `calibrationEnd`'s to `asOf`'s, divided by `unitMultiplier`. */
  readonly durationHoldout?: number;
}

/**
 * Columnar transaction log for large inputs: parallel arrays, typed arrays recommended.
 *
 * @category BTYD
 */
export interface BtydTransactionColumns {
  /** Customer index per transaction: integers `0 ≤ c < 2³¹` (need not be dense). */
  readonly customer: ArrayLike<number>;
  /** UTC day number per transaction (days since 1970-01-01, e.g. from `toDayNumber`); fractions are floored. */
  readonly day: ArrayLike<number>;
  /** Amount per transaction (finite numbers). @defaultValue none */
  readonly amount?: ArrayLike<number>;
}

/**
 * Columnar summaries from {@link summarizeTransactionColumns}: row `i` describes customer `customer[i]`.
 *
 * @category BTYD
 */
export interface TransactionColumnsSummary {
  /** Customer index of each row, ascending. */
  readonly customer: Int32Array;
  /** Repeat purchase periods per row. */
  readonly frequency: Float64Array;
  /** Recency per row. */
  readonly recency: Float64Array;
  /** Age T per row. */
  readonly T: Float64Array;
  /** Mean repeat-period spend per row, when amounts were given. */
  readonly monetaryValue?: Float64Array;
  /** Per row: transactions after `asOf`'s period (excluded). */
  readonly excludedAfterAsOf: Int32Array;
  /** Per row: holdout purchase periods (with `calibrationEnd`). */
  readonly frequencyHoldout?: Float64Array;
  /** Per row: mean holdout transaction amount (with `calibrationEnd` and amounts). */
  readonly monetaryValueHoldout?: Float64Array;
  /** Holdout window length (with `calibrationEnd`). */
  readonly durationHoldout?: number;
  /** Number of customers summarised (rows). */
  readonly n: number;
  /** All transactions excluded because they are dated after `asOf`'s period. */
  readonly excludedTransactions: number;
  /** Customers dropped because they have no purchase in the (calibration) window. */
  readonly excludedCustomers: number;
}
