/**
 * Reading, validating and collapsing fitter input (rows of objects or columns of arrays).
 */
import { metricsError, type PathSegment } from "../../core/errors.js";
import { isArrayLike } from "../../core/guards.js";
import type { BtydDiscreteColumns, BtydDiscreteRow, BtydSummaryColumns, BtydSummaryRow } from "../modelTypes.js";

/** Validated rows as parallel arrays (third column is T, or n for discrete data). */
export interface RowData {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly w: Float64Array;
  /** Sum of weights. */
  readonly n: number;
}

type Getter = (i: number) => unknown;

function columnsOrRows(
  input: unknown,
  fn: string,
  third: "T" | "n",
): { len: number; get: (field: string) => Getter; path: (i: number, field: string) => PathSegment[]; hasWeight: boolean } {
  if (Array.isArray(input)) {
    const rows = input as readonly Record<string, unknown>[];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r === null || typeof r !== "object")
        throw metricsError(fn, "invalid_type", [i], `a row { frequency, recency, ${third}, weight? }`, r);
    }
    return {
      len: rows.length,
      get: (field) => (i) => (rows[i] as Record<string, unknown>)[field],
      path: (i, field) => [i, field],
      hasWeight: true,
    };
  }
  if (input !== null && typeof input === "object") {
    const cols = input as Record<string, unknown>;
    const names = ["frequency", "recency", third];
    for (const name of names) {
      if (!isArrayLike(cols[name])) throw metricsError(fn, "invalid_type", [name], "an array", cols[name]);
    }
    const len = (cols["frequency"] as ArrayLike<unknown>).length;
    for (const name of [...names.slice(1), "weight"]) {
      const c = cols[name];
      if (c === undefined && name === "weight") continue;
      if (!isArrayLike(c)) throw metricsError(fn, "invalid_type", [name], "an array", c);
      if (c.length !== len) throw metricsError(fn, "length_mismatch", [name], `of length ${len} (like frequency)`, c.length);
    }
    const hasWeight = cols["weight"] !== undefined;
    return {
      len,
      get: (field) => {
        const arr = cols[field] as ArrayLike<unknown> | undefined;
        return arr === undefined ? () => undefined : (i) => arr[i];
      },
      path: (i, field) => [field, i],
      hasWeight,
    };
  }
  throw metricsError(
    fn,
    "invalid_type",
    ["rows"],
    `an array of rows or an object of columns { frequency, recency, ${third} }`,
    input,
  );
}

function num(v: unknown, fn: string, path: readonly PathSegment[], what: string): number {
  if (typeof v !== "number") throw metricsError(fn, "invalid_type", path, what, v);
  if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", path, what, v);
  return v === 0 ? 0 : v;
}

/** {@link columnsOrRows}, then an `empty_sample` error when there are no rows. */
function openRows(input: unknown, fn: string, third: "T" | "n"): ReturnType<typeof columnsOrRows> {
  const src = columnsOrRows(input, fn, third);
  if (src.len === 0)
    throw metricsError(fn, "empty_sample", Array.isArray(input) ? [] : ["frequency"], "a non-empty set of rows", src.len);
  return src;
}

/** Row i's optional weight `v` (1 when absent), a finite number >= 0. */
function readWeight(v: unknown, fn: string, src: ReturnType<typeof columnsOrRows>, i: number): number {
  if (v === undefined) return 1;
  const wi = num(v, fn, src.path(i, "weight"), "a finite number >= 0");
  if (wi < 0) throw metricsError(fn, "out_of_range", src.path(i, "weight"), "a finite number >= 0", wi);
  return wi;
}

/** Throws `empty_sample` unless the weights have a positive sum. */
function checkWeightSum(fn: string, total: number): void {
  if (!(total > 0)) throw metricsError(fn, "empty_sample", ["weight"], "weights with a positive sum", total);
}

/** Reads continuous-time rows `{ frequency, recency, T, weight? }` (or columns), validating each value. */
export function readContinuousRows(input: readonly BtydSummaryRow[] | BtydSummaryColumns, fn: string): RowData {
  const src = openRows(input, fn, "T");
  const { len } = src;
  const gx = src.get("frequency");
  const gr = src.get("recency");
  const gT = src.get("T");
  const gw = src.get("weight");
  const x = new Float64Array(len);
  const tx = new Float64Array(len);
  const T = new Float64Array(len);
  const w = new Float64Array(len);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const xi = num(gx(i), fn, src.path(i, "frequency"), "a non-negative integer");
    if (!Number.isInteger(xi)) throw metricsError(fn, "not_integer", src.path(i, "frequency"), "a non-negative integer", xi);
    if (xi < 0) throw metricsError(fn, "out_of_range", src.path(i, "frequency"), "a non-negative integer", xi);
    const ri = num(gr(i), fn, src.path(i, "recency"), "a finite number >= 0");
    if (ri < 0) throw metricsError(fn, "out_of_range", src.path(i, "recency"), "a finite number >= 0", ri);
    const Ti = num(gT(i), fn, src.path(i, "T"), "a finite number >= 0");
    if (Ti < 0) throw metricsError(fn, "out_of_range", src.path(i, "T"), "a finite number >= 0", Ti);
    if (ri > Ti) throw metricsError(fn, "out_of_range", src.path(i, "recency"), `at most T (${Ti})`, ri);
    if (xi === 0 && ri > 0)
      throw metricsError(
        fn,
        "invalid_input",
        src.path(i, "recency"),
        "0 when frequency is 0 (no repeat purchase, no recency)",
        ri,
      );
    const wi = readWeight(gw(i), fn, src, i);
    x[i] = xi;
    tx[i] = ri;
    T[i] = Ti;
    w[i] = wi;
    n += wi;
  }
  checkWeightSum(fn, n);
  return { x, tx, T, w, n };
}

