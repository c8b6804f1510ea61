import { metricsError } from "../core/errors.js";
import { assertOneOf, assertKnownOptions } from "../core/guards.js";
import { checkDefinition, type CheckedDefinition, coded } from "./_internal/checkDefinition.js";
import { checkConfidence, meanSd, tInterval, wilsonIntervalOrNull } from "./_internal/stats.js";
import type { SurveyDefinition, SurveyIndexMethod } from "./schemas.js";
import { type SurveyExclusions, type SurveyResponse, type SurveyTally, tallySurvey } from "./surveyTally.js";

/**
 * Options for {@link scoreSurvey}.
 *
 * @category Surveys
 */
export interface ScoreSurveyOptions {
  /** Confidence level of the intervals. @defaultValue `0.95` */
  readonly confidence?: number;
  /** `"skip"` excludes bad responses and records why; `"throw"` raises instead. @defaultValue `"skip"` */
  readonly onInvalid?: "skip" | "throw";
}

/**
 * Statistics of one question, on its coded (higher-is-better) scale.
 *
 * @category Surveys
 */
export interface SurveyQuestionStats {
  /** Question id. */
  readonly id: string;
  /** Question text. */
  readonly text: string;
  /** Number of answers. */
  readonly n: number;
  /** Mean coded answer (`null` without answers). */
  readonly mean: number | null;
  /** Sample standard deviation (`null` with fewer than 2 answers). */
  readonly sd: number | null;
  /** Student-t interval of the mean, clipped to the scale (`null` with fewer than 2 answers). */
  readonly meanConfidenceInterval: readonly [number, number] | null;
  /** Count per raw scale point (`[k]` for the answer `min + k`). */
  readonly distribution: readonly number[];
  /** Labels of the scale points, if the definition has them. */
  readonly labels: readonly string[] | null;
  /** Share of answers at or above `topBoxMin` (coded), 0–1 (`null` without answers). */
  readonly topBox: number | null;
  /** Share of answers at or below `bottomBoxMax` (coded), 0–1. */
  readonly bottomBox: number | null;
  /** topBox − bottomBox, −1..1. */
  readonly net: number | null;
  /** Top-box threshold (coded scale). */
  readonly topBoxMin: number;
  /** Bottom-box threshold (coded scale). */
  readonly bottomBoxMax: number;
  /** Whether answers were flipped (best end = min, or a reverse-scored item). */
  readonly reverseCoded: boolean;
  /** The question's declared scale (the coded values span the same range). */
  readonly scale: {
    /** Lowest scale point. */
    readonly min: number;
    /** Highest scale point. */
    readonly max: number;
  };
}

/**
 * One index's value with its interval.
 *
 * @category Surveys
 */
export interface SurveyIndexResult {
  /** Index id. */
  readonly id: string;
  /** Index label, if any. */
  readonly label: string | null;
  /** Method. */
  readonly method: SurveyIndexMethod;
  /** Mean over respondents of their index value (scale units for `mean`, 0–100 for `normalized`, 0–1 for boxes, −1..1 for `net`); `null` when no respondent answered its questions. */
  readonly value: number | null;
  /** Respondents who answered at least one of its questions. */
  readonly n: number;
  /** Interval: Wilson for `topBox`/`bottomBox`, Student t otherwise, clipped to the possible range (`null` when undefined, e.g. n < 2 for t). */
  readonly confidenceInterval: readonly [number, number] | null;
  /** Which interval was used. */
  readonly intervalMethod: "wilson" | "t";
  /** Standard error of `value` (`null` when undefined). */
  readonly standardError: number | null;
}

/**
 * A scored survey.
 *
 * @category Surveys
 */
export interface SurveyScore {
  /** The survey id, if any. */
  readonly surveyId: string | null;
  /** Responses included. */
  readonly n: number;
  /** Per-question statistics, in definition order. */
  readonly questions: readonly SurveyQuestionStats[];
  /** Per-index values, in definition order. */
  readonly indices: readonly SurveyIndexResult[];
  /** Excluded responses and why. */
  readonly excluded: SurveyExclusions;
  /** Confidence level used. */
  readonly confidence: number;
}

const FN = "scoreSurvey";

