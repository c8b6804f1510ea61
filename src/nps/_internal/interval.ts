import { type PathSegment, metricsError } from "../../core/errors.js";
import { assertInRange } from "../../core/guards.js";
import { normalQuantile } from "../../math/index.js";
import type { NpsTally } from "../npsTally.js";

/** Two-sided critical value z for a confidence level in (0, 1). */
export function zFor(confidence: number, fn: string, path: readonly PathSegment[]): number {
  const c = assertInRange(confidence, 0, 1, fn, path, { minExclusive: true, maxExclusive: true });
  const z = normalQuantile(1 - (1 - c) / 2);
  // A confidence within ~1e-16 of 1 rounds 1 − (1 − c)/2 to 1: z is infinite.
  if (!Number.isFinite(z))
    throw metricsError(fn, "out_of_range", path, "a confidence level in (0, 1) whose critical value z is finite", confidence);
  return z;
}

/** Kish's effective sample size (Σw)²/Σw², without overflow in (Σw)². */
export function kishEffectiveN(sumWeights: number, sumSquaredWeights: number): number {
  const e = (sumWeights * sumWeights) / sumSquaredWeights;
  if (Number.isFinite(e) && e > 0) return e;
  const r = sumWeights / Math.sqrt(sumSquaredWeights);
  return r * r;
}

/** The quantities an interval or test needs, on the −1..1 scale. */
export interface NpsMoments {
  /** Observed p − d. */
  readonly estimate: number;
  /** Centre of the interval: p − d (Wald) or p′ − d′ (adjusted Wald). */
  readonly center: number;
  /** Variance of one response's −1/0/+1 value at the (adjusted) shares. */
  readonly variance: number;
  /** Sample size used: Kish effective n (Wald) or n_eff + 3 (adjusted Wald). */
  readonly size: number;
  /** Kish effective sample size (= n unweighted). */
  readonly effectiveN: number;
}

/** Wald or adjusted-Wald moments of a tally with n > 0. */
export function npsMoments(t: NpsTally, method: "wald" | "adjusted-wald"): NpsMoments {
  const p = t.promoters / t.sumWeights;
  const d = t.detractors / t.sumWeights;
  const effectiveN = t.weighted ? kishEffectiveN(t.sumWeights, t.sumSquaredWeights) : t.n;
  const estimate = p - d;
  if (method === "wald") {
    return { estimate, center: estimate, variance: Math.max(0, p + d - estimate * estimate), size: effectiveN, effectiveN };
  }
  const size = effectiveN + 3;
  const pa = (p * effectiveN + 0.75) / size;
  const da = (d * effectiveN + 0.75) / size;
  const center = pa - da;
  return { estimate, center, variance: Math.max(0, pa + da - center * center), size, effectiveN };
}
