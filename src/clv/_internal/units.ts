import { Decimal } from "decimal.js";
import { metricsError, type PathSegment } from "../../core/errors.js";
import { PERIODS, type Period } from "../../core/time.js";

function isTag(input: unknown): input is { value: unknown; unit: unknown } {
  return (
    typeof input === "object" &&
    input !== null &&
    !Array.isArray(input) &&
    !Decimal.isDecimal(input) &&
    Object.prototype.hasOwnProperty.call(input, "value") &&
    Object.prototype.hasOwnProperty.call(input, "unit")
  );
}

/** Splits a possibly tagged input into its value and its unit (null when bare). */
export function untag(
  input: unknown,
  fn: string,
  path: readonly PathSegment[],
): { value: unknown; unit: Period | null; tagged: boolean } {
  if (!isTag(input)) {
    if (typeof input === "object" && input !== null && !Array.isArray(input) && !Decimal.isDecimal(input)) {
      throw metricsError(fn, "invalid_input", path, "a number (or money amount) or a tagged value { value, unit }", input);
    }
    return { value: input, unit: null, tagged: false };
  }
  const unit = input.unit;
  if (typeof unit !== "string" || !(PERIODS as readonly string[]).includes(unit)) {
    throw metricsError(
      fn,
      "invalid_option",
      [...path, "unit"],
      `one of ${PERIODS.map((p) => JSON.stringify(p)).join(", ")}`,
      unit,
    );
  }
  return { value: input.value, unit: unit as Period, tagged: true };
}

/** One time-based input for {@link commonPeriod}. */
export interface UnitEntry {
  readonly path: readonly PathSegment[];
  readonly unit: Period | null;
}

/**
 * Returns the one period every tagged input (and the `period` option) agrees
 * on, or `null` when nothing is tagged. Throws `unit_mismatch` at the first
 * input whose unit differs, and tells the caller how to convert.
 */
export function commonPeriod(fn: string, period: unknown, entries: readonly UnitEntry[]): Period | null {
  let common: Period | null = null;
  let source: string | null = null;
  if (period !== undefined) {
    if (typeof period !== "string" || !(PERIODS as readonly string[]).includes(period)) {
      throw metricsError(fn, "invalid_option", ["period"], `one of ${PERIODS.map((p) => JSON.stringify(p)).join(", ")}`, period);
    }
    common = period as Period;
    source = "period";
  }
  for (const e of entries) {
    if (e.unit === null) continue;
    if (common === null) {
      common = e.unit;
      source = e.path.join(".");
      continue;
    }
    if (e.unit !== common) {
      throw metricsError(
        fn,
        "unit_mismatch",
        [...e.path, "unit"],
        `per "${common}" like ${source}; convert it explicitly first (a rate with convertRate(x, { from: "${e.unit}", to: "${common}", kind }) from customer-metrics/core, an amount or a duration by the ratio of PERIOD_IN_YEARS)`,
        e.unit,
      );
    }
  }
  return common;
}
