import { metricsError, type PathSegment } from "../core/errors.js";
import { fastIsoDay, toDayNumber } from "../core/time.js";
import { runSummaryEngine } from "./_internal/summaryEngine.js";
import { resolveSummaryOptions } from "./_internal/summaryOptions.js";
import type { BtydTransaction, CustomerSummary, SummarizeTransactionsOptions } from "./summaryTypes.js";
import { assertKnownOptions } from "../core/guards.js";

const FN = "summarizeTransactions";
const MS_PER_DAY = 86_400_000;

function dayOf(at: unknown, i: number): number {
  if (typeof at === "string") {
    const fast = fastIsoDay(at);
    if (fast === fast) return fast;
  } else if (typeof at === "number" && Number.isFinite(at) && Math.abs(at) <= 8.64e15) {
    return Math.floor(at / MS_PER_DAY);
  }
  return toDayNumber(at as string, { fn: FN, path: [i, "at"] });
}

function amountOf(v: unknown, i: number): number {
  let x: unknown = v;
  if (typeof v === "string") {
    const t = v.trim();
    x = t === "" ? Number.NaN : Number(t);
    if (Number.isNaN(x)) throw metricsError(FN, "invalid_input", [i, "amount"], "a finite amount (number or numeric string)", v);
  } else if (v !== null && typeof v === "object" && typeof (v as { toNumber?: unknown }).toNumber === "function") {
    x = (v as { toNumber(): number }).toNumber();
  }
  if (typeof x !== "number")
    throw metricsError(FN, "invalid_type", [i, "amount"], "a finite amount (number or numeric string)", v);
  if (!Number.isFinite(x)) throw metricsError(FN, "not_finite", [i, "amount"], "a finite amount", v);
  return x === 0 ? 0 : x;
}

/**
 * Turns a transaction log into one recency-frequency-monetary summary per customer, the input of every
 * buy-till-you-die model: repeat purchase periods (`frequency`), time from first to last purchase
 * (`recency`), customer age (`T`) and mean repeat spend (`monetaryValue`).
 *
 * Semantics equal lifetimes 0.11.3's `summary_data_from_transaction_data` (and, with `calibrationEnd`,
 * `calibration_and_holdout_data`) for `unit: "day"` and `"week"`: purchases are bucketed into periods
 * (days, or Monday–Sunday weeks as pandas' `"W"`), purchases in one period count once and their amounts
 * are summed, `frequency` = distinct periods − 1, `recency` = last − first period, `T` = end period −
 * first period, each divided by `unitMultiplier`.
 *
 * @see Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2) (x, t_x, T).
 * @see lifetimes `utils.py` (CamDavidsonPilon/lifetimes), the reference semantics.
 *
 * @remarks
 * `asOf` is inclusive at the period level, like lifetimes' `observation_period_end`: a purchase later
 * on the `asOf` day (or in the `asOf` week) counts; purchases in later periods are excluded and counted
 * per customer in `excludedAfterAsOf` (or rejected with `strict: true`). With `calibrationEnd`,
 * purchases up to that day (inclusive) form the calibration summary (`T` measured to `calibrationEnd`'s
 * period) and later ones up to the `asOf` day itself the holdout (in holdout mode `asOf` is inclusive at the
 * day level, as lifetimes' `calibration_and_holdout_data` filters raw dates; `frequencyHoldout` = distinct holdout periods,
 * `monetaryValueHoldout` = mean holdout transaction amount, as lifetimes computes it). Customers with
 * no purchase in the (calibration) window are left out, as in lifetimes. Dates are read as UTC days;
 * the time of day is ignored (lifetimes compares raw timestamps for the calibration split, which is
 * the same for date-only inputs). Rows come in order of each customer's first appearance. For millions
 * of transactions use {@link summarizeTransactionColumns}. Differences from lifetimes: an empty holdout
 * gives zeros instead of raising.
 *
 * @param transactions - Purchases `{ customerId, at, amount? }`, in any order.
 * @param options - See {@link SummarizeTransactionsOptions}; `asOf` and `unit` are required.
 * @returns One {@link CustomerSummary} per customer with a purchase in the (calibration) window.
 * @throws {@link MetricsError} `empty_sample`: no transactions, or none on or before `asOf` (path `["options", "asOf"]`);
 * `invalid_type`: a transaction that is not an object, a `customerId` that is not a string/finite number,
 * an amount of the wrong type; `invalid_date`: an unparseable `at`, `asOf` or `calibrationEnd`;
 * `invalid_input`: amounts on some transactions only, or a non-numeric amount string; `not_finite`: a NaN or
 * infinite amount; `invalid_option`: an unknown `unit`; `out_of_range`: `calibrationEnd` after `asOf`, a
 * non-positive `unitMultiplier`, or (with `strict`) a purchase after `asOf`.
 *
 * @example
 * ```ts
 * import { summarizeTransactions } from "customer-metrics/btyd";
 * const rows = summarizeTransactions(
 *   [
 *     { customerId: "ann", at: "2024-01-01", amount: 10 },
 *     { customerId: "ann", at: "2024-01-01", amount: 5 },
 *     { customerId: "ann", at: "2024-01-08", amount: 20 },
 *     { customerId: "bob", at: "2024-01-05", amount: 8 },
 *     { customerId: "bob", at: "2024-02-03", amount: 9 },
 *   ],
 *   { asOf: "2024-01-31", unit: "day" },
 * );
 * rows[0]; // => { customerId: "ann", frequency: 1, recency: 7, T: 30, monetaryValue: 20, excludedAfterAsOf: 0 }
 * rows[1]; // => { customerId: "bob", frequency: 0, recency: 0, T: 26, monetaryValue: 0, excludedAfterAsOf: 1 }
 * ```
 *
 * @category BTYD
 */
