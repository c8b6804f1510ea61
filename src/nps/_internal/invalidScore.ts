import { type MetricsErrorCode, type PathSegment, metricsError } from "../../core/errors.js";

/** Why a score was rejected or excluded (see `NpsExclusionReason`). */
export type ScoreProblem = "missing" | "invalid_type" | "not_finite" | "not_integer" | "out_of_range";

/** Classifies an invalid 0–10 score. Only called for values that failed the fast check. */
export function scoreProblem(value: unknown, min = 0, max = 10): ScoreProblem {
  if (value === null || value === undefined) return "missing";
  if (typeof value !== "number") return "invalid_type";
  if (!Number.isFinite(value)) return "not_finite";
  if (!Number.isInteger(value)) return "not_integer";
  if (value < min || value > max) return "out_of_range";
  return "out_of_range";
}

/** The error for an invalid score; a missing score is `invalid_type` (null/undefined is not a number). */
export function scoreError(fn: string, value: unknown, path: readonly PathSegment[], requirement = "an integer from 0 to 10") {
  const problem = scoreProblem(value);
  const code: MetricsErrorCode = problem === "missing" ? "invalid_type" : problem;
  const req =
    problem === "missing"
      ? `${requirement} (a missing answer is not a detractor: use onInvalid: "skip" to exclude it)`
      : requirement;
  return metricsError(fn, code, path, req, value);
}

/**
 * Handles an invalid score under the `onInvalid` policy: throws {@link scoreError} unless `skip`,
 * else counts it in `excluded` (total and by reason).
 */
export function rejectScore(
  fn: string,
  value: unknown,
  path: readonly PathSegment[],
  skip: boolean,
  excluded: { count: number; byReason: Record<ScoreProblem, number> },
): void {
  if (!skip) throw scoreError(fn, value, path);
  excluded.count++;
  excluded.byReason[scoreProblem(value)]++;
}
