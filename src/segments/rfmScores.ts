import { metricsError, type PathSegment } from "../core/errors.js";
import { assertIntegerInRange, assertOneOf, assertKnownOptions } from "../core/guards.js";
import { money, type DecimalInput } from "../core/money.js";

/**
 * One customer's summary, as `summarizeTransactions` (btyd) returns it.
 *
 * @category Segments
 */
export interface RfmInputRow {
  /** The customer's id (unique). */
  readonly customerId: string | number;
  /** Number of repeat purchases (≥ 0). */
  readonly frequency: number;
  /** Age at the last purchase: time from the first to the last purchase (0 ≤ recency ≤ T). */
  readonly recency: number;
  /** Age: time from the first purchase to the end of the observation (in the same unit as `recency`). */
  readonly T: number;
  /** Average spend per purchase (a number, a decimal string or a Decimal). */
  readonly monetaryValue: DecimalInput;
}

/**
 * Cut points per dimension, each ascending with `bins − 1` values.
 *
 * @category Segments
 */
export interface RfmCutPoints {
  /** Cut points on the time since the last purchase (`T − recency`): less time scores higher. */
  readonly recency: readonly number[];
  /** Cut points on `frequency`: a value ≥ a cut point moves up a score. */
  readonly frequency: readonly number[];
  /** Cut points on `monetaryValue`: a value ≥ a cut point moves up a score. */
  readonly monetary: readonly number[];
}

/**
 * Options of {@link rfmScores}.
 *
 * @category Segments
 */
export interface RfmScoresOptions {
  /** Number of scores per dimension (2–9); scores run 1..bins, higher is better. @defaultValue `5` */
  readonly bins?: number;
  /** `"quantile"`: scores from each customer's rank; `"cut-points"`: from your `cutPoints`. @defaultValue `"quantile"` */
  readonly method?: "quantile" | "cut-points";
  /** Cut points, required with `method: "cut-points"`. */
  readonly cutPoints?: RfmCutPoints;
}

/**
 * A customer's RFM scores.
 *
 * @category Segments
 */
export interface RfmScore {
  /** The customer's id. */
  readonly customerId: string | number;
  /** Recency score, 1..bins (bins = bought most recently). */
  readonly r: number;
  /** Frequency score, 1..bins (bins = buys most often). */
  readonly f: number;
  /** Monetary score, 1..bins (bins = spends most). */
  readonly m: number;
  /** The three scores as one code, e.g. `"545"`. */
  readonly code: string;
  /** `r + f + m`. */
  readonly total: number;
  /** Time since the last purchase, `T − recency`, in the summary's unit. */
  readonly sinceLastPurchase: number;
  /** The frequency scored. */
  readonly frequency: number;
  /** The monetary value scored, as a number. */
  readonly monetaryValue: number;
  /** How the scores were made. */
  readonly method: "quantile" | "cut-points";
}

function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readCuts(value: unknown, bins: number, fn: string, path: readonly PathSegment[]): Float64Array {
  if (!Array.isArray(value)) throw metricsError(fn, "invalid_type", path, `an array of ${bins - 1} ascending cut points`, value);
  if (value.length !== bins - 1)
    throw metricsError(fn, "length_mismatch", path, `an array of bins − 1 = ${bins - 1} cut points`, value);
  const out = new Float64Array(value.length);
  value.forEach((x: unknown, i) => {
    if (typeof x !== "number") throw metricsError(fn, "invalid_type", [...path, i], "a finite number", x);
    if (!Number.isFinite(x)) throw metricsError(fn, "not_finite", [...path, i], "a finite number", x);
    if (i > 0 && x <= (out[i - 1] as number))
      throw metricsError(fn, "unsorted", [...path, i], `a cut point > the previous one (${out[i - 1]})`, x);
    out[i] = x;
  });
  return out;
}

