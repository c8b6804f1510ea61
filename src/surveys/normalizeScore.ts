import { metricsError } from "../core/errors.js";
import { assertFinite } from "../core/guards.js";
import { readScale } from "./_internal/scale.js";

/**
 * Puts a rating on 0–100: (x − min)/(max − min)·100, after reverse-coding
 * when the scale's best end is its minimum.
 *
 * @see Revinate, "Calculation Type: Scoring Explanation" (linear rescaling of rating scales).
 *
 * @param value - A rating within the scale.
 * @param scale - `{ min, max, best? }` (integers; `best` defaults to `"max"`) or a number of points.
 * @returns The score on 0–100 (100 = best end).
 * @throws {@link MetricsError} `out_of_range` (path `["value"]`) off the scale; `invalid_type` / `not_finite`; scale errors at `["scale", ...]`.
 *
 * @example
 * ```ts
 * import { normalizeScore } from "customer-metrics/surveys";
 * normalizeScore(4, { min: 1, max: 5 }); // => 75
 * normalizeScore(2, { min: 1, max: 6, best: "min" }); // => 80
 * ```
 *
 * @category Surveys
 */
export function normalizeScore(
  value: number,
  scale: { readonly min: number; readonly max: number; readonly best?: "max" | "min" } | number,
): number {
  const s = readScale(scale, "normalizeScore", ["scale"]);
  const v = assertFinite(value, "normalizeScore", ["value"]);
  if (v < s.min || v > s.max)
    throw metricsError("normalizeScore", "out_of_range", ["value"], `a rating from ${s.min} to ${s.max}`, value);
  const oriented = s.best === "max" ? v : s.min + s.max - v;
  return (100 * (oriented - s.min)) / (s.max - s.min);
}
