import { metricsError } from "../core/errors.js";
import { assertInRange, assertNonNegative, assertOneOf, assertKnownOptions } from "../core/guards.js";
import type { DateInput } from "../core/time.js";
import { normalQuantile } from "../math/index.js";
import { readOptions } from "./_internal/checks.js";
import { survfitIntervalInto, survfitMedian, survfitRestrictedMean } from "./_internal/kmCurve.js";
import { readSurvivalData, riskTable } from "./_internal/survivalData.js";

/**
 * The transform of the pointwise confidence intervals (survfit's `conf.type`): `"log-log"`
 * (Kalbfleisch–Prentice), `"log"` (survfit's default) or `"plain"` (Greenwood ± z·SE, clipped).
 *
 * @category Churn
 */
export type SurvivalIntervalType = "log-log" | "log" | "plain";

/**
 * One customer's observed lifetime. `duration` and `entry` are on one clock that starts at the
 * origin (e.g. signup), in the unit you choose (days, weeks, months…).
 *
 * @category Churn
 */
export interface SurvivalRecord {
  /** Time from the origin to churn (if `churned`) or to the end of observation (≥ 0). */
  readonly duration: number;
  /** Whether the customer churned at `duration` (`false`: still active, i.e. censored). */
  readonly churned: boolean;
  /**
   * Late entry (left truncation): time from the origin at which the customer came under
   * observation (≥ 0 and < `duration`); the customer is at risk on (entry, duration]. Omit for
   * customers observed from the origin.
   */
  readonly entry?: number | undefined;
}

/**
 * A customer's lifetime as dates: churned when `end` is on or before `asOf`, censored at `asOf`
 * otherwise.
 *
 * @category Churn
 */
export interface SurvivalDateRecord {
  /** Origin (e.g. signup), UTC. */
  readonly start: DateInput;
  /** Churn date (UTC, on or after `start`); omit or `null` while active. */
  readonly end?: DateInput | null | undefined;
}

/**
 * Lifetimes in columns: the fast path for millions of customers.
 *
 * @category Churn
 */
export interface SurvivalColumns {
  /** Durations from the origin (≥ 0). */
  readonly durations: ArrayLike<number>;
  /** Churn flags (booleans or 0/1), one per duration. */
  readonly churned: ArrayLike<boolean | number>;
  /** Entry times (late entry), one per duration, each < its duration. @defaultValue none */
  readonly entries?: ArrayLike<number>;
}

/**
 * What {@link kaplanMeier} and {@link logRankTest} accept for one group of customers.
 *
 * @category Churn
 */
export type SurvivalInput = readonly SurvivalRecord[] | readonly SurvivalDateRecord[] | SurvivalColumns;

/**
 * Options for {@link kaplanMeier}.
 *
 * @category Churn
 */
export interface KaplanMeierOptions {
  /** Confidence level of the pointwise intervals and of the median's interval. @defaultValue `0.95` */
  readonly confidence?: number;
  /**
   * Transform for the pointwise intervals (survfit's `conf.type`). `"log-log"` stays inside
   * (0, 1) and behaves best in the tails; survfit's own default is `"log"`. @defaultValue `"log-log"`
   */
  readonly interval?: SurvivalIntervalType;
  /** Upper limit τ of the restricted mean lifetime. @defaultValue the last observed time */
  readonly horizon?: number;
  /** Last day of data, required for `{ start, end? }` records. */
  readonly asOf?: DateInput;
  /** Unit of durations computed from dates. @defaultValue `"day"` */
  readonly unit?: "day" | "week";
}

/**
 * One step of a Kaplan–Meier curve, at an observed time (an event or a censoring).
 *
 * @category Churn
 */
export interface KaplanMeierStep {
  /** The time. */
  readonly time: number;
  /** Customers at risk just before `time` (entered before it, not yet churned or censored). */
  readonly atRisk: number;
  /** Churn events at `time`. */
  readonly events: number;
  /** Censorings at `time` (counted at risk at `time`: events come first in ties). */
  readonly censored: number;
  /** Ŝ(time) = Π_{tᵢ ≤ time} (1 − dᵢ/nᵢ), in [0, 1]. */
  readonly survival: number;
  /** Greenwood standard error of Ŝ: Ŝ·√Σ dᵢ/(nᵢ(nᵢ − dᵢ)); `null` once Ŝ = 0 (survfit: NaN). */
  readonly standardError: number | null;
  /** Greenwood standard error of log Ŝ (survfit's `std.err`); `null` once Ŝ = 0 (survfit: Inf). */
  readonly logStandardError: number | null;
  /** Lower confidence limit; `null` where survfit gives NA (Ŝ = 0). */
  readonly lower: number | null;
  /** Upper confidence limit; `null` where survfit gives NA (Ŝ = 0). */
  readonly upper: number | null;
  /** Nelson–Aalen cumulative hazard Σ dᵢ/nᵢ. */
  readonly cumulativeHazard: number;
}

