import { metricsError, type PathSegment } from "../../core/errors.js";
import { isUnsafeKey } from "../../core/guards.js";
import type { RfmSegmentMap } from "../schemas.js";

const KEYS = ["segment", "r", "f", "m", "fm"];

/** Validates an RFM segment table without zod (used by rfmSegments and parseRfmSegmentMap). */
export function validateRfmSegmentMap(input: unknown, fn: string, path: readonly PathSegment[]): RfmSegmentMap {
  if (!Array.isArray(input)) throw metricsError(fn, "invalid_type", path, "an array of segment rules", input);
  if (input.length === 0) throw metricsError(fn, "empty_sample", path, "a non-empty array of segment rules", input);
  input.forEach((rule: unknown, i) => {
    const p = [...path, i];
    if (rule === null || typeof rule !== "object" || Array.isArray(rule))
      throw metricsError(fn, "invalid_type", p, "a segment rule object", rule);
    for (const key of Object.keys(rule)) {
      if (isUnsafeKey(key))
        throw metricsError(fn, "unsafe_key", [...p, key], "a key other than __proto__, constructor or prototype", key);
      if (!KEYS.includes(key)) throw metricsError(fn, "invalid_input", [...p, key], "one of segment, r, f, m, fm", key);
    }
    const r = rule as Record<string, unknown>;
    if (typeof r["segment"] !== "string" || r["segment"].length === 0) {
      throw metricsError(fn, "invalid_type", [...p, "segment"], "a non-empty segment name", r["segment"]);
    }
    for (const key of ["r", "f", "m", "fm"]) {
      const range = r[key];
      if (range === undefined) continue;
      if (!Array.isArray(range) || range.length !== 2)
        throw metricsError(fn, "invalid_type", [...p, key], "a range [min, max]", range);
      range.forEach((x: unknown, j) => {
        if (typeof x !== "number") throw metricsError(fn, "invalid_type", [...p, key, j], "a finite number", x);
        if (!Number.isFinite(x)) throw metricsError(fn, "not_finite", [...p, key, j], "a finite number", x);
      });
      if ((range[1] as number) < (range[0] as number))
        throw metricsError(fn, "out_of_range", [...p, key, 1], `a number >= min (${range[0]})`, range[1]);
    }
  });
  return input as RfmSegmentMap;
}
