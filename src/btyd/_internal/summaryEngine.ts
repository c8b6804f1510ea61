/**
 * The one-pass-per-customer engine behind `summarizeTransactions` and
 * `summarizeTransactionColumns` (lifetimes 0.11.3 `summary_data_from_transaction_data`
 * / `calibration_and_holdout_data` semantics, re-derived, not copied).
 *
 * Input: dense customer indices `0..K-1`, integer UTC day numbers and optional
 * amounts. Work: a counting sort by customer (O(n + K)), then, per customer, a
 * sort of that customer's periods only (insertion sort for short runs) to count
 * distinct periods. No per-transaction allocation.
 */
import { metricsError, type PathSegment } from "../../core/errors.js";
import type { ResolvedSummaryOptions } from "./summaryOptions.js";

/** Time unit of a summary. */
export type SummaryUnit = "day" | "week";

export interface EngineInput {
  readonly customer: Int32Array;
  readonly customers: number;
  readonly day: Int32Array;
  readonly amount: Float64Array | null;
}

export interface EngineOptions extends ResolvedSummaryOptions {
  readonly fn: string;
  /** Path of transaction `i`'s date, for strict-mode errors. */
  readonly datePath: (i: number) => readonly PathSegment[];
}

export interface EngineOutput {
  /** 1 when the customer has a purchase in the calibration window. */
  readonly present: Uint8Array;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetaryValue: Float64Array | null;
  /** Per customer: transactions dated in a period after `asOf`'s period. */
  readonly excludedAfterAsOf: Int32Array;
  readonly frequencyHoldout: Float64Array | null;
  readonly monetaryValueHoldout: Float64Array | null;
  readonly durationHoldout: number | null;
  readonly totalExcluded: number;
  readonly presentCount: number;
  /** 1 when the customer has any transaction at all. */
  readonly seen: Uint8Array;
}

/** Period index of a day number: the day itself, or the Monday–Sunday week (pandas "W" = W-SUN). */
export function periodOf(day: number, unit: SummaryUnit): number {
  return unit === "day" ? day : Math.floor((day + 3) / 7);
}

/** Sorts `a[lo, hi)` ascending in place (insertion sort for short runs, native otherwise). */
function sortRun(a: Int32Array, lo: number, hi: number): void {
  if (hi - lo <= 24) {
    for (let i = lo + 1; i < hi; i++) {
      const v = a[i] as number;
      let j = i - 1;
      while (j >= lo && (a[j] as number) > v) {
        a[j + 1] = a[j] as number;
        j--;
      }
      a[j + 1] = v;
    }
  } else {
    a.subarray(lo, hi).sort();
  }
}

/** Number of distinct values in the sorted run `a[lo, hi)`. */
function distinctInSortedRun(a: Int32Array, lo: number, hi: number): number {
  if (hi <= lo) return 0;
  let n = 1;
  for (let i = lo + 1; i < hi; i++) if (a[i] !== a[i - 1]) n++;
  return n;
}

