import { metricsError } from "../core/errors.js";
import { fromDayNumber, periodIndex, periodLabel, periodStart, type DateInput, type Period } from "../core/time.js";
import { readCustomerId, readObject, readOptions, readRecordArray } from "./_internal/checks.js";
import { readAsOf, readDay, readPeriod } from "./_internal/dates.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * One subscription (or any contract interval) of a customer. A customer may have several
 * (plan changes, reactivations, several seats); overlapping intervals of the same customer count
 * once.
 *
 * @category Churn
 */
export interface SubscriptionRecord {
  /** The customer's id (a non-empty string or a number). */
  readonly customerId: string | number;
  /** First day of service (UTC). */
  readonly start: DateInput;
  /**
   * The day the subscription ended: the first day WITHOUT service (UTC), after `start`. Omit it
   * (or pass `null`) for a subscription that is still active.
   */
  readonly end?: DateInput | null | undefined;
}

/**
 * Options for {@link customerMovements}.
 *
 * @category Churn
 */
export interface CustomerMovementsOptions {
  /** The calendar period of each row. @defaultValue `"month"` */
  readonly period?: Period;
  /** The last day of data (inclusive). Required: the library never reads the clock. */
  readonly asOf: DateInput;
  /** First period to report (the period containing this date). @defaultValue the period of the earliest start */
  readonly from?: DateInput;
}

/**
 * One period of {@link customerMovements}: where the customers came from and went to.
 * `customersAtEnd = customersAtStart + newCustomers + reactivatedCustomers − customersLost`.
 *
 * @category Churn
 */
export interface CustomerMovementRow {
  /** Period label, e.g. `"2024-03"` (see `periodLabel` in core). */
  readonly period: string;
  /** Period index (see `periodIndex` in core). */
  readonly periodIndex: number;
  /** ISO date of the period's first day. */
  readonly start: string;
  /** ISO date of the last day counted: the period's last day, or `asOf` for the current period. */
  readonly end: string;
  /** Whether the whole period lies on or before `asOf`. */
  readonly complete: boolean;
  /** Customers active on the day before the period started. */
  readonly customersAtStart: number;
  /** Customers whose first-ever subscription started in the period and who were active at its end. */
  readonly newCustomers: number;
  /** Former customers (inactive at the start) who came back and were active at the end. */
  readonly reactivatedCustomers: number;
  /** Customers active at the start and not at the end (a gap inside the period that closes again is not churn). */
  readonly customersLost: number;
  /** Customers inactive at both the start and the end who were active in between (joined or came back, then left). */
  readonly customersJoinedAndLost: number;
  /** Customers active on the period's last counted day. */
  readonly customersAtEnd: number;
}

/**
 * Result of {@link customerMovements}.
 *
 * @category Churn
 */
export interface CustomerMovementsResult {
  /** The period of each row. */
  readonly period: Period;
  /** ISO date of `asOf`. */
  readonly asOf: string;
  /** Distinct customers with at least one subscription starting on or before `asOf`. */
  readonly customers: number;
  /** Records ignored because they start after `asOf`. */
  readonly ignoredRecords: number;
  /** One row per period, oldest first, up to the period containing `asOf`. */
  readonly rows: readonly CustomerMovementRow[];
}

