import type { Decimal } from "decimal.js";
import { metricsError } from "../core/errors.js";
import { assertOneOf, isArrayLike, assertKnownOptions } from "../core/guards.js";
import { money, type DecimalInput } from "../core/money.js";
import { fromDayNumber, periodIndex, type DateInput, type Period } from "../core/time.js";
import { readCustomerId, readObject, readOptions } from "./_internal/checks.js";
import { readDay, readPeriod } from "./_internal/dates.js";

/**
 * An activity event: the customer did something that counts as "active" (a purchase, a login, a
 * paid invoice) on a day.
 *
 * @category Churn
 */
export interface ActivityEvent {
  /** The customer's id (a non-empty string or a number). */
  readonly customerId: string | number;
  /** When (UTC). */
  readonly at: DateInput;
  /** Revenue of the event; required in `"revenue"` mode, ignored otherwise. */
  readonly amount?: DecimalInput | undefined;
}

/**
 * A subscription interval for cohort tables: the customer is active in every period the interval
 * overlaps.
 *
 * @category Churn
 */
export interface SubscriptionActivity {
  /** The customer's id (a non-empty string or a number). */
  readonly customerId: string | number;
  /** First day of service (UTC). */
  readonly start: DateInput;
  /** First day without service (UTC), after `start`; omit or `null` while active. */
  readonly end?: DateInput | null | undefined;
  /** Monthly recurring revenue, counted in full in every period the interval overlaps; required in `"revenue"` mode. */
  readonly mrr?: DecimalInput | undefined;
}

/**
 * Activity in columns, the fast path for millions of events: parallel arrays, one entry per
 * event. Typed arrays are welcome.
 *
 * @category Churn
 */
export interface ActivityColumns {
  /** Customer ids (integers ≥ 0 in a typed array are fastest; strings work). */
  readonly customerIds: ArrayLike<number> | readonly (string | number)[];
  /** UTC day numbers of the events (integers; see `toDayNumber` in core). */
  readonly days: ArrayLike<number>;
  /** Revenue per event; required in `"revenue"` mode. */
  readonly amounts?: ArrayLike<number> | readonly DecimalInput[];
}

/**
 * What the cohort functions accept: activity events, subscription intervals, or columns.
 *
 * @category Churn
 */
export type CohortActivity = readonly ActivityEvent[] | readonly SubscriptionActivity[] | ActivityColumns;

/**
 * What a cohort table measures: `"customers"` counts active customers; `"revenue"` sums their revenue.
 *
 * @category Churn
 */
export type CohortRetentionMode = "customers" | "revenue";

/**
 * Options for {@link cohortRetentionTally}.
 *
 * @category Churn
 */
export interface CohortRetentionTallyOptions {
  /** Calendar period of cohorts and ages. @defaultValue `"month"` */
  readonly period?: Period;
  /** Count customers or revenue. @defaultValue `"customers"` */
  readonly mode?: CohortRetentionMode;
  /**
   * Last day of data (inclusive): later events are ignored (and counted). Required for
   * subscription intervals without an `end`. @defaultValue none (every event counts)
   */
  readonly asOf?: DateInput;
}

/**
 * One cohort of a {@link CohortRetentionTally}.
 *
 * @category Churn
 */
export interface CohortTallyRow {
  /** Period index of the cohort (the period of each member's first activity). */
  readonly periodIndex: number;
  /** Customers in the cohort. */
  readonly size: number;
  /** Customers of the cohort active at age 0, 1, 2, … (up to the latest event seen). */
  readonly active: readonly number[];
  /** Revenue of the cohort at each age (only in `"revenue"` mode). */
  readonly revenue?: readonly Decimal[];
}

/**
 * A mergeable partial cohort table. Build one per partition of CUSTOMERS (every customer's events
 * in one partition, e.g. partition by a hash of the id), merge them with
 * {@link mergeCohortRetentionTallies}, and finalize with {@link cohortRetention}.
 *
 * @category Churn
 */
export interface CohortRetentionTally {
  /** Always `"cohort-retention-tally"`. */
  readonly kind: "cohort-retention-tally";
  /** Calendar period of cohorts and ages. */
  readonly period: Period;
  /** What is counted. */
  readonly mode: CohortRetentionMode;
  /** ISO date of the `asOf` used to drop later events, or `null`. */
  readonly asOf: string | null;
  /** Cohorts with at least one customer, oldest first. */
  readonly cohorts: readonly CohortTallyRow[];
  /** Distinct customers. */
  readonly customers: number;
  /** Events (or subscription records) counted. */
  readonly events: number;
  /** Events (or records) ignored because they fall after `asOf`. */
  readonly ignoredEvents: number;
}

const FN = "cohortRetentionTally";
const SKIP = -2147483648;
/** Above this many customer×age bits, deduplicate with a Set instead of a bitset. */
const MAX_BITS = 2 ** 28;
/** Largest |day number| a JavaScript Date can hold. */
const MAX_DAY = 100_000_000;

