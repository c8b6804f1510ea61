import { type PathSegment, metricsError } from "../core/errors.js";
import { assertInRange, assertOneOf, isArrayLike, assertKnownOptions } from "../core/guards.js";
import { readPoint, readScale, type Scale } from "./_internal/scale.js";
import {
  emptyRatingExclusions,
  ratingError,
  ratingProblem,
  type RatingExclusions,
  type RatingScale,
  type RatingScaleInput,
} from "./ratingTally.js";

/**
 * One respondent's answers to the three Customer Loyalty Index questions:
 * how likely to recommend us, to buy from us again, and to try our other
 * products or services.
 *
 * @category Surveys
 */
export interface LoyaltyIndexResponse {
  /** Likelihood to recommend. */
  readonly recommend: number;
  /** Likelihood to buy again. */
  readonly repurchase: number;
  /** Likelihood to try other products or services. */
  readonly tryOther: number;
}

/**
 * A respondent's loyalty level from the mean of their three answers on 0–100:
 * `high` at or above `levelThresholds.high`, `medium` at or above
 * `levelThresholds.medium`, else `low`.
 *
 * @category Surveys
 */
export type LoyaltyLevel = "high" | "medium" | "low";

/**
 * The "net" split for CLI answers: promoters at or above `promoterMin`,
 * detractors at or below `detractorMax` (oriented scale).
 *
 * @category Surveys
 */
export interface NetCutoffs {
  /** Lowest answer counted as a promoter (9 on 0–10). */
  readonly promoterMin: number;
  /** Highest answer counted as a detractor (6 on 0–10). */
  readonly detractorMax: number;
}

/**
 * Cut-offs on a respondent's normalised 0–100 mean answer that define the
 * {@link LoyaltyLevel}s: `high` at or above `high`, `medium` at or above
 * `medium`, else `low`.
 *
 * @category Surveys
 */
export interface LoyaltyLevelThresholds {
  /** Lowest normalised mean (0–100, inclusive) counted as `high` loyalty; at least `medium`. */
  readonly high: number;
  /** Lowest normalised mean (0–100, inclusive) counted as `medium` loyalty. */
  readonly medium: number;
}

/**
 * Options shared by {@link customerLoyaltyIndexTally} and {@link customerLoyaltyIndex}.
 *
 * @category Surveys
 */
export interface LoyaltyIndexTallyOptions {
  /** Answer scale, declared explicitly because definitions differ (0–10, 1–6, …). @defaultValue `{ min: 0, max: 10 }` */
  readonly scale?: RatingScaleInput;
  /** Cut-offs for the `"net"` method. @defaultValue `{ promoterMin: 9, detractorMax: 6 }` on 0–10; required for `"net"` on other scales */
  readonly netCutoffs?: NetCutoffs;
  /** Thresholds on the respondent's 0–100 normalised mean for the loyalty levels. @defaultValue `{ high: 80, medium: 60 }` */
  readonly levelThresholds?: LoyaltyLevelThresholds;
  /** What to do with an invalid response (any answer off the scale or missing). @defaultValue `"throw"` */
  readonly onInvalid?: "throw" | "skip";
}

/**
 * Answer counts of one CLI question.
 *
 * @category Surveys
 */
export interface LoyaltyIndexQuestionCounts {
  /** Count per raw scale point (`[k]` for the answer `min + k`). */
  readonly recommend: readonly number[];
  /** Count per raw scale point. */
  readonly repurchase: readonly number[];
  /** Count per raw scale point. */
  readonly tryOther: readonly number[];
}

/**
 * The mergeable sufficient statistics of CLI responses: per-question
 * histograms, sums and sums of squares of each respondent's (oriented) answer
 * total and net total, and loyalty-level counts. All integers, so partitions
 * merge exactly.
 *
 * @category Surveys
 */
