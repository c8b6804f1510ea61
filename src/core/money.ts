import { Decimal } from "decimal.js";
import { type PathSegment, metricsError } from "./errors.js";
import { assertOneOf, assertIntegerInRange, assertNonEmpty, assertKnownOptions } from "./guards.js";

/**
 * The library's private decimal constructor: 120 (`MONEY_PRECISION`)
 * significant digits, round-half-even, plain (non-exponential) strings for
 * ordinary magnitudes. The caller's global `Decimal` settings are never read
 * or changed.
 */
const MoneyDecimal = Decimal.clone({
  precision: 120, // MONEY_PRECISION
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});

// Significant digits of every money result, and the most a money input may
// have (documented on `money` and in docs/precision-and-money.md): sums of
// amounts are exact while the result fits in 120 digits (e.g. 60 integer and
// 60 fractional digits).
const MONEY_PRECISION = 120;

/**
 * A money amount as callers may pass it: a decimal string (recommended, exact),
 * a finite number, or a `Decimal` from any copy of decimal.js.
 *
 * @category Core
 */
export type DecimalInput = number | string | Decimal;

/**
 * The `Decimal` type returned by money functions (decimal.js).
 *
 * @category Core
 */
export type Money = Decimal;

/**
 * Converts a money input into the library's `Decimal`.
 *
 * @remarks
 * Numbers are converted through their shortest round-trip string, so `0.1`
 * becomes exactly `0.1`. Pass strings when amounts come from text (CSV, JSON)
 * to avoid binary floating point altogether. Strings are taken as they are:
 * surrounding whitespace is an error, as any other stray character.
 *
 * Money keeps 120 significant digits, so additions of amounts are exact while
 * the result fits in 120 digits. An amount with more than 120 significant
 * digits, or one outside decimal.js's exponent range (|exponent| > 9·10¹⁵,
 * which would become ±Infinity or 0), is `out_of_range`.
 *
 * @param value - A decimal string, finite number or `Decimal`.
 * @param fn - Name of the calling function, for the error message. @defaultValue `"money"`
 * @param path - Path to the value, for the error. @defaultValue `[]`
 * @returns A `Decimal` (120 significant digits, half-even).
 * @throws {@link MetricsError} `invalid_type` for other types; `not_finite` for NaN/±Infinity; `invalid_input` for unparseable strings (including surrounding whitespace); `out_of_range` for more than 120 significant digits or an exponent beyond ±9·10¹⁵.
 *
 * @example
 * ```ts
 * import { money } from "customer-metrics/core";
 * money("19.99").plus(money(0.01)).toString(); // => "20"
 * money(0.1).plus(0.2).toString(); // => "0.3"
 * money("1e9000000000000001"); // throws out_of_range
 * ```
 *
 * @category Core
 */
export function money(value: DecimalInput, fn = "money", path: readonly PathSegment[] = []): Decimal {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw metricsError(fn, "not_finite", path, "a finite money amount", value);
    return new MoneyDecimal(value === 0 ? 0 : value);
  }
  if (typeof value === "string") {
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value)) {
      throw metricsError(fn, "invalid_input", path, 'a decimal string such as "19.99" (no surrounding whitespace)', value);
    }
    const d = new MoneyDecimal(value);
    const nonZero = /[1-9]/.test(value.replace(/[eE].*$/, ""));
    if (!d.isFinite() || (nonZero && d.isZero())) {
      throw metricsError(fn, "out_of_range", path, "a money amount with an exponent within ±9e15", value);
    }
    return checkDigits(d.isZero() ? new MoneyDecimal(0) : d, fn, path, value);
  }
  if (Decimal.isDecimal(value)) {
    const d = new MoneyDecimal(value as Decimal.Value);
    if (!d.isFinite()) throw metricsError(fn, "not_finite", path, "a finite money amount", value.toString());
    return checkDigits(d.isZero() ? new MoneyDecimal(0) : d, fn, path, value.toString());
  }
  throw metricsError(fn, "invalid_type", path, "a decimal string, a finite number or a Decimal", value);
}

function checkDigits(d: Decimal, fn: string, path: readonly PathSegment[], value: unknown): Decimal {
  if (d.precision() > MONEY_PRECISION) {
    throw metricsError(fn, "out_of_range", path, `a money amount with at most ${MONEY_PRECISION} significant digits`, value);
  }
  return d;
}

/**
 * Whether a value is a `Decimal` from any copy of decimal.js.
 *
 * @param value - Anything.
 * @returns `true` for Decimal instances.
 *
 * @example
 * ```ts
 * import { isMoney, money } from "customer-metrics/core";
 * isMoney(money("1.50")); // => true
 * isMoney(1.5); // => false
 * ```
 *
 * @category Core
 */
export function isMoney(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}

/**
 * Options for {@link roundMoney}.
 *
 * @category Core
 */
export interface RoundMoneyOptions {
  /** Decimal places to keep (currency minor units). @defaultValue `2` */
  readonly decimals?: number;
  /**
   * Tie-breaking rule: `"half-even"` (banker's rounding, unbiased) or
   * `"half-up"` (ties away from zero, as most receipts do). @defaultValue `"half-even"`
   */
  readonly mode?: "half-even" | "half-up";
}

/**
 * Rounds a money amount to a number of decimal places. The library never
 * rounds money unless you call this.
 *
 * @param value - The amount.
 * @param options - See {@link RoundMoneyOptions}.
 * @returns The rounded `Decimal`.
 * @throws {@link MetricsError} for an invalid amount, `decimals` outside 0..20, or an unknown `mode` (`invalid_option`).
 *
 * @example
 * ```ts
 * import { roundMoney } from "customer-metrics/core";
 * roundMoney("2.345").toString(); // => "2.34"
 * roundMoney("2.345", { mode: "half-up" }).toString(); // => "2.35"
 * roundMoney("-2.345", { mode: "half-up" }).toString(); // => "-2.35"
 * roundMoney("1234.5", { decimals: 0 }).toString(); // => "1234"
 * ```
 *
 * @category Core
 */
