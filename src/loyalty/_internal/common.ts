import { type PathSegment, metricsError } from "../../core/errors.js";
import { assertInRange, assertOneOf, isArrayLike, readCustomerId as readSharedCustomerId } from "../../core/guards.js";
import {
  type DateInput,
  fromDayNumber,
  type Period,
  PERIODS,
  periodIndex,
  periodLabel,
  periodStart,
  toDayNumber,
} from "../../core/time.js";
import type { LoyaltyPeriodKey } from "../types.js";

/**
 * Reads a customer (or product, category, referrer) id with the shared policy
 * of core/guards.ts (a finite number or a non-empty string, reserved keys
 * rejected), as a string map key.
 */
export function readId(v: unknown, fn: string, path: readonly PathSegment[]): string {
  return String(readSharedCustomerId(v, fn, path));
}

/** Validates the rows argument: a non-empty array of objects. */
export function readRows<T>(rows: unknown, fn: string, what: string): readonly T[] {
  if (!isArrayLike(rows)) throw metricsError(fn, "invalid_type", [], `an array of ${what}`, rows);
  if (rows.length === 0) throw metricsError(fn, "empty_sample", [], `a non-empty array of ${what}`, rows);
  return rows as unknown as readonly T[];
}

/** The row at i, which must be an object. */
export function rowAt<T>(rows: readonly T[], i: number, fn: string, what: string): T {
  const r = rows[i];
  if (typeof r !== "object" || r === null) throw metricsError(fn, "invalid_type", [i], what, r);
  return r;
}

/** Optional period option. */
export function readPeriod(p: unknown, fn: string): Period | null {
  return p === undefined ? null : assertOneOf(p, PERIODS, fn, ["options", "period"]);
}

/** Optional asOf as a day number (transactions strictly after that day are left out). */
export function readAsOf(asOf: DateInput | undefined, fn: string, required: boolean): number | null {
  if (asOf === undefined) {
    if (required) throw metricsError(fn, "invalid_input", ["options", "asOf"], "given (the date the analysis is as of)", asOf);
    return null;
  }
  return toDayNumber(asOf, { fn, path: ["options", "asOf"] });
}

/** Confidence level in (0, 1). */
export function readConfidence(c: unknown, fn: string): number {
  const v = assertInRange(c ?? 0.95, 0, 1, fn, ["options", "confidence"], { minExclusive: true, maxExclusive: true });
  // So close to 1 that 1 − (1 − c)/2 rounds to 1: the critical value z is infinite.
  if (!(1 - (1 - v) / 2 < 1))
    throw metricsError(fn, "out_of_range", ["options", "confidence"], "a confidence level whose critical value z is finite", c);
  return v;
}

/** A period's identity in per-period rows. */
export type PeriodKey = LoyaltyPeriodKey;

const MAX_PERIODS = 100_000;

/** Every period index from lo to hi (inclusive), with labels. */
export function periodRange(lo: number, hi: number, period: Period, fn: string): PeriodKey[] {
  if (hi - lo + 1 > MAX_PERIODS)
    throw metricsError(fn, "out_of_range", ["options", "period"], `a range of at most ${MAX_PERIODS} periods`, hi - lo + 1);
  const out: PeriodKey[] = [];
  for (let i = lo; i <= hi; i++)
    out.push({ index: i, label: periodLabel(i, period), start: fromDayNumber(periodStart(i, period)) });
  return out;
}

export { periodIndex, toDayNumber };
