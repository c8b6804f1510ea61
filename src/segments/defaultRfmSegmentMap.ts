import type { RfmSegmentMap } from "./schemas.js";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The default RFM segment table for 1–5 scores: eleven named segments from
 * the recency score `r`, the frequency score `f` and `fm = (f + m) / 2`.
 * Rows are tried in order and the first match wins; together they cover
 * every combination of 1–5 scores.
 *
 * @remarks
 * The segment names are the ones commonly used in RFM practice; the cut-offs
 * are this library's own choices, designed as a grid of `r` (rows) against
 * `fm` rounded half up (columns):
 *
 * | r \ fm | 1 | 1.5–2 | 2.5–3 | 3.5–4 | 4.5–5 |
 * |---|---|---|---|---|---|
 * | 5 | New | Potential loyalist | Potential loyalist | Champions | Champions |
 * | 4 | Promising | Potential loyalist | Potential loyalist | Loyal | Champions |
 * | 3 | About to sleep | About to sleep | Need attention | Loyal | Loyal |
 * | 2 | Hibernating | Hibernating | At risk | At risk | Can't lose them |
 * | 1 | Lost | Lost | At risk | At risk | Can't lose them |
 *
 * except that a single-purchase customer (`f = 1`) with `r = 5` is **New** and
 * with `r = 4` **Promising**, whatever their spend. Override it by passing
 * your own table to {@link rfmSegments} (`segmentMap`), e.g. a copy of this one
 * with rows changed; validate tables from JSON with {@link parseRfmSegmentMap}.
 *
 * @example
 * ```ts
 * import { DEFAULT_RFM_SEGMENT_MAP } from "customer-metrics/segments";
 * new Set(DEFAULT_RFM_SEGMENT_MAP.map((row) => row.segment)).size; // => 11
 * DEFAULT_RFM_SEGMENT_MAP[0]; // => { segment: "Champions", r: [5, 5], fm: [3.5, 5] }
 * ```
 *
 * @category Segments
 */
export const DEFAULT_RFM_SEGMENT_MAP: RfmSegmentMap = /* @__PURE__ */ deepFreeze([
  { segment: "Champions", r: [5, 5], fm: [3.5, 5] },
  { segment: "Champions", r: [4, 4], fm: [4.5, 5] },
  { segment: "Loyal", r: [3, 4], fm: [3.5, 5] },
  { segment: "New", r: [5, 5], f: [1, 1] },
  { segment: "Promising", r: [4, 4], f: [1, 1] },
  { segment: "Potential loyalist", r: [4, 5], fm: [1, 3] },
  { segment: "Need attention", r: [3, 3], fm: [2.5, 3] },
  { segment: "About to sleep", r: [3, 3], fm: [1, 2] },
  { segment: "Can't lose them", r: [1, 2], fm: [4.5, 5] },
  { segment: "At risk", r: [1, 2], fm: [2.5, 4] },
  { segment: "Hibernating", r: [2, 2], fm: [1, 2] },
  { segment: "Lost", r: [1, 1], fm: [1, 2] },
] as const);
