import { metricsError } from "../core/errors.js";
import { wilsonInterval } from "../math/wilsonInterval.js";
import { assertNonNegative, assertKnownOptions } from "../core/guards.js";
import type { DateInput, Period } from "../core/time.js";
import type { LoyaltyPeriodKey } from "./types.js";
import {
  periodIndex,
  periodRange,
  readAsOf,
  readConfidence,
  readId,
  readPeriod,
  rowAt,
  toDayNumber,
} from "./_internal/common.js";

/**
 * Referral counts as a CRM report gives them.
 *
 * @category Loyalty
 */
export interface ReferralCounts {
  /** Customers in the base (the denominator). */
  readonly customers: number;
  /** Customers who referred at least one person. */
  readonly referringCustomers: number;
  /** Total referrals made (optional). */
  readonly referrals?: number;
}

/**
 * Referral events with the customer base they come from.
 *
 * @category Loyalty
 */
export interface ReferralEvents {
  /** The customer base: ids, with the date each became a customer (needed for per-period rates). */
  readonly customers: readonly {
    /** The customer's id, listed once (a number id is read as its string form, so `1` and `"1"` are the same customer). */
    readonly customerId: string | number;
    /** When the customer joined (UTC day); required with `period` or `asOf`, where customers who joined after `asOf` are left out. */
    readonly since?: DateInput;
  }[];
  /** One row per referral made. */
  readonly referrals: readonly {
    /** The id of the referring customer; must appear in `customers`. */
    readonly referrerId: string | number;
    /** When the referral was made (UTC day); required with `period` or `asOf`. */
    readonly at?: DateInput;
  }[];
}

/**
 * Options for {@link referralRate}.
 *
 * @category Loyalty
 */
export interface ReferralRateOptions {
  /** Leave out customers who joined, and referrals made, after this date (event form). @defaultValue none */
  readonly asOf?: DateInput;
  /** Also report the rate per calendar period (event form; needs `since` and `at`). @defaultValue none */
  readonly period?: Period;
  /** Confidence level of the Wilson interval. @defaultValue `0.95` */
  readonly confidence?: number;
}

/**
 * The referral rate within one calendar period.
 *
 * @category Loyalty
 */
export interface ReferralPeriod extends LoyaltyPeriodKey {
  /** Customers on the books by the period's end (joined on or before its last day). */
  readonly customers: number;
  /** Of those, customers who referred someone during the period. */
  readonly referringCustomers: number;
  /** Referrals made during the period by those customers. */
  readonly referrals: number;
  /** referringCustomers / customers, or `null` when there are no customers yet. */
  readonly rate: number | null;
}

/**
 * Result of {@link referralRate}.
 *
 * @category Loyalty
 */
export interface ReferralRateResult {
  /** Share of customers who referred at least one person (0–1). */
  readonly rate: number;
  /** Customers in the base. */
  readonly customers: number;
  /** Customers who referred at least once. */
  readonly referringCustomers: number;
  /** Total referrals, or `null` when not given. */
  readonly referrals: number | null;
  /** Referrals per customer, or `null` when referrals are not given. */
  readonly referralsPerCustomer: number | null;
  /** Wilson interval of the rate. */
  readonly confidenceInterval: readonly [number, number];
  /** Per-period rates (event form with the `period` option only). */
  readonly periods?: readonly ReferralPeriod[];
}

const FN = "referralRate";

function fromCounts(c: ReferralCounts, confidence: number): ReferralRateResult {
  const customers = assertNonNegative(c.customers, FN, ["customers"]);
  const referring = assertNonNegative(c.referringCustomers, FN, ["referringCustomers"]);
  for (const [k, v] of [
    ["customers", customers],
    ["referringCustomers", referring],
  ] as const) {
    if (!Number.isInteger(v)) throw metricsError(FN, "not_integer", [k], "a whole number", v);
  }
  if (customers === 0) throw metricsError(FN, "empty_sample", ["customers"], "at least one customer", customers);
  if (referring > customers)
    throw metricsError(FN, "out_of_range", ["referringCustomers"], `at most customers (${customers})`, referring);
  let referrals: number | null = null;
  if (c.referrals !== undefined) {
    referrals = assertNonNegative(c.referrals, FN, ["referrals"]);
    if (referrals < referring)
      throw metricsError(FN, "out_of_range", ["referrals"], `at least referringCustomers (${referring})`, referrals);
  }
  return {
    rate: referring / customers,
    customers,
    referringCustomers: referring,
    referrals,
    referralsPerCustomer: referrals === null ? null : referrals / customers,
    confidenceInterval: wilsonInterval(referring, customers, confidence),
  };
}

