import { metricsError } from "../core/errors.js";
import { assertOneOf, assertKnownOptions } from "../core/guards.js";
import { npsMoments, zFor } from "./_internal/interval.js";
import { isCountsLike, toTally } from "./_internal/toTally.js";
import { type NpsCounts, type NpsExclusions, type NpsInvalidPolicy, npsTally, type NpsTally } from "./npsTally.js";

/**
 * Interval methods for the Net Promoter® Score: `"adjusted-wald"` (Rocks
 * 2016; add 3 to n and ¾ to promoters and detractors; the default) or
 * `"wald"` (plain normal approximation with the trinomial variance).
 *
 * @category NPS
 */
export type NpsIntervalMethod = "adjusted-wald" | "wald";

/**
 * Options for {@link nps}.
 *
 * @category NPS
 */
export interface NpsOptions {
  /** Interval method. @defaultValue `"adjusted-wald"` */
  readonly interval?: NpsIntervalMethod;
  /** Confidence level of the interval, in (0, 1). @defaultValue `0.95` */
  readonly confidence?: number;
  /** What to do with an invalid score (raw scores only). @defaultValue `"throw"` */
  readonly onInvalid?: NpsInvalidPolicy;
  /** Respondent weights, one per score (raw scores only); the interval then uses Kish's effective n. @defaultValue none */
  readonly weights?: ArrayLike<number>;
}

/**
 * Shares of the three classes, as fractions that sum to 1.
 *
 * @category NPS
 */
export interface NpsShares {
  /** Share of promoters (0–1). */
  readonly promoter: number;
  /** Share of passives (0–1). */
  readonly passive: number;
  /** Share of detractors (0–1). */
  readonly detractor: number;
}

/**
 * A Net Promoter® Score with its counts, shares and uncertainty.
 *
 * @category NPS
 */
export interface NpsResult {
  /** The score in points, −100..100: 100 × (promoter share − detractor share). */
  readonly score: number;
  /** Number of valid responses counted (unweighted). */
  readonly n: number;
  /** Promoters (answers 9–10); weighted total when weighted. */
  readonly promoters: number;
  /** Passives (answers 7–8); weighted total when weighted. */
  readonly passives: number;
  /** Detractors (answers 0–6); weighted total when weighted. */
  readonly detractors: number;
  /** Class shares (fractions). */
  readonly shares: NpsShares;
  /** Standard error of the score, in points (at the adjusted shares for `"adjusted-wald"`). */
  readonly standardError: number;
  /** Confidence interval `[lower, upper]` in points, clipped to −100..100. */
  readonly confidenceInterval: readonly [number, number];
  /** Half-width of the interval before clipping, in points (z × standardError). */
  readonly marginOfError: number;
  /** Centre of the interval in points: the score (Wald) or the adjusted score 100·(p′ − d′) (adjusted Wald). */
  readonly intervalCenter: number;
  /** Interval method used. */
  readonly interval: NpsIntervalMethod;
  /** Confidence level used. */
  readonly confidence: number;
  /** Kish effective sample size (Σw)²/Σw²; equals `n` when unweighted. */
  readonly effectiveN: number;
  /** Whether respondent weights were applied. */
  readonly weighted: boolean;
  /** Responses excluded under `onInvalid: "skip"` (zero counts otherwise). */
  readonly excluded: NpsExclusions;
}

const FN = "nps";
const METHODS = ["adjusted-wald", "wald"] as const;

/** @internal Result of a validated tally (shared by nps, compareNps, npsTrend, npsBySegment). */
export function npsFromTally(t: NpsTally, method: NpsIntervalMethod, confidence: number, z: number, fn: string): NpsResult {
  if (t.n === 0) throw metricsError(fn, "empty_sample", [], "at least one valid response (all were excluded or none given)", t.n);
  const m = npsMoments(t, method);
  const se = Math.sqrt(m.variance / m.size);
  const half = z * se;
  const lower = Math.max(-1, m.center - half);
  const upper = Math.min(1, m.center + half);
  const sw = t.sumWeights;
  return {
    score: (100 * (t.promoters - t.detractors)) / sw,
    n: t.n,
    promoters: t.promoters,
    passives: t.passives,
    detractors: t.detractors,
    shares: { promoter: t.promoters / sw, passive: t.passives / sw, detractor: t.detractors / sw },
    standardError: 100 * se,
    confidenceInterval: [100 * lower, 100 * upper],
    marginOfError: 100 * half,
    intervalCenter: 100 * m.center,
    interval: method,
    confidence,
    effectiveN: m.effectiveN,
    weighted: t.weighted,
    excluded: t.excluded,
  };
}

