import { metricsError } from "../core/errors.js";
import { assertOneOf, isArrayLike, assertKnownOptions } from "../core/guards.js";
import {
  type DateInput,
  fromDayNumber,
  type Period,
  PERIODS,
  periodIndex,
  periodLabel,
  periodStart,
  toDayNumber,
} from "../core/time.js";
import { zFor } from "./_internal/interval.js";
import { rejectScore } from "./_internal/invalidScore.js";
import { tallyFromDistribution } from "./_internal/tallyFromDistribution.js";
import { compareTallies } from "./compareNps.js";
import { type NpsIntervalMethod, npsFromTally, type NpsResult } from "./nps.js";
import { emptyExclusions, type NpsExclusions, type NpsInvalidPolicy, type NpsTally } from "./npsTally.js";

/**
 * One dated answer to the 0–10 recommend question.
 *
 * @category NPS
 */
export interface NpsTimedResponse {
  /** The answer, an integer 0–10. */
  readonly score: number | null | undefined;
  /** When it was given (Date, ISO-8601 string or epoch ms; read as UTC). */
  readonly at: DateInput;
  /** Respondent weight (finite, ≥ 0). @defaultValue `1` */
  readonly weight?: number;
}

/**
 * Options for {@link npsTrend}.
 *
 * @category NPS
 */
export interface NpsTrendOptions {
  /** Calendar period to bucket by (`"day" | "week" | "month" | "quarter" | "year"`; weeks are ISO weeks). */
  readonly period: Period;
  /** Interval and test method. @defaultValue `"adjusted-wald"` */
  readonly interval?: NpsIntervalMethod;
  /** Confidence level for intervals and for `significant`. @defaultValue `0.95` */
  readonly confidence?: number;
  /** What to do with an invalid score. @defaultValue `"throw"` */
  readonly onInvalid?: NpsInvalidPolicy;
  /** Report periods from this date's period on, even if empty. @defaultValue the first response's period */
  readonly from?: DateInput;
  /** Report periods up to this date's period, even if empty. @defaultValue the last response's period */
  readonly to?: DateInput;
}

/**
 * One period of an {@link npsTrend}.
 *
 * @category NPS
 */
export interface NpsTrendPeriod {
  /** Period index (see `periodIndex` in core). */
  readonly index: number;
  /** Label, e.g. `"2024-03"`, `"2024-W10"`, `"2024-Q1"`. */
  readonly label: string;
  /** ISO date of the period's first day. */
  readonly start: string;
  /** Valid responses in the period. */
  readonly n: number;
  /** `true` when the period has no response: its `nps` is `null`, never a score of 0. */
  readonly empty: boolean;
  /** The period's score and interval, or `null` when empty. */
  readonly nps: NpsResult | null;
  /** The period's mergeable tally (e.g. to roll weeks up into a quarter). */
  readonly tally: NpsTally;
}

/**
 * The change from one non-empty period to the next non-empty one, with its
 * two-sample test (see {@link compareNps}).
 *
 * @category NPS
 */
export interface NpsTrendChange {
  /** Label of the earlier period. */
  readonly from: string;
  /** Label of the later period. */
  readonly to: string;
  /** Periods between them (1 for adjacent periods; more when empty periods lie between). */
  readonly periodsApart: number;
  /** Later score minus earlier score, in points. */
  readonly difference: number;
  /** Standard error of the difference, in points. */
  readonly standardError: number;
  /** Test statistic. */
  readonly z: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** Whether `pValue < 1 − confidence`. */
  readonly significant: boolean;
  /** Confidence interval of the change, in points. */
  readonly confidenceInterval: readonly [number, number];
}

/**
 * Result of {@link npsTrend}.
 *
 * @category NPS
 */
