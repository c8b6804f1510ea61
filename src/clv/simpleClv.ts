import type { Decimal } from "decimal.js";
import { metricsError, type PathSegment } from "../core/errors.js";
import { assertFinite, assertProbability } from "../core/guards.js";
import { _MoneyDecimal, money, type DecimalInput } from "../core/money.js";
import type { Period } from "../core/time.js";
import { clean } from "./_internal/cashflows.js";
import { commonPeriod, untag } from "./_internal/units.js";
import type { ClvPerPeriod } from "./types.js";

/**
 * Input of {@link simpleClv}. Give the revenue per period either as
 * `averageOrderValue` × `purchaseFrequency` (retail) or as `arpa` (average
 * revenue per account, subscriptions), and the lifetime either as `lifetime`
 * or as `churnRate` (lifetime = 1 / churn).
 *
 * @category CLV
 */
export interface SimpleClvInput {
  /** Average revenue per order, as money ≥ 0 (use with `purchaseFrequency`). @defaultValue none */
  readonly averageOrderValue?: DecimalInput | undefined;
  /** Orders per customer per period, a number ≥ 0 (use with `averageOrderValue`). @defaultValue none */
  readonly purchaseFrequency?: ClvPerPeriod<number> | undefined;
  /** Average revenue per account per period, as money ≥ 0 (the dashboard form). @defaultValue none */
  readonly arpa?: ClvPerPeriod<DecimalInput> | undefined;
  /** Gross margin as a fraction of revenue in [0, 1] (0.7 for 70%; 1 gives a revenue LTV). */
  readonly grossMargin: number;
  /** Expected customer lifetime in periods, a number > 0 (instead of `churnRate`). @defaultValue none */
  readonly lifetime?: ClvPerPeriod<number> | undefined;
  /** Share of customers lost per period, a fraction in (0, 1] (instead of `lifetime`). @defaultValue none */
  readonly churnRate?: ClvPerPeriod<number> | undefined;
  /** The period every bare (untagged) time-based value is per; tagged values must agree with it. @defaultValue the unit of the tagged values, if any */
  readonly period?: Period | undefined;
}

/**
 * Which simple-CLV formula was used.
 *
 * - `"aov-frequency-lifetime"`: AOV × purchase frequency × gross margin × lifetime.
 * - `"aov-frequency-churn"`: AOV × purchase frequency × gross margin ÷ churn.
 * - `"arpa-lifetime"`: ARPA × gross margin × lifetime.
 * - `"arpa-churn"`: ARPA × gross margin ÷ churn, the SaaS dashboard LTV (ChartMogul, Stripe, Baremetrics).
 *
 * @category CLV
 */
export type SimpleClvMethod = "aov-frequency-lifetime" | "aov-frequency-churn" | "arpa-lifetime" | "arpa-churn";

/**
 * Result of {@link simpleClv}.
 *
 * @category CLV
 */
export interface SimpleClvResult {
  /** Undiscounted lifetime margin (or revenue, with grossMargin 1). */
  readonly value: Decimal;
  /** The formula used. */
  readonly method: SimpleClvMethod;
  /** Revenue per customer per period (AOV × frequency, or ARPA). */
  readonly revenuePerPeriod: Decimal;
  /** `revenuePerPeriod × grossMargin`. */
  readonly marginPerPeriod: Decimal;
  /** Expected lifetime in periods (given, or 1 / churn). */
  readonly lifetime: number;
  /** The common period of the inputs, or `null` when none was declared. */
  readonly period: Period | null;
}

/**
 * The quick CLV a finance team or a SaaS dashboard quotes: margin per period
 * times the expected number of periods, with no discounting.
 *
 * value = revenue per period × gross margin × lifetime, where revenue per
 * period is AOV × purchase frequency or ARPA, and lifetime is given or
 * 1 / churn (the mean of a geometric lifetime). The dashboard form is
 * ARPA × gross margin ÷ churn.
 *
 * @see ChartMogul, "Customer Lifetime Value (LTV)": https://help.chartmogul.com/hc/en-us/articles/203359061 ; Stripe, "Calculating subscriber lifetime value": https://support.stripe.com/questions/calculating-subscriber-lifetime-value-in-billing
 *
 * @remarks
 * No discounting and a constant churn: it overstates long-lived customers;
 * prefer {@link clvFromRetention} when a discount rate matters. A churn of 0
 * is an `undefined_result` error (some dashboards silently substitute a
 * floor, Stripe 1.67%; the library never does). All amounts are Decimal;
 * `grossMargin`, frequency, lifetime and churn cross into Decimal from their
 * shortest decimal string.
 *
 * @param input - See {@link SimpleClvInput}.
 * @returns The value, the formula used, and its parts.
 * @throws {@link MetricsError} `invalid_input` when both or neither of `arpa` and `averageOrderValue`/`purchaseFrequency`, or both or neither of `lifetime` and `churnRate`, are given; `undefined_result` for a churn of 0; `out_of_range` for a negative amount or frequency, a gross margin outside [0, 1], a lifetime ≤ 0 or a churn outside [0, 1]; `unit_mismatch` when tagged inputs disagree on the period; `invalid_type`/`not_finite` for malformed values.
 *
 * @example
 * ```ts
 * import { simpleClv } from "customer-metrics/clv";
 * // Dashboard LTV: $2,000 monthly ARPA, 60% margin, 0.5% monthly churn
 * simpleClv({ arpa: "2000", grossMargin: 0.6, churnRate: 0.005 }).value.toString(); // => "240000"
 * simpleClv({ arpa: "100", grossMargin: 1, churnRate: 0.1 }).value.toString(); // => "1000"
 * const retail = simpleClv({ averageOrderValue: "50", purchaseFrequency: { value: 4, unit: "year" }, grossMargin: 0.3, lifetime: { value: 5, unit: "year" } });
 * retail.value.toString(); // => "300"
 * retail.method; // => "aov-frequency-lifetime"
 * simpleClv({ arpa: "100", grossMargin: 0.8, churnRate: 0 }); // throws undefined_result
 * ```
 *
 * @category CLV
 */
