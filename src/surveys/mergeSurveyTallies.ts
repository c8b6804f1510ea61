import { metricsError } from "../core/errors.js";
import { emptySurveyByReason, type SurveyExcludedResponse, type SurveyExclusionReason, type SurveyTally } from "./surveyTally.js";

/**
 * Combines survey tallies of disjoint partitions (e.g. one per region or per
 * worker) into the tally of their union. Question histograms add exactly;
 * index sums add up to floating-point rounding.
 *
 * @remarks
 * Duplicate respondents across partitions cannot be detected here: partition
 * by respondent. Excluded-response lists are concatenated (their `index` is
 * relative to the partition).
 *
 * @param tallies - Tallies of the same survey (same questions, scales and indices).
 * @returns The merged tally.
 * @throws {@link MetricsError} `empty_sample` with no tally; `invalid_type` (path `[i]` or `[i, field]`) for something that is not a survey tally; `unit_mismatch` (path `[i]`) when tallies come from different definitions.
 *
 * @example
 * ```ts
 * import { mergeSurveyTallies, surveyTally } from "customer-metrics/surveys";
 * const def = { questions: [{ id: "q", text: "Q", scale: { min: 1, max: 3 } }] };
 * mergeSurveyTallies(surveyTally(def, [{ answers: { q: 1 } }]), surveyTally(def, [{ answers: { q: 3 } }])).questions[0]?.counts; // => [1, 0, 1]
 * ```
 *
 * @category Surveys
 */
export function mergeSurveyTallies(...tallies: readonly SurveyTally[]): SurveyTally {
  const fn = "mergeSurveyTallies";
  if (tallies.length === 0) throw metricsError(fn, "empty_sample", [], "at least one tally");
  tallies.forEach((t, i) => checkSurveyTallyShape(t, fn, i));
  const shape = (t: SurveyTally) =>
    JSON.stringify([
      t.surveyId,
      t.questions.map((q) => [q.id, q.min, q.max, q.counts.length]),
      t.indices.map((x) => [x.id, x.method]),
    ]);
  const first = tallies[0] as SurveyTally;
  const s0 = shape(first);
  const questions = first.questions.map((q) => ({ id: q.id, min: q.min, max: q.max, counts: [...q.counts] }));
  const indices = first.indices.map((x) => ({ ...x }));
  const byReason = emptySurveyByReason();
  const list: SurveyExcludedResponse[] = [];
  let n = 0;
  tallies.forEach((t, i) => {
    if (shape(t) !== s0) throw metricsError(fn, "unit_mismatch", [i], "a tally of the same survey definition", t.surveyId);
    n += t.n;
    for (const r of Object.keys(byReason) as SurveyExclusionReason[]) byReason[r] += t.excluded.byReason[r];
    list.push(...t.excluded.responses);
    if (i === 0) return;
    t.questions.forEach((q, k) => {
      const target = questions[k] as { counts: number[] };
      q.counts.forEach((c: number, j: number) => {
        target.counts[j] = (target.counts[j] as number) + c;
      });
    });
    t.indices.forEach((x, k) => {
      const target = indices[k] as { n: number; sum: number; sumSquares: number };
      target.n += x.n;
      target.sum += x.sum;
      target.sumSquares += x.sumSquares;
    });
  });
  return { surveyId: first.surveyId, n, questions, indices, excluded: { count: list.length, byReason, responses: list } };
}

/** Rejects anything that is not shaped like a {@link SurveyTally} before it is read. */
function checkSurveyTallyShape(t: unknown, fn: string, i: number): void {
  const requirement = "a survey tally from surveyTally()";
  if (typeof t !== "object" || t === null || Array.isArray(t)) throw metricsError(fn, "invalid_type", [i], requirement, t);
  const x = t as { n?: unknown; questions?: unknown; indices?: unknown; excluded?: unknown };
  if (
    !Array.isArray(x.questions) ||
    !x.questions.every((q) => typeof q === "object" && q !== null && Array.isArray((q as { counts?: unknown }).counts))
  ) {
    throw metricsError(fn, "invalid_type", [i, "questions"], "an array of question counts", x.questions);
  }
  if (!Array.isArray(x.indices) || !x.indices.every((q) => typeof q === "object" && q !== null)) {
    throw metricsError(fn, "invalid_type", [i, "indices"], "an array of index tallies", x.indices);
  }
  if (typeof x.n !== "number" || !Number.isFinite(x.n)) throw metricsError(fn, "invalid_type", [i, "n"], "a finite count", x.n);
  const ex = x.excluded as { byReason?: unknown; responses?: unknown } | null | undefined;
  if (
    typeof ex !== "object" ||
    ex === null ||
    typeof ex.byReason !== "object" ||
    ex.byReason === null ||
    !Array.isArray(ex.responses)
  ) {
    throw metricsError(fn, "invalid_type", [i, "excluded"], "the tally's exclusions { byReason, responses }", ex);
  }
}