/**
 * Per-period customer counts (start, new, reactivated, lost, end) derived from subscription
 * records, so nobody counts by hand.
 *
 * A customer is active on day `d` when one of their subscriptions has `start ≤ d < end`. For each
 * period, the status on the day before it starts and on its last day classifies the customer:
 * inactive → active is new (first-ever subscription) or reactivated; active → inactive is lost;
 * inactive → inactive with activity in between is "joined and lost"; active → active is retained
 * even across a short gap. This is ChartMogul's counting rule, which keeps customers who joined
 * and churned within a period out of the churn numerator.
 *
 * @see ChartMogul, "Customer churn rate": https://help.chartmogul.com/hc/en-us/articles/207340419
 *
 * @remarks
 * Rows plug straight into {@link churnRate} / {@link retentionRate} (`churnRate({ ...row, method })`):
 * the field names match. Records starting after `asOf` are ignored (and counted); an `end` after
 * `asOf` means still active at `asOf`. The last row is usually incomplete (`complete: false`): its
 * end counts are as of `asOf`. Overlapping or adjacent subscriptions of one customer merge; exact
 * duplicate records (same customer, start and end) are rejected as a likely data error.
 *
 * @param subscriptions - Subscription records `{ customerId, start, end? }`, in any order.
 * @param options - `{ period = "month", asOf, from? }`.
 * @returns `{ period, asOf, customers, ignoredRecords, rows }`.
 * @throws {@link MetricsError} `empty_sample` for no records; `invalid_type` / `unsafe_key` for a bad
 * id; `invalid_date` for a bad date or a missing `asOf`; `out_of_range` for an `end` not after its
 * `start`, or an `asOf` before every record (path `["options", "asOf"]`) or before `from`;
 * `duplicate_id` for an exact duplicate record; `invalid_option` for an unknown period.
 *
 * @example
 * ```ts
 * import { customerMovements } from "customer-metrics/churn";
 * const subs = [
 *   { customerId: "a", start: "2024-01-10" },
 *   { customerId: "b", start: "2024-01-15", end: "2024-02-20" },
 *   { customerId: "c", start: "2024-02-03", end: "2024-02-10" },
 *   { customerId: "b", start: "2024-03-05" },
 * ];
 * const { rows } = customerMovements(subs, { period: "month", asOf: "2024-03-31" });
 * rows.map((r) => r.period); // => ["2024-01", "2024-02", "2024-03"]
 * rows.map((r) => r.customersAtEnd); // => [2, 1, 2]
 * rows[1].customersLost; // => 1
 * rows[1].customersJoinedAndLost; // => 1
 * rows[2].reactivatedCustomers; // => 1
 * ```
 *
 * @category Churn
 */
