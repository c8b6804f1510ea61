import { isMetricsError, MetricsError, metricsError } from "../core/errors.js";
import { assertOneOf, assertKnownOptions } from "../core/guards.js";
import { normalCdf } from "../math/index.js";
import { npsMoments, zFor } from "./_internal/interval.js";
import { isCountsLike, toTally } from "./_internal/toTally.js";
import { type NpsIntervalMethod, npsFromTally, type NpsResult } from "./nps.js";
import { type NpsCounts, npsTally, type NpsTally } from "./npsTally.js";

/**
 * Options for {@link compareNps}.
 *
 * @category NPS
 */
export interface CompareNpsOptions {
  /** Confidence level: the difference is `significant` when the p-value is below 1 − confidence. @defaultValue `0.95` */
  readonly confidence?: number;
  /** Test / interval method. @defaultValue `"adjusted-wald"` */
  readonly interval?: NpsIntervalMethod;
}

/**
 * The difference between two Net Promoter® Scores with its two-sided z-test.
 *
 * @category NPS
 */
export interface NpsComparison {
  /** Observed score of `a` minus score of `b`, in points (−200..200). */
  readonly difference: number;
  /** Standard error of the difference, in points. */
  readonly standardError: number;
  /** Test statistic: (adjusted) difference / standard error. */
  readonly z: number;
  /** Two-sided p-value, 2·(1 − Φ(|z|)). */
  readonly pValue: number;
  /** Whether `pValue < 1 − confidence`. */
  readonly significant: boolean;
  /** Confidence interval of the difference `[lower, upper]` in points (centred on the adjusted difference for adjusted Wald), clipped to −200..200. */
  readonly confidenceInterval: readonly [number, number];
  /** Confidence level used. */
  readonly confidence: number;
  /** Method used. */
  readonly interval: NpsIntervalMethod;
  /** The NPS of sample `a`. */
  readonly a: NpsResult;
  /** The NPS of sample `b`. */
  readonly b: NpsResult;
}

const FN = "compareNps";
const METHODS = ["adjusted-wald", "wald"] as const;

function asTally(x: ArrayLike<number | null | undefined> | NpsCounts, name: "a" | "b"): NpsTally {
  if (isCountsLike(x)) return toTally(x, FN, [name]);
  try {
    return npsTally(x as ArrayLike<number | null | undefined>);
  } catch (e) {
    if (isMetricsError(e)) throw new MetricsError({ code: e.code, path: [name, ...e.path], message: e.message, cause: e });
    throw e;
  }
}

/** @internal Two-sample test on validated tallies (shared with npsTrend). */
export function compareTallies(
  ta: NpsTally,
  tb: NpsTally,
  method: NpsIntervalMethod,
  confidence: number,
  zc: number,
): NpsComparison {
  if (ta.n === 0) throw metricsError(FN, "empty_sample", ["a"], "a sample with at least one valid response", ta.n);
  if (tb.n === 0) throw metricsError(FN, "empty_sample", ["b"], "a sample with at least one valid response", tb.n);
  const a = npsFromTally(ta, method, confidence, zc, FN);
  const b = npsFromTally(tb, method, confidence, zc, FN);
  const ma = npsMoments(ta, method);
  const mb = npsMoments(tb, method);
  const se = Math.sqrt(ma.variance / ma.size + mb.variance / mb.size);
  const centerDiff = ma.center - mb.center;
  if (!(se > 0)) {
    throw metricsError(
      FN,
      "undefined_result",
      [],
      'samples with some spread: with interval "wald" and every answer in one class the standard error is 0 (use the default "adjusted-wald")',
      se,
    );
  }
  const z = centerDiff / se;
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  const half = zc * se;
  return {
    difference: a.score - b.score,
    standardError: 100 * se,
    z,
    pValue,
    significant: pValue < 1 - confidence,
    confidenceInterval: [100 * Math.max(-2, centerDiff - half), 100 * Math.min(2, centerDiff + half)],
    confidence,
    interval: method,
    a,
    b,
  };
}

/**
 * Whether two Net Promoter® Scores differ by more than sampling error: the
 * difference, its standard error, z, the two-sided p-value and a verdict.
 *
 * Adjusted Wald (default, MeasuringU): for each sample n′ = n + 3,
 * p′ = (P + ¾)/n′, d′ = (D + ¾)/n′, V′ = p′ + d′ − (p′ − d′)²; then
 * z = ((p′₁ − d′₁) − (p′₂ − d′₂)) / √(V′₁/n′₁ + V′₂/n′₂). Wald uses the
 * unadjusted shares and n.
 *
 * @see MeasuringU, "How to Statistically Compare Two Net Promoter Scores": https://measuringu.com/nps-significance-test/
 * @see MeasuringU, "Evaluating NPS Significance Tests with Real-World Data": https://measuringu.com/nps-three-significance-tests/
 *
 * @remarks
 * The samples must be independent (different respondents). `difference` is
 * the observed difference of the scores; `z` and the interval use the adjusted
 * shares. With weights (tallies from weighted {@link npsTally}), each sample's
 * n is Kish's effective n.
 *
 * @param a - Scores or a tally of the first sample.
 * @param b - Scores or a tally of the second sample.
 * @param options - See {@link CompareNpsOptions}.
 * @returns The comparison (see {@link NpsComparison}).
 * @throws {@link MetricsError} for invalid scores or tallies (path starts with `"a"` or `"b"`); `empty_sample` when a sample has no response; `undefined_result` when the standard error is 0 (Wald with degenerate samples); `invalid_option`; `out_of_range` for a bad confidence.
 *
 * @example
 * ```ts
 * import { compareNps } from "customer-metrics/nps";
 * const c = compareNps({ promoters: 60, passives: 20, detractors: 20 }, { promoters: 40, passives: 30, detractors: 30 });
 * c.difference; // => 30
 * c.pValue; // => 0.0102
 * c.significant; // => true
 * ```
 *
 * @category NPS
 */
export function compareNps(
  a: ArrayLike<number | null | undefined> | NpsCounts,
  b: ArrayLike<number | null | undefined> | NpsCounts,
  options: CompareNpsOptions = {},
): NpsComparison {
  assertKnownOptions(options, ["confidence", "interval"], "compareNps");
  const method =
    options.interval === undefined ? "adjusted-wald" : assertOneOf(options.interval, METHODS, FN, ["options", "interval"]);
  const confidence = options.confidence ?? 0.95;
  const zc = zFor(confidence, FN, ["options", "confidence"]);
  return compareTallies(asTally(a, "a"), asTally(b, "b"), method, confidence, zc);
}
