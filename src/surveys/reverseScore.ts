import { metricsError } from "../core/errors.js";
import { assertFinite } from "../core/guards.js";
import { readScale } from "./_internal/scale.js";

/**
 * Reverse-codes a rating: `min + max − value` (5 ↔ 1 on 1–5, 0 ↔ 10 on 0–10),
 * for negatively worded items or scales whose best end is the minimum.
 *
 * @remarks Reverse-coding twice gives the original value back.
 *
 * @param value - A rating within the scale.
 * @param scale - `{ min, max }` (integers) or a number of points (`5` = 1..5).
 * @returns The reverse-coded rating.
 * @throws {@link MetricsError} `invalid_type` / `not_finite` for a bad value; `out_of_range` (path `["value"]`) when off the scale; scale errors at `["scale", ...]`.
 *
 * @example
 * ```ts
 * import { reverseScore } from "customer-metrics/surveys";
 * reverseScore(2, { min: 1, max: 5 }); // => 4
 * reverseScore(reverseScore(7, 10), 10); // => 7
 * ```
 *
 * @category Surveys
 */
export function reverseScore(value: number, scale: { readonly min: number; readonly max: number } | number): number {
  const s = readScale(scale, "reverseScore", ["scale"]);
  const v = assertFinite(value, "reverseScore", ["value"]);
  if (v < s.min || v > s.max)
    throw metricsError("reverseScore", "out_of_range", ["value"], `a rating from ${s.min} to ${s.max}`, value);
  const r = s.min + s.max - v;
  return r === 0 ? 0 : r;
}
