import { metricsError } from "../core/errors.js";

/**
 * The three respondent classes of the Net Promoter® question.
 *
 * @category NPS
 */
export type NpsCategory = "promoter" | "passive" | "detractor";

/**
 * Classifies one answer to "How likely are you to recommend us?" (0–10):
 * 9–10 promoter, 7–8 passive, 0–6 detractor.
 *
 * @see Reichheld (2003), "The One Number You Need to Grow", Harvard Business Review; Qualtrics NPS documentation (11-point scale).
 *
 * @remarks
 * Only the integers 0–10 are valid answers. A missing answer is never a
 * detractor: `null`/`undefined` are rejected here (use {@link npsTally} with
 * `onInvalid: "skip"` to count and exclude missing answers). `-0` is read as 0.
 *
 * @param score - The answer, an integer from 0 to 10.
 * @returns `"promoter"`, `"passive"` or `"detractor"`.
 * @throws {@link MetricsError} `invalid_type` when not a number (e.g. `"9"`, `null`); `not_finite` for NaN/±Infinity; `not_integer` for e.g. 7.5; `out_of_range` outside 0–10.
 *
 * @example
 * ```ts
 * import { classifyNps } from "customer-metrics/nps";
 * classifyNps(10); // => "promoter"
 * classifyNps(7); // => "passive"
 * classifyNps(6); // => "detractor"
 * classifyNps(11); // throws out_of_range
 * ```
 *
 * @category NPS
 */
export function classifyNps(score: number): NpsCategory {
  const requirement = "an integer from 0 to 10";
  // typeof first: `>>>` on an object without a primitive value would throw a TypeError.
  if (typeof score !== "number") throw metricsError("classifyNps", "invalid_type", [], requirement, score);
  const k = score >>> 0;
  if (k !== score || k > 10) {
    if (!Number.isFinite(score)) throw metricsError("classifyNps", "not_finite", [], requirement, score);
    if (!Number.isInteger(score)) throw metricsError("classifyNps", "not_integer", [], requirement, score);
    throw metricsError("classifyNps", "out_of_range", [], requirement, score);
  }
  return k >= 9 ? "promoter" : k >= 7 ? "passive" : "detractor";
}
