import { metricsError } from "../core/errors.js";
import type { DateInput, Period } from "../core/time.js";
import type { LoyaltyPeriodKey } from "./types.js";
import { periodIndex, periodRange, readAsOf, readId, readPeriod, readRows, rowAt, toDayNumber } from "./_internal/common.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * One purchase with the product category bought.
 *
 * @category Loyalty
 */
export interface CategoryPurchase {
  /** Customer id. */
  readonly customerId: string | number;
  /** Product category (any non-empty string or number). */
  readonly category: string | number;
  /** When; required with the `period` or `asOf` options. */
  readonly at?: DateInput;
}

/**
 * Options for {@link categoryBreadth}.
 *
 * @category Loyalty
 */
export interface CategoryBreadthOptions {
  /** Leave out purchases after this date. @defaultValue none */
  readonly asOf?: DateInput;
  /** Also report breadth per calendar period (distinct categories within each period). @defaultValue none */
  readonly period?: Period;
}

/**
 * Breadth within one period.
 *
 * @category Loyalty
 */
export interface CategoryBreadthPeriod extends LoyaltyPeriodKey {
  /** Customers who bought in the period. */
  readonly customers: number;
  /** Mean distinct categories per buying customer, or `null` without buyers. */
  readonly mean: number | null;
  /** Share of buyers with two or more categories, or `null` without buyers. */
  readonly multiCategoryShare: number | null;
}

/**
 * Result of {@link categoryBreadth}.
 *
 * @category Loyalty
 */
export interface CategoryBreadthResult {
  /** Customers with at least one purchase. */
  readonly customers: number;
  /** Mean number of distinct categories per customer. */
  readonly mean: number;
  /** Median number of distinct categories per customer. */
  readonly median: number;
  /** Largest number of distinct categories of any customer. */
  readonly max: number;
  /** Share of customers who bought in two or more categories (0–1). */
  readonly multiCategoryShare: number;
  /** Customers per number of distinct categories, ascending. */
  readonly distribution: readonly {
    /** A number of distinct categories (≥ 1). */
    readonly categories: number;
    /** Customers who bought in exactly that many distinct categories. */
    readonly customers: number;
  }[];
  /** Distinct categories per customer, in order of first appearance. */
  readonly perCustomer: readonly {
    /** The customer's id (numeric ids are converted to strings). */
    readonly customerId: string;
    /** Distinct categories the customer bought in (≥ 1). */
    readonly categories: number;
  }[];
  /** Per-period breadth (only with the `period` option). */
  readonly periods?: readonly CategoryBreadthPeriod[];
}

const FN = "categoryBreadth";

/**
 * How many distinct product categories each customer buys: the mean, median,
 * distribution and share of multi-category customers, optionally per period.
 * Buying across categories is a classic sign of a deepening relationship.
 *
 * @param purchases - Purchases with a category (see {@link CategoryPurchase}).
 * @param options - See {@link CategoryBreadthOptions}.
 * @returns Breadth statistics (see {@link CategoryBreadthResult}).
 * @throws {@link MetricsError} `empty_sample` when no purchase remains; id errors at `[i, "customerId"]` / `[i, "category"]`; `invalid_date` at `[i, "at"]` (also when `at` is missing but `period` or `asOf` is given); `invalid_option` for an unknown period.
 *
 * @example
 * ```ts
 * import { categoryBreadth } from "customer-metrics/loyalty";
 * const r = categoryBreadth([
 *   { customerId: 1, category: "shoes" }, { customerId: 1, category: "bags" }, { customerId: 1, category: "shoes" },
 *   { customerId: 2, category: "shoes" },
 * ]);
 * [r.mean, r.median, r.multiCategoryShare]; // => [1.5, 1.5, 0.5]
 * ```
 *
 * @category Loyalty
 */
export function categoryBreadth(
  purchases: readonly CategoryPurchase[],
  options: CategoryBreadthOptions = {},
): CategoryBreadthResult {
  assertKnownOptions(options, ["asOf", "period"], "categoryBreadth");
  const rows = readRows<CategoryPurchase>(purchases, FN, "purchases { customerId, category, at? }");
  const period = readPeriod(options.period, FN);
  const asOf = readAsOf(options.asOf, FN, false);
  const needDate = period !== null || asOf !== null;
  const cats = new Map<string, Set<string>>();
  const byPeriod = new Map<number, Map<string, Set<string>>>();
  for (let i = 0; i < rows.length; i++) {
    const r = rowAt(rows, i, FN, "a purchase { customerId, category }");
    const cid = readId(r.customerId, FN, [i, "customerId"]);
    const cat = readId(r.category, FN, [i, "category"]);
    let day = 0;
    if (needDate) {
      day = toDayNumber(r.at as DateInput, { fn: FN, path: [i, "at"] });
      if (asOf !== null && day > asOf) continue;
    }
    let set = cats.get(cid);
    if (set === undefined) cats.set(cid, (set = new Set()));
    set.add(cat);
    if (period !== null) {
      const p = periodIndex(day, period);
      let m = byPeriod.get(p);
      if (m === undefined) byPeriod.set(p, (m = new Map()));
      let s = m.get(cid);
      if (s === undefined) m.set(cid, (s = new Set()));
      s.add(cat);
    }
  }
  if (cats.size === 0) throw metricsError(FN, "empty_sample", [], "at least one purchase on or before asOf", 0);
  const perCustomer = [...cats].map(([customerId, s]) => ({ customerId, categories: s.size }));
  const sizes = perCustomer.map((c) => c.categories).sort((a, b) => a - b);
  const n = sizes.length;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sizes[mid] as number) : ((sizes[mid - 1] as number) + (sizes[mid] as number)) / 2;
  const dist = new Map<number, number>();
  for (const s of sizes) dist.set(s, (dist.get(s) ?? 0) + 1);
  const result: CategoryBreadthResult = {
    customers: n,
    mean: sizes.reduce((a, b) => a + b, 0) / n,
    median,
    max: sizes[n - 1] as number,
    multiCategoryShare: sizes.filter((s) => s >= 2).length / n,
    distribution: [...dist].map(([categories, customers]) => ({ categories, customers })),
    perCustomer,
  };
  if (period === null) return result;
  let lo = Infinity;
  let hi = -Infinity;
  for (const k of byPeriod.keys()) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  const periods = periodRange(lo, hi, period, FN).map((key): CategoryBreadthPeriod => {
    const m = byPeriod.get(key.index);
    if (m === undefined) return { ...key, customers: 0, mean: null, multiCategoryShare: null };
    let sum = 0;
    let multi = 0;
    for (const s of m.values()) {
      sum += s.size;
      if (s.size >= 2) multi++;
    }
    return { ...key, customers: m.size, mean: sum / m.size, multiCategoryShare: multi / m.size };
  });
  return { ...result, periods };
}
