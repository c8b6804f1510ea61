import { metricsError } from "../core/errors.js";
import { assertSafeKey, assertKnownOptions } from "../core/guards.js";
import type { DateInput } from "../core/time.js";
import { chiSquareSf, invertSymmetric } from "../math/index.js";
import { readOptions } from "./_internal/checks.js";
import { readSurvivalData, type SurvivalData } from "./_internal/survivalData.js";
import type { SurvivalInput } from "./kaplanMeier.js";

/**
 * Options for {@link logRankTest}.
 *
 * @category Churn
 */
export interface LogRankTestOptions {
  /** Last day of data, required for `{ start, end? }` records. */
  readonly asOf?: DateInput;
  /** Unit of durations computed from dates. @defaultValue `"day"` */
  readonly unit?: "day" | "week";
}

/**
 * One group's share of a {@link LogRankTestResult}.
 *
 * @category Churn
 */
export interface LogRankGroup {
  /** The group's key in the Map, or its index in the array. */
  readonly group: string | number;
  /** Customers in the group. */
  readonly n: number;
  /** Observed churn events. */
  readonly observed: number;
  /** Events expected if every group churned like the pooled curve. */
  readonly expected: number;
}

/**
 * Result of {@link logRankTest}.
 *
 * @category Churn
 */
export interface LogRankTestResult {
  /** Always `"log-rank"`. */
  readonly method: "log-rank";
  /** The chi-square statistic (O − E)ᵀ V⁻¹ (O − E) over all groups but one. */
  readonly statistic: number;
  /** Degrees of freedom: groups with expected events > 0, minus 1. */
  readonly degreesOfFreedom: number;
  /** P(χ²_df > statistic): small values mean the churn curves differ. */
  readonly pValue: number;
  /** Per-group observed and expected events. */
  readonly groups: readonly LogRankGroup[];
  /** The k×k covariance matrix V of observed − expected. */
  readonly variance: readonly (readonly number[])[];
}

const FN = "logRankTest";

/**
 * Tests whether two or more groups of customers (plans, segments, acquisition channels) churn
 * differently over time: the log-rank test, as R's `survival::survdiff` computes it.
 *
 * At each churn time, each group's expected events are its share of the customers at risk times
 * the events; the statistic U = O − E with hypergeometric covariance V is referred to χ² with k − 1
 * degrees of freedom: χ² = Uᵀ V⁻¹ U using all groups but the first (groups with no expected events
 * are dropped, as survdiff does).
 *
 * @see Mantel (1966); Peto & Peto (1972). R `survival::survdiff` (rho = 0).
 *
 * @remarks
 * Records take the same forms as {@link kaplanMeier}, including late entry (customers are at risk
 * on (entry, duration]) — survdiff has no counting-process form, so with late entry this is the
 * same statistic on left-truncated risk sets. The test compares whole curves and weighs all times
 * equally; it has little power when curves cross.
 *
 * @param groups - An array of groups, or a Map from a group name to its records.
 * @param options - `{ asOf?, unit = "day" }` for date records.
 * @returns `{ statistic, degreesOfFreedom, pValue, groups: [{ group, n, observed, expected }], variance }`.
 * @throws {@link MetricsError} `insufficient_data` for fewer than two groups, no churn event, or
 * fewer than two groups with expected events; `undefined_result` for a singular covariance; the
 * record codes of {@link kaplanMeier} (with the group in the path); `unsafe_key` for a reserved
 * group name.
 *
 * @example
 * ```ts
 * import { logRankTest } from "customer-metrics/churn";
 * const weeks = (xs: number[]) => xs.map((t) => ({ duration: Math.abs(t), churned: t > 0 }));
 * const maintained = weeks([9, 13, -13, 18, 23, -28, 31, 34, -45, 48, -161]);
 * const nonmaintained = weeks([5, 5, 8, 8, 12, -16, 23, 27, 30, 33, 43, 45]);
 * const test = logRankTest([maintained, nonmaintained]);
 * test.statistic; // => 3.3963886990
 * test.pValue; // => 0.0653393220
 * test.groups.map((g) => g.expected); // => [10.6893359923, 7.3106640077]
 * ```
 *
 * @category Churn
 */