/**
 * The share of customers who refer others, from counts or from referral
 * events, with a Wilson interval and optionally per calendar period.
 *
 * @remarks
 * Event form: the rate is distinct referrers among the customer base ÷ the
 * base; a referral by an id outside the base is rejected (`unknown_reference`),
 * since it usually means the two lists do not match. Per period, the base is
 * every customer who joined by the period's end and the numerator those who
 * referred during the period.
 *
 * @param input - {@link ReferralCounts} or {@link ReferralEvents}.
 * @param options - See {@link ReferralRateOptions}.
 * @returns The rate (see {@link ReferralRateResult}).
 * @throws {@link MetricsError} counts form: `not_integer`, `out_of_range` (e.g. more referrers than customers), `empty_sample` for 0 customers; event form: `empty_sample` for no customers, id errors, `duplicate_id` for a customer listed twice (path `["customers", i, "customerId"]`), `unknown_reference` for a referrer not in the base (path `["referrals", i, "referrerId"]`), `invalid_date`; `invalid_option` for `period` with the counts form.
 *
 * @example
 * ```ts
 * import { referralRate } from "customer-metrics/loyalty";
 * referralRate({ customers: 200, referringCustomers: 30, referrals: 45 }).rate; // => 0.15
 * referralRate({ customers: [{ customerId: "a" }, { customerId: "b" }], referrals: [{ referrerId: "a" }, { referrerId: "a" }] }).referralsPerCustomer; // => 1
 * ```
 *
 * @category Loyalty
 */
export function referralRate(input: ReferralCounts | ReferralEvents, options: ReferralRateOptions = {}): ReferralRateResult {
  assertKnownOptions(options, ["asOf", "confidence", "period"], "referralRate");
  const confidence = readConfidence(options.confidence, FN);
  const period = readPeriod(options.period, FN);
  if (typeof input !== "object" || input === null)
    throw metricsError(FN, "invalid_type", [], "referral counts or { customers, referrals }", input);
  if (!Array.isArray((input as ReferralEvents).customers)) {
    if (period !== null)
      throw metricsError(
        FN,
        "invalid_option",
        ["options", "period"],
        "used with referral events ({ customers: [...], referrals: [...] })",
        period,
      );
    return fromCounts(input as ReferralCounts, confidence);
  }
  const ev = input as ReferralEvents;
  const asOf = readAsOf(options.asOf, FN, false);
  const needDate = period !== null || asOf !== null;
  if (!Array.isArray(ev.referrals))
    throw metricsError(FN, "invalid_type", ["referrals"], "an array of { referrerId, at? }", ev.referrals);
  const since = new Map<string, number>();
  const seen = new Set<string>();
  ev.customers.forEach((_, i) => {
    const c = rowAt(ev.customers, i, FN, "a customer { customerId, since? }");
    const id = readId(c.customerId, FN, ["customers", i, "customerId"]);
    if (seen.has(id)) throw metricsError(FN, "duplicate_id", ["customers", i, "customerId"], "a customer id listed once", id);
    seen.add(id);
    const day = needDate ? toDayNumber(c.since as DateInput, { fn: FN, path: ["customers", i, "since"] }) : 0;
    if (asOf !== null && day > asOf) return;
    since.set(id, day);
  });
  if (since.size === 0) throw metricsError(FN, "empty_sample", ["customers"], "at least one customer (on or before asOf)", 0);
  const events: { id: string; day: number }[] = [];
  ev.referrals.forEach((_, i) => {
    const r = rowAt(ev.referrals, i, FN, "a referral { referrerId, at? }");
    const id = readId(r.referrerId, FN, ["referrals", i, "referrerId"]);
    if (!seen.has(id))
      throw metricsError(FN, "unknown_reference", ["referrals", i, "referrerId"], "the id of a customer in `customers`", id);
    const day = needDate ? toDayNumber(r.at as DateInput, { fn: FN, path: ["referrals", i, "at"] }) : 0;
    if (asOf !== null && day > asOf) return;
    if (!since.has(id)) return; // referrer joined after asOf
    events.push({ id, day });
  });
  const referrers = new Set(events.map((e) => e.id));
  const result: ReferralRateResult = {
    rate: referrers.size / since.size,
    customers: since.size,
    referringCustomers: referrers.size,
    referrals: events.length,
    referralsPerCustomer: events.length / since.size,
    confidenceInterval: wilsonInterval(referrers.size, since.size, confidence),
  };
  if (period === null) return result;
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of since.values()) lo = Math.min(lo, periodIndex(d, period));
  for (const e of events) hi = Math.max(hi, periodIndex(e.day, period));
  if (asOf !== null) hi = Math.max(hi, periodIndex(asOf, period));
  for (const d of since.values()) hi = Math.max(hi, periodIndex(d, period));
  const joinedBy = [...since.values()].map((d) => periodIndex(d, period)).sort((a, b) => a - b);
  const byPeriod = new Map<number, { ids: Set<string>; n: number }>();
  for (const e of events) {
    const p = periodIndex(e.day, period);
    if (periodIndex(since.get(e.id) as number, period) > p) continue; // referred before joining: not in that period's base
    let g = byPeriod.get(p);
    if (g === undefined) byPeriod.set(p, (g = { ids: new Set(), n: 0 }));
    g.ids.add(e.id);
    g.n++;
  }
  let j = 0;
  const periods = periodRange(lo, hi, period, FN).map((key): ReferralPeriod => {
    while (j < joinedBy.length && (joinedBy[j] as number) <= key.index) j++;
    const g = byPeriod.get(key.index);
    const referring = g?.ids.size ?? 0;
    return { ...key, customers: j, referringCustomers: referring, referrals: g?.n ?? 0, rate: j === 0 ? null : referring / j };
  });
  return { ...result, periods };
}