/**
 * A median lifetime and its confidence interval; `null` where the curve (or band) never reaches 0.5.
 *
 * @category Churn
 */
export interface MedianLifetime {
  /** Median lifetime (survfit's rule; see {@link kaplanMeier}). */
  readonly value: number | null;
  /** Lower limit: where the lower confidence band reaches 0.5. */
  readonly lower: number | null;
  /** Upper limit: where the upper confidence band reaches 0.5 (`null`: not reached, i.e. unbounded). */
  readonly upper: number | null;
}

/**
 * Restricted mean lifetime ∫₀^τ Ŝ(t) dt with its standard error.
 *
 * @category Churn
 */
export interface RestrictedMeanLifetime {
  /** The horizon τ. */
  readonly horizon: number;
  /** Expected lifetime within the first τ time units. */
  readonly value: number;
  /** Standard error (survfit's se(rmean)). */
  readonly standardError: number;
}

/**
 * A Kaplan–Meier survival curve.
 *
 * @category Churn
 */
export interface KaplanMeierResult {
  /** Always `"kaplan-meier"`. */
  readonly method: "kaplan-meier";
  /** Customers. */
  readonly n: number;
  /** Churn events. */
  readonly events: number;
  /** Censored customers. */
  readonly censored: number;
  /** Whether some customer had a late entry. */
  readonly lateEntry: boolean;
  /** Confidence level used. */
  readonly confidence: number;
  /** Interval transform used. */
  readonly interval: SurvivalIntervalType;
  /** One row per distinct observed time, ascending. */
  readonly steps: readonly KaplanMeierStep[];
  /** Median lifetime with its confidence interval. */
  readonly median: MedianLifetime;
  /** Restricted mean lifetime up to `horizon`. */
  readonly restrictedMean: RestrictedMeanLifetime;
}

const FN = "kaplanMeier";

/**
 * The Kaplan–Meier survival curve of customer lifetimes: the share of customers still active after
 * each time, with Greenwood standard errors, confidence bands, the median lifetime (with its
 * interval) and the restricted mean lifetime. Matches R's `survival::survfit`.
 *
 * Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ); Var Ŝ(t) = Ŝ(t)² Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ)) (Greenwood);
 * log-log interval Ŝ^exp(±z·σ/log Ŝ) with σ the standard error of log Ŝ; RMST(τ) = ∫₀^τ Ŝ.
 *
 * @see Kaplan & Meier (1958), JASA 53:457–481; Greenwood (1926).
 * @see R survival: `survfit` (survfitKM, survfit_confint, print.survfit's median and rmean), https://github.com/therneau/survival
 * @see Brookmeyer & Crowley (1982), Biometrics 38:29–41 (median interval from the bands).
 *
 * @remarks
 * Ties: at a time with both churn and censoring, the censored customers count as at risk (events
 * first), as in survfit. Late entry: a customer with `entry` is at risk on (entry, duration] —
 * survfit's counting-process form `Surv(entry, duration, churned)`; `duration` is measured from
 * the origin, not from entry. The median is the first time Ŝ ≤ 0.5; when Ŝ equals 0.5 (within
 * √ε) on a flat stretch, it is the midpoint of that time and the next time Ŝ drops (print.survfit's
 * rule; a flat at exactly 0.5 that never drops gives its start). The median's interval applies
 * the same rule to the lower and upper bands (survfit's method, which is Brookmeyer–Crowley for
 * the chosen transform). The restricted mean integrates the step curve from 0 to `horizon` and
 * carries it flat beyond the last time. Where survfit returns NA/NaN (bands and standard errors
 * once Ŝ = 0) the result has `null`; where the log-log band is undefined at Ŝ = 1 the result
 * has `[1, 1]`. Integer times use a counting sort (O(n + max time)); others a typed-array sort.
 *
 * @param records - Lifetimes: `{ duration, churned, entry? }[]`, `{ start, end? }[]` with `asOf`, or columns.
 * @param options - `{ confidence = 0.95, interval = "log-log", horizon?, asOf?, unit = "day" }`.
 * @returns `{ steps, median, restrictedMean, n, events, censored, ... }`.
 * @throws {@link MetricsError} `empty_sample` for no records; `invalid_type` / `not_finite` /
 * `out_of_range` for a negative or non-numeric duration, an `entry` not below its duration, an
 * `end` before its `start` or a `start` after `asOf`; `length_mismatch` for columns of different
 * lengths; `invalid_date` for a bad date or a missing `asOf`; `out_of_range` for a confidence
 * outside (0, 1) or a negative horizon; `invalid_option` for an unknown interval or unit.
 *
 * @example
 * ```ts
 * import { kaplanMeier } from "customer-metrics/churn";
 * // The Maintained group of the classic AML data (survival::aml): weeks to relapse, + = censored.
 * const aml = [9, 13, -13, 18, 23, -28, 31, 34, -45, 48, -161].map((t) => ({ duration: Math.abs(t), churned: t > 0 }));
 * const km = kaplanMeier(aml, { interval: "log" });
 * km.steps[0]; // => { time: 9, atRisk: 11, events: 1, censored: 0, survival: 0.9090909091, standardError: 0.0866784172, logStandardError: 0.0953462589, lower: 0.7541338, upper: 1, cumulativeHazard: 0.0909090909 }
 * km.median; // => { value: 31, lower: 18, upper: null }
 * km.restrictedMean.value; // => 52.6454545455
 * ```
 *
 * @category Churn
 */
