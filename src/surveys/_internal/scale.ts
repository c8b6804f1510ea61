import { type PathSegment, metricsError } from "../../core/errors.js";

/** A validated integer rating scale. */
export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly best: "max" | "min";
}

const MAX_POINTS = 1001;

/**
 * Reads a scale given as a number of points (`5` → 1..5) or `{ min, max, best? }`.
 * Both ends must be integers with min < max and at most 1001 points.
 */
export function readScale(input: unknown, fn: string, path: readonly PathSegment[]): Scale {
  if (typeof input === "number") {
    if (!Number.isInteger(input) || input < 2 || input > MAX_POINTS) {
      const code = !Number.isFinite(input) ? "not_finite" : !Number.isInteger(input) ? "not_integer" : "out_of_range";
      throw metricsError(fn, code, path, `a number of scale points from 2 to ${MAX_POINTS} (e.g. 5 for 1..5)`, input);
    }
    return { min: 1, max: input, best: "max" };
  }
  if (typeof input !== "object" || input === null)
    throw metricsError(fn, "invalid_type", path, "a number of points or { min, max, best? }", input);
  const s = input as { min?: unknown; max?: unknown; best?: unknown };
  const min = checkInt(s.min, fn, [...path, "min"]);
  const max = checkInt(s.max, fn, [...path, "max"]);
  if (!(max > min)) throw metricsError(fn, "out_of_range", [...path, "max"], `greater than min (${min})`, max);
  if (max - min + 1 > MAX_POINTS)
    throw metricsError(fn, "out_of_range", [...path, "max"], `at most ${MAX_POINTS} scale points`, max);
  let best: "max" | "min" = "max";
  if (s.best !== undefined) {
    if (s.best !== "max" && s.best !== "min")
      throw metricsError(fn, "invalid_option", [...path, "best"], '"max" or "min"', s.best);
    best = s.best;
  }
  return { min, max, best };
}

function checkInt(v: unknown, fn: string, path: readonly PathSegment[]): number {
  if (typeof v !== "number") throw metricsError(fn, "invalid_type", path, "an integer", v);
  if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", path, "an integer", v);
  if (!Number.isInteger(v)) throw metricsError(fn, "not_integer", path, "an integer", v);
  return v === 0 ? 0 : v;
}

/** An integer threshold on a scale (inclusive). */
export function readPoint(v: unknown, scale: Scale, fn: string, path: readonly PathSegment[]): number {
  const x = checkInt(v, fn, path);
  if (x < scale.min || x > scale.max)
    throw metricsError(fn, "out_of_range", path, `a point of the scale ${scale.min}..${scale.max}`, v);
  return x;
}

/** Number of "box" points at each end by default: 2 on scales of 5+ points, else 1. */
export function defaultBoxSize(scale: { min: number; max: number }): number {
  return scale.max - scale.min + 1 >= 5 ? 2 : 1;
}