export function simpleClv(input: SimpleClvInput): SimpleClvResult {
  const fn = "simpleClv";
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw metricsError(fn, "invalid_type", [], "an input object", input);
  }
  const hasArpa = input.arpa !== undefined;
  const hasAov = input.averageOrderValue !== undefined || input.purchaseFrequency !== undefined;
  if (hasArpa === hasAov) {
    throw metricsError(
      fn,
      "invalid_input",
      hasArpa ? ["averageOrderValue"] : ["arpa"],
      hasArpa ? "absent when arpa is given (give one revenue basis)" : "given, or averageOrderValue with purchaseFrequency",
    );
  }
  const hasLifetime = input.lifetime !== undefined;
  const hasChurn = input.churnRate !== undefined;
  if (hasLifetime === hasChurn) {
    throw metricsError(
      fn,
      "invalid_input",
      hasLifetime ? ["churnRate"] : ["lifetime"],
      hasLifetime ? "absent when lifetime is given (give one of them)" : "given, or churnRate",
    );
  }
  const units: { path: PathSegment[]; unit: Period | null }[] = [];
  const pathOf = (key: string, tagged: boolean): PathSegment[] => (tagged ? [key, "value"] : [key]);

  let revenue: Decimal;
  let basis: "aov-frequency" | "arpa";
  if (hasArpa) {
    const a = untag(input.arpa, fn, ["arpa"]);
    units.push({ path: ["arpa"], unit: a.unit });
    revenue = nonNegativeMoney(a.value, fn, pathOf("arpa", a.tagged));
    basis = "arpa";
  } else {
    if (input.averageOrderValue === undefined)
      throw metricsError(fn, "invalid_input", ["averageOrderValue"], "given with purchaseFrequency");
    if (input.purchaseFrequency === undefined)
      throw metricsError(fn, "invalid_input", ["purchaseFrequency"], "given with averageOrderValue");
    const aov = nonNegativeMoney(input.averageOrderValue, fn, ["averageOrderValue"]);
    const f = untag(input.purchaseFrequency, fn, ["purchaseFrequency"]);
    units.push({ path: ["purchaseFrequency"], unit: f.unit });
    const fPath = pathOf("purchaseFrequency", f.tagged);
    const freq = assertFinite(f.value, fn, fPath);
    if (freq < 0) throw metricsError(fn, "out_of_range", fPath, "a number of purchases per period >= 0", f.value);
    revenue = aov.times(new _MoneyDecimal(freq));
    basis = "aov-frequency";
  }
  const gm = assertProbability(input.grossMargin, fn, ["grossMargin"]);
  const marginPerPeriod = clean(revenue.times(new _MoneyDecimal(gm)));

  let value: Decimal;
  let lifetime: number;
  let lifetimeBasis: "lifetime" | "churn";
  if (hasLifetime) {
    const l = untag(input.lifetime, fn, ["lifetime"]);
    units.push({ path: ["lifetime"], unit: l.unit });
    const lPath = pathOf("lifetime", l.tagged);
    lifetime = assertFinite(l.value, fn, lPath);
    if (!(lifetime > 0)) throw metricsError(fn, "out_of_range", lPath, "a lifetime > 0 periods", l.value);
    value = marginPerPeriod.times(new _MoneyDecimal(lifetime));
    lifetimeBasis = "lifetime";
  } else {
    const c = untag(input.churnRate, fn, ["churnRate"]);
    units.push({ path: ["churnRate"], unit: c.unit });
    const cPath = pathOf("churnRate", c.tagged);
    const churn = assertProbability(c.value, fn, cPath);
    if (churn === 0) {
      throw metricsError(
        fn,
        "undefined_result",
        cPath,
        "a churn rate > 0 (with no churn the lifetime is infinite); use clvFromRetention with a horizon",
        c.value,
      );
    }
    const churnD = new _MoneyDecimal(churn);
    value = marginPerPeriod.div(churnD);
    lifetime = new _MoneyDecimal(1).div(churnD).toNumber();
    lifetimeBasis = "churn";
  }
  const period = commonPeriod(fn, input.period, units);
  return {
    value: clean(value),
    method: `${basis}-${lifetimeBasis}`,
    revenuePerPeriod: clean(revenue),
    marginPerPeriod,
    lifetime,
    period,
  };
}

function nonNegativeMoney(value: unknown, fn: string, path: readonly PathSegment[]): Decimal {
  const d = money(value as DecimalInput, fn, path);
  if (d.isNegative() && !d.isZero()) throw metricsError(fn, "out_of_range", path, "a money amount >= 0", value);
  return d;
}