export function summarizeTransactions(
  transactions: readonly BtydTransaction[],
  options: SummarizeTransactionsOptions,
): CustomerSummary[] {
  assertKnownOptions(
    options,
    ["asOf", "calibrationEnd", "includeFirstTransaction", "strict", "unit", "unitMultiplier"],
    "summarizeTransactions",
  );
  if (!Array.isArray(transactions))
    throw metricsError(FN, "invalid_type", ["transactions"], "an array of transactions", transactions);
  const n = transactions.length;
  if (n === 0) throw metricsError(FN, "empty_sample", ["transactions"], "a non-empty array of transactions", transactions);
  const opts = resolveSummaryOptions(options, FN);

  const ids = new Map<string | number, number>();
  const idList: (string | number)[] = [];
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const first = transactions[0] as BtydTransaction | undefined;
  const withAmount = first !== null && typeof first === "object" && first.amount !== undefined;
  const amount = withAmount ? new Float64Array(n) : null;

  for (let i = 0; i < n; i++) {
    const t = transactions[i] as BtydTransaction | null | undefined;
    if (t === null || typeof t !== "object")
      throw metricsError(FN, "invalid_type", [i], "a transaction object { customerId, at, amount? }", t);
    let id: string | number = t.customerId;
    if (typeof id === "number") {
      if (!Number.isFinite(id)) throw metricsError(FN, "invalid_type", [i, "customerId"], "a string or finite number", id);
      if (id === 0) id = 0;
    } else if (typeof id !== "string") {
      throw metricsError(FN, "invalid_type", [i, "customerId"], "a string or finite number", id);
    }
    let c = ids.get(id);
    if (c === undefined) {
      c = idList.length;
      ids.set(id, c);
      idList.push(id);
    }
    customer[i] = c;
    const d = dayOf(t.at, i);
    if (d < -2147483648 || d > 2147483647)
      throw metricsError(FN, "invalid_date", [i, "at"], "a date within ±5.8 million years", t.at);
    day[i] = d;
    const a = t.amount;
    if (amount) {
      if (a === undefined)
        throw metricsError(FN, "invalid_input", [i, "amount"], "given, because other transactions have an amount", a);
      amount[i] = amountOf(a, i);
    } else if (a !== undefined) {
      throw metricsError(
        FN,
        "invalid_input",
        [i, "amount"],
        "absent, because the first transaction has no amount (give amounts on all or none)",
        a,
      );
    }
  }

  const out = runSummaryEngine(
    { customer, customers: idList.length, day, amount },
    { ...opts, fn: FN, datePath: (i: number): readonly PathSegment[] => [i, "at"] },
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
  const rows: CustomerSummary[] = [];
  for (let c = 0; c < idList.length; c++) {
    if (out.present[c] !== 1) continue;
    const row: { -readonly [K in keyof CustomerSummary]: CustomerSummary[K] } = {
      customerId: idList[c] as string | number,
      frequency: out.frequency[c] as number,
      recency: out.recency[c] as number,
      T: out.T[c] as number,
      excludedAfterAsOf: 0,
    };
    if (out.monetaryValue) row.monetaryValue = out.monetaryValue[c] as number;
    row.excludedAfterAsOf = out.excludedAfterAsOf[c] as number;
    if (out.frequencyHoldout) {
      row.frequencyHoldout = out.frequencyHoldout[c] as number;
      if (out.monetaryValueHoldout) row.monetaryValueHoldout = out.monetaryValueHoldout[c] as number;
      row.durationHoldout = out.durationHoldout as number;
    }
    rows.push(row);
  }
  return rows;
}
