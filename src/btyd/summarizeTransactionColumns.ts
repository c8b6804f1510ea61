import { metricsError, type PathSegment } from "../core/errors.js";
import { isArrayLike, assertKnownOptions } from "../core/guards.js";
import { runSummaryEngine } from "./_internal/summaryEngine.js";
import { resolveSummaryOptions } from "./_internal/summaryOptions.js";
import type { BtydTransactionColumns, SummarizeTransactionsOptions, TransactionColumnsSummary } from "./summaryTypes.js";

const FN = "summarizeTransactionColumns";
const MAX_INDEX = 2147483647;

/**
 * The columnar, typed-array form of {@link summarizeTransactions}, for millions of transactions: the
 * same lifetimes 0.11.3 semantics, from parallel arrays of customer index, UTC day number and amount,
 * to parallel typed arrays of `frequency`, `recency`, `T`, `monetaryValue` (ready for the fitters).
 *
 * @see lifetimes `utils.py` `summary_data_from_transaction_data` / `calibration_and_holdout_data`.
 *
 * @remarks
 * Method: one validation pass, a counting sort by customer, then per customer a sort of its own periods
 * to count distinct ones — O(n + K) memory, no per-transaction allocation. Customer indices need not be
 * dense (sparse indices are remapped). Rows come in ascending customer index; customers with no purchase
 * in the (calibration) window are left out and counted in `excludedCustomers`. `asOf` and
 * `calibrationEnd` are dates (as in {@link summarizeTransactions}), while `day` holds day numbers
 * (`toDayNumber`), so epoch milliseconds are never confused with day numbers.
 *
 * @param columns - `{ customer, day, amount? }` of equal length.
 * @param options - See {@link SummarizeTransactionsOptions}.
 * @returns A {@link TransactionColumnsSummary}.
 * @throws {@link MetricsError} `empty_sample` for no transactions or none on or before `asOf`;
 * `invalid_type` for a missing column; `length_mismatch` for columns of different lengths; `not_integer` /
 * `out_of_range` / `not_finite` for a bad customer index (path `["customer", i]`); `not_finite` for a bad day or
 * amount; plus the option errors of {@link summarizeTransactions}.
 *
 * @example
 * ```ts
 * import { summarizeTransactionColumns } from "customer-metrics/btyd";
 * import { toDayNumber } from "customer-metrics/core";
 * const d = toDayNumber("2024-01-01");
 * const s = summarizeTransactionColumns(
 *   { customer: Int32Array.of(0, 0, 1, 0), day: Int32Array.of(d, d + 7, d + 3, d + 9) },
 *   { asOf: "2024-01-31", unit: "week" },
 * );
 * Array.from(s.frequency); // => [1, 0]
 * Array.from(s.T); // => [4, 4]
 * ```
 *
 * @category BTYD
 */
