import { metricsError } from "../../core/errors.js";
import { assertOneOf } from "../../core/guards.js";
import { ratingTally, type RatingExclusions, type RatingScaleInput, type RatingTally } from "../ratingTally.js";
import { checkRatingTally, isRatingTallyLike } from "./checkRatingTally.js";
import { readPoint, readScale, type Scale } from "./scale.js";
import { checkConfidence, meanSd, tInterval, wilsonIntervalOrNull } from "./stats.js";

/** Shared result shape of csat/ces before renaming the threshold fields. */
export interface RatingMetric {
  readonly value: number;
  readonly n: number;
  readonly confidenceInterval: readonly [number, number] | null;
  readonly standardError: number | null;
  readonly scale: Scale;
  readonly threshold: number;
  readonly hits: number;
  readonly share: number;
  readonly mean: number;
  readonly sd: number | null;
  readonly distribution: readonly number[];
  readonly excluded: RatingExclusions;
}

export interface RatingMetricOptions {
  readonly scale?: RatingScaleInput;
  readonly confidence?: number;
  readonly onInvalid?: "throw" | "skip";
}

/**
 * Shared engine of csat / ces: tally (or validate a tally), orient the scale
 * so higher is better, then either the share at or above `threshold` (Wilson)
 * or the mean (t-interval).
 */
export function ratingMetric(
  fn: string,
  input: ArrayLike<number | null | undefined> | RatingTally,
  options: RatingMetricOptions,
  defaultScale: number,
  shareMethod: boolean,
  thresholdOption: unknown,
  thresholdName: string,
  defaultThreshold: (s: Scale) => number,
): RatingMetric {
  const confidence = checkConfidence(options.confidence ?? 0.95, fn, ["options", "confidence"]);
  let scale: Scale;
  let tally: RatingTally;
  if (isRatingTallyLike(input)) {
    tally = checkRatingTally(input, fn, []);
    if (options.scale === undefined) scale = { min: tally.min, max: tally.max, best: "max" };
    else {
      scale = readScale(options.scale, fn, ["options", "scale"]);
      if (scale.min !== tally.min || scale.max !== tally.max) {
        throw metricsError(
          fn,
          "unit_mismatch",
          ["options", "scale"],
          `the tally's scale ${tally.min}..${tally.max}`,
          `${scale.min}..${scale.max}`,
        );
      }
    }
  } else {
    scale = readScale(options.scale ?? defaultScale, fn, ["options", "scale"]);
    const onInvalid =
      options.onInvalid === undefined
        ? "throw"
        : assertOneOf(options.onInvalid, ["throw", "skip"] as const, fn, ["options", "onInvalid"]);
    tally = ratingTally(input, { scale: { min: scale.min, max: scale.max }, onInvalid });
  }
  const threshold =
    thresholdOption === undefined ? defaultThreshold(scale) : readPoint(thresholdOption, scale, fn, ["options", thresholdName]);
  if (tally.n === 0) throw metricsError(fn, "empty_sample", [], "at least one valid rating", tally.n);
  let sum = 0;
  let sumSq = 0;
  let hits = 0;
  tally.counts.forEach((c, k) => {
    const raw = scale.min + k;
    const v = scale.best === "max" ? raw : scale.min + scale.max - raw;
    sum += c * v;
    sumSq += c * v * v;
    if (v >= threshold) hits += c;
  });
  const n = tally.n;
  const { mean, sd } = meanSd(n, sum, sumSq) as { mean: number; sd: number | null };
  const share = hits / n;
  const value = shareMethod ? share : mean;
  const confidenceInterval = shareMethod
    ? wilsonIntervalOrNull(hits, n, confidence)
    : tInterval(mean, sd, n, confidence, scale.min, scale.max);
  const standardError = shareMethod ? Math.sqrt((share * (1 - share)) / n) : sd === null ? null : sd / Math.sqrt(n);
  return {
    value,
    n,
    confidenceInterval,
    standardError,
    scale,
    threshold,
    hits,
    share,
    mean,
    sd,
    distribution: tally.counts,
    excluded: tally.excluded,
  };
}
