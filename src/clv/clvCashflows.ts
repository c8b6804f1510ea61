import type { Decimal } from "decimal.js";
import type { DecimalInput } from "../core/money.js";
import type { Period } from "../core/time.js";
import { buildCashflows, clean } from "./_internal/cashflows.js";
import { readRetentionInputs } from "./_internal/retentionInputs.js";
import type { ClvPerPeriod, ClvTiming } from "./types.js";

/**
 * Input of {@link clvCashflows} (and of {@link clvFromRetention}, where
 * `horizon` is optional).
 *
 * @category CLV
 */
export interface ClvCashflowsInput {
  /** Margin per retained customer per period (contribution, not revenue), as money; may be negative for a loss-making customer. */
  readonly margin: ClvPerPeriod<DecimalInput>;
  /** Probability a customer stays from one period to the next, a fraction in [0, 1] (1 allowed only with a finite horizon). */
  readonly retentionRate: ClvPerPeriod<number>;
  /** Discount rate per period, a fraction ≥ 0 (0.1 for 10%). */
  readonly discountRate: ClvPerPeriod<number>;
  /** Number of periods (cash flows) to value, an integer from 1 to 100,000. */
  readonly horizon: ClvPerPeriod<number>;
  /** When in the period the margin arrives. @defaultValue `"end"` */
  readonly timing?: ClvTiming | undefined;
  /** Growth of the margin per period, a fraction > −1 (margin in period t is m·(1+g)^(t−1)). @defaultValue `0` */
  readonly marginGrowth?: ClvPerPeriod<number> | undefined;
  /** Cost to acquire the customer, paid now (time 0), as money ≥ 0; subtracted in `netTotal`. @defaultValue none (net equals total) */
  readonly acquisitionCost?: DecimalInput | undefined;
  /** The period every bare (untagged) time-based value is per; tagged values must agree with it. @defaultValue the unit of the tagged values, if any */
  readonly period?: Period | undefined;
}

/**
 * One period of a CLV cash-flow table.
 *
 * @category CLV
 */
export interface ClvCashflowRow {
  /** Period number, 1-based. */
  readonly period: number;
  /** When the margin arrives, in periods from now (`period` for end timing, `period − 1` for start timing). */
  readonly time: number;
  /** Probability the customer is still a customer when the margin arrives, r^time, in [0, 1]. */
  readonly survival: number;
  /** Margin if the customer is retained, m·(1+g)^(period−1). */
  readonly margin: Decimal;
  /** `margin × survival`. */
  readonly expectedMargin: Decimal;
  /** 1/(1+d)^time, in (0, 1]. */
  readonly discountFactor: number;
  /** `expectedMargin × discountFactor`. */
  readonly presentValue: Decimal;
  /** Sum of `presentValue` through this period. */
  readonly cumulativePresentValue: Decimal;
}

/**
 * A finite-horizon CLV as an explicit discounted cash-flow table.
 *
 * @category CLV
 */
export interface ClvCashflowTable {
  /** One row per period. */
  readonly rows: readonly ClvCashflowRow[];
  /** Sum of the rows' present values: the finite-horizon CLV. */
  readonly total: Decimal;
  /** `total − acquisitionCost` (equals `total` without an acquisition cost). */
  readonly netTotal: Decimal;
  /** Margin timing used. */
  readonly timing: ClvTiming;
  /** Number of periods. */
  readonly horizon: number;
  /** The common period of the inputs, or `null` when none was declared. */
  readonly period: Period | null;
}

/**
 * Lays out a customer's expected, discounted margins period by period: the
 * finite-horizon form of the Gupta–Lehmann retention model, so a finance team
 * can audit every number.
 *
 * Row t: margin m·(1+g)^(t−1), survival r^k, discount 1/(1+d)^k, with k = t
 * when margins arrive at period end and k = t − 1 at period start. The total
 * is the geometric partial sum and tends to {@link clvFromRetention}'s
 * closed form as the horizon grows (the gap shrinks like (r(1+g)/(1+d))^H).
 *
 * @see Gupta, S. & Lehmann, D. R. (2003), "Customers as assets", Journal of Interactive Marketing 17(1), 9–24.
 *
 * @remarks
 * Computed in Decimal (120 significant digits): rates are converted from their
 * shortest decimal string (0.8 is exactly 0.8), so the table adds up exactly;
 * the float columns (`survival`, `discountFactor`) are for display.
 *
 * @param input - See {@link ClvCashflowsInput}.
 * @returns The table, its total and net total.
 * @throws {@link MetricsError} `out_of_range` for a retention outside [0, 1], a negative discount rate, growth ≤ −1, a negative acquisition cost or a horizon outside 1..100,000; `not_integer` for a fractional horizon; `unit_mismatch` when tagged inputs disagree on the period; `invalid_type`/`not_finite`/`invalid_input` for malformed values; `invalid_option` for an unknown timing or period.
 *
 * @example
 * ```ts
 * import { clvCashflows } from "customer-metrics/clv";
 * const t = clvCashflows({ margin: "100", retentionRate: 0.8, discountRate: 0.1, horizon: 3 });
 * t.rows.map((r) => r.presentValue.toFixed(2)); // => ["72.73", "52.89", "38.47"]
 * t.total.toFixed(2); // => "164.09"
 * ```
 *
 * @category CLV
 */
export function clvCashflows(input: ClvCashflowsInput): ClvCashflowTable {
  const inp = readRetentionInputs("clvCashflows", input, { horizonRequired: true, retentionOne: "allow" });
  const horizon = inp.horizon as number;
  const { rows, total } = buildCashflows(inp, horizon);
  return {
    rows,
    total,
    netTotal: inp.acquisitionCost === null ? total : clean(total.minus(inp.acquisitionCost)),
    timing: inp.timing,
    horizon,
    period: inp.period,
  };
}