/**
 * Recency, frequency and monetary (RFM) scores per customer, by quantile
 * rank or by your own cut points.
 *
 * @remarks
 * **Recency** is scored on the time since the last purchase, `T − recency`
 * (less is better), not on btyd's `recency` (the age at the last purchase),
 * so customers first seen at different times compare fairly. **Frequency**
 * and **monetary** are scored as given (more is better); with btyd summaries
 * the monetary value is the mean of repeat purchases (0 for one-time buyers)
 * unless they were summarized with `includeFirstTransaction`.
 *
 * **Quantile method, ties.** With `n` customers and `b` bins, a customer's
 * score is `1 + ⌊b · w / n⌋`, where `w` is the number of customers strictly
 * worse on that dimension. Tied customers therefore always share a score
 * (the lowest their group's ranks allow), the result does not depend on the
 * input order, and on tie-free data every score is used by ⌊n/b⌋ or ⌈n/b⌉
 * customers. Heavy ties (many one-time buyers) leave some scores unused rather
 * than silently merging bins; the scale stays 1..b.
 *
 * **Cut-points method.** For frequency and monetary the score is
 * `1 + #{cut points ≤ value}`; for recency (time since last purchase)
 * `b − #{cut points ≤ time}`.
 *
 * @param rows - One summary per customer (see {@link RfmInputRow}).
 * @param options - `bins`, `method`, `cutPoints`.
 * @returns One {@link RfmScore} per customer, in input order.
 * @throws {@link MetricsError} `empty_sample` for no rows; `duplicate_id` for a repeated `customerId` (path `[index, "customerId"]`);
 * `invalid_type` / `not_finite` / `out_of_range` for bad fields (path `[index, field]`; `recency` above `T` is `out_of_range` at `recency`);
 * `invalid_option` for a bad `method`; `out_of_range` / `not_integer` for `bins`; with cut points: `invalid_type`,
 * `length_mismatch` (not `bins − 1` values), `unsorted`.
 *
 * @example
 * ```ts
 * import { rfmScores } from "customer-metrics/segments";
 * const rows = [
 *   { customerId: "a", frequency: 6, recency: 300, T: 310, monetaryValue: 80 },
 *   { customerId: "b", frequency: 1, recency: 20, T: 200, monetaryValue: 35 },
 *   { customerId: "c", frequency: 0, recency: 0, T: 90, monetaryValue: 0 },
 *   { customerId: "d", frequency: 3, recency: 150, T: 160, monetaryValue: 120 },
 * ];
 * // "a" and "d" tie on recency (10 days): both get the lower of their two ranks, 3.
 * rfmScores(rows, { bins: 4 }).map((s) => s.code); // => ["343", "122", "211", "334"]
 * rfmScores(rows, { bins: 3, method: "cut-points", cutPoints: { recency: [30, 90], frequency: [1, 4], monetary: [50, 100] } })[0]?.code; // => "332"
 * ```
 *
 * @category Segments
 */
