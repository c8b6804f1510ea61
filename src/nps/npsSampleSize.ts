import { metricsError } from "../core/errors.js";
import { assertInRange, assertOneOf } from "../core/guards.js";
import { zFor } from "./_internal/interval.js";
import type { NpsIntervalMethod } from "./nps.js";

/**
 * Input of {@link npsSampleSize}.
 *
 * @category NPS
 */
export interface NpsSampleSizeInput {
  /** Wanted half-width of the interval, in NPS points (e.g. 5 for ±5), in (0, 100]. */
  readonly marginOfError: number;
  /** Expected promoter and detractor shares (fractions). @defaultValue the worst case `{ promoter: 0.5, detractor: 0.5 }` (variance 1) */
  readonly expectedShares?: {
    /** Expected share of promoters (answers 9–10), a fraction in [0, 1]. */
    readonly promoter: number;
    /** Expected share of detractors (answers 0–6), a fraction in [0, 1]; `promoter + detractor` must not exceed 1. */
    readonly detractor: number;
  };
  /** Confidence level. @defaultValue `0.95` */
  readonly confidence?: number;
  /** Interval method the survey will be analysed with. @defaultValue `"adjusted-wald"` */
  readonly interval?: NpsIntervalMethod;
}

/**
 * Result of {@link npsSampleSize}.
 *
 * @category NPS
 */
export interface NpsSampleSizeResult {
  /** Responses needed (rounded up; at least 1). */
  readonly n: number;
  /** Variance of one response's −1/0/+1 value used: p + d − (p − d)². */
  readonly variance: number;
  /** The expected score in points, 100·(p − d). */
  readonly expectedScore: number;
  /** Margin of error asked for, in points. */
  readonly marginOfError: number;
  /** Confidence level used. */
  readonly confidence: number;
  /** Interval method assumed. */
  readonly interval: NpsIntervalMethod;
}

const FN = "npsSampleSize";
const METHODS = ["adjusted-wald", "wald"] as const;

/**
 * How many responses a Net Promoter® survey needs for a margin of error of
 * ±k points.
 *
 * n = z²·V/E² with V = p + d − (p − d)² and E = k/100; for the adjusted-Wald
 * interval the 3 pseudo-observations are subtracted: n = z²·V/E² − 3.
 *
 * @see MeasuringU, "Sample Size Estimation for NPS Confidence Intervals": https://measuringu.com/nps-ci-sample-size/
 *
 * @remarks
 * Without expected shares the worst case (V = 1: half promoters, half
 * detractors) is assumed, which is what a first survey should plan for. Use
 * the shares of a previous wave when you have them: a typical mix needs far
 * fewer responses.
 *
 * @param input - See {@link NpsSampleSizeInput}.
 * @returns The sample size (see {@link NpsSampleSizeResult}).
 * @throws {@link MetricsError} `out_of_range` for a margin outside (0, 100] or so small that n exceeds `Number.MAX_SAFE_INTEGER`, shares outside [0, 1] or summing above 1 (path `["expectedShares"]`), or a confidence outside (0, 1) (or so close to 1 that z is infinite); `invalid_option` for an unknown interval.
 *
 * @example
 * ```ts
 * import { npsSampleSize } from "customer-metrics/nps";
 * npsSampleSize({ marginOfError: 5 }).n; // => 1534
 * npsSampleSize({ marginOfError: 5, interval: "wald" }).n; // => 1537
 * npsSampleSize({ marginOfError: 5, expectedShares: { promoter: 0.5, detractor: 0.2 } }).n; // => 935
 * ```
 *
 * @category NPS
 */
export function npsSampleSize(input: NpsSampleSizeInput): NpsSampleSizeResult {
  if (typeof input !== "object" || input === null)
    throw metricsError(FN, "invalid_type", [], "an object { marginOfError, ... }", input);
  const moe = assertInRange(input.marginOfError, 0, 100, FN, ["marginOfError"], { minExclusive: true });
  const method = input.interval === undefined ? "adjusted-wald" : assertOneOf(input.interval, METHODS, FN, ["interval"]);
  const confidence = input.confidence ?? 0.95;
  const z = zFor(confidence, FN, ["confidence"]);
  let p = 0.5;
  let d = 0.5;
  if (input.expectedShares !== undefined) {
    const s = input.expectedShares as unknown;
    if (typeof s !== "object" || s === null)
      throw metricsError(FN, "invalid_type", ["expectedShares"], "{ promoter, detractor } fractions", s);
    p = assertInRange((s as { promoter?: unknown }).promoter, 0, 1, FN, ["expectedShares", "promoter"]);
    d = assertInRange((s as { detractor?: unknown }).detractor, 0, 1, FN, ["expectedShares", "detractor"]);
    if (p + d > 1 + 1e-12) throw metricsError(FN, "out_of_range", ["expectedShares"], "shares whose sum is at most 1", p + d);
  }
  const variance = Math.max(0, p + d - (p - d) * (p - d));
  const e = moe / 100;
  let raw = (z * z * variance) / (e * e);
  if (method === "adjusted-wald") raw -= 3;
  const n = Math.max(1, Math.ceil(raw - 1e-9));
  if (!Number.isSafeInteger(n)) {
    throw metricsError(
      FN,
      "out_of_range",
      ["marginOfError"],
      "a margin large enough that the sample size is a finite safe integer",
      input.marginOfError,
    );
  }
  return { n, variance, expectedScore: 100 * (p - d), marginOfError: moe, confidence, interval: method };
}
