import { metricsError } from "../../core/errors.js";
import { assertOneOf, assertPositive } from "../../core/guards.js";
import { toDayNumber } from "../../core/time.js";
import type { SummarizeTransactionsOptions } from "../summaryTypes.js";
import type { SummaryUnit } from "./summaryEngine.js";

export interface ResolvedSummaryOptions {
  readonly unit: SummaryUnit;
  readonly asOfDay: number;
  readonly calibrationEndDay: number | null;
  readonly includeFirstTransaction: boolean;
  readonly unitMultiplier: number;
  readonly strict: boolean;
}

/** Validates the options shared by both summary functions. */
export function resolveSummaryOptions(options: SummarizeTransactionsOptions, fn: string): ResolvedSummaryOptions {
  if (options === null || typeof options !== "object") {
    throw metricsError(fn, "invalid_option", ["options"], "an options object with asOf and unit", options);
  }
  const unit = assertOneOf(options.unit, ["day", "week"] as const, fn, ["options", "unit"]);
  const asOfDay = toDayNumber(options.asOf, { fn, path: ["options", "asOf"] });
  let calibrationEndDay: number | null = null;
  if (options.calibrationEnd !== undefined) {
    calibrationEndDay = toDayNumber(options.calibrationEnd, { fn, path: ["options", "calibrationEnd"] });
    if (calibrationEndDay > asOfDay) {
      throw metricsError(fn, "out_of_range", ["options", "calibrationEnd"], "on or before asOf", options.calibrationEnd);
    }
  }
  const unitMultiplier =
    options.unitMultiplier === undefined ? 1 : assertPositive(options.unitMultiplier, fn, ["options", "unitMultiplier"]);
  const flag = (v: unknown, name: string): boolean => {
    if (v === undefined) return false;
    if (typeof v !== "boolean") throw metricsError(fn, "invalid_option", ["options", name], "a boolean", v);
    return v;
  };
  return {
    unit,
    asOfDay,
    calibrationEndDay,
    includeFirstTransaction: flag(options.includeFirstTransaction, "includeFirstTransaction"),
    unitMultiplier,
    strict: flag(options.strict, "strict"),
  };
}