export function rfmScores(rows: readonly RfmInputRow[], options: RfmScoresOptions = {}): RfmScore[] {
  assertKnownOptions(options, ["bins", "cutPoints", "method"], "rfmScores");
  const fn = "rfmScores";
  const bins = options.bins === undefined ? 5 : assertIntegerInRange(options.bins, 2, 9, fn, ["options", "bins"]);
  const method =
    options.method === undefined
      ? "quantile"
      : assertOneOf(options.method, ["quantile", "cut-points"] as const, fn, ["options", "method"]);
  if (!Array.isArray(rows)) throw metricsError(fn, "invalid_type", ["rows"], "an array of customer summaries", rows);
  const n = rows.length;
  if (n === 0) throw metricsError(fn, "empty_sample", ["rows"], "a non-empty array of customer summaries", rows);
  const since = new Float64Array(n);
  const freq = new Float64Array(n);
  const mon = new Float64Array(n);
  const ids = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const row = rows[i] as unknown;
    if (row === null || typeof row !== "object") throw metricsError(fn, "invalid_type", [i], "a customer summary object", row);
    const r = row as Record<string, unknown>;
    const id = r["customerId"];
    if (typeof id === "string" ? id.length === 0 : typeof id !== "number" || !Number.isFinite(id)) {
      throw metricsError(fn, "invalid_type", [i, "customerId"], "a non-empty string or a finite number", id);
    }
    if (ids.has(id as string | number))
      throw metricsError(fn, "duplicate_id", [i, "customerId"], "a customer id not used before", id);
    ids.set(id as string | number, i);
    const nums: number[] = [];
    for (const key of ["frequency", "recency", "T"]) {
      const v = r[key];
      if (typeof v !== "number") throw metricsError(fn, "invalid_type", [i, key], "a finite number >= 0", v);
      if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", [i, key], "a finite number >= 0", v);
      if (v < 0) throw metricsError(fn, "out_of_range", [i, key], "a finite number >= 0", v);
      nums.push(v === 0 ? 0 : v);
    }
    const [f, rec, T] = nums as [number, number, number];
    if (rec > T) throw metricsError(fn, "out_of_range", [i, "recency"], `a number <= T (${T})`, rec);
    const mv = r["monetaryValue"];
    const m = typeof mv === "number" ? mv : money(mv as DecimalInput, fn, [i, "monetaryValue"]).toNumber();
    if (!Number.isFinite(m)) throw metricsError(fn, "not_finite", [i, "monetaryValue"], "a finite amount", mv);
    since[i] = T - rec;
    freq[i] = f;
    mon[i] = m === 0 ? 0 : m;
  }

  const rS = new Uint8Array(n);
  const fS = new Uint8Array(n);
  const mS = new Uint8Array(n);
  if (method === "quantile") {
    const sortedSince = since.slice().sort();
    const sortedFreq = freq.slice().sort();
    const sortedMon = mon.slice().sort();
    for (let i = 0; i < n; i++) {
      // Customers strictly worse: for recency, a longer time since the last purchase.
      rS[i] = 1 + Math.floor((bins * (n - upperBound(sortedSince, since[i] as number))) / n);
      fS[i] = 1 + Math.floor((bins * lowerBound(sortedFreq, freq[i] as number)) / n);
      mS[i] = 1 + Math.floor((bins * lowerBound(sortedMon, mon[i] as number)) / n);
    }
  } else {
    const cuts = options.cutPoints;
    if (cuts === undefined || cuts === null || typeof cuts !== "object") {
      throw metricsError(
        fn,
        "invalid_option",
        ["options", "cutPoints"],
        'an object { recency, frequency, monetary } (required with method "cut-points")',
        cuts,
      );
    }
    const cr = readCuts(cuts.recency, bins, fn, ["options", "cutPoints", "recency"]);
    const cf = readCuts(cuts.frequency, bins, fn, ["options", "cutPoints", "frequency"]);
    const cm = readCuts(cuts.monetary, bins, fn, ["options", "cutPoints", "monetary"]);
    for (let i = 0; i < n; i++) {
      rS[i] = bins - upperBound(cr, since[i] as number);
      fS[i] = 1 + upperBound(cf, freq[i] as number);
      mS[i] = 1 + upperBound(cm, mon[i] as number);
    }
  }

  const out: RfmScore[] = new Array<RfmScore>(n);
  for (let i = 0; i < n; i++) {
    const r = rS[i] as number;
    const f = fS[i] as number;
    const m = mS[i] as number;
    out[i] = {
      customerId: (rows[i] as RfmInputRow).customerId,
      r,
      f,
      m,
      code: `${r}${f}${m}`,
      total: r + f + m,
      sinceLastPurchase: since[i] as number,
      frequency: freq[i] as number,
      monetaryValue: mon[i] as number,
      method,
    };
  }
  return out;
}