export function roundMoney(value: DecimalInput, options: RoundMoneyOptions = {}): Decimal {
  assertKnownOptions(options, ["decimals", "mode"], "roundMoney");
  const d = money(value, "roundMoney", ["value"]);
  const decimals = assertIntegerInRange(options.decimals ?? 2, 0, 20, "roundMoney", ["options", "decimals"]);
  const mode = assertOneOf(options.mode ?? "half-even", ["half-even", "half-up"] as const, "roundMoney", ["options", "mode"]);
  const r = d.toDecimalPlaces(decimals, mode === "half-even" ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP);
  return r.isZero() ? new MoneyDecimal(0) : r;
}

/**
 * Splits a money total into parts proportional to `weights`, rounded to
 * `decimals` places, so that the parts add up to the rounded total exactly
 * (largest-remainder method; ties go to the earlier part).
 *
 * @param total - The amount to split.
 * @param weights - Non-negative weights, at least one positive.
 * @param options - `decimals`: minor units to keep. @defaultValue `2`
 * @returns One `Decimal` per weight; their sum equals `roundMoney(total, { decimals })`.
 * @throws {@link MetricsError} `empty_sample` for no weights; `out_of_range` for a negative weight, all-zero weights or a total with more than 100 digits of minor units; `undefined_result` if the shares cannot be computed exactly (weights spanning hundreds of orders of magnitude).
 *
 * @example
 * ```ts
 * import { allocateMoney } from "customer-metrics/core";
 * allocateMoney("100", [1, 1, 1]).map(String); // => ["33.34", "33.33", "33.33"]
 * ```
 *
 * @category Core
 */
export function allocateMoney(total: DecimalInput, weights: ArrayLike<number>, options: { decimals?: number } = {}): Decimal[] {
  assertKnownOptions(options, ["decimals"], "allocateMoney");
  const fn = "allocateMoney";
  const decimals = assertIntegerInRange(options.decimals ?? 2, 0, 20, fn, ["options", "decimals"]);
  const w = assertNonEmpty<number>(weights, fn, ["weights"]);
  let sumW = new MoneyDecimal(0);
  const ws: Decimal[] = [];
  for (let i = 0; i < w.length; i++) {
    const v = w[i];
    if (typeof v !== "number") throw metricsError(fn, "invalid_type", ["weights", i], "a number >= 0", v);
    if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", ["weights", i], "a number >= 0", v);
    if (v < 0) throw metricsError(fn, "out_of_range", ["weights", i], "a number >= 0", v);
    const d = new MoneyDecimal(v);
    ws.push(d);
    sumW = sumW.plus(d);
  }
  if (sumW.isZero()) throw metricsError(fn, "out_of_range", ["weights"], "weights with a positive sum");
  const unit = new MoneyDecimal(10).pow(-decimals);
  const rounded = roundMoney(total, { decimals });
  const units = rounded.div(unit); // integer count of minor units (may be negative)
  // Each share is computed to MONEY_PRECISION digits; keeping the count of
  // minor units 20 digits shorter leaves room for its fractional part, so the
  // floors are exact and the parts sum to the total.
  if (!units.isZero() && units.e + 1 > MONEY_PRECISION - 20) {
    throw metricsError(
      fn,
      "out_of_range",
      ["total"],
      `a total with at most ${MONEY_PRECISION - 20} digits of minor units`,
      total,
    );
  }
  const sign = units.isNegative() ? -1 : 1;
  const absUnits = units.abs();
  const parts: Decimal[] = [];
  const remainders: { i: number; r: Decimal }[] = [];
  let allocated = new MoneyDecimal(0);
  for (let i = 0; i < ws.length; i++) {
    const exact = absUnits.times(ws[i] as Decimal).div(sumW);
    const floor = exact.floor();
    parts.push(floor);
    allocated = allocated.plus(floor);
    remainders.push({ i, r: exact.minus(floor) });
  }
  let left = absUnits.minus(allocated).toNumber();
  if (!(left >= 0 && left <= ws.length)) {
    throw metricsError(fn, "undefined_result", ["weights"], "weights whose shares can be computed exactly", weights);
  }
  remainders.sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) {
    const idx = (remainders[k % remainders.length] as { i: number }).i;
    parts[idx] = (parts[idx] as Decimal).plus(1);
  }
  return parts.map((p) => {
    const v = p.times(unit).times(sign);
    return v.isZero() ? new MoneyDecimal(0) : v;
  });
}

/**
 * Sums money amounts exactly.
 *
 * @param values - Amounts to add.
 * @returns Their exact sum (`0` for an empty list).
 * @throws {@link MetricsError} `invalid_type` when `values` is not an array; for an invalid amount, with its index in `path`.
 *
 * @example
 * ```ts
 * import { sumMoney } from "customer-metrics/core";
 * sumMoney(["0.10", "0.20", 0.3]).toString(); // => "0.6"
 * ```
 *
 * @category Core
 */
export function sumMoney(values: ArrayLike<DecimalInput>): Decimal {
  if (typeof values !== "object" || values === null || typeof values.length !== "number") {
    throw metricsError("sumMoney", "invalid_type", [], "an array of amounts", values);
  }
  let s = new MoneyDecimal(0);
  for (let i = 0; i < values.length; i++) s = s.plus(money(values[i] as DecimalInput, "sumMoney", [i]));
  return s;
}

/** @internal Library-private constructor, for areas that build Decimals from trusted floats. */
export const _MoneyDecimal: typeof Decimal = MoneyDecimal;
