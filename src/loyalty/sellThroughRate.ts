import { type PathSegment, metricsError } from "../core/errors.js";
import type { DateInput, Period } from "../core/time.js";
import type { LoyaltyPeriodKey } from "./types.js";
import { periodIndex, periodRange, readId, readPeriod, toDayNumber } from "./_internal/common.js";
import { isArrayLike, assertKnownOptions } from "../core/guards.js";

/**
 * Units sold against units available, for one product (and period).
 * Give `unitsAvailable`, or `beginningInventory` plus `unitsReceived`.
 *
 * @category Loyalty
 */
export interface SellThroughRecord {
  /** Units sold. */
  readonly unitsSold: number;
  /** Units available for sale. */
  readonly unitsAvailable?: number;
  /** Units on hand at the start (used when `unitsAvailable` is absent). */
  readonly beginningInventory?: number;
  /** Units received during the period (used with `beginningInventory`). @defaultValue `0` */
  readonly unitsReceived?: number;
  /** Product id, to report per product. */
  readonly productId?: string | number;
  /** A date in the record's period (required with the `period` option). */
  readonly at?: DateInput;
}

/**
 * Options for {@link sellThroughRate}.
 *
 * @category Loyalty
 */
export interface SellThroughRateOptions {
  /** Also report the rate per calendar period of `at`. @defaultValue none */
  readonly period?: Period;
}

/**
 * Sell-through totals of a group (a product or a period).
 *
 * @category Loyalty
 */
export interface SellThroughTotals {
  /** Units sold. */
  readonly unitsSold: number;
  /** Units available. */
  readonly unitsAvailable: number;
  /** unitsSold / unitsAvailable (0–1), or `null` when nothing was available. */
  readonly rate: number | null;
}

/**
 * Result of {@link sellThroughRate}.
 *
 * @category Loyalty
 */
export interface SellThroughRateResult extends SellThroughTotals {
  /** unitsSold / unitsAvailable over all records (0–1). */
  readonly rate: number;
  /** Per product (records with a `productId`), in order of first appearance. */
  readonly byProduct: readonly (SellThroughTotals & {
    /** The product's id (numeric ids are converted to strings). */
    readonly productId: string;
  })[];
  /** Per period (only with the `period` option). */
  readonly periods?: readonly (SellThroughTotals & LoyaltyPeriodKey)[];
}

const FN = "sellThroughRate";

function count(v: unknown, path: readonly PathSegment[]): number {
  if (typeof v !== "number") throw metricsError(FN, "invalid_type", path, "a finite number of units >= 0", v);
  if (!Number.isFinite(v)) throw metricsError(FN, "not_finite", path, "a finite number of units >= 0", v);
  if (v < 0) throw metricsError(FN, "out_of_range", path, "a finite number of units >= 0", v);
  return v === 0 ? 0 : v;
}

/**
 * The sell-through rate (the "product sales rate" used as an intimacy signal):
 * units sold ÷ units available, overall, per product and optionally per
 * period.
 *
 * @remarks
 * Each record is one product over one period, so per-period totals sum the
 * records dated in that period. The rate is a fraction (0.62, not 62%).
 * Selling more than was available is rejected: it means the inventory data
 * is incomplete.
 *
 * @param records - One record or an array (see {@link SellThroughRecord}).
 * @param options - See {@link SellThroughRateOptions}.
 * @returns The rate (see {@link SellThroughRateResult}).
 * @throws {@link MetricsError} `empty_sample` for no records; `invalid_type` / `not_finite` / `out_of_range` for unit counts (path `[i, field]`); `invalid_input` when neither `unitsAvailable` nor `beginningInventory` is given; `out_of_range` when units sold exceed units available (path `[i, "unitsSold"]`); `invalid_date` at `[i, "at"]` with `period`; `undefined_result` when no units were available at all.
 *
 * @example
 * ```ts
 * import { sellThroughRate } from "customer-metrics/loyalty";
 * sellThroughRate({ unitsSold: 62, unitsAvailable: 100 }).rate; // => 0.62
 * sellThroughRate([{ productId: "tee", unitsSold: 30, beginningInventory: 40, unitsReceived: 10 }, { productId: "cap", unitsSold: 5, unitsAvailable: 50 }]).rate; // => 0.35
 * ```
 *
 * @category Loyalty
 */
export function sellThroughRate(
  records: SellThroughRecord | readonly SellThroughRecord[],
  options: SellThroughRateOptions = {},
): SellThroughRateResult {
  assertKnownOptions(options, ["period"], "sellThroughRate");
  const period = readPeriod(options.period, FN);
  const many = isArrayLike(records);
  const list = (many ? records : [records]) as readonly SellThroughRecord[];
  if (list.length === 0) throw metricsError(FN, "empty_sample", [], "at least one record", records);
  let sold = 0;
  let available = 0;
  const byProduct = new Map<string, { s: number; a: number }>();
  const byPeriod = new Map<number, { s: number; a: number }>();
  list.forEach((r, i) => {
    const p = (f: string): PathSegment[] => (many ? [i, f] : [f]);
    if (typeof r !== "object" || r === null)
      throw metricsError(FN, "invalid_type", many ? [i] : [], "a record { unitsSold, unitsAvailable }", r);
    const s = count(r.unitsSold, p("unitsSold"));
    let a: number;
    if (r.unitsAvailable !== undefined) a = count(r.unitsAvailable, p("unitsAvailable"));
    else if (r.beginningInventory !== undefined) {
      a =
        count(r.beginningInventory, p("beginningInventory")) +
        (r.unitsReceived === undefined ? 0 : count(r.unitsReceived, p("unitsReceived")));
    } else
      throw metricsError(FN, "invalid_input", p("unitsAvailable"), "given (or beginningInventory + unitsReceived)", undefined);
    if (s > a) throw metricsError(FN, "out_of_range", p("unitsSold"), `at most the units available (${a})`, s);
    sold += s;
    available += a;
    if (r.productId !== undefined) {
      const id = readId(r.productId, FN, p("productId"));
      const g = byProduct.get(id) ?? { s: 0, a: 0 };
      g.s += s;
      g.a += a;
      byProduct.set(id, g);
    }
    if (period !== null) {
      const k = periodIndex(toDayNumber(r.at as DateInput, { fn: FN, path: p("at") }), period);
      const g = byPeriod.get(k) ?? { s: 0, a: 0 };
      g.s += s;
      g.a += a;
      byPeriod.set(k, g);
    }
  });
  if (available === 0) throw metricsError(FN, "undefined_result", [], "records with some units available (the rate is 0/0)", 0);
  const totals = (g: { s: number; a: number }): SellThroughTotals => ({
    unitsSold: g.s,
    unitsAvailable: g.a,
    rate: g.a === 0 ? null : g.s / g.a,
  });
  const result: SellThroughRateResult = {
    unitsSold: sold,
    unitsAvailable: available,
    rate: sold / available,
    byProduct: [...byProduct].map(([productId, g]) => ({ productId, ...totals(g) })),
  };
  if (period === null) return result;
  let lo = Infinity;
  let hi = -Infinity;
  for (const k of byPeriod.keys()) {
    lo = Math.min(lo, k);
    hi = Math.max(hi, k);
  }
  return {
    ...result,
    periods: periodRange(lo, hi, period, FN).map((key) => ({ ...key, ...totals(byPeriod.get(key.index) ?? { s: 0, a: 0 }) })),
  };
}