export interface NpsTrendResult {
  /** The period used. */
  readonly period: Period;
  /** Every period from the first to the last, empty ones included. */
  readonly periods: readonly NpsTrendPeriod[];
  /** Changes between consecutive non-empty periods. */
  readonly changes: readonly NpsTrendChange[];
  /** The score over all periods. */
  readonly overall: NpsResult;
  /** Responses excluded under `onInvalid: "skip"`. */
  readonly excluded: NpsExclusions;
}

const FN = "npsTrend";
const METHODS = ["adjusted-wald", "wald"] as const;
const POLICIES = ["throw", "skip"] as const;
const MAX_PERIODS = 100_000;

interface Acc {
  h: Float64Array;
  n: number;
  sw: number;
  sw2: number;
  weighted: boolean;
}

function newAcc(): Acc {
  return { h: new Float64Array(11), n: 0, sw: 0, sw2: 0, weighted: false };
}

function accToTally(a: Acc, excluded: NpsExclusions): NpsTally {
  return tallyFromDistribution(Array.from(a.h), a.n, a.weighted, a.sw, a.sw2, excluded);
}

/**
 * The Net Promoter® Score per calendar period, with an interval per period
 * and a significance test for each period-to-period change.
 *
 * @remarks
 * Periods with no response are listed with `empty: true` and `nps: null`:
 * an empty month is unknown, never a score of 0. Changes compare each
 * non-empty period with the previous non-empty one (`periodsApart` says how far
 * apart they are). Each period carries its tally, so a dashboard can roll
 * periods up exactly with {@link mergeNpsTallies}. Dates are bucketed in UTC.
 *
 * @param responses - Dated answers (see {@link NpsTimedResponse}).
 * @param options - See {@link NpsTrendOptions}; `period` is required.
 * @returns Periods, changes and the overall score (see {@link NpsTrendResult}).
 * @throws {@link MetricsError} `invalid_type` when `responses` is not an array or a response is not an object (path `[i]`); `empty_sample` when there is no valid response; score errors at `[i, "score"]` (unless skipped); `invalid_date` at `[i, "at"]`; weight errors at `[i, "weight"]`; `invalid_option` for an unknown period, interval or policy; `out_of_range` when the range spans more than 100,000 periods or all weights are zero, and at `["options", "to"]` when `to` is before `from`.
 *
 * @example
 * ```ts
 * import { npsTrend } from "customer-metrics/nps";
 * const t = npsTrend(
 *   [{ score: 10, at: "2024-01-05" }, { score: 3, at: "2024-01-20" }, { score: 9, at: "2024-03-02" }],
 *   { period: "month" },
 * );
 * t.periods.map((p) => [p.label, p.nps?.score ?? null]); // => [["2024-01", 0], ["2024-02", null], ["2024-03", 100]]
 * t.changes[0]?.periodsApart; // => 2
 * ```
 *
 * @category NPS
 */
