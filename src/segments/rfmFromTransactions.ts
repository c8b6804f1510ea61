import { metricsError } from "../core/errors.js";
import type { DateInput } from "../core/time.js";
import { summarizeTransactions, type BtydTransaction } from "../btyd/index.js";
import { rfmScores, type RfmCutPoints, type RfmScore } from "./rfmScores.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * Options of {@link rfmFromTransactions}.
 *
 * @category Segments
 */
export interface RfmFromTransactionsOptions {
  /** End of the observation window (required; purchases after it are left out, as btyd's `summarizeTransactions` does). */
  readonly asOf: DateInput;
  /** Period purchases are bucketed into; recency cut points are in this unit. @defaultValue `"day"` */
  readonly unit?: "day" | "week";
  /** Count the first purchase in frequency and spend (classic RFM). Set `false` for btyd's repeat-only convention. @defaultValue `true` */
  readonly includeFirstTransaction?: boolean;
  /** Number of scores per dimension (2–9). @defaultValue `5` */
  readonly bins?: number;
  /** `"quantile"` or `"cut-points"`. @defaultValue `"quantile"` */
  readonly method?: "quantile" | "cut-points";
  /** Cut points, required with `method: "cut-points"`. */
  readonly cutPoints?: RfmCutPoints;
}

/**
 * RFM scores straight from a transaction log: summarizes it with btyd's
 * `summarizeTransactions`, then scores it with {@link rfmScores}.
 *
 * @remarks
 * By default the first purchase counts (`includeFirstTransaction: true`), so
 * `frequency` is the number of purchase periods (≥ 1) and `monetaryValue` the
 * mean spend per purchase period, as classic RFM reads them; recency is the
 * time from the last purchase to `asOf` in `unit`s. Every transaction needs
 * an `amount`. Purchases on the same day (or week) are one period.
 *
 * @param transactions - `{ customerId, at, amount }` rows in any order.
 * @param options - `asOf` (required), `unit`, `includeFirstTransaction`, `bins`, `method`, `cutPoints`.
 * @returns One {@link RfmScore} per customer, in order of first appearance.
 * @throws {@link MetricsError} `invalid_input` when transactions have no `amount` (path `[0, "amount"]`); the codes of
 * btyd's `summarizeTransactions` (e.g. `empty_sample`, `invalid_date` with path `[index, "at"]`) and of {@link rfmScores}.
 *
 * @example
 * ```ts
 * import { rfmFromTransactions, rfmSegments } from "customer-metrics/segments";
 * const tx = [
 *   { customerId: "ann", at: "2024-01-05", amount: 120 },
 *   { customerId: "ann", at: "2024-05-20", amount: 80 },
 *   { customerId: "ann", at: "2024-06-25", amount: 100 },
 *   { customerId: "bob", at: "2024-02-11", amount: 30 },
 *   { customerId: "cy", at: "2024-06-01", amount: 45 },
 *   { customerId: "cy", at: "2024-06-20", amount: 55 },
 * ];
 * const scores = rfmFromTransactions(tx, { asOf: "2024-06-30", bins: 3 });
 * scores.map((s) => [s.customerId, s.sinceLastPurchase, s.frequency, s.monetaryValue]); // => [["ann", 5, 3, 100], ["bob", 140, 1, 30], ["cy", 10, 2, 50]]
 * scores.map((s) => s.code); // => ["333", "111", "222"]
 * ```
 *
 * @category Segments
 */
export function rfmFromTransactions(transactions: readonly BtydTransaction[], options: RfmFromTransactionsOptions): RfmScore[] {
  const fn = "rfmFromTransactions";
  if (options === null || typeof options !== "object")
    throw metricsError(fn, "invalid_type", ["options"], "an options object with asOf", options);
  assertKnownOptions(options, ["asOf", "bins", "cutPoints", "includeFirstTransaction", "method", "unit"], "rfmFromTransactions");
  const summaries = summarizeTransactions(transactions, {
    asOf: options.asOf,
    unit: options.unit ?? "day",
    includeFirstTransaction: options.includeFirstTransaction ?? true,
  });
  const rows = summaries.map((s) => {
    if (s.monetaryValue === undefined)
      throw metricsError(fn, "invalid_input", [0, "amount"], "an amount on every transaction (RFM needs spend)", undefined);
    return { customerId: s.customerId, frequency: s.frequency, recency: s.recency, T: s.T, monetaryValue: s.monetaryValue };
  });
  return rfmScores(rows, {
    ...(options.bins === undefined ? {} : { bins: options.bins }),
    ...(options.method === undefined ? {} : { method: options.method }),
    ...(options.cutPoints === undefined ? {} : { cutPoints: options.cutPoints }),
  });
}
