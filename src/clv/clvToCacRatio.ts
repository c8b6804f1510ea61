import type { Decimal } from "decimal.js";
import { metricsError } from "../core/errors.js";
import { money, type DecimalInput } from "../core/money.js";
import { clean } from "./_internal/cashflows.js";

/**
 * Input of {@link clvToCacRatio}.
 *
 * @category CLV
 */
export interface ClvToCacInput {
  /** Customer lifetime value, as money (e.g. `clvFromRetention(...).value`); may be negative. */
  readonly clv: DecimalInput;
  /** Customer acquisition cost, as money > 0. */
  readonly cac: DecimalInput;
}

/**
 * Result of {@link clvToCacRatio}.
 *
 * @category CLV
 */
export interface ClvToCacResult {
  /** `clv / cac` as a plain number (3 reads "3:1"). */
  readonly ratio: number;
  /** The CLV used, as Decimal. */
  readonly clv: Decimal;
  /** The CAC used, as Decimal. */
  readonly cac: Decimal;
  /** `clv − cac`: the value created per acquired customer. */
  readonly netValue: Decimal;
}

/**
 * How many times a customer's lifetime value repays what it cost to acquire
 * them (the LTV:CAC ratio).
 *
 * ratio = CLV / CAC. A common rule of thumb reads 3:1 as healthy and below
 * 1:1 as buying growth at a loss; the rule is a convention, not a law.
 *
 * @see https://ealhamed.github.io/frameworks-library/ms/m02.html (CLV/AC of about 3 as the healthy benchmark)
 *
 * @remarks
 * The ratio is only as meaningful as its parts: use the same customers,
 * a margin-based (not revenue) CLV, and the fully loaded CAC. Division is in
 * Decimal; the ratio is returned as a float64 `number`.
 *
 * @param input - See {@link ClvToCacInput}.
 * @returns The ratio, both inputs as Decimal, and the net value.
 * @throws {@link MetricsError} `undefined_result` for a CAC of 0; `out_of_range` for a negative CAC; `invalid_type`/`not_finite`/`invalid_input` for malformed amounts.
 *
 * @example
 * ```ts
 * import { clvToCacRatio } from "customer-metrics/clv";
 * clvToCacRatio({ clv: "240000", cac: "80000" }).ratio; // => 3
 * clvToCacRatio({ clv: "266.67", cac: "100" }).netValue.toString(); // => "166.67"
 * clvToCacRatio({ clv: "500", cac: 0 }); // throws undefined_result
 * ```
 *
 * @category CLV
 */
export function clvToCacRatio(input: ClvToCacInput): ClvToCacResult {
  const fn = "clvToCacRatio";
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw metricsError(fn, "invalid_type", [], "an input object", input);
  }
  const clv = money(input.clv, fn, ["clv"]);
  const cac = money(input.cac, fn, ["cac"]);
  if (cac.isNegative() && !cac.isZero()) throw metricsError(fn, "out_of_range", ["cac"], "a money amount > 0", input.cac);
  if (cac.isZero())
    throw metricsError(fn, "undefined_result", ["cac"], "a money amount > 0 (a ratio to zero cost is undefined)", input.cac);
  const ratio = clv.div(cac).toNumber();
  return { ratio: ratio === 0 ? 0 : ratio, clv, cac, netValue: clean(clv.minus(cac)) };
}
