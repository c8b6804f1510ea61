import { assertOneOf, assertKnownOptions } from "../core/guards.js";
import { ratingMetric } from "./_internal/ratingMetric.js";
import type { RatingExclusions, RatingScale, RatingScaleInput, RatingTally } from "./ratingTally.js";

/**
 * CES definitions: `"mean"` (average agreement on 1–7 with "made it easy to
 * handle my issue", CES 2.0) or `"share-agree"` (share who agree, e.g. 5–7 of
 * 7 or 4–5 of 5).
 *
 * @category Surveys
 */
export type CesMethod = "mean" | "share-agree";

/**
 * Options for {@link ces}.
 *
 * @category Surveys
 */
export interface CesOptions {
  /** Agreement scale: points (`7` = 1..7) or `{ min, max, best? }`; use `best: "min"` for scales where 1 means least effort. @defaultValue `7` */
  readonly scale?: RatingScaleInput;
  /** Definition. @defaultValue `"mean"` */
  readonly method?: CesMethod;
  /** Lowest (oriented) rating counted as agreeing. @defaultValue max − 2 on scales of 7+ points (5 on 1–7), else max − 1 (4 on 1–5) */
  readonly agreeMin?: number;
  /** Confidence level. @defaultValue `0.95` */
  readonly confidence?: number;
  /** What to do with an invalid rating. @defaultValue `"throw"` */
  readonly onInvalid?: "throw" | "skip";
}

/**
 * A customer-effort score.
 *
 * @category Surveys
 */
export interface CesResult {
  /** The score: mean rating in scale units (`"mean"`) or a fraction 0–1 (`"share-agree"`). */
  readonly value: number;
  /** Definition used. */
  readonly method: CesMethod;
  /** Number of valid ratings. */
  readonly n: number;
  /** Interval for `value` (t for the mean, clipped to the scale; Wilson for the share); `null` when n < 2 for the mean. */
  readonly confidenceInterval: readonly [number, number] | null;
  /** Standard error of `value` (`null` when n < 2 for the mean). */
  readonly standardError: number | null;
  /** Scale used. */
  readonly scale: RatingScale;
  /** Lowest oriented rating counted as agreeing. */
  readonly agreeMin: number;
  /** Number of agreeing ratings. */
  readonly agree: number;
  /** Agreeing share (fraction), whatever the method. */
  readonly share: number;
  /** Mean oriented rating, whatever the method. */
  readonly mean: number;
  /** Count per raw scale point. */
  readonly distribution: readonly number[];
  /** Ratings excluded under `onInvalid: "skip"`. */
  readonly excluded: RatingExclusions;
}

/**
 * Customer effort (CES): the mean agreement on a 1–7 "it was easy" scale
 * (default), or the share who agree.
 *
 * @see Nicereply, "How is CES calculated" (mean of 1–7): https://support.nicereply.com/article/267-how-is-ces-calculated
 * @see Simplesat (share of 5–7 on 1–7) and Delighted (share of 4–5 on 1–5) CES documentation.
 *
 * @remarks
 * The two conventions are incompatible (3.9 vs 0.62), so the definition is
 * explicit and carried in `method`. Higher is better (less effort) after
 * orientation; declare `best: "min"` for reverse-oriented effort scales.
 *
 * @param scores - Ratings, or their {@link RatingTally}.
 * @param options - See {@link CesOptions}.
 * @returns The score (see {@link CesResult}).
 * @throws {@link MetricsError} as {@link csat} (with `agreeMin` for the threshold).
 *
 * @example
 * ```ts
 * import { ces } from "customer-metrics/surveys";
 * ces([7, 6, 5, 3, 2]).value; // => 4.6
 * ces([7, 6, 5, 3, 2], { method: "share-agree" }).value; // => 0.6
 * ces([5, 4, 2], { scale: 5, method: "share-agree" }).agree; // => 2
 * ```
 *
 * @category Surveys
 */
export function ces(scores: ArrayLike<number | null | undefined> | RatingTally, options: CesOptions = {}): CesResult {
  assertKnownOptions(options, ["agreeMin", "confidence", "method", "onInvalid", "scale"], "ces");
  const method =
    options.method === undefined
      ? "mean"
      : assertOneOf(options.method, ["mean", "share-agree"] as const, "ces", ["options", "method"]);
  const r = ratingMetric("ces", scores, options, 7, method === "share-agree", options.agreeMin, "agreeMin", (s) =>
    s.max - s.min + 1 >= 7 ? s.max - 2 : s.max - 1,
  );
  return {
    value: r.value,
    method,
    n: r.n,
    confidenceInterval: r.confidenceInterval,
    standardError: r.standardError,
    scale: r.scale,
    agreeMin: r.threshold,
    agree: r.hits,
    share: r.share,
    mean: r.mean,
    distribution: r.distribution,
    excluded: r.excluded,
  };
}
