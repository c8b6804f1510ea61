import { metricsError } from "../core/errors.js";
import { checkRatingTally } from "./_internal/checkRatingTally.js";
import { emptyRatingExclusions, type RatingExclusionReason, type RatingTally } from "./ratingTally.js";

/**
 * Combines rating tallies of disjoint partitions into the tally of their
 * union (exact: integer counts).
 *
 * @param tallies - Tallies on the same scale.
 * @returns The merged tally.
 * @throws {@link MetricsError} `empty_sample` with no tally; `unit_mismatch` (path `[i]`) when scales differ; `invalid_input` etc. for a malformed tally.
 *
 * @example
 * ```ts
 * import { mergeRatingTallies, ratingTally } from "customer-metrics/surveys";
 * mergeRatingTallies(ratingTally([5, 4]), ratingTally([4, 1])).counts; // => [1, 0, 0, 2, 1]
 * ```
 *
 * @category Surveys
 */
export function mergeRatingTallies(...tallies: readonly RatingTally[]): RatingTally {
  const fn = "mergeRatingTallies";
  if (tallies.length === 0) throw metricsError(fn, "empty_sample", [], "at least one tally");
  const first = checkRatingTally(tallies[0], fn, [0]);
  const counts = [...first.counts];
  let n = first.n;
  const excluded = emptyRatingExclusions();
  const addExcluded = (t: RatingTally) => {
    excluded.count += t.excluded.count;
    for (const r of Object.keys(excluded.byReason) as RatingExclusionReason[]) excluded.byReason[r] += t.excluded.byReason[r];
  };
  addExcluded(first);
  for (let i = 1; i < tallies.length; i++) {
    const t = checkRatingTally(tallies[i], fn, [i]);
    if (t.min !== first.min || t.max !== first.max) {
      throw metricsError(fn, "unit_mismatch", [i], `a tally on the same scale ${first.min}..${first.max}`, `${t.min}..${t.max}`);
    }
    for (let k = 0; k < counts.length; k++) counts[k] = (counts[k] as number) + (t.counts[k] as number);
    n += t.n;
    addExcluded(t);
  }
  return { min: first.min, max: first.max, counts, n, excluded };
}
