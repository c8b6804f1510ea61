import type { Decimal } from "decimal.js";
import { type PathSegment, metricsError } from "../../core/errors.js";
import { assertInRange } from "../../core/guards.js";
import { _MoneyDecimal, money } from "../../core/money.js";

/** Validated input of earnedGrowthRate, as Decimal fractions of last period's revenue. */
export interface EarnedGrowthNormalized {
  readonly nrr: Decimal;
  readonly earned: Decimal;
  readonly bought: Decimal | null;
  readonly method: "rates" | "revenue";
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Validates earnedGrowthRate's input (rates or revenue amounts) with the core guards. */
export function readEarnedGrowthInput(input: unknown, fn: string): EarnedGrowthNormalized {
  if (!isObject(input)) throw metricsError(fn, "invalid_type", [], "an input object", input);
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(input, k) && input[k] !== undefined;
  if (has("netRevenueRetention") || has("earnedNewRevenueShare")) {
    for (const k of [
      "startingRevenue",
      "revenueFromExistingCustomers",
      "revenueFromEarnedNewCustomers",
      "revenueFromBoughtNewCustomers",
    ]) {
      if (has(k))
        throw metricsError(
          fn,
          "invalid_input",
          [k],
          "absent when the input is given as rates (netRevenueRetention, earnedNewRevenueShare); pass either rates or revenue amounts",
          input[k],
        );
    }
    const rate = (k: string): Decimal => new _MoneyDecimal(assertInRange(input[k], 0, 10, fn, [k]));
    return {
      nrr: rate("netRevenueRetention"),
      earned: rate("earnedNewRevenueShare"),
      bought: has("boughtNewRevenueShare") ? rate("boughtNewRevenueShare") : null,
      method: "rates",
    };
  }
  const amount = (k: string): Decimal => {
    const path: PathSegment[] = [k];
    if (!has(k))
      throw metricsError(
        fn,
        "invalid_type",
        path,
        "a money amount (or pass netRevenueRetention and earnedNewRevenueShare as rates)",
        input[k],
      );
    const v = money(input[k] as never, fn, path);
    if (v.isNegative() && !v.isZero()) throw metricsError(fn, "out_of_range", path, "a money amount >= 0", v.toString());
    return v;
  };
  const start = amount("startingRevenue");
  if (start.isZero()) throw metricsError(fn, "out_of_range", ["startingRevenue"], "a money amount > 0", start.toString());
  const existing = amount("revenueFromExistingCustomers");
  const earned = amount("revenueFromEarnedNewCustomers");
  const bought = has("revenueFromBoughtNewCustomers") ? amount("revenueFromBoughtNewCustomers") : null;
  return {
    nrr: existing.div(start),
    earned: earned.div(start),
    bought: bought === null ? null : bought.div(start),
    method: "revenue",
  };
}
