import { type PathSegment, metricsError } from "../../core/errors.js";
import { emptyRatingExclusions, type RatingExclusionReason, type RatingTally } from "../ratingTally.js";
import { readScale } from "./scale.js";

const REASONS: readonly RatingExclusionReason[] = ["missing", "invalid_type", "not_finite", "not_integer", "out_of_range"];

function count(v: unknown, fn: string, path: readonly PathSegment[]): number {
  if (typeof v !== "number") throw metricsError(fn, "invalid_type", path, "a whole-number count", v);
  if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", path, "a whole-number count", v);
  if (!Number.isInteger(v) || v < 0)
    throw metricsError(fn, v < 0 ? "out_of_range" : "not_integer", path, "a whole-number count >= 0", v);
  return v;
}

/** Whether a value is a tally object rather than an array of ratings. */
export function isRatingTallyLike(v: unknown): v is RatingTally {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/** Validates a rating tally (e.g. read back from JSON). */
export function checkRatingTally(input: unknown, fn: string, path: readonly PathSegment[]): RatingTally {
  if (!isRatingTallyLike(input)) throw metricsError(fn, "invalid_type", path, "a rating tally { min, max, counts, n }", input);
  const t = input as { min?: unknown; max?: unknown; counts?: unknown; n?: unknown; excluded?: unknown };
  const scale = readScale({ min: t.min, max: t.max }, fn, path);
  const counts = t.counts;
  const points = scale.max - scale.min + 1;
  if (!Array.isArray(counts) || counts.length !== points) {
    throw metricsError(fn, "invalid_input", [...path, "counts"], `an array of ${points} counts (one per scale point)`, counts);
  }
  let total = 0;
  const c = counts.map((v, k) => {
    const x = count(v, fn, [...path, "counts", k]);
    total += x;
    return x;
  });
  const n = t.n === undefined ? total : count(t.n, fn, [...path, "n"]);
  if (n !== total) throw metricsError(fn, "invalid_input", [...path, "n"], `the sum of counts (${total})`, n);
  const excluded = emptyRatingExclusions();
  if (t.excluded !== undefined) {
    const by = (t.excluded as { byReason?: unknown } | null)?.byReason;
    if (typeof by !== "object" || by === null)
      throw metricsError(fn, "invalid_type", [...path, "excluded", "byReason"], "counts per reason", by);
    for (const r of REASONS) {
      const v = (by as Partial<Record<RatingExclusionReason, unknown>>)[r];
      const x = v === undefined ? 0 : count(v, fn, [...path, "excluded", "byReason", r]);
      excluded.byReason[r] = x;
      excluded.count += x;
    }
  }
  return { min: scale.min, max: scale.max, counts: c, n, excluded };
}