export function npsTrend(responses: readonly NpsTimedResponse[], options: NpsTrendOptions): NpsTrendResult {
  if (typeof options !== "object" || options === null)
    throw metricsError(FN, "invalid_type", ["options"], "an options object with a period", options);
  assertKnownOptions(options, ["confidence", "from", "interval", "onInvalid", "period", "to"], "npsTrend");
  const period = assertOneOf(options.period, PERIODS, FN, ["options", "period"]);
  const method =
    options.interval === undefined ? "adjusted-wald" : assertOneOf(options.interval, METHODS, FN, ["options", "interval"]);
  const onInvalid =
    options.onInvalid === undefined ? "throw" : assertOneOf(options.onInvalid, POLICIES, FN, ["options", "onInvalid"]);
  const confidence = options.confidence ?? 0.95;
  const zc = zFor(confidence, FN, ["options", "confidence"]);
  if (!isArrayLike(responses)) throw metricsError(FN, "invalid_type", [], "an array of { score, at } responses", responses);
  if (responses.length === 0) throw metricsError(FN, "empty_sample", [], "a non-empty array of responses", responses);

  const excluded = emptyExclusions();
  const byPeriod = new Map<number, Acc>();
  const total = newAcc();
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i] as NpsTimedResponse | null | undefined;
    if (typeof r !== "object" || r === null) throw metricsError(FN, "invalid_type", [i], "a response object { score, at }", r);
    const s = r.score as number;
    const k = typeof s === "number" ? s >>> 0 : -1;
    if (k !== s || k > 10) {
      rejectScore(FN, s, [i, "score"], onInvalid === "skip", excluded);
      continue;
    }
    let w = 1;
    const hasWeight = r.weight !== undefined;
    if (hasWeight) {
      w = r.weight as number;
      if (typeof w !== "number" || !(w >= 0 && w <= Number.MAX_VALUE)) {
        const code = typeof w !== "number" ? "invalid_type" : !Number.isFinite(w) ? "not_finite" : "out_of_range";
        throw metricsError(FN, code, [i, "weight"], "a finite weight >= 0", w);
      }
    }
    const day = toDayNumber(r.at, { fn: FN, path: [i, "at"] });
    const idx = periodIndex(day, period);
    let acc = byPeriod.get(idx);
    if (acc === undefined) {
      acc = newAcc();
      byPeriod.set(idx, acc);
    }
    for (const a of [acc, total]) {
      (a.h[k] as number) += w;
      a.n++;
      a.sw += w;
      a.sw2 += w * w;
      a.weighted ||= hasWeight;
    }
    if (idx < lo) lo = idx;
    if (idx > hi) hi = idx;
  }
  if (total.n === 0) throw metricsError(FN, "empty_sample", [], "at least one valid response (all were excluded)", total.n);
  if (total.sw === 0) throw metricsError(FN, "out_of_range", [], "responses whose weights are not all zero", 0);
  const fromDay = options.from === undefined ? undefined : toDayNumber(options.from, { fn: FN, path: ["options", "from"] });
  const toDay = options.to === undefined ? undefined : toDayNumber(options.to, { fn: FN, path: ["options", "to"] });
  if (fromDay !== undefined && toDay !== undefined && toDay < fromDay) {
    throw metricsError(
      FN,
      "out_of_range",
      ["options", "to"],
      `a date on or after options.from (${fromDayNumber(fromDay)})`,
      options.to,
    );
  }
  if (fromDay !== undefined) lo = Math.min(lo, periodIndex(fromDay, period));
  if (toDay !== undefined) hi = Math.max(hi, periodIndex(toDay, period));
  if (hi - lo + 1 > MAX_PERIODS) {
    throw metricsError(FN, "out_of_range", ["options", "period"], `a range of at most ${MAX_PERIODS} periods`, hi - lo + 1);
  }

  const noExclusions = emptyExclusions();
  const periods: NpsTrendPeriod[] = [];
  const changes: NpsTrendChange[] = [];
  let prev: { tally: NpsTally; label: string; index: number } | null = null;
  for (let idx = lo; idx <= hi; idx++) {
    const acc = byPeriod.get(idx) ?? newAcc();
    const tally = accToTally(acc, noExclusions);
    const label = periodLabel(idx, period);
    const empty = acc.n === 0 || acc.sw === 0;
    periods.push({
      index: idx,
      label,
      start: fromDayNumber(periodStart(idx, period)),
      n: acc.n,
      empty,
      nps: empty ? null : npsFromTally(tally, method, confidence, zc, FN),
      tally,
    });
    if (!empty) {
      if (prev !== null) {
        const c = compareTallies(tally, prev.tally, method, confidence, zc);
        changes.push({
          from: prev.label,
          to: label,
          periodsApart: idx - prev.index,
          difference: c.difference,
          standardError: c.standardError,
          z: c.z,
          pValue: c.pValue,
          significant: c.significant,
          confidenceInterval: c.confidenceInterval,
        });
      }
      prev = { tally, label, index: idx };
    }
  }
  const overall = npsFromTally(accToTally(total, excluded), method, confidence, zc, FN);
  return { period, periods, changes, overall, excluded };
}