export interface LoyaltyIndexTally {
  /** The scale (answers are oriented so that higher is better before summing). */
  readonly scale: RatingScale;
  /** Net cut-offs used for the net sums, or `null` when none apply. */
  readonly netCutoffs: NetCutoffs | null;
  /** Level thresholds used for `levels`. */
  readonly levelThresholds: LoyaltyLevelThresholds;
  /** Number of valid responses. */
  readonly n: number;
  /** Raw answer counts per question. */
  readonly questions: LoyaltyIndexQuestionCounts;
  /** Σ over respondents of (recommend + repurchase + tryOther), oriented. */
  readonly sumTotals: number;
  /** Σ over respondents of (recommend + repurchase + tryOther)². */
  readonly sumSquaredTotals: number;
  /** Σ over respondents of their net total (each answer +1 promoter, 0 passive, −1 detractor), or `null` without cut-offs. */
  readonly sumNet: number | null;
  /** Σ over respondents of their squared net total, or `null` without cut-offs. */
  readonly sumSquaredNet: number | null;
  /** Respondents per loyalty level. */
  readonly levels: { readonly [K in LoyaltyLevel]: number };
  /** Responses excluded under `onInvalid: "skip"` (by the first bad answer's reason). */
  readonly excluded: RatingExclusions;
}

const QUESTIONS = ["recommend", "repurchase", "tryOther"] as const;

/** @internal Validated options. */
export interface LoyaltyIndexSettings {
  readonly scale: Scale;
  readonly netCutoffs: NetCutoffs | null;
  readonly levelThresholds: LoyaltyLevelThresholds;
  readonly onInvalid: "throw" | "skip";
}

/** @internal */
export function readLoyaltyIndexSettings(options: LoyaltyIndexTallyOptions, fn: string): LoyaltyIndexSettings {
  const scale = readScale(options.scale ?? { min: 0, max: 10 }, fn, ["options", "scale"]);
  let netCutoffs: NetCutoffs | null = null;
  if (options.netCutoffs !== undefined) {
    const c = options.netCutoffs as unknown;
    if (typeof c !== "object" || c === null)
      throw metricsError(fn, "invalid_type", ["options", "netCutoffs"], "{ promoterMin, detractorMax }", c);
    const promoterMin = readPoint((c as NetCutoffs).promoterMin, scale, fn, ["options", "netCutoffs", "promoterMin"]);
    const detractorMax = readPoint((c as NetCutoffs).detractorMax, scale, fn, ["options", "netCutoffs", "detractorMax"]);
    if (!(promoterMin > detractorMax)) {
      throw metricsError(
        fn,
        "out_of_range",
        ["options", "netCutoffs", "promoterMin"],
        `greater than detractorMax (${detractorMax})`,
        promoterMin,
      );
    }
    netCutoffs = { promoterMin, detractorMax };
  } else if (scale.min === 0 && scale.max === 10) netCutoffs = { promoterMin: 9, detractorMax: 6 };
  let levelThresholds = { high: 80, medium: 60 };
  if (options.levelThresholds !== undefined) {
    const t = options.levelThresholds as unknown;
    if (typeof t !== "object" || t === null)
      throw metricsError(fn, "invalid_type", ["options", "levelThresholds"], "{ high, medium } on 0–100", t);
    const high = assertInRange((t as { high?: unknown }).high, 0, 100, fn, ["options", "levelThresholds", "high"]);
    const medium = assertInRange((t as { medium?: unknown }).medium, 0, 100, fn, ["options", "levelThresholds", "medium"]);
    if (!(high >= medium))
      throw metricsError(fn, "out_of_range", ["options", "levelThresholds", "high"], `at least medium (${medium})`, high);
    levelThresholds = { high, medium };
  }
  const onInvalid =
    options.onInvalid === undefined
      ? "throw"
      : assertOneOf(options.onInvalid, ["throw", "skip"] as const, fn, ["options", "onInvalid"]);
  return { scale, netCutoffs, levelThresholds, onInvalid };
}

/** @internal Per-respondent level from the total of three oriented answers. */
export function levelOf(total: number, s: LoyaltyIndexSettings): LoyaltyLevel {
  const normalized = (100 * (total / 3 - s.scale.min)) / (s.scale.max - s.scale.min);
  // Small tolerance so that e.g. a mean of exactly 8 on 0–10 is "high" despite rounding.
  if (normalized >= s.levelThresholds.high - 1e-9) return "high";
  if (normalized >= s.levelThresholds.medium - 1e-9) return "medium";
  return "low";
}

