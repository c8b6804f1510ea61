import type { Decimal } from "decimal.js";
import { metricsError, type PathSegment } from "../core/errors.js";
import { isArrayLike } from "../core/guards.js";
import { _MoneyDecimal, money, type DecimalInput } from "../core/money.js";

/**
 * Customer values as columns for {@link topCustomersByValue} (e.g. ids next to
 * `customerLifetimeValueBatch(...).values`).
 *
 * @category BTYD
 */
export interface CustomerValueColumns {
  /** Customer ids (strings or numbers), one per value. */
  readonly customerId: ArrayLike<string | number>;
  /** Values (float64 money), one per id. */
  readonly value: ArrayLike<number>;
}

/**
 * One row of a top-k ranking.
 *
 * @category BTYD
 */
export interface TopCustomerRow {
  /** 1 for the most valuable customer. */
  readonly rank: number;
  /** The customer's id. */
  readonly customerId: string | number;
  /** The customer's value, as Decimal money. */
  readonly value: Decimal;
  /** value ÷ total value of all customers given, in [0, 1] when all values are ≥ 0 (0 when the total is 0). */
  readonly share: number;
  /** Sum of `share` through this rank: the part of the base's value held by the top `rank` customers. */
  readonly cumulativeShare: number;
}

/**
 * The k most valuable customers, ranked, with each one's share of the whole base's value (how
 * concentrated value is: "the top 1% hold 20%").
 *
 * Ranks by value, largest first; ties keep input order. Shares divide by the sum over all customers
 * given, not just the top k.
 *
 * @remarks
 * Selection with a size-k heap: O(n log k) comparisons, so ranking a million customers is cheap. Row
 * input (`{ customerId, value }[]`, e.g. {@link customerLifetimeValue}'s rows) is compared and summed
 * exactly in Decimal; column input (float64 values, e.g. {@link customerLifetimeValueBatch}) is compared
 * as numbers and only the top k are converted to Decimal.
 *
 * @param customers - Rows `{ customerId, value }[]` (value: Decimal, decimal string or number) or columns `{ customerId, value }`.
 * @param k - How many customers to return, an integer ≥ 1 (all of them when k exceeds their number).
 * @returns Up to k rows, most valuable first.
 * @throws {@link MetricsError} `empty_sample` for no customers; `length_mismatch` for columns of different lengths; `not_integer`/`out_of_range` for a bad k; `invalid_type`/`not_finite`/`invalid_input` for a bad id or value (path `[i, field]` or `[field, i]`).
 *
 * @example
 * ```ts
 * import { topCustomersByValue } from "customer-metrics/btyd";
 * const top = topCustomersByValue([{ customerId: "a", value: "10" }, { customerId: "b", value: "70" }, { customerId: "c", value: "20" }], 2);
 * top.map((r) => r.customerId); // => ["b", "c"]
 * top[1]!.cumulativeShare; // => 0.9
 * ```
 *
 * @category BTYD
 */