/** @internal Scores a tally against a checked definition. */
export function finalizeSurvey(def: CheckedDefinition, tally: SurveyTally, confidence: number): SurveyScore {
  const questions = def.questions.map((q, k): SurveyQuestionStats => {
    const t = tally.questions[k];
    if (
      t === undefined ||
      t.id !== q.id ||
      t.min !== q.scale.min ||
      t.max !== q.scale.max ||
      t.counts.length !== q.scale.max - q.scale.min + 1
    ) {
      throw metricsError(
        FN,
        "unit_mismatch",
        ["tally", "questions", k],
        `counts for question "${q.id}" on ${q.scale.min}..${q.scale.max}`,
        t,
      );
    }
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    let top = 0;
    let bottom = 0;
    t.counts.forEach((c, j) => {
      if (typeof c !== "number" || !Number.isInteger(c) || c < 0) {
        throw metricsError(FN, "invalid_input", ["tally", "questions", k, "counts", j], "a whole-number count", c);
      }
      const v = coded(q, q.scale.min + j);
      n += c;
      sum += c * v;
      sumSq += c * v * v;
      if (v >= q.topBoxMin) top += c;
      if (v <= q.bottomBoxMax) bottom += c;
    });
    const { mean, sd } = meanSd(n, sum, sumSq);
    return {
      id: q.id,
      text: q.text,
      n,
      mean,
      sd,
      meanConfidenceInterval: mean === null ? null : tInterval(mean, sd, n, confidence, q.scale.min, q.scale.max),
      distribution: [...t.counts],
      labels: q.labels,
      topBox: n === 0 ? null : top / n,
      bottomBox: n === 0 ? null : bottom / n,
      net: n === 0 ? null : (top - bottom) / n,
      topBoxMin: q.topBoxMin,
      bottomBoxMax: q.bottomBoxMax,
      reverseCoded: q.flip,
      scale: { min: q.scale.min, max: q.scale.max },
    };
  });
  const indices = def.indices.map((ix, j): SurveyIndexResult => {
    const t = tally.indices[j];
    if (t === undefined || t.id !== ix.id || t.method !== ix.method) {
      throw metricsError(FN, "unit_mismatch", ["tally", "indices", j], `sums for index "${ix.id}" (${ix.method})`, t);
    }
    const box = ix.method === "topBox" || ix.method === "bottomBox";
    const { mean, sd } = meanSd(t.n, t.sum, t.sumSquares);
    let ci: readonly [number, number] | null = null;
    let se: number | null = null;
    if (mean !== null) {
      if (box) {
        ci = wilsonIntervalOrNull(t.sum, t.n, confidence);
        se = Math.sqrt(Math.max(0, mean * (1 - mean)) / t.n);
      } else {
        const [lo, hi] =
          ix.method === "normalized"
            ? [0, 100]
            : ix.method === "net"
              ? [-1, 1]
              : [Math.min(...ix.items.map((x) => x.q.scale.min)), Math.max(...ix.items.map((x) => x.q.scale.max))];
        ci = tInterval(mean, sd, t.n, confidence, lo, hi);
        se = sd === null ? null : sd / Math.sqrt(t.n);
      }
    }
    return {
      id: ix.id,
      label: ix.label,
      method: ix.method,
      value: mean,
      n: t.n,
      confidenceInterval: ci,
      intervalMethod: box ? "wilson" : "t",
      standardError: se,
    };
  });
  return { surveyId: def.id, n: tally.n, questions, indices, excluded: tally.excluded, confidence };
}

/**
 * Scores a survey: per-question n, mean, sd, distribution, top/bottom box and
 * net; per index its value with a confidence interval; and the responses
 * excluded, with the reason for each.
 *
 * @remarks
 * Answers are coded so that higher is better (see {@link SurveyScaleSchema})
 * before any statistic. Each respondent's index value is the weighted mean of
 * their answered index questions (mean, 0–100 normalised, box membership, or
 * net); the index is the mean over respondents, with a Student-t interval
 * (means, normalised, net) or a Wilson interval (box shares). Accepts a
 * {@link SurveyTally} (e.g. merged from partitions with
 * {@link mergeSurveyTallies}) instead of responses.
 *
 * @see Wilson (1927) for box-share intervals; Student (1908) for means.
 *
 * @param definition - The survey (see {@link SurveyDefinitionSchema}).
 * @param responses - Responses (see {@link SurveyResponse}) or a {@link SurveyTally}.
 * @param options - See {@link ScoreSurveyOptions}.
 * @returns The scored survey (see {@link SurveyScore}).
 * @throws {@link MetricsError} as {@link surveyTally}; `unit_mismatch` when a tally does not match the definition; `out_of_range` for a bad confidence.
 *
 * @example
 * ```ts
 * import { scoreSurvey } from "customer-metrics/surveys";
 * const def = {
 *   questions: [
 *     { id: "easy", text: "It was easy", scale: { min: 1, max: 5 } },
 *     { id: "slow", text: "It was slow", scale: { min: 1, max: 5, reverse: true } },
 *   ],
 *   indices: [{ id: "experience", questions: ["easy", "slow"], method: "mean" as const }],
 * };
 * const s = scoreSurvey(def, [{ answers: { easy: 5, slow: 1 } }, { answers: { easy: 4, slow: 2 } }, { answers: { easy: 2, nope: 1 } }]);
 * s.questions.map((q) => q.mean); // => [4.5, 4.5]
 * s.indices[0]?.value; // => 4.5
 * s.excluded.byReason.unknown_question; // => 1
 * ```
 *
 * @category Surveys
 */
export function scoreSurvey(
  definition: SurveyDefinition,
  responses: readonly SurveyResponse[] | SurveyTally,
  options: ScoreSurveyOptions = {},
): SurveyScore {
  assertKnownOptions(options, ["confidence", "onInvalid"], "scoreSurvey");
  const confidence = checkConfidence(options.confidence ?? 0.95, FN, ["options", "confidence"]);
  const onInvalid =
    options.onInvalid === undefined
      ? "skip"
      : assertOneOf(options.onInvalid, ["skip", "throw"] as const, FN, ["options", "onInvalid"]);
  const def = checkDefinition(definition, FN, ["definition"]);
  let tally: SurveyTally;
  if (typeof responses === "object" && responses !== null && !Array.isArray(responses) && "questions" in responses) {
    tally = responses as SurveyTally;
    if (
      typeof tally.n !== "number" ||
      !Array.isArray(tally.questions) ||
      !Array.isArray(tally.indices) ||
      typeof tally.excluded !== "object"
    ) {
      throw metricsError(FN, "invalid_input", ["responses"], "an array of responses or a survey tally", responses);
    }
  } else tally = tallySurvey(def, responses as readonly SurveyResponse[], onInvalid, FN);
  return finalizeSurvey(def, tally, confidence);
}