/** @internal Core loop; also returns each respondent's level (null when excluded). */
export function tallyLoyaltyIndex(
  responses: readonly LoyaltyIndexResponse[],
  s: LoyaltyIndexSettings,
  fn: string,
): { tally: LoyaltyIndexTally; respondentLevels: (LoyaltyLevel | null)[] } {
  if (!isArrayLike(responses))
    throw metricsError(fn, "invalid_type", [], "an array of { recommend, repurchase, tryOther }", responses);
  if (responses.length === 0) throw metricsError(fn, "empty_sample", [], "a non-empty array of responses", responses);
  const { min, max, best } = s.scale;
  const range = max - min;
  const hist = {
    recommend: new Array<number>(range + 1).fill(0),
    repurchase: new Array<number>(range + 1).fill(0),
    tryOther: new Array<number>(range + 1).fill(0),
  };
  const excluded = emptyRatingExclusions();
  const levels = { high: 0, medium: 0, low: 0 };
  const respondentLevels: (LoyaltyLevel | null)[] = new Array<LoyaltyLevel | null>(responses.length).fill(null);
  let n = 0;
  let sumTotals = 0;
  let sumSquaredTotals = 0;
  let sumNet = 0;
  let sumSquaredNet = 0;
  const cut = s.netCutoffs;
  const ks = [0, 0, 0];
  outer: for (let i = 0; i < responses.length; i++) {
    const r = responses[i] as LoyaltyIndexResponse | null | undefined;
    if (typeof r !== "object" || r === null) {
      if (s.onInvalid === "throw")
        throw metricsError(fn, "invalid_type", [i], "a response { recommend, repurchase, tryOther }", r);
      excluded.count++;
      excluded.byReason.invalid_type++;
      continue;
    }
    for (let q = 0; q < 3; q++) {
      const key = QUESTIONS[q] as (typeof QUESTIONS)[number];
      const v = r[key] as unknown;
      const k = typeof v === "number" ? v - min : Number.NaN;
      if (!(k >>> 0 === k && k <= range)) {
        const path: PathSegment[] = [i, key];
        if (s.onInvalid === "throw") throw ratingError(fn, v, path, min, max);
        excluded.count++;
        excluded.byReason[ratingProblem(v)]++;
        continue outer;
      }
      ks[q] = k;
    }
    let total = 0;
    let net = 0;
    for (let q = 0; q < 3; q++) {
      const k = ks[q] as number;
      (hist[QUESTIONS[q] as (typeof QUESTIONS)[number]][k] as number)++;
      const oriented = best === "max" ? min + k : max - k;
      total += oriented;
      if (cut !== null) net += oriented >= cut.promoterMin ? 1 : oriented <= cut.detractorMax ? -1 : 0;
    }
    n++;
    sumTotals += total;
    sumSquaredTotals += total * total;
    sumNet += net;
    sumSquaredNet += net * net;
    const level = levelOf(total, s);
    levels[level]++;
    respondentLevels[i] = level;
  }
  return {
    tally: {
      scale: s.scale,
      netCutoffs: cut,
      levelThresholds: s.levelThresholds,
      n,
      questions: hist,
      sumTotals,
      sumSquaredTotals,
      sumNet: cut === null ? null : sumNet,
      sumSquaredNet: cut === null ? null : sumSquaredNet,
      levels,
      excluded,
    },
    respondentLevels,
  };
}

/**
 * Tallies Customer Loyalty Index responses into mergeable sufficient
 * statistics (see {@link LoyaltyIndexTally}), e.g. one tally per store or per
 * worker, merged with {@link mergeLoyaltyIndexTallies} and scored with
 * {@link customerLoyaltyIndex}.
 *
 * @param responses - Answers to the three CLI questions.
 * @param options - See {@link LoyaltyIndexTallyOptions}.
 * @returns The tally.
 * @throws {@link MetricsError} as {@link customerLoyaltyIndex}.
 *
 * @example
 * ```ts
 * import { customerLoyaltyIndexTally } from "customer-metrics/surveys";
 * const t = customerLoyaltyIndexTally([{ recommend: 6, repurchase: 7, tryOther: 8 }]);
 * [t.n, t.sumTotals, t.sumNet]; // => [1, 21, -1]
 * ```
 *
 * @category Surveys
 */
export function customerLoyaltyIndexTally(
  responses: readonly LoyaltyIndexResponse[],
  options: LoyaltyIndexTallyOptions = {},
): LoyaltyIndexTally {
  assertKnownOptions(options, ["levelThresholds", "netCutoffs", "onInvalid", "scale"], "customerLoyaltyIndexTally");
  const fn = "customerLoyaltyIndexTally";
  return tallyLoyaltyIndex(responses, readLoyaltyIndexSettings(options, fn), fn).tally;
}