export function summarizeTransactionColumns(
  columns: BtydTransactionColumns,
  options: SummarizeTransactionsOptions,
): TransactionColumnsSummary {
  assertKnownOptions(
    options,
    ["asOf", "calibrationEnd", "includeFirstTransaction", "strict", "unit", "unitMultiplier"],
    "summarizeTransactionColumns",
  );
  if (columns === null || typeof columns !== "object")
    throw metricsError(FN, "invalid_type", ["columns"], "an object { customer, day, amount? }", columns);
  const { customer: cIn, day: dIn, amount: aIn } = columns;
  if (!isArrayLike(cIn)) throw metricsError(FN, "invalid_type", ["customer"], "an array of customer indices", cIn);
  if (!isArrayLike(dIn)) throw metricsError(FN, "invalid_type", ["day"], "an array of day numbers", dIn);
  if (aIn !== undefined && !isArrayLike(aIn)) throw metricsError(FN, "invalid_type", ["amount"], "an array of amounts", aIn);
  const n = cIn.length;
  if (n === 0) throw metricsError(FN, "empty_sample", ["customer"], "a non-empty array", cIn);
  if (dIn.length !== n) throw metricsError(FN, "length_mismatch", ["day"], `of length ${n} (like customer)`, dIn.length);
  if (aIn !== undefined && aIn.length !== n)
    throw metricsError(FN, "length_mismatch", ["amount"], `of length ${n} (like customer)`, aIn.length);
  const opts = resolveSummaryOptions(options, FN);

  const customer = cIn instanceof Int32Array ? cIn : new Int32Array(n);
  const day = new Int32Array(n);
  const amount = aIn === undefined ? null : aIn instanceof Float64Array ? aIn : new Float64Array(n);
  let maxC = 0;
  for (let i = 0; i < n; i++) {
    const c = cIn[i] as number;
    if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c > MAX_INDEX) {
      const code =
        typeof c !== "number"
          ? "invalid_type"
          : !Number.isFinite(c)
            ? "not_finite"
            : !Number.isInteger(c)
              ? "not_integer"
              : "out_of_range";
      throw metricsError(FN, code, ["customer", i], "an integer customer index from 0 to 2147483647", c);
    }
    if (c > maxC) maxC = c;
    if (customer !== cIn) customer[i] = c;
    const d = dIn[i] as number;
    if (typeof d !== "number" || !Number.isFinite(d) || Math.abs(d) > 1e8) {
      throw metricsError(FN, typeof d !== "number" ? "invalid_type" : "not_finite", ["day", i], "a finite UTC day number", d);
    }
    day[i] = Math.floor(d);
    if (aIn !== undefined) {
      const a = aIn[i] as number;
      if (typeof a !== "number" || !Number.isFinite(a)) {
        throw metricsError(FN, typeof a !== "number" ? "invalid_type" : "not_finite", ["amount", i], "a finite amount", a);
      }
      if (amount !== aIn) (amount as Float64Array)[i] = a;
    }
  }
  // Dense indices go straight in; sparse ones (max far above n) are remapped to keep memory O(n).
  let dense: Int32Array = customer;
  let K = maxC + 1;
  let back: Int32Array | null = null;
  if (maxC > 2 * n + 1024) {
    const map = new Map<number, number>();
    dense = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = customer[i] as number;
      let k = map.get(c);
      if (k === undefined) {
        k = map.size;
        map.set(c, k);
      }
      dense[i] = k;
    }
    K = map.size;
    // Order the remapped customers by original index so rows stay ascending.
    const orig = new Int32Array(K);
    for (const [c, k] of map) orig[k] = c;
    const sorted = Int32Array.from(orig).sort();
    const rank = new Map<number, number>();
    for (let k = 0; k < K; k++) rank.set(sorted[k] as number, k);
    for (let i = 0; i < n; i++) dense[i] = rank.get(customer[i] as number) as number;
    back = sorted;
  }
  const out = runSummaryEngine(
    { customer: dense, customers: K, day, amount },
    { ...opts, fn: FN, datePath: (i: number): readonly PathSegment[] => ["day", i] },
  );
  if (out.presentCount === 0) {
    throw metricsError(
      FN,
      "empty_sample",
      ["options", "asOf"],
      "on or after at least one customer's first purchase (every transaction is after it)",
      options.asOf,
    );
  }
  const m = out.presentCount;
  const idx = new Int32Array(m);
  const frequency = new Float64Array(m);
  const recency = new Float64Array(m);
  const T = new Float64Array(m);
  const excludedAfterAsOf = new Int32Array(m);
  const monetaryValue = out.monetaryValue ? new Float64Array(m) : null;
  const frequencyHoldout = out.frequencyHoldout ? new Float64Array(m) : null;
  const monetaryValueHoldout = out.monetaryValueHoldout ? new Float64Array(m) : null;
  let excludedCustomers = 0;
  let j = 0;
  for (let c = 0; c < K; c++) {
    if (out.present[c] !== 1) {
      // Only customers that appear in the data count as excluded (dense gaps are not customers).
      if (out.seen[c] === 1) excludedCustomers++;
      continue;
    }
    idx[j] = back ? (back[c] as number) : c;
    frequency[j] = out.frequency[c] as number;
    recency[j] = out.recency[c] as number;
    T[j] = out.T[c] as number;
    excludedAfterAsOf[j] = out.excludedAfterAsOf[c] as number;
    if (monetaryValue) monetaryValue[j] = (out.monetaryValue as Float64Array)[c] as number;
    if (frequencyHoldout) frequencyHoldout[j] = (out.frequencyHoldout as Float64Array)[c] as number;
    if (monetaryValueHoldout) monetaryValueHoldout[j] = (out.monetaryValueHoldout as Float64Array)[c] as number;
    j++;
  }
  const result: { -readonly [K in keyof TransactionColumnsSummary]: TransactionColumnsSummary[K] } = {
    customer: idx,
    frequency,
    recency,
    T,
    excludedAfterAsOf,
    n: m,
    excludedTransactions: out.totalExcluded,
    excludedCustomers,
  };
  if (monetaryValue) result.monetaryValue = monetaryValue;
  if (frequencyHoldout) {
    result.frequencyHoldout = frequencyHoldout;
    if (monetaryValueHoldout) result.monetaryValueHoldout = monetaryValueHoldout;
    result.durationHoldout = out.durationHoldout as number;
  }
  return result;
}
