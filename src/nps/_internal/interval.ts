import type { PathSegment } from "../../core/errors.js";
import { assertInRange } from "../../core/guards.js";
import { normalQuantile } from "../../math/index.js";
import type { NpsTally } from "../npsTally.js";

/** Two-sided critical value z for a confidence level in (0, 1). */
export function zFor(confidence: number, fn: string, path: readonly PathSegment[]): number {
  const c = assertInRange(confidence, 0, 1, fn, path, { minExclusive: true, maxExclusive: true });
  return normalQuantile(1 - (1 - c) / 2);
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
  const effectiveN = t.weighted ? (t.sumWeights * t.sumWeights) / t.sumSquaredWeights : t.n;
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
