import type { Decimal } from "decimal.js";
import { metricsError } from "../core/errors.js";
import type { DecimalInput } from "../core/money.js";
import { _MoneyDecimal } from "../core/money.js";
import type { Period } from "../core/time.js";
import { buildCashflows, clean } from "./_internal/cashflows.js";
import { readRetentionInputs } from "./_internal/retentionInputs.js";
import type { ClvCashflowRow } from "./clvCashflows.js";
import type { ClvPerPeriod, ClvTiming } from "./types.js";

/**
 * Input of {@link clvFromRetention}.
 *
 * @category CLV
 */
export interface ClvFromRetentionInput {
  /** Margin per retained customer per period (contribution, not revenue), as money; may be negative for a loss-making customer. */
  readonly margin: ClvPerPeriod<DecimalInput>;
  /** Probability a customer stays from one period to the next: a fraction in [0, 1) (1 is allowed only with a `horizon`). */
  readonly retentionRate: ClvPerPeriod<number>;
  /** Discount rate per period, a fraction ≥ 0 (0.1 for 10%). */
  readonly discountRate: ClvPerPeriod<number>;
  /** When in the period the margin arrives. @defaultValue `"end"` */
  readonly timing?: ClvTiming | undefined;
  /** Number of periods to value, an integer from 1 to 100,000; omit for the infinite-horizon closed form. @defaultValue infinite */
  readonly horizon?: ClvPerPeriod<number> | undefined;
  /** Growth of the margin per period, a fraction > −1 (margin in period t is m·(1+g)^(t−1)). @defaultValue `0` */
  readonly marginGrowth?: ClvPerPeriod<number> | undefined;
  /** Cost to acquire the customer, paid now, as money ≥ 0; subtracted in `netValue` (the value of a prospect). @defaultValue none (net equals value) */
  readonly acquisitionCost?: DecimalInput | undefined;
  /** The period every bare (untagged) time-based value is per; tagged values must agree with it. @defaultValue the unit of the tagged values, if any */
  readonly period?: Period | undefined;
}

/**
 * Result of {@link clvFromRetention}.
 *
 * @category CLV
 */
export interface ClvFromRetentionResult {
  /** Present value of the customer's expected future margins. */
  readonly value: Decimal;
  /** `value − acquisitionCost` (equals `value` without an acquisition cost). */
  readonly netValue: Decimal;
  /** `"closed-form"` (infinite horizon, Gupta–Lehmann) or `"cashflows"` (finite horizon, explicit table). */
  readonly method: "closed-form" | "cashflows";
  /** Margin timing used. */
  readonly timing: ClvTiming;
  /** `value / margin`: how many periods' margin the customer is worth today (e.g. 2.67 at r = 0.8, d = 0.1). */
  readonly marginMultiple: number;
  /** Number of periods valued, or `null` for the infinite horizon. */
  readonly horizon: number | null;
  /** The common period of the inputs, or `null` when none was declared. */
  readonly period: Period | null;
  /** The explicit cash-flow table (finite horizon only). */
  readonly cashflows?: readonly ClvCashflowRow[];
}

