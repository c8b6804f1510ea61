import { metricsError, type PathSegment } from "../../core/errors.js";
import { assertOneOf } from "../../core/guards.js";
import { PERIODS, toDayNumber, type DateInput, type Period } from "../../core/time.js";

/** Reads a required date as a UTC day number. */
export function readDay(value: unknown, fn: string, path: readonly PathSegment[]): number {
  if (value === undefined || value === null) {
    throw metricsError(fn, "invalid_date", path, "a date (Date, ISO-8601 string or epoch milliseconds)", value);
  }
  return toDayNumber(value as DateInput, { fn, path });
}

/** Reads the `period` option. */
export function readPeriod(value: unknown, fn: string, fallback: Period = "month"): Period {
  return assertOneOf(value ?? fallback, PERIODS, fn, ["options", "period"]);
}

/** Reads the required `asOf` option as a day number. */
export function readAsOf(value: unknown, fn: string): number {
  if (value === undefined) {
    throw metricsError(
      fn,
      "invalid_date",
      ["options", "asOf"],
      "given: the last day of data (the library never reads the clock)",
      value,
    );
  }
  return readDay(value, fn, ["options", "asOf"]);
}
