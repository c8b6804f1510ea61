import { assertOneOf, assertKnownOptions } from "../core/guards.js";
import { ratingMetric } from "./_internal/ratingMetric.js";
import type { RatingExclusions, RatingScale, RatingScaleInput, RatingTally } from "./ratingTally.js";

/**
 * CSAT definitions: `"top-box"` (share of satisfied answers, e.g. 4–5 on
 * 1–5; Delighted's definition) or `"mean"` (average rating).
 *
 * @category Surveys
 */
export type CsatMethod = "top-box" | "mean";

/**
 * Options for {@link csat}.
 *
 * @category Surveys
 */
export interface CsatOptions {
  /** Rating scale: points (`5` = 1..5, `3` = a 3-face smiley scale) or `{ min, max, best? }`. @defaultValue `5` */
  readonly scale?: RatingScaleInput;
  /** Definition. @defaultValue `"top-box"` */
  readonly method?: CsatMethod;
  /** Lowest (oriented) rating counted as satisfied. @defaultValue max − 1 on scales of 5+ points (4 on 1–5), else max */
  readonly satisfiedMin?: number;
  /** Confidence level of the interval. @defaultValue `0.95` */
  readonly confidence?: number;
  /** What to do with an invalid rating (raw ratings only). @defaultValue `"throw"` */
  readonly onInvalid?: "throw" | "skip";
}

/**
 * A customer-satisfaction score.
 *
 * @category Surveys
 */
export interface CsatResult {
  /** The score: a fraction 0–1 for `"top-box"`, a rating in scale units for `"mean"`. */
  readonly value: number;
  /** Definition used. */
  readonly method: CsatMethod;
  /** Number of valid ratings. */
  readonly n: number;
  /** Interval for `value`: Wilson for top-box, Student t for the mean clipped to the scale (`null` when n < 2 for the mean). */
  readonly confidenceInterval: readonly [number, number] | null;
  /** Standard error of `value` (`null` when n < 2 for the mean). */
  readonly standardError: number | null;
  /** Scale used (`best` = which end is good; ratings are oriented so higher is better before scoring). */
  readonly scale: RatingScale;
  /** Lowest oriented rating counted as satisfied. */
  readonly satisfiedMin: number;
  /** Number of satisfied ratings. */
  readonly satisfied: number;
  /** Satisfied share (fraction), whatever the method. */
  readonly share: number;
  /** Mean oriented rating, whatever the method. */
  readonly mean: number;
  /** Count per raw scale point (`distribution[k]` for rating `min + k`). */
  readonly distribution: readonly number[];
  /** Ratings excluded under `onInvalid: "skip"`. */
  readonly excluded: RatingExclusions;
}

/**
 * Customer satisfaction (CSAT): by default the share of satisfied answers
 * (4 or 5 on a 1–5 scale), or the mean rating.
 *
 * Top-box: CSAT = #(rating ≥ satisfiedMin)/n, Wilson interval. Mean:
 * x̄ ± t·s/√n.
 *
 * @see Delighted, "CSAT surveys" (4–5 of 5 counted as satisfied): https://help.delighted.com/article/533-csat-surveys
 * @see Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. JASA 22, 209–212.
 *
 * @remarks
 * Vendors differ (share of 4–5, mean, or 0/25/50/75/100 mapping), so the
 * definition is explicit and carried in `method`. A scale whose best end is
 * its minimum (`{ min: 1, max: 5, best: "min" }`) is reverse-coded first. The
 * value is a fraction (0.8, not 80). Accepts a {@link RatingTally} so
 * partitions can be tallied separately and merged.
 *
 * @param scores - Ratings on the scale, or their {@link RatingTally}.
 * @param options - See {@link CsatOptions}.
 * @returns The score (see {@link CsatResult}).
 * @throws {@link MetricsError} per rating (path `[i]`): `invalid_type`, `not_finite`, `not_integer`, `out_of_range`; `empty_sample` when no valid rating; `invalid_option` for an unknown method; `out_of_range` for `satisfiedMin` off the scale; `unit_mismatch` when a tally's scale differs from `options.scale`.
 *
 * @example
 * ```ts
 * import { csat } from "customer-metrics/surveys";
 * csat([5, 4, 4, 3, 1]).value; // => 0.6
 * csat([5, 4, 4, 3, 1], { method: "mean" }).value; // => 3.4
 * csat([5, 4, 4, 3, 1]).confidenceInterval; // => [0.2307, 0.8824]
 * csat([3, 2, 3], { scale: 3 }).value; // => 0.6667
 * csat([5, 6]); // throws out_of_range
 * ```
 *
 * @category Surveys
 */
export function csat(scores: ArrayLike<number | null | undefined> | RatingTally, options: CsatOptions = {}): CsatResult {
  assertKnownOptions(options, ["confidence", "method", "onInvalid", "satisfiedMin", "scale"], "csat");
  const method =
    options.method === undefined
      ? "top-box"
      : assertOneOf(options.method, ["top-box", "mean"] as const, "csat", ["options", "method"]);
  const r = ratingMetric("csat", scores, options, 5, method === "top-box", options.satisfiedMin, "satisfiedMin", (s) =>
    s.max - s.min + 1 >= 5 ? s.max - 1 : s.max,
  );
  return {
    value: r.value,
    method,
    n: r.n,
    confidenceInterval: r.confidenceInterval,
    standardError: r.standardError,
    scale: r.scale,
    satisfiedMin: r.threshold,
    satisfied: r.hits,
    share: r.share,
    mean: r.mean,
    distribution: r.distribution,
    excluded: r.excluded,
  };
}