/**
 * Counts, per cohort and age, the customers (or revenue) active — the mergeable first half of
 * {@link cohortRetention}.
 *
 * A customer's cohort is the period of their first activity; their age in a later period is the
 * number of periods since. A customer counts once per age however many events they have.
 *
 * @remarks
 * One pass validates the days and builds a day→period lookup table, one finds each customer's
 * cohort, and one marks (customer, age) cells in a bitset: no allocation per event on the
 * columnar path. Small non-negative integer ids (below max(2²⁰, 4n)) index arrays directly;
 * other ids get dense slots through a Map (one more pass). Tallies merge exactly when partitions hold disjoint sets of customers; two partitions with
 * the same customer would count that customer twice (and possibly in two cohorts).
 *
 * @param activity - Activity events, subscription intervals or columns (see {@link CohortActivity}).
 * @param options - `{ period = "month", mode = "customers", asOf? }`.
 * @returns A JSON-serializable {@link CohortRetentionTally}.
 * @throws {@link MetricsError} `empty_sample` for no events; `invalid_type` / `unsafe_key` for a bad id;
 * `invalid_date` / `not_integer` for a bad date or day number; `length_mismatch` for columns of
 * different lengths; `invalid_input` for a missing amount in `"revenue"` mode or an open
 * subscription without `asOf`; `out_of_range` for an `end` not after its `start`;
 * `invalid_option` for an unknown period or mode.
 *
 * @example
 * ```ts
 * import { cohortRetentionTally } from "customer-metrics/churn";
 * const t = cohortRetentionTally([
 *   { customerId: 1, at: "2024-01-05" }, { customerId: 1, at: "2024-02-07" },
 *   { customerId: 2, at: "2024-01-20" }, { customerId: 3, at: "2024-02-01" },
 * ]);
 * t.cohorts.map((c) => c.active); // => [[2, 1], [1]]
 * ```
 *
 * @category Churn
 */
export function cohortRetentionTally(activity: CohortActivity, options?: CohortRetentionTallyOptions): CohortRetentionTally {
  assertKnownOptions(options, ["asOf", "mode", "period"], "cohortRetentionTally");
  const opts = readOptions(options, FN);
  const period = readPeriod(opts.period, FN);
  const mode = assertOneOf(opts.mode ?? "customers", ["customers", "revenue"] as const, FN, ["options", "mode"]);
  const asOf = opts.asOf === undefined ? null : readDay(opts.asOf, FN, ["options", "asOf"]);
  const revenue = mode === "revenue";

  let ids: ArrayLike<unknown>;
  let periods: Int32Array;
  let amounts: Decimal[] | null = null;
  let ignored = 0;

  if (Array.isArray(activity)) {
    if (activity.length === 0) throw metricsError(FN, "empty_sample", [], "a non-empty array of activity", activity);
    const first = readObject(activity[0], FN, [0], "an object { customerId, at } or { customerId, start, end? }");
    if ("start" in first && !("at" in first)) {
      ({ ids, periods, amounts, ignored } = expandSubscriptions(activity, period, asOf, revenue));
    } else {
      const n = activity.length;
      const idArr: (string | number)[] = new Array(n);
      const days = new Float64Array(n);
      amounts = revenue ? new Array<Decimal>(n) : null;
      for (let i = 0; i < n; i++) {
        const r = readObject(activity[i], FN, [i], "an object { customerId, at, amount? }");
        idArr[i] = readCustomerId(r["customerId"], FN, [i, "customerId"]);
        days[i] = readDay(r["at"], FN, [i, "at"]);
        if (amounts !== null) amounts[i] = readAmount(r["amount"], [i, "amount"]);
      }
      ids = idArr;
      ({ periods, ignored } = bucketDays(days, period, asOf, ["days"]));
    }
  } else {
    const cols = readObject(activity, FN, [], "an array of events or an object of columns { customerIds, days, amounts? }");
    const idCol = cols["customerIds"];
    const dayCol = cols["days"];
    if (!isArrayLike(idCol)) throw metricsError(FN, "invalid_type", ["customerIds"], "an array of customer ids", idCol);
    if (!isArrayLike(dayCol)) throw metricsError(FN, "invalid_type", ["days"], "an array of UTC day numbers", dayCol);
    if (dayCol.length !== idCol.length)
      throw metricsError(FN, "length_mismatch", ["days"], `of length ${idCol.length} (one day per event)`, dayCol);
    if (idCol.length === 0) throw metricsError(FN, "empty_sample", ["customerIds"], "a non-empty array", idCol);
    ids = idCol;
    ({ periods, ignored } = bucketDays(dayCol as ArrayLike<unknown>, period, asOf, ["days"]));
    if (revenue) {
      const amountCol = cols["amounts"];
      if (!isArrayLike(amountCol))
        throw metricsError(
          FN,
          "invalid_input",
          ["amounts"],
          'given (an array of revenue per event) in "revenue" mode',
          amountCol,
        );
      if (amountCol.length !== idCol.length)
        throw metricsError(FN, "length_mismatch", ["amounts"], `of length ${idCol.length} (one amount per event)`, amountCol);
      amounts = new Array<Decimal>(amountCol.length);
      for (let i = 0; i < amountCol.length; i++) amounts[i] = readAmount(amountCol[i], ["amounts", i]);
    }
  }
  return accumulate(ids, periods, amounts, period, mode, asOf, ignored);
}