/**
 * The Net Promoter® Score of a set of 0–10 answers (or of a tally), with
 * counts, shares, standard error and confidence interval.
 *
 * NPS = 100 · (P − D)/n on −100..100, where P are answers 9–10 and D answers
 * 0–6. Wald: SE = √((p + d − (p − d)²)/n). Adjusted Wald (default): n′ = n + 3,
 * p′ = (P + ¾)/n′, d′ = (D + ¾)/n′, SE = √((p′ + d′ − (p′ − d′)²)/n′), interval
 * (p′ − d′) ± z·SE.
 *
 * @see Rocks, B. (2016). Interval Estimation for the "Net Promoter Score". The American Statistician 70(4), 365–372.
 * @see MeasuringU, "Confidence Intervals for Net Promoter Scores" (adjusted-Wald recipe): https://measuringu.com/nps-confidence-intervals/
 *
 * @remarks
 * With weights, shares are weighted and every `n` in the formulas becomes
 * Kish's effective sample size n_eff = (Σw)²/Σw² (so a few heavy weights widen
 * the interval, as they should). The adjusted-Wald interval is centred on the
 * adjusted score, not on the observed one (see `intervalCenter`); both ends
 * are clipped to −100..100. The Wald interval collapses to a point when every
 * answer is in one class: prefer the default.
 *
 * @param input - Answers to the 0–10 recommend question, or a tally / class counts (see {@link NpsCounts}).
 * @param options - See {@link NpsOptions}.
 * @returns The score and its uncertainty (see {@link NpsResult}).
 * @throws {@link MetricsError} everything {@link npsTally} throws for raw scores; `empty_sample` when no valid response remains; `invalid_option` for an unknown `interval`; `out_of_range` for a confidence outside (0, 1) or so close to 1 that z is infinite; `invalid_input` etc. for a malformed tally (including a weighted tally whose `sumSquaredWeights` is 0, below sumWeights²/n or above sumWeights²).
 *
 * @example
 * ```ts
 * import { nps } from "customer-metrics/nps";
 * const r = nps([10, 10, 9, 9, 9, 8, 7, 6, 3, 0]);
 * r.score; // => 20
 * r.shares; // => { promoter: 0.5, passive: 0.2, detractor: 0.3 }
 * r.confidenceInterval; // => [-30.33, 61.10]
 * nps({ promoters: 50, passives: 20, detractors: 30 }, { interval: "wald" }).standardError; // => 8.718
 * nps([null, 9], { onInvalid: "skip" }).excluded.count; // => 1
 * nps([]); // throws empty_sample
 * ```
 *
 * @category NPS
 */
export function nps(input: ArrayLike<number | null | undefined> | NpsCounts, options: NpsOptions = {}): NpsResult {
  assertKnownOptions(options, ["confidence", "interval", "onInvalid", "weights"], "nps");
  const method =
    options.interval === undefined ? "adjusted-wald" : assertOneOf(options.interval, METHODS, FN, ["options", "interval"]);
  const confidence = options.confidence ?? 0.95;
  const z = zFor(confidence, FN, ["options", "confidence"]);
  let tally: NpsTally;
  if (isCountsLike(input)) tally = toTally(input, FN, []);
  else {
    const tallyOptions: { onInvalid?: NpsInvalidPolicy; weights?: ArrayLike<number> } = {};
    if (options.onInvalid !== undefined) tallyOptions.onInvalid = options.onInvalid;
    if (options.weights !== undefined) tallyOptions.weights = options.weights;
    tally = npsTally(input as ArrayLike<number | null | undefined>, tallyOptions);
  }
  return npsFromTally(tally, method, confidence, z, FN);
}
