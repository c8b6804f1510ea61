import type { Decimal } from "decimal.js";
import { metricsError } from "../core/errors.js";
import { _MoneyDecimal, money, type DecimalInput } from "../core/money.js";
import type { Period } from "../core/time.js";
import { readRetentionInputs } from "./_internal/retentionInputs.js";
import type { ClvPerPeriod, ClvTiming } from "./types.js";

// The largest payback cacPaybackPeriods computes: 10⁹ periods (documented on
// the function). More (a margin tiny next to CAC) is an `undefined_result`
// error rather than a search that would never end.
const MAX_PAYBACK_PERIODS = 1_000_000_000;

/**
 * Input of {@link cacPaybackPeriods}.
 *
 * @category CLV
 */
export interface CacPaybackInput {
  /** Customer acquisition cost, as money ≥ 0. */
  readonly cac: DecimalInput;
  /** Margin (gross profit) per retained customer per period, as money, e.g. ARPA × gross margin. */
  readonly margin: ClvPerPeriod<DecimalInput>;
  /** Probability a customer stays from one period to the next, in [0, 1]; 1 gives the dashboard payback that ignores churn. @defaultValue `1` */
  readonly retentionRate?: ClvPerPeriod<number> | undefined;
  /** Discount rate per period, a fraction ≥ 0. @defaultValue `0` */
  readonly discountRate?: ClvPerPeriod<number> | undefined;
  /** Growth of the margin per period, a fraction > −1. @defaultValue `0` */
  readonly marginGrowth?: ClvPerPeriod<number> | undefined;
  /** When in the period the margin arrives. @defaultValue `"end"` */
  readonly timing?: ClvTiming | undefined;
  /** The period every bare (untagged) time-based value is per; tagged values must agree with it. @defaultValue the unit of the tagged values, if any */
  readonly period?: Period | undefined;
}

/**
 * Result of {@link cacPaybackPeriods}.
 *
 * @category CLV
 */
export interface CacPaybackResult {
  /** Periods until the cumulative expected (discounted) margin repays CAC, interpolated linearly within the last period (6.25 months); `"never"` when it never does. */
  readonly periods: number | "never";
  /** Whole periods needed (the first period whose cumulative margin reaches CAC), or `"never"`. */
  readonly wholePeriods: number | "never";
  /** `"simple"` (CAC ÷ margin: no churn, discounting or growth) or `"retention-adjusted"`. */
  readonly method: "simple" | "retention-adjusted";
  /** Cumulative expected discounted margin after `wholePeriods`, or `null` for `"never"`. */
  readonly cumulativeMargin: Decimal | null;
  /** Margin timing used. */
  readonly timing: ClvTiming;
  /** The common period of the inputs, or `null` when none was declared. */
  readonly period: Period | null;
}

/**
 * How many periods a new customer takes to repay their acquisition cost from
 * the margin they bring (CAC payback).
 *
 * Simple (dashboard) form: CAC ÷ (ARPA × gross margin), e.g. 600 ÷ 96 = 6.25
 * months. With a retention rate r, discount rate d and margin growth g, the
 * expected discounted margin of period t is m·(1+g)^(t−1)·r^k/(1+d)^k
 * (k = t at period end, t − 1 at period start), a geometric series; payback
 * is where its running sum reaches CAC. When the whole lifetime's value is
 * below CAC the answer is `"never"`, reported as such.
 *
 * @see https://www.callculator.cc/callculator946_pre_seed_payback_calculator/ (CAC 600, ARPU 120, 80% margin → 6.25 months); Gupta & Lehmann (2003) for the retention-adjusted series.
 *
 * @remarks
 * `wholePeriods` is exact (Decimal partial sums); `periods` interpolates
 * linearly inside the paying-back period, as dashboards do. A margin ≤ 0
 * never pays back. A CAC of 0 pays back in 0 periods. A payback longer than
 * 10⁹ periods is not computed: it is an
 * `undefined_result` error.
 *
 * @param input - See {@link CacPaybackInput}.
 * @returns Fractional and whole periods (or `"never"`), the method and the cumulative margin at payback.
 * @throws {@link MetricsError} `undefined_result` when payback would take more than 10⁹ periods; `out_of_range` for a negative CAC, a retention outside [0, 1], a negative discount rate or growth ≤ −1; `unit_mismatch` when tagged inputs disagree on the period; `invalid_type`/`not_finite`/`invalid_input`/`invalid_option` for malformed values.
 *
 * @example
 * ```ts
 * import { cacPaybackPeriods } from "customer-metrics/clv";
 * cacPaybackPeriods({ cac: "600", margin: "96" }).periods; // => 6.25
 * cacPaybackPeriods({ cac: "600", margin: "96" }).wholePeriods; // => 7
 * cacPaybackPeriods({ cac: "600", margin: "96", retentionRate: 0.8 }).periods; // => "never"
 * cacPaybackPeriods({ cac: "300", margin: "96", retentionRate: 0.95, discountRate: 0.01 }).wholePeriods; // => 4
 * ```
 *
 * @category CLV
 */