/** Reads discrete-time rows `{ frequency, recency, n, weight? }` (or columns) for BG/BB. */
export function readDiscreteRows(input: readonly BtydDiscreteRow[] | BtydDiscreteColumns, fn: string): RowData {
  const src = openRows(input, fn, "n");
  const { len } = src;
  const gx = src.get("frequency");
  const gr = src.get("recency");
  const gn = src.get("n");
  const gw = src.get("weight");
  const x = new Float64Array(len);
  const tx = new Float64Array(len);
  const T = new Float64Array(len);
  const w = new Float64Array(len);
  let total = 0;
  const int = (v: unknown, path: PathSegment[], min: number, max: number, what: string): number => {
    const k = num(v, fn, path, what);
    if (!Number.isInteger(k)) throw metricsError(fn, "not_integer", path, what, k);
    if (k < min || k > max) throw metricsError(fn, "out_of_range", path, what, k);
    return k;
  };
  for (let i = 0; i < len; i++) {
    const ni = int(gn(i), src.path(i, "n"), 1, 1e7, "a positive integer number of opportunities");
    const xi = int(gx(i), src.path(i, "frequency"), 0, ni, `an integer from 0 to n (${ni})`);
    const ri = int(gr(i), src.path(i, "recency"), 0, ni, `an integer from 0 to n (${ni})`);
    if (xi === 0 && ri > 0) throw metricsError(fn, "invalid_input", src.path(i, "recency"), "0 when frequency is 0", ri);
    if (xi > 0 && ri < xi) throw metricsError(fn, "out_of_range", src.path(i, "recency"), `at least frequency (${xi})`, ri);
    const wi = readWeight(gw(i), fn, src, i);
    x[i] = xi;
    tx[i] = ri;
    T[i] = ni;
    w[i] = wi;
    total += wi;
  }
  checkWeightSum(fn, total);
  return { x, tx, T, w, n: total };
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mixBits(h: number, v: number): number {
  f64[0] = v;
  h = Math.imul(h ^ (u32[0] as number), 0x9e3779b1);
  h = Math.imul(h ^ (u32[1] as number), 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Hash of a row: integer fast path (the common day/week summaries), float64 bits otherwise. */
function rowHash(x: number, r: number, T: number): number {
  if ((r | 0) === r && (T | 0) === T) {
    let h = Math.imul(x | 0, 0x9e3779b1) ^ Math.imul(r | 0, 0x85ebca77) ^ Math.imul(T | 0, 0xc2b2ae3d);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    return (h ^ (h >>> 15)) >>> 0;
  }
  return mixBits(mixBits(mixBits(0x811c9dc5, x), r), T);
}

/**
 * Collapses identical (x, t_x, T) rows, summing their weights (zero-weight rows dropped). Open addressing
 * with a table that grows with the number of distinct rows (so it stays cache-sized when many rows repeat):
 * O(n), no per-row allocation.
 */
export function collapseRows(d: RowData): RowData {
  const len = d.x.length;
  let cap = 1024;
  let mask = cap - 1;
  let table = new Int32Array(cap).fill(-1);
  const ox = new Float64Array(len);
  const otx = new Float64Array(len);
  const oT = new Float64Array(len);
  const ow = new Float64Array(len);
  let k = 0;
  for (let i = 0; i < len; i++) {
    const wi = d.w[i] as number;
    if (wi === 0) continue;
    const xi = d.x[i] as number;
    const ri = d.tx[i] as number;
    const Ti = d.T[i] as number;
    let h = rowHash(xi, ri, Ti) & mask;
    for (;;) {
      const j = table[h] as number;
      if (j === -1) {
        table[h] = k;
        ox[k] = xi;
        otx[k] = ri;
        oT[k] = Ti;
        ow[k] = wi;
        k++;
        if (k * 2 > cap) {
          // Grow and rehash the distinct rows seen so far.
          cap <<= 1;
          mask = cap - 1;
          table = new Int32Array(cap).fill(-1);
          for (let q = 0; q < k; q++) {
            let g = rowHash(ox[q] as number, otx[q] as number, oT[q] as number) & mask;
            while (table[g] !== -1) g = (g + 1) & mask;
            table[g] = q;
          }
        }
        break;
      }
      if (ox[j] === xi && otx[j] === ri && oT[j] === Ti) {
        ow[j] = (ow[j] as number) + wi;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { x: ox.slice(0, k), tx: otx.slice(0, k), T: oT.slice(0, k), w: ow.slice(0, k), n: d.n };
}

/** Distinct values of `v` and, per element, the index of its value (hash on float64 bits). */
export function uniqueIndex(v: Float64Array): { values: Float64Array; index: Int32Array } {
  const len = v.length;
  let cap = 16;
  while (cap < len * 2) cap <<= 1;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  const values = new Float64Array(len);
  const index = new Int32Array(len);
  let k = 0;
  for (let i = 0; i < len; i++) {
    const vi = v[i] as number;
    let h = mixBits(0x811c9dc5, vi) & mask;
    for (;;) {
      const j = table[h] as number;
      if (j === -1) {
        table[h] = k;
        values[k] = vi;
        index[i] = k;
        k++;
        break;
      }
      if (values[j] === vi) {
        index[i] = j;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { values: values.slice(0, k), index };
}