export function kaplanMeier(records: SurvivalInput, options?: KaplanMeierOptions): KaplanMeierResult {
  assertKnownOptions(options, ["asOf", "confidence", "horizon", "interval", "unit"], "kaplanMeier");
  const opts = readOptions(options, FN);
  const confidence = assertInRange(opts.confidence ?? 0.95, 0, 1, FN, ["options", "confidence"], {
    minExclusive: true,
    maxExclusive: true,
  });
  if (!(1 - (1 - confidence) / 2 < 1)) {
    throw metricsError(
      FN,
      "out_of_range",
      ["options", "confidence"],
      "a confidence level whose critical value z is finite",
      confidence,
    );
  }
  const interval = assertOneOf(opts.interval ?? "log-log", ["log-log", "log", "plain"] as const, FN, ["options", "interval"]);
  const data = readSurvivalData(records, opts, FN);
  const table = riskTable(data);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const { times, atRisk, events } = table;
  const m = times.length;
  // Columns first (no per-row allocation), objects at the end.
  const surv = new Float64Array(m);
  const seLogCol = new Float64Array(m);
  const lowerCol = new Float64Array(m); // NaN = null
  const upperCol = new Float64Array(m);
  const hazardCol = new Float64Array(m);
  let s = 1;
  let greenwood = 0;
  let hazard = 0;
  let nEvents = 0;
  for (let k = 0; k < m; k++) {
    const n = atRisk[k] as number;
    const d = events[k] as number;
    if (d > 0) {
      s *= (n - d) / n;
      greenwood += n === d ? Infinity : d / (n * (n - d));
      hazard += d / n;
      nEvents += d;
    }
    const seLog = Math.sqrt(greenwood);
    surv[k] = s;
    seLogCol[k] = seLog;
    hazardCol[k] = hazard;
    survfitIntervalInto(s, seLog, z, interval, lowerCol, upperCol, k);
  }
  const steps: KaplanMeierStep[] = new Array(m);
  for (let k = 0; k < m; k++) {
    const seLog = seLogCol[k] as number;
    const finite = seLog !== Infinity;
    const lo = lowerCol[k] as number;
    const up = upperCol[k] as number;
    steps[k] = {
      time: times[k] as number,
      atRisk: atRisk[k] as number,
      events: events[k] as number,
      censored: table.censored[k] as number,
      survival: surv[k] as number,
      standardError: finite ? (surv[k] as number) * seLog : null,
      logStandardError: finite ? seLog : null,
      lower: lo === lo ? lo : null,
      upper: up === up ? up : null,
      cumulativeHazard: hazardCol[k] as number,
    };
  }
  const lastTime = m > 0 ? (times[m - 1] as number) : 0;
  const horizon = opts.horizon === undefined ? lastTime : assertNonNegative(opts.horizon, FN, ["options", "horizon"]);
  const median: MedianLifetime = {
    value: survfitMedian(surv, times),
    lower: survfitMedian(lowerCol, times),
    upper: survfitMedian(upperCol, times),
  };
  const rm = survfitRestrictedMean(times, surv, atRisk, events, horizon);
  if (!Number.isFinite(rm.value) || !Number.isFinite(rm.standardError)) {
    throw metricsError(FN, "undefined_result", ["options", "horizon"], "a horizon giving a finite restricted mean", horizon);
  }
  return {
    method: "kaplan-meier",
    n: data.n,
    events: nEvents,
    censored: data.n - nEvents,
    lateEntry: data.entries !== null,
    confidence,
    interval,
    steps,
    median,
    restrictedMean: { horizon, value: rm.value, standardError: rm.standardError },
  };
}