export function runSummaryEngine(input: EngineInput, opts: EngineOptions): EngineOutput {
  const { customer, customers: K, day, amount } = input;
  const n = customer.length;
  const unit = opts.unit;
  const mult = opts.unitMultiplier;
  const asOfP = periodOf(opts.asOfDay, unit);
  const calDay = opts.calibrationEndDay;
  const hasHoldout = calDay !== null;
  // Calibration summaries are measured to the calibration end's period.
  const obsP = hasHoldout ? periodOf(calDay, unit) : asOfP;

  // Pass 1: classify and count per customer. kind: 0 calibration, 1 holdout, 2 late.
  const kind = new Uint8Array(n);
  const cntC = new Int32Array(K + 1);
  const cntH = hasHoldout ? new Int32Array(K + 1) : null;
  const excluded = new Int32Array(K);
  const seen = new Uint8Array(K);
  let totalExcluded = 0;
  for (let i = 0; i < n; i++) {
    const d = day[i] as number;
    const c = customer[i] as number;
    seen[c] = 1;
    // lifetimes: summary_data_from_transaction_data keeps asOf's whole period, but
    // calibration_and_holdout_data keeps holdout purchases up to the asOf date itself
    // (`observation_period_end >= datetime` on raw dates).
    if (hasHoldout ? d > opts.asOfDay : periodOf(d, unit) > asOfP) {
      if (opts.strict) {
        const rule = hasHoldout
          ? "on or before the asOf day (holdout mode)"
          : "on or before asOf (inclusive at the period level)";
        throw metricsError(opts.fn, "out_of_range", opts.datePath(i), `${rule}; strict mode`, d);
      }
      kind[i] = 2;
      excluded[c] = (excluded[c] as number) + 1;
      totalExcluded++;
    } else if (hasHoldout && d > (calDay as number)) {
      kind[i] = 1;
      (cntH as Int32Array)[c + 1] = ((cntH as Int32Array)[c + 1] as number) + 1;
    } else {
      cntC[c + 1] = (cntC[c + 1] as number) + 1;
    }
  }
  // Prefix sums -> segment starts.
  for (let c = 0; c < K; c++) cntC[c + 1] = (cntC[c + 1] as number) + (cntC[c] as number);
  if (cntH) for (let c = 0; c < K; c++) cntH[c + 1] = (cntH[c + 1] as number) + (cntH[c] as number);
  const nC = cntC[K] as number;
  const nH = cntH ? (cntH[K] as number) : 0;
  const pC = new Int32Array(nC);
  const aC = amount ? new Float64Array(nC) : null;
  const pH = new Int32Array(nH);
  const aH = amount && hasHoldout ? new Float64Array(nH) : null;
  const fillC = cntC.slice(0, K);
  const fillH = cntH ? cntH.slice(0, K) : null;
  // Pass 2: scatter periods (and amounts) into per-customer segments.
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    if (k === 2) continue;
    const c = customer[i] as number;
    const p = periodOf(day[i] as number, unit);
    if (k === 0) {
      const at = fillC[c] as number;
      pC[at] = p;
      if (aC) aC[at] = (amount as Float64Array)[i] as number;
      fillC[c] = at + 1;
    } else {
      const fh = fillH as Int32Array;
      const at = fh[c] as number;
      pH[at] = p;
      if (aH) aH[at] = (amount as Float64Array)[i] as number;
      fh[c] = at + 1;
    }
  }

  const present = new Uint8Array(K);
  const frequency = new Float64Array(K);
  const recency = new Float64Array(K);
  const T = new Float64Array(K);
  const monetaryValue = amount ? new Float64Array(K) : null;
  const frequencyHoldout = hasHoldout ? new Float64Array(K) : null;
  const monetaryValueHoldout = hasHoldout && amount ? new Float64Array(K) : null;
  let presentCount = 0;

  for (let c = 0; c < K; c++) {
    const lo = cntC[c] as number;
    const hi = cntC[c + 1] as number;
    if (hi === lo) continue; // no purchase in the calibration window: not summarised (as lifetimes)
    present[c] = 1;
    presentCount++;
    // First period and the amounts of first vs repeat periods (before sorting the periods).
    let minP = pC[lo] as number;
    for (let i = lo + 1; i < hi; i++) if ((pC[i] as number) < minP) minP = pC[i] as number;
    let repeatSum = 0;
    let totalSum = 0;
    if (aC) {
      for (let i = lo; i < hi; i++) {
        const v = aC[i] as number;
        totalSum += v;
        if ((pC[i] as number) !== minP) repeatSum += v;
      }
    }
    sortRun(pC, lo, hi);
    const distinct = distinctInSortedRun(pC, lo, hi);
    const maxP = pC[hi - 1] as number;
    frequency[c] = opts.includeFirstTransaction ? distinct : distinct - 1;
    recency[c] = (maxP - minP) / mult;
    T[c] = (obsP - minP) / mult;
    if (monetaryValue) {
      // Mean of the per-period sums: repeat periods only unless the first is included; 0 when none.
      monetaryValue[c] = opts.includeFirstTransaction ? totalSum / distinct : distinct > 1 ? repeatSum / (distinct - 1) : 0;
    }
    if (frequencyHoldout && cntH) {
      const hlo = cntH[c] as number;
      const hhi = cntH[c + 1] as number;
      if (monetaryValueHoldout && aH && hhi > hlo) {
        // lifetimes averages the individual holdout transactions (not per-period sums).
        let s = 0;
        for (let i = hlo; i < hhi; i++) s += aH[i] as number;
        monetaryValueHoldout[c] = s / (hhi - hlo);
      }
      sortRun(pH, hlo, hhi);
      frequencyHoldout[c] = distinctInSortedRun(pH, hlo, hhi);
    }
  }
  const durationHoldout = hasHoldout ? (asOfP - obsP) / mult : null;
  return {
    present,
    frequency,
    recency,
    T,
    monetaryValue,
    excludedAfterAsOf: excluded,
    frequencyHoldout,
    monetaryValueHoldout,
    durationHoldout,
    totalExcluded,
    presentCount,
    seen,
  };
}