export function customerMovements(
  subscriptions: readonly SubscriptionRecord[],
  options: CustomerMovementsOptions,
): CustomerMovementsResult {
  assertKnownOptions(options, ["asOf", "from", "period"], "customerMovements");
  const fn = "customerMovements";
  const opts = readOptions(options, fn);
  const period = readPeriod(opts.period, fn);
  const asOf = readAsOf(opts.asOf, fn);
  const fromDay = opts.from === undefined ? undefined : readDay(opts.from, fn, ["options", "from"]);
  const records = readRecordArray(subscriptions, fn, [], "an array of { customerId, start, end? } records");

  // 1. Read and group intervals per customer: [start, end) with end = +Infinity when open.
  const byCustomer = new Map<string | number, number[]>();
  const firstIndex = new Map<string | number, number[]>();
  let ignored = 0;
  let minStart = Infinity;
  for (let i = 0; i < records.length; i++) {
    const r = readObject(records[i], fn, [i], "an object { customerId, start, end? }");
    const id = readCustomerId(r["customerId"], fn, [i, "customerId"]);
    const s = readDay(r["start"], fn, [i, "start"]);
    const rawEnd = r["end"];
    const e = rawEnd === undefined || rawEnd === null ? Infinity : readDay(rawEnd, fn, [i, "end"]);
    if (!(e > s)) throw metricsError(fn, "out_of_range", [i, "end"], `a date after start (${fromDayNumber(s)})`, rawEnd);
    if (s > asOf) {
      ignored++;
      continue;
    }
    if (s < minStart) minStart = s;
    let list = byCustomer.get(id);
    if (list === undefined) {
      list = [];
      byCustomer.set(id, list);
      firstIndex.set(id, []);
    }
    list.push(s, e);
    (firstIndex.get(id) as number[]).push(i);
  }
  if (byCustomer.size === 0) {
    throw metricsError(fn, "out_of_range", ["options", "asOf"], "on or after the earliest subscription start", opts.asOf);
  }
  if (fromDay !== undefined && fromDay > asOf) {
    throw metricsError(fn, "out_of_range", ["options", "from"], "on or before asOf", opts.from);
  }

  const firstP = periodIndex(fromDay ?? minStart, period);
  const lastP = periodIndex(asOf, period);
  const nP = lastP - firstP + 1;
  const ps = new Float64Array(nP + 1); // first day of each period (and of the one after)
  for (let k = 0; k <= nP; k++) ps[k] = periodStart(firstP + k, period);
  const firstDay = ps[0] as number;

  const fresh = new Float64Array(nP);
  const back = new Float64Array(nP);
  const lost = new Float64Array(nP);
  const transient = new Float64Array(nP);
  let startCount = 0;

  const merged: number[] = [];
  const candidates: number[] = [];
  for (const [id, list] of byCustomer) {
    // 2. Sort this customer's intervals, reject exact duplicates, merge overlaps.
    const n = list.length / 2;
    const order = Array.from({ length: n }, (_, k) => k);
    order.sort(
      (x, y) => (list[2 * x] as number) - (list[2 * y] as number) || (list[2 * x + 1] as number) - (list[2 * y + 1] as number),
    );
    merged.length = 0;
    for (let k = 0; k < n; k++) {
      const o = order[k] as number;
      const a = list[2 * o] as number;
      const b = list[2 * o + 1] as number;
      if (k > 0) {
        const prev = order[k - 1] as number;
        if (list[2 * prev] === a && list[2 * prev + 1] === b) {
          const idx = (firstIndex.get(id) as number[])[Math.max(o, prev)] as number;
          throw metricsError(
            fn,
            "duplicate_id",
            [idx],
            `not an exact duplicate of another record of customer ${JSON.stringify(id)}`,
            id,
          );
        }
      }
      const m = merged.length;
      if (m > 0 && a <= (merged[m - 1] as number)) {
        if (b > (merged[m - 1] as number)) merged[m - 1] = b;
      } else merged.push(a, b);
    }
    const active = (day: number): boolean => {
      for (let k = 0; k < merged.length; k += 2) {
        if ((merged[k] as number) <= day && day < (merged[k + 1] as number)) return true;
        if ((merged[k] as number) > day) return false;
      }
      return false;
    };
    if (active(firstDay - 1)) startCount++;
    // 3. Classify the customer in each period where one of their boundaries falls.
    candidates.length = 0;
    for (let k = 0; k < merged.length; k += 2) {
      const a = merged[k] as number;
      const b = merged[k + 1] as number;
      if (a >= firstDay) candidates.push(periodIndex(a, period) - firstP);
      if (b <= asOf && b >= firstDay) candidates.push(periodIndex(b, period) - firstP);
    }
    candidates.sort((x, y) => x - y);
    const firstEver = merged[0] as number;
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c] as number;
      if (c > 0 && candidates[c - 1] === k) continue;
      const p0 = ps[k] as number;
      const p1 = Math.min((ps[k + 1] as number) - 1, asOf);
      const s0 = active(p0 - 1);
      const s1 = active(p1);
      if (s0 && !s1) lost[k] = (lost[k] as number) + 1;
      else if (!s0 && s1) {
        if (firstEver >= p0) fresh[k] = (fresh[k] as number) + 1;
        else back[k] = (back[k] as number) + 1;
      } else if (!s0 && !s1) {
        let inside = false;
        for (let j = 0; j < merged.length; j += 2) {
          if ((merged[j] as number) <= p1 && (merged[j + 1] as number) > p0) {
            inside = true;
            break;
          }
        }
        if (inside) transient[k] = (transient[k] as number) + 1;
      }
    }
  }

  const rows: CustomerMovementRow[] = [];
  let atStart = startCount;
  for (let k = 0; k < nP; k++) {
    const lastDay = (ps[k + 1] as number) - 1;
    const atEnd = atStart + (fresh[k] as number) + (back[k] as number) - (lost[k] as number);
    rows.push({
      period: periodLabel(firstP + k, period),
      periodIndex: firstP + k,
      start: fromDayNumber(ps[k] as number),
      end: fromDayNumber(Math.min(lastDay, asOf)),
      complete: lastDay <= asOf,
      customersAtStart: atStart,
      newCustomers: fresh[k] as number,
      reactivatedCustomers: back[k] as number,
      customersLost: lost[k] as number,
      customersJoinedAndLost: transient[k] as number,
      customersAtEnd: atEnd,
    });
    atStart = atEnd;
  }
  return { period, asOf: fromDayNumber(asOf), customers: byCustomer.size, ignoredRecords: ignored, rows };
}
