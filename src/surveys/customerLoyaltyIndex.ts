import { metricsError } from "../core/errors.js";
import { assertOneOf, assertKnownOptions } from "../core/guards.js";
import { checkLoyaltyIndexTally, isLoyaltyIndexTallyLike } from "./_internal/checkLoyaltyIndexTally.js";
import { checkConfidence, meanSd, tInterval } from "./_internal/stats.js";
import {
  type LoyaltyIndexResponse,
  type LoyaltyIndexTally,
  type LoyaltyIndexTallyOptions,
  type LoyaltyLevel,
  type LoyaltyLevelThresholds,
  type NetCutoffs,
  readLoyaltyIndexSettings,
  tallyLoyaltyIndex,
} from "./customerLoyaltyIndexTally.js";
import type { RatingExclusions, RatingScale } from "./ratingTally.js";

/**
 * CLI definitions: `"mean"` (mean of the three answers, on the declared
 * scale) or `"net"` (mean of the three net scores, promoters − detractors, in
 * points −100..100).
 *
 * @category Surveys
 */
export type LoyaltyIndexMethod = "mean" | "net";

/**
 * Options for {@link customerLoyaltyIndex}.
 *
 * @category Surveys
 */
export interface CustomerLoyaltyIndexOptions extends LoyaltyIndexTallyOptions {
  /** Definition. @defaultValue `"mean"` */
  readonly method?: LoyaltyIndexMethod;
  /** Confidence level of the intervals. @defaultValue `0.95` */
  readonly confidence?: number;
}

/**
 * One CLI question's statistics.
 *
 * @category Surveys
 */
export interface LoyaltyIndexQuestionStats {
  /** Mean (oriented) answer on the scale. */
  readonly mean: number;
  /** Mean on 0–100. */
  readonly normalized: number;
  /** Net score in points (% at or above `promoterMin` − % at or below `detractorMax`), or `null` without cut-offs. */
  readonly net: number | null;
  /** Count per raw scale point. */
  readonly distribution: readonly number[];
}

/**
 * A Customer Loyalty Index with its variant, uncertainty and loyalty levels.
 *
 * @category Surveys
 */
export interface CustomerLoyaltyIndexResult {
  /** The index: mean answer on the scale (`"mean"`) or net points −100..100 (`"net"`). */
  readonly value: number;
  /** The index on 0–100 (mean: (value − min)/(max − min)·100; net: (value + 100)/2). */
  readonly normalized: number;
  /** Definition used. */
  readonly method: LoyaltyIndexMethod;
  /** Number of valid responses. */
  readonly n: number;
  /** Scale used. */
  readonly scale: RatingScale;
  /** Net cut-offs (when defined). */
  readonly netCutoffs: NetCutoffs | null;
  /** Per-question statistics. */
  readonly perQuestion: {
    /** Statistics of "How likely are you to recommend us?". */
    readonly recommend: LoyaltyIndexQuestionStats;
    /** Statistics of "How likely are you to buy from us again?". */
    readonly repurchase: LoyaltyIndexQuestionStats;
    /** Statistics of "How likely are you to try our other products or services?". */
    readonly tryOther: LoyaltyIndexQuestionStats;
  };
  /** Student-t interval for `value` over respondents' own indices, clipped to the possible range (`null` when n < 2). */
  readonly confidenceInterval: readonly [number, number] | null;
  /** The same interval on 0–100. */
  readonly normalizedConfidenceInterval: readonly [number, number] | null;
  /** Standard error of `value` (`null` when n < 2). */
  readonly standardError: number | null;
  /** Respondents per loyalty level. */
  readonly levels: { readonly [K in LoyaltyLevel]: number };
  /** Level thresholds used (0–100). */
  readonly levelThresholds: LoyaltyLevelThresholds;
  /** Each input response's level, aligned with the input (`null` for excluded responses); `null` when scored from a tally. */
  readonly respondentLevels: readonly (LoyaltyLevel | null)[] | null;
  /** Responses excluded under `onInvalid: "skip"`. */
  readonly excluded: RatingExclusions;
}

const FN = "customerLoyaltyIndex";

