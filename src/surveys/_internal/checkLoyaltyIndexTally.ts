import { type PathSegment, metricsError } from "../../core/errors.js";
import type { LoyaltyIndexTally, LoyaltyLevel } from "../customerLoyaltyIndexTally.js";
import { readLoyaltyIndexSettings } from "../customerLoyaltyIndexTally.js";
import { emptyRatingExclusions, type RatingExclusionReason } from "../ratingTally.js";

function int(v: unknown, fn: string, path: readonly PathSegment[], allowNegative = false): number {
  if (typeof v !== "number") throw metricsError(fn, "invalid_type", path, "an integer", v);
  if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", path, "an integer", v);
  if (!Number.isInteger(v)) throw metricsError(fn, "not_integer", path, "an integer", v);
  if (!allowNegative && v < 0) throw metricsError(fn, "out_of_range", path, "an integer >= 0", v);
  return v;
}

/** Whether a value looks like a CLI tally (not an array of responses). */
export function isLoyaltyIndexTallyLike(v: unknown): v is LoyaltyIndexTally {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "sumTotals" in v;
}

/** Validates a CLI tally (e.g. read back from JSON). */
export function checkLoyaltyIndexTally(input: unknown, fn: string, path: readonly PathSegment[]): LoyaltyIndexTally {
  if (typeof input !== "object" || input === null) throw metricsError(fn, "invalid_type", path, "a loyalty-index tally", input);
  const t = input as Record<string, unknown>;
  const opts: Record<string, unknown> = { scale: t["scale"], levelThresholds: t["levelThresholds"] };
  if (t["netCutoffs"] !== null) opts["netCutoffs"] = t["netCutoffs"];
  let s;
  try {
    s = readLoyaltyIndexSettings(opts, fn);
  } catch (e) {
    const err = e as { path?: readonly PathSegment[] };
    if (Array.isArray(err.path) && err.path[0] === "options")
      (err as { path: readonly PathSegment[] }).path = [...path, ...err.path.slice(1)];
    throw e;
  }
  const n = int(t["n"], fn, [...path, "n"]);
  const points = s.scale.max - s.scale.min + 1;
  const q = t["questions"] as Record<string, unknown> | null | undefined;
  if (typeof q !== "object" || q === null)
    throw metricsError(fn, "invalid_type", [...path, "questions"], "per-question counts", q);
  const questions = { recommend: [] as number[], repurchase: [] as number[], tryOther: [] as number[] };
  for (const key of ["recommend", "repurchase", "tryOther"] as const) {
    const arr = q[key];
    if (!Array.isArray(arr) || arr.length !== points)
      throw metricsError(fn, "invalid_input", [...path, "questions", key], `${points} counts`, arr);
    let total = 0;
    questions[key] = arr.map((v, k) => {
      const c = int(v, fn, [...path, "questions", key, k]);
      total += c;
      return c;
    });
    if (total !== n) throw metricsError(fn, "invalid_input", [...path, "questions", key], `counts summing to n (${n})`, total);
  }
  const sumTotals = int(t["sumTotals"], fn, [...path, "sumTotals"], true);
  const sumSquaredTotals = int(t["sumSquaredTotals"], fn, [...path, "sumSquaredTotals"]);
  const net = s.netCutoffs !== null;
  const sumNet = net ? int(t["sumNet"], fn, [...path, "sumNet"], true) : null;
  const sumSquaredNet = net ? int(t["sumSquaredNet"], fn, [...path, "sumSquaredNet"]) : null;
  const lv = t["levels"] as Record<string, unknown> | null | undefined;
  if (typeof lv !== "object" || lv === null)
    throw metricsError(fn, "invalid_type", [...path, "levels"], "{ high, medium, low }", lv);
  const levels = { high: 0, medium: 0, low: 0 };
  for (const k of ["high", "medium", "low"] as LoyaltyLevel[]) levels[k] = int(lv[k], fn, [...path, "levels", k]);
  if (levels.high + levels.medium + levels.low !== n)
    throw metricsError(fn, "invalid_input", [...path, "levels"], `counts summing to n (${n})`, lv);
  const excluded = emptyRatingExclusions();
  const ex = t["excluded"] as { byReason?: Record<string, unknown> } | undefined;
  if (ex !== undefined) {
    for (const r of Object.keys(excluded.byReason) as RatingExclusionReason[]) {
      const v = ex?.byReason?.[r];
      const c = v === undefined ? 0 : int(v, fn, [...path, "excluded", "byReason", r]);
      excluded.byReason[r] = c;
      excluded.count += c;
    }
  }
  return {
    scale: s.scale,
    netCutoffs: s.netCutoffs,
    levelThresholds: s.levelThresholds,
    n,
    questions,
    sumTotals,
    sumSquaredTotals,
    sumNet,
    sumSquaredNet,
    levels,
    excluded,
  };
}