function readAmount(value: unknown, path: (string | number)[]): Decimal {
  if (value === undefined || value === null) throw metricsError(FN, "invalid_input", path, 'given in "revenue" mode', value);
  return money(value as DecimalInput, FN, path);
}

/** Validates integer day numbers and maps them to period indices through a lookup table. */
function bucketDays(
  days: ArrayLike<unknown>,
  period: Period,
  asOf: number | null,
  path: (string | number)[],
): { periods: Int32Array; ignored: number } {
  const n = days.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = days[i];
    if (typeof d !== "number" || !Number.isInteger(d)) {
      const code = typeof d !== "number" ? "invalid_type" : Number.isFinite(d) ? "not_integer" : "not_finite";
      throw metricsError(FN, code, [...path, i], "an integer UTC day number (see toDayNumber)", d);
    }
    if (d > MAX_DAY || d < -MAX_DAY) {
      throw metricsError(FN, "out_of_range", [...path, i], "a UTC day number (days since 1970-01-01, not epoch milliseconds)", d);
    }
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (asOf !== null && hi > asOf) hi = Math.max(asOf, lo);
  const periods = new Int32Array(n);
  let ignored = 0;
  const span = hi - lo + 1;
  if (span <= 4 * n + 4096) {
    const table = new Int32Array(span);
    for (let d = 0; d < span; d++) table[d] = periodIndex(lo + d, period);
    for (let i = 0; i < n; i++) {
      const d = days[i] as number;
      if (asOf !== null && d > asOf) {
        periods[i] = SKIP;
        ignored++;
      } else periods[i] = table[d - lo] as number;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const d = days[i] as number;
      if (asOf !== null && d > asOf) {
        periods[i] = SKIP;
        ignored++;
      } else periods[i] = periodIndex(d, period);
    }
  }
  return { periods, ignored };
}

/** Expands subscription intervals to one (customer, period) entry per period overlapped. */
function expandSubscriptions(
  records: readonly unknown[],
  period: Period,
  asOf: number | null,
  revenue: boolean,
): { ids: (string | number)[]; periods: Int32Array; amounts: Decimal[] | null; ignored: number } {
  const ids: (string | number)[] = [];
  const ps: number[] = [];
  const amounts: Decimal[] | null = revenue ? [] : null;
  let ignored = 0;
  for (let i = 0; i < records.length; i++) {
    const r = readObject(records[i], FN, [i], "an object { customerId, start, end? }");
    const id = readCustomerId(r["customerId"], FN, [i, "customerId"]);
    const s = readDay(r["start"], FN, [i, "start"]);
    const rawEnd = r["end"];
    let e: number;
    if (rawEnd === undefined || rawEnd === null) {
      if (asOf === null)
        throw metricsError(
          FN,
          "invalid_input",
          ["options", "asOf"],
          "given when a subscription has no end (it is active up to asOf)",
          undefined,
        );
      e = asOf + 1;
    } else {
      e = readDay(rawEnd, FN, [i, "end"]);
      if (!(e > s)) throw metricsError(FN, "out_of_range", [i, "end"], `a date after start (${fromDayNumber(s)})`, rawEnd);
    }
    const amount = amounts !== null ? readAmount(r["mrr"], [i, "mrr"]) : null;
    if (asOf !== null && s > asOf) {
      ignored++;
      continue;
    }
    const lastDay = asOf === null ? e - 1 : Math.min(e - 1, asOf);
    const p0 = periodIndex(s, period);
    const p1 = periodIndex(lastDay, period);
    for (let p = p0; p <= p1; p++) {
      ids.push(id);
      ps.push(p);
      if (amounts !== null) amounts.push(amount as Decimal);
    }
  }
  return { ids, periods: Int32Array.from(ps), amounts, ignored };
}