/**
 * The Customer Loyalty Index (CLI) from the three standard questions: would
 * recommend, would buy again, would try our other products or services.
 *
 * `"mean"`: CLI = mean over respondents of (recommend + repurchase +
 * tryOther)/3 on the declared scale (6, 7, 8 on 0–10 → 7). `"net"`: each
 * question's net score (promoters − detractors, NPS-style, in points), averaged
 * over the three questions.
 *
 * @see Totango, "Customer Loyalty Index (CLI)" (mean of three 0–10 answers; "no standard scale"): https://www.totango.com/glossary/customer-loyalty-index-cli
 * @see Media Heroes, "Customer Loyalty Index" (same questions on a 1–6 scale).
 *
 * @remarks
 * Published definitions differ (0–10 or 1–6 answers, means or nets), so the
 * scale and the method are explicit and carried in the result; `normalized`
 * puts every variant on 0–100. Declare `best: "min"` for scales where 1 is the
 * best answer. An NPS already computed on −100..100 is not a 0–10 answer and
 * is rejected as off the scale. Each respondent gets a loyalty level from the
 * 0–100 mean of their answers (library convention, thresholds configurable).
 * When a tally is given, its own scale, cut-offs and thresholds are used.
 *
 * @param responses - Answers (see {@link LoyaltyIndexResponse}), or a {@link LoyaltyIndexTally}.
 * @param options - See {@link CustomerLoyaltyIndexOptions}.
 * @returns The index (see {@link CustomerLoyaltyIndexResult}).
 * @throws {@link MetricsError} for an answer (path `[i, "recommend" | "repurchase" | "tryOther"]`): `invalid_type`, `not_finite`, `not_integer`, `out_of_range`; `invalid_type` for a non-object response (path `[i]`); `empty_sample` when no valid response; `invalid_option` for an unknown method, or `"net"` without cut-offs on a scale other than 0–10 (path `["options", "netCutoffs"]`); scale and threshold errors under `["options", ...]`.
 *
 * @example
 * ```ts
 * import { customerLoyaltyIndex } from "customer-metrics/surveys";
 * const r = customerLoyaltyIndex([{ recommend: 6, repurchase: 7, tryOther: 8 }]);
 * r.value; // => 7
 * r.normalized; // => 70
 * r.respondentLevels; // => ["medium"]
 * customerLoyaltyIndex([{ recommend: 5, repurchase: 6, tryOther: 4 }], { scale: { min: 1, max: 6 } }).normalized; // => 80
 * customerLoyaltyIndex([{ recommend: 10, repurchase: 9, tryOther: 7 }, { recommend: 3, repurchase: 9, tryOther: 9 }], { method: "net" }).value; // => 50
 * customerLoyaltyIndex([{ recommend: 42, repurchase: 7, tryOther: 8 }]); // throws out_of_range
 * ```
 *
 * @category Surveys
 */
export function customerLoyaltyIndex(
  responses: readonly LoyaltyIndexResponse[] | LoyaltyIndexTally,
  options: CustomerLoyaltyIndexOptions = {},
): CustomerLoyaltyIndexResult {
  assertKnownOptions(
    options,
    ["confidence", "levelThresholds", "method", "netCutoffs", "onInvalid", "scale"],
    "customerLoyaltyIndex",
  );
  const method =
    options.method === undefined ? "mean" : assertOneOf(options.method, ["mean", "net"] as const, FN, ["options", "method"]);
  const confidence = checkConfidence(options.confidence ?? 0.95, FN, ["options", "confidence"]);
  let tally: LoyaltyIndexTally;
  let respondentLevels: (LoyaltyLevel | null)[] | null = null;
  if (isLoyaltyIndexTallyLike(responses)) tally = checkLoyaltyIndexTally(responses, FN, []);
  else {
    const r = tallyLoyaltyIndex(responses, readLoyaltyIndexSettings(options, FN), FN);
    tally = r.tally;
    respondentLevels = r.respondentLevels;
  }
  const { n, scale } = tally;
  if (n === 0) throw metricsError(FN, "empty_sample", [], "at least one valid response", n);
  if (method === "net" && tally.netCutoffs === null) {
    throw metricsError(
      FN,
      "invalid_option",
      ["options", "netCutoffs"],
      `given for the "net" method on a ${scale.min}..${scale.max} scale (no standard cut-offs)`,
      undefined,
    );
  }
  const range = scale.max - scale.min;
  const norm = (v: number) => (100 * (v - scale.min)) / range;
  let value: number;
  let normalized: number;
  let ci: readonly [number, number] | null;
  let nci: readonly [number, number] | null;
  let se: number | null;
  if (method === "mean") {
    // Respondent index = total/3.
    const { mean, sd } = meanSd(n, tally.sumTotals / 3, tally.sumSquaredTotals / 9) as { mean: number; sd: number | null };
    value = mean;
    normalized = norm(mean);
    ci = tInterval(mean, sd, n, confidence, scale.min, scale.max);
    nci = ci === null ? null : [norm(ci[0]), norm(ci[1])];
    se = sd === null ? null : sd / Math.sqrt(n);
  } else {
    // Respondent net index = 100·netTotal/3.
    const { mean, sd } = meanSd(n, (100 * (tally.sumNet as number)) / 3, (10000 * (tally.sumSquaredNet as number)) / 9) as {
      mean: number;
      sd: number | null;
    };
    value = mean;
    normalized = (mean + 100) / 2;
    ci = tInterval(mean, sd, n, confidence, -100, 100);
    nci = ci === null ? null : [(ci[0] + 100) / 2, (ci[1] + 100) / 2];
    se = sd === null ? null : sd / Math.sqrt(n);
  }
  const question = (counts: readonly number[]): LoyaltyIndexQuestionStats => {
    let sum = 0;
    let pro = 0;
    let det = 0;
    counts.forEach((c, k) => {
      const v = scale.best === "max" ? scale.min + k : scale.max - k;
      sum += c * v;
      if (tally.netCutoffs !== null) {
        if (v >= tally.netCutoffs.promoterMin) pro += c;
        else if (v <= tally.netCutoffs.detractorMax) det += c;
      }
    });
    const mean = sum / n;
    return {
      mean,
      normalized: norm(mean),
      net: tally.netCutoffs === null ? null : (100 * (pro - det)) / n,
      distribution: counts,
    };
  };
  return {
    value,
    normalized,
    method,
    n,
    scale,
    netCutoffs: tally.netCutoffs,
    perQuestion: {
      recommend: question(tally.questions.recommend),
      repurchase: question(tally.questions.repurchase),
      tryOther: question(tally.questions.tryOther),
    },
    confidenceInterval: ci,
    normalizedConfidenceInterval: nci,
    standardError: se,
    levels: tally.levels,
    levelThresholds: tally.levelThresholds,
    respondentLevels,
    excluded: tally.excluded,
  };
}
