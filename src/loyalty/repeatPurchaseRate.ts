import { metricsError } from "../core/errors.js";
import { wilsonInterval } from "../math/wilsonInterval.js";
import type { DateInput, Period } from "../core/time.js";
import type { LoyaltyPeriodKey } from "./types.js";
import {
  periodIndex,
  periodRange,
  readAsOf,
  readConfidence,
  readId,
  readPeriod,
  readRows,
  rowAt,
  toDayNumber,
} from "./_internal/common.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * One purchase: who bought, and when.
 *
 * @category Loyalty
 */
export interface PurchaseEvent {
  /** Customer id (string or number; used as a Map key). */
  readonly customerId: string | number;
  /** When (Date, ISO-8601 string or epoch ms; UTC). */
  readonly at: DateInput;
}

/**
 * Options for {@link repeatPurchaseRate}.
 *
 * @category Loyalty
 */
export interface RepeatPurchaseRateOptions {
  /** Leave out purchases after this date. @defaultValue none (all purchases count) */
  readonly asOf?: DateInput;
  /** Also report the rate per calendar period. @defaultValue none */
  readonly period?: Period;
  /** Confidence level of the Wilson interval. @defaultValue `0.95` */
  readonly confidence?: number;
}

/**
 * The repeat-purchase rate in one calendar period.
 *
 * @category Loyalty
 */
export interface RepeatPurchasePeriod extends LoyaltyPeriodKey {
  /** Customers who bought in the period. */
  readonly customers: number;
  /** Of those, customers with two or more purchases up to the period's end. */
  readonly repeatCustomers: number;
  /** repeatCustomers / customers, or `null` for a period without buyers. */
  readonly rate: number | null;
}

/**
 * Result of {@link repeatPurchaseRate}.
 *
 * @category Loyalty
 */
export interface RepeatPurchaseRateResult {
  /** Share of customers with two or more purchases (0–1). */
  readonly rate: number;
  /** Customers with at least one purchase. */
  readonly customers: number;
  /** Customers with two or more purchases. */
  readonly repeatCustomers: number;
  /** Purchases counted. */
  readonly purchases: number;
  /** Wilson interval of the rate. */
  readonly confidenceInterval: readonly [number, number];
  /** Per-period rates (only with the `period` option). */
  readonly periods?: readonly RepeatPurchasePeriod[];
}

const FN = "repeatPurchaseRate";

/**
 * The share of customers who bought more than once: repeat customers ÷
 * customers, with a Wilson interval, and optionally per calendar period.
 *
 * @remarks
 * Every row is one purchase (collapse order lines to orders first). Per
 * period, the rate is the share of the period's buyers who, by the end of the
 * period, have bought at least twice (the "returning customer rate" of
 * e-commerce dashboards); periods without buyers have `rate: null`, never 0.
 *
 * @param purchases - Purchases (see {@link PurchaseEvent}).
 * @param options - See {@link RepeatPurchaseRateOptions}.
 * @returns The rate (see {@link RepeatPurchaseRateResult}).
 * @throws {@link MetricsError} `invalid_type` for a non-array or non-object row (path `[i]`); `empty_sample` when no purchase remains; id errors at `[i, "customerId"]` (`invalid_type`, `not_finite`, `unsafe_key`); `invalid_date` at `[i, "at"]` or `["options", "asOf"]`; `invalid_option` for an unknown period.
 *
 * @example
 * ```ts
 * import { repeatPurchaseRate } from "customer-metrics/loyalty";
 * const r = repeatPurchaseRate([
 *   { customerId: "a", at: "2024-01-03" }, { customerId: "a", at: "2024-02-10" },
 *   { customerId: "b", at: "2024-01-20" }, { customerId: "c", at: "2024-02-01" },
 * ], { period: "month" });
 * r.rate; // => 0.3333
 * r.periods?.map((p) => [p.label, p.rate]); // => [["2024-01", 0], ["2024-02", 0.5]]
 * ```
 *
 * @category Loyalty
 */
export function repeatPurchaseRate(
  purchases: readonly PurchaseEvent[],
  options: RepeatPurchaseRateOptions = {},
): RepeatPurchaseRateResult {
  assertKnownOptions(options, ["asOf", "confidence", "period"], "repeatPurchaseRate");
  const rows = readRows<PurchaseEvent>(purchases, FN, "purchases { customerId, at }");
  const period = readPeriod(options.period, FN);
  const asOf = readAsOf(options.asOf, FN, false);
  const confidence = readConfidence(options.confidence, FN);
  const events: { cid: string; day: number; i: number }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rowAt(rows, i, FN, "a purchase { customerId, at }");
    const cid = readId(r.customerId, FN, [i, "customerId"]);
    const day = toDayNumber(r.at, { fn: FN, path: [i, "at"] });
    if (asOf !== null && day > asOf) continue;
    events.push({ cid, day, i });
  }
  if (events.length === 0) throw metricsError(FN, "empty_sample", [], "at least one purchase on or before asOf", 0);
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.cid, (counts.get(e.cid) ?? 0) + 1);
  let repeat = 0;
  for (const c of counts.values()) if (c >= 2) repeat++;
  const customers = counts.size;
  const result: RepeatPurchaseRateResult = {
    rate: repeat / customers,
    customers,
    repeatCustomers: repeat,
    purchases: events.length,
    confidenceInterval: wilsonInterval(repeat, customers, confidence),
  };
  if (period === null) return result;

  // Per period: buyers in the period; repeat if cumulative purchases up to the period end >= 2.
  const sorted = events
    .map((e) => ({ ...e, p: periodIndex(e.day, period) }))
    .sort((a, b) => a.p - b.p || a.day - b.day || a.i - b.i);
  const lo = (sorted[0] as { p: number }).p;
  const hi = (sorted[sorted.length - 1] as { p: number }).p;
  const cumulative = new Map<string, number>();
  const rowsOut: RepeatPurchasePeriod[] = [];
  let k = 0;
  for (const key of periodRange(lo, hi, period, FN)) {
    const buyers = new Set<string>();
    while (k < sorted.length && (sorted[k] as { p: number }).p === key.index) {
      const e = sorted[k] as { cid: string };
      cumulative.set(e.cid, (cumulative.get(e.cid) ?? 0) + 1);
      buyers.add(e.cid);
      k++;
    }
    let rep = 0;
    for (const b of buyers) if ((cumulative.get(b) ?? 0) >= 2) rep++;
    rowsOut.push({ ...key, customers: buyers.size, repeatCustomers: rep, rate: buyers.size === 0 ? null : rep / buyers.size });
  }
  return { ...result, periods: rowsOut };
}