/**
 * Customer lifetime value from a retention rate: the present value of the
 * margins a customer is expected to bring while they stay (Gupta–Lehmann).
 *
 * With margin m per period, retention r, discount rate d and margin growth g
 * (all per the same period), over an infinite horizon:
 * - margins at period end: CLV = m·r / (1 + d − r(1 + g)), the margin
 *   multiple r/(1 + d − r) when g = 0 (2.67 at r = 0.8, d = 0.1);
 * - margins at period start: CLV = m·(1 + d) / (1 + d − r(1 + g)).
 * With a `horizon`, the value is the sum of an explicit discounted cash-flow
 * table ({@link clvCashflows}), which converges to the closed form.
 *
 * @see Gupta, S. & Lehmann, D. R. (2003), "Customers as assets", Journal of Interactive Marketing 17(1), 9–24; Gupta, Lehmann & Stuart (2004), "Valuing Customers", Journal of Marketing Research 41(1).
 *
 * @remarks
 * Computed in Decimal (120 significant digits); rates cross into Decimal from
 * their shortest decimal string. The infinite horizon is undefined when
 * r(1 + g) ≥ 1 + d (margins grow faster than they are discounted and lost):
 * that is an `undefined_result` error, never Infinity. A retention of 1 with
 * an infinite horizon is rejected (a customer who never leaves); pass a horizon.
 * Subtract nothing for customers you already have; pass `acquisitionCost` to
 * value a prospect (`netValue`).
 *
 * @param input - See {@link ClvFromRetentionInput}.
 * @returns The value, net value, margin multiple and (finite horizon) cash flows.
 * @throws {@link MetricsError} `out_of_range` for a retention outside [0, 1) (or [0, 1] with a horizon), a negative discount rate, growth ≤ −1, a negative acquisition cost, a horizon outside 1..100,000; `undefined_result` when r(1 + g) ≥ 1 + d with an infinite horizon; `unit_mismatch` when tagged inputs disagree on the period; `invalid_type`/`not_finite`/`invalid_input`/`not_integer`/`invalid_option` for malformed values.
 *
 * @example
 * ```ts
 * import { clvFromRetention } from "customer-metrics/clv";
 * // Gupta–Lehmann margin multiple at r = 80%, d = 10%: 0.8 / 0.3
 * clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1 }).marginMultiple; // => 2.67
 * clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1 }).value.toFixed(2); // => "266.67"
 * clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1, timing: "start" }).value.toFixed(2); // => "366.67"
 * clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1, marginGrowth: 0.05 }).value.toFixed(2); // => "307.69"
 * clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1, horizon: 3 }).value.toFixed(2); // => "164.09"
 * ```
 *
 * @example
 * ```ts
 * import { clvFromRetention } from "customer-metrics/clv";
 * // A weekly retention next to a monthly margin is rejected, never mixed:
 * clvFromRetention({ margin: { value: "40", unit: "month" }, retentionRate: { value: 0.99, unit: "week" }, discountRate: 0.01 }); // throws unit_mismatch
 * clvFromRetention({ margin: "100", retentionRate: 0.95, discountRate: 0.01, marginGrowth: 0.07 }); // throws undefined_result
 * ```
 *
 * @category CLV
 */
export function clvFromRetention(input: ClvFromRetentionInput): ClvFromRetentionResult {
  const fn = "clvFromRetention";
  const inp = readRetentionInputs(fn, input, { horizonRequired: false, retentionOne: "finite-only" });
  const net = (v: Decimal): Decimal => (inp.acquisitionCost === null ? v : clean(v.minus(inp.acquisitionCost)));
  if (inp.horizon !== null) {
    const { rows, total, multiple } = buildCashflows(inp, inp.horizon);
    return {
      value: total,
      netValue: net(total),
      method: "cashflows",
      timing: inp.timing,
      marginMultiple: multiple.toNumber(),
      horizon: inp.horizon,
      period: inp.period,
      cashflows: rows,
    };
  }
  const one = new _MoneyDecimal(1);
  const onePlusD = one.plus(inp.discount);
  const denominator = onePlusD.minus(inp.retention.times(one.plus(inp.growth)));
  if (!denominator.isPositive() || denominator.isZero()) {
    throw metricsError(
      fn,
      "undefined_result",
      ["marginGrowth"],
      `such that retentionRate × (1 + marginGrowth) < 1 + discountRate for an infinite horizon (the sum diverges); pass a finite horizon`,
      (input as { marginGrowth?: unknown }).marginGrowth,
    );
  }
  const multiple = (inp.timing === "end" ? inp.retention : onePlusD).div(denominator);
  const value = clean(inp.margin.times(multiple));
  return {
    value,
    netValue: net(value),
    method: "closed-form",
    timing: inp.timing,
    marginMultiple: multiple.toNumber(),
    horizon: null,
    period: inp.period,
  };
}
