import { type PathSegment, metricsError } from "../core/errors.js";
import { assertOneOf, assertSafeKey, isArrayLike, assertKnownOptions } from "../core/guards.js";
import { type CheckedDefinition, checkDefinition, coded, type QuestionInfo } from "./_internal/checkDefinition.js";
import type { SurveyDefinition, SurveyIndexMethod } from "./schemas.js";

/**
 * One respondent's answers: question id → answer (an integer on the
 * question's scale; `null`/`undefined` = not answered).
 *
 * @category Surveys
 */
export interface SurveyResponse {
  /** Respondent id, used to detect duplicates. @defaultValue none (no duplicate check) */
  readonly respondentId?: string | number;
  /** Answers by question id. */
  readonly answers: { readonly [questionId: string]: number | null | undefined };
}

/**
 * Why a whole response was excluded: `duplicate_respondent` (respondent id
 * seen before; the first occurrence counts), `invalid_response` (not an
 * object, or `answers` missing), `unknown_question` (an answer to an id the
 * survey does not have), `off_scale` (an answer that is not an integer on its
 * question's scale), `missing_required` (a required question unanswered).
 *
 * @category Surveys
 */
export type SurveyExclusionReason =
  "duplicate_respondent" | "invalid_response" | "unknown_question" | "off_scale" | "missing_required";

/**
 * One excluded response.
 *
 * @category Surveys
 */
export interface SurveyExcludedResponse {
  /** Index of the response in the input (of its partition, for merged tallies). */
  readonly index: number;
  /** Its respondent id, if any. */
  readonly respondentId: string | null;
  /** Why it was excluded (the first problem found). */
  readonly reason: SurveyExclusionReason;
  /** The question concerned, if any. */
  readonly questionId: string | null;
}

/**
 * Excluded responses: count, count per reason, and the list.
 *
 * @category Surveys
 */
export interface SurveyExclusions {
  /** Number of excluded responses. */
  readonly count: number;
  /** Count per {@link SurveyExclusionReason}. */
  readonly byReason: { readonly [K in SurveyExclusionReason]: number };
  /** Each excluded response with its reason. */
  readonly responses: readonly SurveyExcludedResponse[];
}

/**
 * Mergeable sums of one index over respondents.
 *
 * @category Surveys
 */
export interface SurveyIndexTally {
  /** Index id. */
  readonly id: string;
  /** Method (fixed by the definition). */
  readonly method: SurveyIndexMethod;
  /** Respondents with at least one answered item of the index. */
  readonly n: number;
  /** Σ of respondents' index values. */
  readonly sum: number;
  /** Σ of squared respondents' index values. */
  readonly sumSquares: number;
}

/**
 * The mergeable form of survey responses: a histogram per question (exact)
 * and per-index sums (exact for single-question and unweighted box indices;
 * up to floating-point rounding otherwise).
 *
 * @category Surveys
 */
export interface SurveyTally {
  /** The survey's id, if it has one. */
  readonly surveyId: string | null;
  /** Responses included. */
  readonly n: number;
  /** Per question: id, scale and count per raw scale point. */
  readonly questions: readonly {
    /** The question id, as in the survey definition. */
    readonly id: string;
    /** Lowest point of the question's scale (raw, as declared). */
    readonly min: number;
    /** Highest point of the question's scale (raw, as declared). */
    readonly max: number;
    /** Answers per raw scale point, `counts[k]` for the answer `min + k` (not reverse-coded). */
    readonly counts: readonly number[];
  }[];
  /** Per index sums. */
  readonly indices: readonly SurveyIndexTally[];
  /** Responses excluded, and why. */
  readonly excluded: SurveyExclusions;
}

/**
 * Options for {@link surveyTally} and {@link scoreSurvey}.
 *
 * @category Surveys
 */
export interface SurveyTallyOptions {
  /** `"skip"` excludes a bad response and records why; `"throw"` raises a {@link MetricsError} instead. @defaultValue `"skip"` */
  readonly onInvalid?: "skip" | "throw";
}

