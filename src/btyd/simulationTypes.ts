import type { DateInput } from "../core/time.js";

/**
 * Options of {@link simulateBetaGeoNbd} and {@link simulateParetoNbd}. Model rates are per day.
 *
 * @category BTYD
 */
export interface SimulateTransactionsOptions {
  /** Number of customers to simulate. */
  readonly customers: number;
  /** Seed of the random number generator (same seed, same log, on every platform). */
  readonly seed: number;
  /** First day of the observation window. @defaultValue `"2024-01-01"` */
  readonly start?: DateInput;
  /** First purchases are spread uniformly over this many days from `start` (0: all on `start`). @defaultValue `0` */
  readonly acquisitionDays?: number;
  /** Length of the observation window in days; purchases after it are not generated. */
  readonly observationDays: number;
}

/**
 * A simulated transaction log in columnar form, ready for {@link summarizeTransactionColumns}.
 *
 * @category BTYD
 */
export interface SimulatedTransactions {
  /** Customer index (0..customers−1) of each transaction, grouped by customer. */
  readonly customer: Int32Array;
  /** UTC day number of each transaction. */
  readonly day: Int32Array;
  /** Number of customers simulated (each has at least its first purchase). */
  readonly customers: number;
  /** Number of transactions. */
  readonly transactions: number;
  /** ISO date of the window's first day. */
  readonly start: string;
  /** ISO date of the window's last day (use it as `asOf`). */
  readonly asOf: string;
}