export function topCustomersByValue(
  customers: readonly { readonly customerId: string | number; readonly value: DecimalInput }[] | CustomerValueColumns,
  k: number,
): TopCustomerRow[] {
  const fn = "topCustomersByValue";
  if (typeof k !== "number") throw metricsError(fn, "invalid_type", ["k"], "an integer >= 1", k);
  if (!Number.isFinite(k)) throw metricsError(fn, "not_finite", ["k"], "an integer >= 1", k);
  if (!Number.isInteger(k)) throw metricsError(fn, "not_integer", ["k"], "an integer >= 1", k);
  if (k < 1) throw metricsError(fn, "out_of_range", ["k"], "an integer >= 1", k);
  const checkId = (id: unknown, path: readonly PathSegment[]): string | number => {
    if (typeof id === "number") {
      if (!Number.isFinite(id)) throw metricsError(fn, "not_finite", path, "a string or finite number id", id);
      return id;
    }
    if (typeof id !== "string" || id.length === 0)
      throw metricsError(fn, "invalid_type", path, "a non-empty string or a number", id);
    return id;
  };

  if (Array.isArray(customers)) {
    const rows = customers as readonly { customerId: unknown; value: unknown }[];
    const n = rows.length;
    if (n === 0) throw metricsError(fn, "empty_sample", [], "a non-empty array of customers", rows);
    const values: Decimal[] = new Array<Decimal>(n);
    let total = new _MoneyDecimal(0);
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      if (r === null || typeof r !== "object") throw metricsError(fn, "invalid_type", [i], "a row { customerId, value }", r);
      checkId(r.customerId, [i, "customerId"]);
      const v = money(r.value as DecimalInput, fn, [i, "value"]);
      values[i] = v;
      total = total.plus(v);
    }
    const better = (a: number, b: number): boolean => {
      const c = (values[a] as Decimal).cmp(values[b] as Decimal);
      return c > 0 || (c === 0 && a < b);
    };
    const idx = selectTop(n, Math.min(k, n), better);
    return finish(
      idx,
      (i) => rows[i]?.customerId as string | number,
      (i) => values[i] as Decimal,
      total,
    );
  }
  if (customers === null || typeof customers !== "object") {
    throw metricsError(
      fn,
      "invalid_type",
      ["customers"],
      "an array of rows { customerId, value } or columns { customerId, value }",
      customers,
    );
  }
  const cols = customers as CustomerValueColumns;
  if (!isArrayLike(cols.customerId)) throw metricsError(fn, "invalid_type", ["customerId"], "an array", cols.customerId);
  if (!isArrayLike(cols.value)) throw metricsError(fn, "invalid_type", ["value"], "an array", cols.value);
  const n = cols.customerId.length;
  if (n === 0) throw metricsError(fn, "empty_sample", ["customerId"], "a non-empty array", n);
  if (cols.value.length !== n)
    throw metricsError(fn, "length_mismatch", ["value"], `of length ${n} (like customerId)`, cols.value.length);
  const vals = cols.value;
  let sum = 0;
  let comp = 0; // Neumaier-compensated sum
  for (let i = 0; i < n; i++) {
    const v = vals[i];
    if (typeof v !== "number") throw metricsError(fn, "invalid_type", ["value", i], "a finite number", v);
    if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", ["value", i], "a finite number", v);
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  const better = (a: number, b: number): boolean => {
    const va = vals[a] as number;
    const vb = vals[b] as number;
    return va > vb || (va === vb && a < b);
  };
  const idx = selectTop(n, Math.min(k, n), better);
  for (const i of idx) checkId(cols.customerId[i], ["customerId", i]);
  return finish(
    idx,
    (i) => cols.customerId[i] as string | number,
    (i) => new _MoneyDecimal(vals[i] as number),
    new _MoneyDecimal(sum + comp),
  );
}

/** Indices of the k best items (by `better`), best first, with a size-k min-heap. */
function selectTop(n: number, k: number, better: (a: number, b: number) => boolean): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => better(b, a);
  const up = (j: number): void => {
    while (j > 0) {
      const parent = (j - 1) >> 1;
      if (!worse(heap[j] as number, heap[parent] as number)) break;
      [heap[j], heap[parent]] = [heap[parent] as number, heap[j] as number];
      j = parent;
    }
  };
  const down = (j: number): void => {
    for (;;) {
      const l = 2 * j + 1;
      const r = l + 1;
      let w = j;
      if (l < heap.length && worse(heap[l] as number, heap[w] as number)) w = l;
      if (r < heap.length && worse(heap[r] as number, heap[w] as number)) w = r;
      if (w === j) return;
      [heap[j], heap[w]] = [heap[w] as number, heap[j] as number];
      j = w;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (better(i, heap[0] as number)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

function finish(
  idx: readonly number[],
  idOf: (i: number) => string | number,
  valueOf: (i: number) => Decimal,
  total: Decimal,
): TopCustomerRow[] {
  const out: TopCustomerRow[] = [];
  let cum = new _MoneyDecimal(0);
  const zero = total.isZero();
  idx.forEach((i, r) => {
    const v = valueOf(i);
    cum = cum.plus(v);
    out.push({
      rank: r + 1,
      customerId: idOf(i),
      value: new _MoneyDecimal(v),
      share: zero ? 0 : v.div(total).toNumber(),
      cumulativeShare: zero ? 0 : cum.div(total).toNumber(),
    });
  });
  return out;
}