function accumulate(
  ids: ArrayLike<unknown>,
  periods: Int32Array,
  amounts: Decimal[] | null,
  period: Period,
  mode: CohortRetentionMode,
  asOf: number | null,
  ignored: number,
): CohortRetentionTally {
  const n = periods.length;
  // Customer slots: small non-negative integer ids index arrays directly (no remapping); other
  // ids get dense slots through a Map.
  let direct = true;
  let maxId = 0;
  if (ids instanceof Int32Array || ids instanceof Uint32Array || ids instanceof Uint16Array || ids instanceof Uint8Array) {
    for (let i = 0; i < n; i++) {
      const id = ids[i] as number;
      if (id > maxId) maxId = id;
      else if (id < 0) {
        direct = false;
        break;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (typeof id === "number" && Number.isInteger(id) && id >= 0) {
        if (id > maxId) maxId = id;
      } else {
        direct = false;
        break;
      }
    }
  }
  if (direct && maxId >= Math.max(1 << 20, 4 * n)) direct = false;
  let slotOf: ArrayLike<number>;
  let nSlots: number;
  if (direct) {
    slotOf = ids as ArrayLike<number>;
    nSlots = maxId + 1;
  } else {
    const dense = new Int32Array(n);
    const map = new Map<unknown, number>();
    let next = 0;
    for (let i = 0; i < n; i++) {
      const raw = ids[i];
      let d = map.get(raw);
      if (d === undefined) {
        const id = readCustomerId(raw, FN, ["customerIds", i]);
        d = next++;
        map.set(id, d);
      }
      dense[i] = d;
    }
    slotOf = dense;
    nSlots = next;
  }

  // Each customer's cohort: the earliest period with activity.
  const first = new Int32Array(nSlots).fill(2147483647);
  let minP = 2147483647;
  let maxP = -2147483648;
  let counted = 0;
  for (let i = 0; i < n; i++) {
    const p = periods[i] as number;
    if (p === SKIP) continue;
    counted++;
    const c = slotOf[i] as number;
    if (p < (first[c] as number)) first[c] = p;
    if (p < minP) minP = p;
    if (p > maxP) maxP = p;
  }
  const customers = counted === 0 ? 0 : countSeen(first);
  const empty: CohortRetentionTally = {
    kind: "cohort-retention-tally",
    period,
    mode,
    asOf: asOf === null ? null : fromDayNumber(asOf),
    cohorts: [],
    customers: 0,
    events: 0,
    ignoredEvents: ignored,
  };
  if (counted === 0) return empty;

  const nAges = maxP - minP + 1;
  const counts = new Float64Array(nAges * nAges);
  const rev: (Decimal | undefined)[] | null = amounts === null ? null : new Array<Decimal | undefined>(nAges * nAges);
  const bits = nSlots * nAges;
  // (customer, age) pairs already counted: a bitset when it fits in MAX_BITS, else a Set.
  const seenBits = bits <= MAX_BITS ? new Uint32Array(Math.ceil(bits / 32)) : null;
  const seenKeys = seenBits === null ? new Set<number>() : null;
  for (let i = 0; i < n; i++) {
    const p = periods[i] as number;
    if (p === SKIP) continue;
    const c = slotOf[i] as number;
    const f = first[c] as number;
    const age = p - f;
    const cell = (f - minP) * nAges + age;
    if (markSeen(seenBits, seenKeys, c * nAges + age)) counts[cell] = (counts[cell] as number) + 1;
    if (rev !== null) rev[cell] = addMoney(rev[cell], (amounts as Decimal[])[i] as Decimal);
  }

  const cohorts: CohortTallyRow[] = [];
  const zero = money(0);
  for (let k = 0; k < nAges; k++) {
    const size = counts[k * nAges] as number;
    if (size === 0) continue;
    const width = nAges - k;
    const active: number[] = new Array(width);
    for (let a = 0; a < width; a++) active[a] = counts[k * nAges + a] as number;
    if (rev !== null) {
      const revenue: Decimal[] = new Array(width);
      for (let a = 0; a < width; a++) revenue[a] = rev[k * nAges + a] ?? zero;
      cohorts.push({ periodIndex: minP + k, size, active, revenue });
    } else cohorts.push({ periodIndex: minP + k, size, active });
  }
  return { ...empty, cohorts, customers, events: counted };
}

/** Marks `key` as seen; true the first time it is marked (bitset `bits` when given, else `keys`). */
function markSeen(bits: Uint32Array | null, keys: Set<number> | null, key: number): boolean {
  if (bits !== null) {
    const word = key >>> 5;
    const mask = 1 << (key & 31);
    const w = bits[word] as number;
    if ((w & mask) !== 0) return false;
    bits[word] = w | mask;
    return true;
  }
  const set = keys as Set<number>;
  if (set.has(key)) return false;
  set.add(key);
  return true;
}

function countSeen(first: Int32Array): number {
  let c = 0;
  for (let i = 0; i < first.length; i++) if ((first[i] as number) !== 2147483647) c++;
  return c;
}

function addMoney(acc: Decimal | undefined, x: Decimal): Decimal {
  return acc === undefined ? x : acc.plus(x);
}
