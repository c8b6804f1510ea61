import { type PathSegment, metricsError } from "../../core/errors.js";
import { assertInRange } from "../../core/guards.js";
import { studentTQuantile, wilsonInterval } from "../../math/index.js";

/** Validates a confidence level in (0, 1). */
export function checkConfidence(confidence: unknown, fn: string, path: readonly PathSegment[]): number {
  const v = assertInRange(confidence, 0, 1, fn, path, { minExclusive: true, maxExclusive: true });
  // So close to 1 that 1 − (1 − c)/2 rounds to 1: the critical value z is infinite.
  if (!(1 - (1 - v) / 2 < 1))
    throw metricsError(fn, "out_of_range", path, "a confidence level whose critical value z is finite", confidence);
  return v;
}

/** Mean and sample standard deviation from n, Σx, Σx² (sd null when n < 2). */
export function meanSd(n: number, sum: number, sumSq: number): { mean: number | null; sd: number | null } {
  if (n === 0) return { mean: null, sd: null };
  const mean = sum / n;
  if (n < 2) return { mean, sd: null };
  const ss = Math.max(0, sumSq - sum * mean);
  return { mean, sd: Math.sqrt(ss / (n - 1)) };
}

/** Student-t interval mean ± t_{n−1}·sd/√n clipped to [lo, hi] (the possible range), or null when n < 2. */
export function tInterval(
  mean: number,
  sd: number | null,
  n: number,
  confidence: number,
  lo = Number.NEGATIVE_INFINITY,
  hi = Number.POSITIVE_INFINITY,
): readonly [number, number] | null {
  if (sd === null || n < 2) return null;
  const t = studentTQuantile(1 - (1 - confidence) / 2, n - 1);
  const half = (t * sd) / Math.sqrt(n);
  return [Math.max(lo, mean - half), Math.min(hi, mean + half)];
}

/** Wilson score interval for k successes in n trials (k may be fractional), or null when n ≤ 0. */
export function wilsonIntervalOrNull(k: number, n: number, confidence: number): readonly [number, number] | null {
  return n > 0 ? wilsonInterval(k, n, confidence) : null;
}