/** @internal */
export function emptySurveyByReason(): Record<SurveyExclusionReason, number> {
  return { duplicate_respondent: 0, invalid_response: 0, unknown_question: 0, off_scale: 0, missing_required: 0 };
}

const CODES = {
  duplicate_respondent: "duplicate_id",
  invalid_response: "invalid_type",
  unknown_question: "unknown_reference",
  off_scale: "out_of_range",
  missing_required: "invalid_input",
} as const;

/** @internal Value of one index for one respondent, or null when none of its items was answered. */
export function indexValue(
  method: SurveyIndexMethod,
  items: readonly { q: QuestionInfo; w: number; c: number }[],
): number | null {
  let wsum = 0;
  let acc = 0;
  for (const { q, w, c } of items) {
    if (w === 0) continue;
    wsum += w;
    switch (method) {
      case "mean":
        acc += w * c;
        break;
      case "normalized":
        acc += (w * 100 * (c - q.scale.min)) / (q.scale.max - q.scale.min);
        break;
      case "topBox":
        acc += c >= q.topBoxMin ? w : 0;
        break;
      case "bottomBox":
        acc += c <= q.bottomBoxMax ? w : 0;
        break;
      case "net":
        acc += c >= q.topBoxMin ? w : c <= q.bottomBoxMax ? -w : 0;
        break;
    }
  }
  return wsum > 0 ? acc / wsum : null;
}

/** @internal Tally on a checked definition. */
export function tallySurvey(
  def: CheckedDefinition,
  responses: readonly SurveyResponse[],
  onInvalid: "skip" | "throw",
  fn: string,
): SurveyTally {
  if (!isArrayLike(responses))
    throw metricsError(fn, "invalid_type", ["responses"], "an array of { respondentId?, answers }", responses);
  if (responses.length === 0) throw metricsError(fn, "empty_sample", ["responses"], "a non-empty array of responses", responses);
  const counts = def.questions.map((q) => new Array<number>(q.scale.max - q.scale.min + 1).fill(0));
  const ixAcc = def.indices.map(() => ({ n: 0, sum: 0, sumSquares: 0 }));
  const byReason = emptySurveyByReason();
  const list: SurveyExcludedResponse[] = [];
  const seen = new Set<string>();
  const values = new Array<number | null>(def.questions.length);
  let n = 0;
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i] as SurveyResponse | null | undefined;
    let rid: string | null = null;
    const exclude = (
      reason: SurveyExclusionReason,
      questionId: string | null,
      path: readonly PathSegment[],
      value: unknown,
      requirement: string,
    ): void => {
      if (onInvalid === "throw") throw metricsError(fn, CODES[reason], path, requirement, value);
      byReason[reason]++;
      list.push({ index: i, respondentId: rid, reason, questionId });
    };
    if (typeof r !== "object" || r === null || typeof r.answers !== "object" || r.answers === null || Array.isArray(r.answers)) {
      exclude("invalid_response", null, ["responses", i], r, "a response { respondentId?, answers: { questionId: answer } }");
      continue;
    }
    if (r.respondentId !== undefined) {
      const id = r.respondentId;
      if (typeof id !== "string" && (typeof id !== "number" || !Number.isFinite(id))) {
        throw metricsError(fn, "invalid_type", ["responses", i, "respondentId"], "a string or finite number", id);
      }
      rid = String(id);
      if (seen.has(rid)) {
        exclude("duplicate_respondent", null, ["responses", i, "respondentId"], id, "a respondent id not seen before");
        continue;
      }
      seen.add(rid);
    }
    values.fill(null);
    let bad = false;
    for (const key of Object.keys(r.answers)) {
      assertSafeKey(key, fn, ["responses", i, "answers", key]);
      const q = def.byId.get(key);
      const v = r.answers[key];
      if (q === undefined) {
        exclude("unknown_question", key, ["responses", i, "answers", key], key, "the id of a question of this survey");
        bad = true;
        break;
      }
      if (v === null || v === undefined) continue;
      if (typeof v !== "number" || !Number.isInteger(v) || v < q.scale.min || v > q.scale.max) {
        exclude("off_scale", key, ["responses", i, "answers", key], v, `an integer from ${q.scale.min} to ${q.scale.max}`);
        bad = true;
        break;
      }
      values[q.position] = v;
    }
    if (bad) continue;
    const missing = def.questions.find((q) => q.required && values[q.position] === null);
    if (missing !== undefined) {
      exclude(
        "missing_required",
        missing.id,
        ["responses", i, "answers", missing.id],
        undefined,
        "answered (the question is required)",
      );
      continue;
    }
    n++;
    def.questions.forEach((q, k) => {
      const v = values[k];
      if (v !== null && v !== undefined) {
        const row = counts[k] as number[];
        row[v - q.scale.min] = (row[v - q.scale.min] as number) + 1;
      }
    });
    def.indices.forEach((ix, j) => {
      const items: { q: QuestionInfo; w: number; c: number }[] = [];
      for (const { q, w } of ix.items) {
        const v = values[q.position];
        if (v !== null && v !== undefined) items.push({ q, w, c: coded(q, v) });
      }
      const x = indexValue(ix.method, items);
      if (x !== null) {
        const a = ixAcc[j] as { n: number; sum: number; sumSquares: number };
        a.n++;
        a.sum += x;
        a.sumSquares += x * x;
      }
    });
  }
  const count = list.length;
  return {
    surveyId: def.id,
    n,
    questions: def.questions.map((q, k) => ({ id: q.id, min: q.scale.min, max: q.scale.max, counts: counts[k] as number[] })),
    indices: def.indices.map((ix, j) => ({
      id: ix.id,
      method: ix.method,
      ...(ixAcc[j] as { n: number; sum: number; sumSquares: number }),
    })),
    excluded: { count, byReason, responses: list },
  };
}

