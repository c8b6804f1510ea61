import { metricsError } from "../core/errors.js";
import type { RfmSegmentMap } from "./schemas.js";
import { DEFAULT_RFM_SEGMENT_MAP } from "./defaultRfmSegmentMap.js";
import { validateRfmSegmentMap } from "./_internal/segmentMap.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * A customer's scores as {@link rfmScores} returns them (only these fields are read).
 *
 * @category Segments
 */
export interface RfmScoreInput {
  /** The customer's id. */
  readonly customerId: string | number;
  /** Recency score (an integer ≥ 1). */
  readonly r: number;
  /** Frequency score (an integer ≥ 1). */
  readonly f: number;
  /** Monetary score (an integer ≥ 1). */
  readonly m: number;
}

/**
 * Options of {@link rfmSegments}.
 *
 * @category Segments
 */
export interface RfmSegmentsOptions {
  /** The segment table, tried row by row. @defaultValue {@link DEFAULT_RFM_SEGMENT_MAP} (for 1–5 scores) */
  readonly segmentMap?: RfmSegmentMap;
  /** Segment of a customer no row matches (only possible with a custom table that leaves gaps). @defaultValue `"Other"` */
  readonly fallback?: string;
}

/**
 * A customer's RFM segment.
 *
 * @category Segments
 */
export interface RfmSegmentRow {
  /** The customer's id. */
  readonly customerId: string | number;
  /** Segment name. */
  readonly segment: string;
  /** Recency score. */
  readonly r: number;
  /** Frequency score. */
  readonly f: number;
  /** Monetary score. */
  readonly m: number;
  /** `(f + m) / 2`. */
  readonly fm: number;
}

function inRange(range: readonly [number, number] | undefined, x: number): boolean {
  return range === undefined || (x >= range[0] && x <= range[1]);
}

/**
 * Named customer segments (Champions, Loyal, … Lost) from RFM scores, by a
 * documented rule table you can replace.
 *
 * @remarks
 * Each customer gets the segment of the first table row whose ranges all hold
 * (`r`, `f`, `m` and `fm = (f + m) / 2`, each inclusive). The default table,
 * {@link DEFAULT_RFM_SEGMENT_MAP}, is for 1–5 scores (`rfmScores` with
 * `bins: 5`) and covers every combination; with it, a score above 5 is
 * rejected. A custom table may use any scale and may leave gaps (`fallback`).
 *
 * @param scores - Scores per customer (e.g. the output of {@link rfmScores}).
 * @param options - `segmentMap`, `fallback`.
 * @returns One {@link RfmSegmentRow} per customer, in input order.
 * @throws {@link MetricsError} `empty_sample` for no scores; `invalid_type` / `not_integer` / `out_of_range` for a bad
 * score (path `[index, "r" | "f" | "m"]`); the codes of {@link parseRfmSegmentMap} for a bad table (path `["options", "segmentMap", …]`).
 *
 * @example
 * ```ts
 * import { rfmSegments } from "customer-metrics/segments";
 * const rows = rfmSegments([
 *   { customerId: 1, r: 5, f: 5, m: 4 },
 *   { customerId: 2, r: 5, f: 1, m: 5 },
 *   { customerId: 3, r: 2, f: 3, m: 4 },
 *   { customerId: 4, r: 1, f: 1, m: 2 },
 * ]);
 * rows.map((s) => s.segment); // => ["Champions", "New", "At risk", "Lost"]
 * rfmSegments([{ customerId: 1, r: 5, f: 2, m: 2 }], { segmentMap: [{ segment: "Recent", r: [4, 5] }] })[0]?.segment; // => "Recent"
 * ```
 *
 * @category Segments
 */
export function rfmSegments(scores: readonly RfmScoreInput[], options: RfmSegmentsOptions = {}): RfmSegmentRow[] {
  assertKnownOptions(options, ["fallback", "segmentMap"], "rfmSegments");
  const fn = "rfmSegments";
  const custom = options.segmentMap !== undefined;
  const map = custom ? validateRfmSegmentMap(options.segmentMap, fn, ["options", "segmentMap"]) : DEFAULT_RFM_SEGMENT_MAP;
  const fallback = options.fallback ?? "Other";
  if (typeof fallback !== "string" || fallback.length === 0) {
    throw metricsError(fn, "invalid_type", ["options", "fallback"], "a non-empty segment name", fallback);
  }
  if (!Array.isArray(scores)) throw metricsError(fn, "invalid_type", ["scores"], "an array of RFM scores", scores);
  if (scores.length === 0) throw metricsError(fn, "empty_sample", ["scores"], "a non-empty array of RFM scores", scores);
  const max = custom ? Number.MAX_SAFE_INTEGER : 5;
  return scores.map((s: unknown, i): RfmSegmentRow => {
    if (s === null || typeof s !== "object") throw metricsError(fn, "invalid_type", [i], "an object { customerId, r, f, m }", s);
    const row = s as Record<string, unknown>;
    const v: number[] = [];
    for (const key of ["r", "f", "m"]) {
      const x = row[key];
      const requirement = custom
        ? "an integer score >= 1"
        : "an integer score from 1 to 5 (the default segment table is for 5 bins)";
      if (typeof x !== "number") throw metricsError(fn, "invalid_type", [i, key], requirement, x);
      if (!Number.isFinite(x)) throw metricsError(fn, "not_finite", [i, key], requirement, x);
      if (!Number.isInteger(x)) throw metricsError(fn, "not_integer", [i, key], requirement, x);
      if (x < 1 || x > max) throw metricsError(fn, "out_of_range", [i, key], requirement, x);
      v.push(x);
    }
    const [r, f, m] = v as [number, number, number];
    const fm = (f + m) / 2;
    let segment = fallback;
    for (const rule of map) {
      if (inRange(rule.r, r) && inRange(rule.f, f) && inRange(rule.m, m) && inRange(rule.fm, fm)) {
        segment = rule.segment;
        break;
      }
    }
    return { customerId: row["customerId"] as string | number, segment, r, f, m, fm };
  });
}