export function cacPaybackPeriods(input: CacPaybackInput): CacPaybackResult {
  const fn = "cacPaybackPeriods";
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw metricsError(fn, "invalid_type", [], "an input object", input);
  }
  const inp = readRetentionInputs(
    fn,
    {
      margin: input.margin,
      retentionRate: input.retentionRate,
      discountRate: input.discountRate,
      marginGrowth: input.marginGrowth,
      timing: input.timing,
      period: input.period,
    },
    { horizonRequired: false, retentionOne: "allow", retentionOptional: true },
  );
  const cac = money(input.cac, fn, ["cac"]);
  if (cac.isNegative() && !cac.isZero()) throw metricsError(fn, "out_of_range", ["cac"], "a money amount >= 0", input.cac);
  const simple = inp.retention.eq(1) && inp.discount.isZero() && inp.growth.isZero();
  const base = { method: simple ? ("simple" as const) : ("retention-adjusted" as const), timing: inp.timing, period: inp.period };
  const zero = new _MoneyDecimal(0);
  if (cac.isZero()) return { ...base, periods: 0, wholePeriods: 0, cumulativeMargin: zero };

  const one = new _MoneyDecimal(1);
  const onePlusD = one.plus(inp.discount);
  // First period's expected discounted margin a, and ratio q between periods.
  const a = inp.timing === "end" ? inp.margin.times(inp.retention).div(onePlusD) : inp.margin;
  const q = inp.retention.times(one.plus(inp.growth)).div(onePlusD);
  const never = { ...base, periods: "never" as const, wholePeriods: "never" as const, cumulativeMargin: null };
  if (!a.isPositive() || a.isZero()) return never;

  const partial = (n: number): Decimal => {
    if (n <= 0) return zero;
    if (q.eq(1)) return a.times(n);
    return a.times(one.minus(q.pow(n))).div(one.minus(q));
  };
  const tooLong = () =>
    metricsError(
      fn,
      "undefined_result",
      ["margin"],
      `a payback within ${MAX_PAYBACK_PERIODS} periods (the margin is too small next to CAC)`,
      input.margin,
    );
  let n: number;
  if (q.isZero()) {
    n = 1;
    if (a.lt(cac)) return never;
  } else if (q.eq(1)) {
    const estimate = cac.div(a);
    if (estimate.gt(MAX_PAYBACK_PERIODS)) throw tooLong();
    n = Math.max(1, Math.ceil(estimate.toNumber()));
  } else {
    const x = one.minus(cac.times(one.minus(q)).div(a)); // q^n must reach this
    if (!x.isPositive() || x.isZero()) return never; // q < 1 and the lifetime value ≤ CAC
    const estimate = x.ln().div(q.ln()).toNumber();
    if (!Number.isFinite(estimate) || estimate > MAX_PAYBACK_PERIODS) throw tooLong();
    n = Math.max(1, Math.ceil(estimate));
  }
  // The estimate is within a period or two of the answer; the bounded steps
  // below correct rounding in it and can never run away.
  for (let steps = 0; n > 1 && partial(n - 1).gte(cac); steps++) {
    if (steps > 64) throw tooLong();
    n--;
  }
  for (let steps = 0; partial(n).lt(cac); steps++) {
    if (steps > 64 || n >= MAX_PAYBACK_PERIODS) throw tooLong();
    n++;
  }
  const before = partial(n - 1);
  const after = partial(n);
  const fraction = cac.minus(before).div(after.minus(before)).toNumber();
  return { ...base, periods: n - 1 + fraction, wholePeriods: n, cumulativeMargin: after };
}