/**
 * Tallies survey responses into mergeable per-question histograms and
 * per-index sums (see {@link SurveyTally}); score with {@link scoreSurvey}.
 *
 * @remarks
 * A response is excluded as a whole (and the reason recorded) when its
 * respondent id was seen before, it answers an unknown question, an answer is
 * off its scale, or a required question is unanswered. Duplicate respondents
 * are detected within one call only: partition by respondent before tallying
 * in parallel.
 *
 * @param definition - The survey (see {@link SurveyDefinitionSchema}).
 * @param responses - Responses (see {@link SurveyResponse}).
 * @param options - See {@link SurveyTallyOptions}.
 * @returns The tally.
 * @throws {@link MetricsError} for an invalid definition (paths under `["definition", ...]`: `duplicate_id`, `unknown_reference`, `unsafe_key`, …); `empty_sample` for no responses; `unsafe_key` for an answer keyed `__proto__`/`constructor`/`prototype`; with `onInvalid: "throw"`, `duplicate_id` / `invalid_type` / `unknown_reference` / `out_of_range` / `invalid_input` for the exclusion reasons.
 *
 * @example
 * ```ts
 * import { surveyTally } from "customer-metrics/surveys";
 * const def = { questions: [{ id: "sat", text: "Satisfied?", scale: { min: 1, max: 5 }, required: true }] };
 * const t = surveyTally(def, [{ answers: { sat: 5 } }, { answers: { sat: 9 } }, { answers: {} }]);
 * [t.n, t.excluded.byReason.off_scale, t.excluded.byReason.missing_required]; // => [1, 1, 1]
 * ```
 *
 * @category Surveys
 */
export function surveyTally(
  definition: SurveyDefinition,
  responses: readonly SurveyResponse[],
  options: SurveyTallyOptions = {},
): SurveyTally {
  assertKnownOptions(options, ["onInvalid"], "surveyTally");
  const fn = "surveyTally";
  const onInvalid =
    options.onInvalid === undefined
      ? "skip"
      : assertOneOf(options.onInvalid, ["skip", "throw"] as const, fn, ["options", "onInvalid"]);
  return tallySurvey(checkDefinition(definition, fn, ["definition"]), responses, onInvalid, fn);
}