export function logRankTest(
  groups: readonly SurvivalInput[] | ReadonlyMap<string, SurvivalInput>,
  options?: LogRankTestOptions,
): LogRankTestResult {
  assertKnownOptions(options, ["asOf", "unit"], "logRankTest");
  const opts = readOptions(options, FN);
  const entries: [string | number, unknown][] = [];
  if (groups instanceof Map) {
    for (const [key, value] of groups) entries.push([assertSafeKey(key, FN, [String(key)]), value]);
  } else if (Array.isArray(groups)) {
    groups.forEach((g, i) => entries.push([i, g]));
  } else {
    throw metricsError(FN, "invalid_type", [], "an array of groups or a Map from group name to records", groups);
  }
  if (entries.length < 2) throw metricsError(FN, "insufficient_data", [], "at least two groups", entries.length);
  const data: SurvivalData[] = entries.map(([key, g]) => readSurvivalData(g, opts, FN, [key]));
  const k = data.length;

  // Sorted event times (pooled), and per group sorted durations / event durations / entries.
  const sortedDur = data.map((d) => Float64Array.from(d.durations).sort());
  const sortedEv = data.map((d) => {
    let m = 0;
    for (let i = 0; i < d.n; i++) m += d.events[i] as number;
    const out = new Float64Array(m);
    for (let i = 0, j = 0; i < d.n; i++) if (d.events[i] === 1) out[j++] = d.durations[i] as number;
    return out.sort();
  });
  const sortedEn = data.map((d) => {
    if (d.entries === null) return new Float64Array(0);
    return d.entries.filter((e) => e !== -Infinity).sort();
  });
  let total = 0;
  for (const e of sortedEv) total += e.length;
  if (total === 0) throw metricsError(FN, "insufficient_data", [], "at least one churn event in some group", 0);
  const pooled = new Float64Array(total);
  {
    let o = 0;
    for (const e of sortedEv) {
      pooled.set(e, o);
      o += e.length;
    }
    pooled.sort();
  }

  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const V: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const pDur = new Int32Array(k); // durations < t already passed
  const pEv = new Int32Array(k);
  const pEn = new Int32Array(k); // entries < t
  const nj = new Float64Array(k);
  const dj = new Float64Array(k);
  for (let q = 0; q < total;) {
    const t = pooled[q] as number;
    while (q < total && pooled[q] === t) q++;
    let n = 0;
    let d = 0;
    for (let j = 0; j < k; j++) {
      const dur = sortedDur[j] as Float64Array;
      const ev = sortedEv[j] as Float64Array;
      const en = sortedEn[j] as Float64Array;
      let a = pDur[j] as number;
      while (a < dur.length && (dur[a] as number) < t) a++;
      pDur[j] = a;
      let b = pEv[j] as number;
      while (b < ev.length && (ev[b] as number) < t) b++;
      let c = b;
      while (c < ev.length && ev[c] === t) c++;
      pEv[j] = c;
      let e = pEn[j] as number;
      while (e < en.length && (en[e] as number) < t) e++;
      pEn[j] = e;
      const atRisk = dur.length - a - (en.length - e);
      nj[j] = atRisk;
      dj[j] = c - b;
      n += atRisk;
      d += c - b;
    }
    for (let j = 0; j < k; j++) {
      observed[j] = (observed[j] as number) + (dj[j] as number);
      expected[j] = (expected[j] as number) + (d * (nj[j] as number)) / n;
    }
    if (n > 1) {
      const f = (d * (n - d)) / (n - 1);
      for (let j = 0; j < k; j++) {
        const row = V[j] as number[];
        const pj = (nj[j] as number) / n;
        for (let l = 0; l < k; l++) row[l] = (row[l] as number) + f * pj * ((j === l ? 1 : 0) - (nj[l] as number) / n);
      }
    }
  }

  const use: number[] = [];
  for (let j = 0; j < k; j++) if ((expected[j] as number) > 0) use.push(j);
  if (use.length < 2)
    throw metricsError(FN, "insufficient_data", [], "at least two groups with customers at risk at some churn time", use.length);
  const idx = use.slice(1);
  const u = idx.map((j) => (observed[j] as number) - (expected[j] as number));
  const sub = idx.map((a) => idx.map((b) => (V[a] as number[])[b] as number));
  const inv = invertSymmetric(sub);
  if (inv === null) throw metricsError(FN, "undefined_result", [], "groups whose covariance matrix can be inverted", null);
  let statistic = 0;
  for (let a = 0; a < idx.length; a++) {
    let s = 0;
    for (let b = 0; b < idx.length; b++) s += ((inv[a] as number[])[b] as number) * (u[b] as number);
    statistic += s * (u[a] as number);
  }
  const df = use.length - 1;
  const pValue = chiSquareSf(statistic, df);
  if (!Number.isFinite(statistic) || !Number.isFinite(pValue)) {
    throw metricsError(FN, "undefined_result", [], "data giving a finite statistic", statistic);
  }
  return {
    method: "log-rank",
    statistic,
    degreesOfFreedom: df,
    pValue,
    groups: entries.map(([group], j) => ({
      group,
      n: (data[j] as SurvivalData).n,
      observed: observed[j] as number,
      expected: expected[j] as number,
    })),
    variance: V,
  };
}
