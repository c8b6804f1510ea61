import { metricsError } from "../core/errors.js";
import { assertOneOf, isArrayLike, assertKnownOptions } from "../core/guards.js";
import { readScale } from "./_internal/scale.js";

/**
 * Why a rating was excluded under `onInvalid: "skip"`: `missing`
 * (`null`/`undefined`), `invalid_type` (not a number), `not_finite`,
 * `not_integer`, `out_of_range` (off the scale).
 *
 * @category Surveys
 */
export type RatingExclusionReason = "missing" | "invalid_type" | "not_finite" | "not_integer" | "out_of_range";

/**
 * Ratings left out, with the count per reason.
 *
 * @category Surveys
 */
export interface RatingExclusions {
  /** Number of excluded ratings. */
  readonly count: number;
  /** Count per {@link RatingExclusionReason}. */
  readonly byReason: { readonly [K in RatingExclusionReason]: number };
}

/**
 * An integer rating scale: as a number of points (`5` means 1..5) or as
 * `{ min, max, best? }` where `best` says which end is the good one.
 *
 * @category Surveys
 */
export type RatingScaleInput =
  | number
  | {
      /** Lowest scale point (an integer, e.g. `1` on 1–5 or `0` on 0–10). */
      readonly min: number;
      /** Highest scale point (an integer greater than `min`; at most 1001 points in all). */
      readonly max: number;
      /** Which end is the good one: `"max"` (higher is better) or `"min"` (e.g. 1 = least effort; ratings are reverse-coded before scoring). @defaultValue `"max"` */
      readonly best?: "max" | "min";
    };

/**
 * A resolved integer rating scale, as reported in results: both ends and
 * which end is the good one. A {@link RatingScaleInput} given as a number of
 * points `k` resolves to `{ min: 1, max: k, best: "max" }`.
 *
 * @category Surveys
 */
export interface RatingScale {
  /** Lowest scale point (an integer). */
  readonly min: number;
  /** Highest scale point (an integer greater than `min`). */
  readonly max: number;
  /** Which end is the good one: `"max"` (higher is better) or `"min"` (ratings were reverse-coded, min + max − x, before scoring). */
  readonly best: "max" | "min";
}

/**
 * Options for {@link ratingTally}.
 *
 * @category Surveys
 */
export interface RatingTallyOptions {
  /** The scale. @defaultValue `5` (1..5) */
  readonly scale?: RatingScaleInput;
  /** What to do with an invalid rating: throw (path `[i]`) or skip and count it. @defaultValue `"throw"` */
  readonly onInvalid?: "throw" | "skip";
}

/**
 * The mergeable form of a set of ratings on one integer scale: a histogram.
 * CSAT, CES and every per-question statistic are computed exactly from it.
 *
 * @category Surveys
 */
export interface RatingTally {
  /** Lowest scale point. */
  readonly min: number;
  /** Highest scale point. */
  readonly max: number;
  /** Count per scale point, `counts[k]` for the rating `min + k` (raw, not reverse-coded). */
  readonly counts: readonly number[];
  /** Number of valid ratings. */
  readonly n: number;
  /** Ratings excluded under `onInvalid: "skip"`. */
  readonly excluded: RatingExclusions;
}

const FN = "ratingTally";
const POLICIES = ["throw", "skip"] as const;

/** @internal */
export function emptyRatingExclusions(): { count: number; byReason: Record<RatingExclusionReason, number> } {
  return { count: 0, byReason: { missing: 0, invalid_type: 0, not_finite: 0, not_integer: 0, out_of_range: 0 } };
}

/** @internal Reason a value is not a rating on min..max. */
export function ratingProblem(v: unknown): RatingExclusionReason {
  if (v === null || v === undefined) return "missing";
  if (typeof v !== "number") return "invalid_type";
  if (!Number.isFinite(v)) return "not_finite";
  if (!Number.isInteger(v)) return "not_integer";
  return "out_of_range";
}

/** @internal Error for an invalid rating. */
export function ratingError(fn: string, v: unknown, path: readonly (string | number)[], min: number, max: number) {
  const problem = ratingProblem(v);
  return metricsError(fn, problem === "missing" ? "invalid_type" : problem, path, `an integer rating from ${min} to ${max}`, v);
}

/**
 * Counts ratings per scale point in one pass: the mergeable tally behind
 * {@link csat}, {@link ces} and per-question survey statistics.
 *
 * @remarks
 * Integer counts, so tallies of partitions merge exactly with
 * {@link mergeRatingTallies}. No allocation per element; typed arrays are fine.
 *
 * @param scores - Ratings (integers on the scale).
 * @param options - See {@link RatingTallyOptions}.
 * @returns The histogram (see {@link RatingTally}).
 * @throws {@link MetricsError} `invalid_type` for a non-array; `empty_sample` for an empty array; per rating (path `[i]`): `invalid_type`, `not_finite`, `not_integer`, `out_of_range` unless skipped; scale errors at `["options", "scale", ...]`; `invalid_option`.
 *
 * @example
 * ```ts
 * import { ratingTally } from "customer-metrics/surveys";
 * ratingTally([5, 4, 4, 2]).counts; // => [0, 1, 0, 2, 1]
 * ratingTally([7, 1], { scale: 7 }).n; // => 2
 * ratingTally([6], { scale: 5 }); // throws out_of_range
 * ```
 *
 * @category Surveys
 */
export function ratingTally(scores: ArrayLike<number | null | undefined>, options: RatingTallyOptions = {}): RatingTally {
  assertKnownOptions(options, ["onInvalid", "scale"], "ratingTally");
  const scale = readScale(options.scale ?? 5, FN, ["options", "scale"]);
  const onInvalid =
    options.onInvalid === undefined ? "throw" : assertOneOf(options.onInvalid, POLICIES, FN, ["options", "onInvalid"]);
  if (!isArrayLike(scores)) throw metricsError(FN, "invalid_type", [], "an array of ratings", scores);
  if (scores.length === 0) throw metricsError(FN, "empty_sample", [], "a non-empty array of ratings", scores);
  const { min, max } = scale;
  const range = max - min;
  const counts = new Float64Array(range + 1);
  const excluded = emptyRatingExclusions();
  let n = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (typeof s === "number") {
      const k = s - min;
      if (k >>> 0 === k && k <= range) {
        (counts[k] as number)++;
        n++;
        continue;
      }
    }
    if (onInvalid === "throw") throw ratingError(FN, s, [i], min, max);
    excluded.count++;
    excluded.byReason[ratingProblem(s)]++;
  }
  return { min, max, counts: Array.from(counts), n, excluded };
}
