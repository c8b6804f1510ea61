import { metricsError } from "../core/errors.js";
import { assertOneOf } from "../core/guards.js";
import { readCount, readObject, readOptionalCount } from "./_internal/checks.js";

/**
 * The named definitions of a period's customer churn rate.
 *
 * - `"start"`: lost ÷ customers at the start of the period (ChartMogul "Standard", the default).
 * - `"average"`: lost ÷ the average of the customers at start and at end.
 * - `"start-plus-new"`: lost ÷ (customers at start + customers gained in the period), the rolling
 *   subscriber churn Stripe reports.
 * - `"daily-sum"`: the sum of the daily churn rates over the period (ChartMogul "Shopify").
 *
 * @category Churn
 */
export type ChurnRateMethod = "start" | "average" | "start-plus-new" | "daily-sum";

/** The methods that work from period counts. @category Churn */
export const CHURN_RATE_METHODS: readonly ChurnRateMethod[] = ["start", "average", "start-plus-new", "daily-sum"];

/**
 * A period's customer counts, for every method except `"daily-sum"`. The fields match the rows of
 * {@link customerMovements}, so a row can be passed as it is.
 *
 * @category Churn
 */
export interface ChurnCounts {
  /** Customers active at the start of the period (an integer ≥ 0). */
  readonly customersAtStart: number;
  /**
   * Customers active at the start who were no longer active at the end (an integer ≥ 0). Customers
   * who joined (or came back) and left inside the period are NOT included here: pass them as
   * `customersJoinedAndLost`.
   */
  readonly customersLost: number;
  /** Customers active at the end. Needed by `"average"` unless it can be derived from the other counts. */
  readonly customersAtEnd?: number;
  /** Customers who started for the first time during the period and were active at its end. @defaultValue `0` (required by `"start-plus-new"`) */
  readonly newCustomers?: number;
  /** Former customers who came back during the period and were active at its end. @defaultValue `0` */
  readonly reactivatedCustomers?: number;
  /** Customers who joined (or came back) and left again inside the period. @defaultValue `0` */
  readonly customersJoinedAndLost?: number;
  /** The definition to use. @defaultValue `"start"` */
  readonly method?: "start" | "average" | "start-plus-new";
}

/**
 * One day of a `"daily-sum"` churn computation.
 *
 * @category Churn
 */
export interface DailyChurnCounts {
  /** Customers active at the start of the day (an integer ≥ 0). */
  readonly customersAtStart: number;
  /** Customers among them lost that day (an integer ≥ 0, at most `customersAtStart`). */
  readonly customersLost: number;
}

/**
 * Input of the `"daily-sum"` method: one entry per day of the period.
 *
 * @category Churn
 */
export interface DailyChurnInput {
  /** Must be `"daily-sum"`. */
  readonly method: "daily-sum";
  /** The days of the period, in any order (e.g. the rows of `customerMovements(..., { period: "day" })`). */
  readonly daily: readonly DailyChurnCounts[];
}

/**
 * What {@link churnRate} and {@link retentionRate} take.
 *
 * @category Churn
 */
export type ChurnRateInput = ChurnCounts | DailyChurnInput;

/**
 * A churn rate and how it was computed.
 *
 * @category Churn
 */
export interface ChurnRateResult {
  /** The churn rate as a fraction of customers in [0, 1] (per period). */
  readonly rate: number;
  /** The definition used. */
  readonly method: ChurnRateMethod;
  /** The numerator: customers counted as lost (for `"start-plus-new"` this includes those who joined and left). */
  readonly customersLost: number;
  /** The denominator (customers); absent for `"daily-sum"`, where each day has its own. */
  readonly denominator?: number;
  /** Number of days summed (only for `"daily-sum"`). */
  readonly days?: number;
}

/**
 * The share of customers lost in a period, under a named definition.
 *
 * Definitions (see {@link ChurnRateMethod}): `"start"` = lost / start; `"average"` = lost /
 * ((start + end) / 2); `"start-plus-new"` = (lost + joined-and-lost) / (start + new + reactivated +
 * joined-and-lost); `"daily-sum"` = Σ_days lost_d / start_d.
 *
 * @see ChartMogul, "Customer churn rate" (Standard and Shopify methods): https://help.chartmogul.com/hc/en-us/articles/207340419
 * @see Stripe Billing analytics glossary (subscriber churn rate): https://docs.stripe.com/billing/subscriptions/analytics/glossary
 *
 * @remarks
 * Customers who joined and left inside the period are left out of `"start"` and `"average"` (as
 * ChartMogul does) and counted in both the numerator and the denominator of `"start-plus-new"` (as
 * Stripe does). When `customersAtEnd` and the gains are all given, `start + new + reactivated −
 * lost` must equal `customersAtEnd`. `"average"` and `"daily-sum"` can exceed 1 on extreme data (more
 * customers lost than the average base); that is not a fraction of customers, so it is an error
 * (`undefined_result`) rather than a misleading number. Use {@link convertRate} from core to change
 * the period of a rate.
 *
 * @param input - Period counts ({@link ChurnCounts}) or daily counts ({@link DailyChurnInput}).
 * @returns `{ rate, method, customersLost, denominator?, days? }`.
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `not_integer` / `out_of_range` for a
 * bad count (a count must be an integer ≥ 0; lost ≤ start); `invalid_option` for an unknown
 * method; `empty_sample` when the denominator is 0 (no customers) or `daily` is empty;
 * `invalid_input` for inconsistent counts or a missing count the method needs; `undefined_result`
 * when the rate would exceed 1.
 *
 * @example
 * ```ts
 * import { churnRate } from "customer-metrics/churn";
 * churnRate({ customersAtStart: 200, customersLost: 10 }).rate; // => 0.05
 * churnRate({ customersAtStart: 200, customersLost: 10, newCustomers: 50, method: "average" }).rate; // => 0.0454545455
 * churnRate({ customersAtStart: 200, customersLost: 10, newCustomers: 40, customersJoinedAndLost: 2, method: "start-plus-new" }).rate; // => 0.0495867769
 * churnRate({ method: "daily-sum", daily: [{ customersAtStart: 100, customersLost: 1 }, { customersAtStart: 99, customersLost: 0 }] }).rate; // => 0.01
 * churnRate({ customersAtStart: 10, customersLost: 11 }); // throws out_of_range
 * ```
 *
 * @category Churn
 */
export function churnRate(input: ChurnRateInput): ChurnRateResult {
  return computeChurnRate(input, "churnRate");
}

/** Shared by churnRate and retentionRate (so errors name the public function). */
export function computeChurnRate(input: ChurnRateInput, fn: string): ChurnRateResult {
  const obj = readObject(input, fn, [], "an object of churn counts");
  const method = assertOneOf(obj["method"] ?? "start", CHURN_RATE_METHODS, fn, ["method"]);
  if (method === "daily-sum") return dailySum(obj, fn);

  const start = readCount(obj["customersAtStart"], fn, ["customersAtStart"]);
  const lost = readCount(obj["customersLost"], fn, ["customersLost"]);
  const end = readOptionalCount(obj["customersAtEnd"], fn, ["customersAtEnd"]);
  const fresh = readOptionalCount(obj["newCustomers"], fn, ["newCustomers"]);
  const back = readOptionalCount(obj["reactivatedCustomers"], fn, ["reactivatedCustomers"]);
  const transient = readOptionalCount(obj["customersJoinedAndLost"], fn, ["customersJoinedAndLost"]) ?? 0;
  if (lost > start) {
    throw metricsError(
      fn,
      "out_of_range",
      ["customersLost"],
      `at most customersAtStart (${start}); customers who joined and left inside the period go in customersJoinedAndLost`,
      lost,
    );
  }
  const gained = fresh === undefined && back === undefined ? undefined : (fresh ?? 0) + (back ?? 0);
  if (end !== undefined && gained !== undefined && start + gained - lost !== end) {
    throw metricsError(
      fn,
      "invalid_input",
      ["customersAtEnd"],
      `equal to customersAtStart + newCustomers + reactivatedCustomers - customersLost = ${start + gained - lost}`,
      end,
    );
  }

  let numerator = lost;
  let denominator: number;
  if (method === "start") {
    denominator = start;
  } else if (method === "average") {
    let e = end;
    if (e === undefined) {
      if (gained === undefined) {
        throw metricsError(
          fn,
          "invalid_input",
          ["customersAtEnd"],
          'given for method "average" (or give newCustomers so it can be derived)',
          undefined,
        );
      }
      e = start + gained - lost;
    }
    denominator = (start + e) / 2;
  } else {
    if (fresh === undefined) {
      throw metricsError(fn, "invalid_input", ["newCustomers"], 'given for method "start-plus-new"', undefined);
    }
    numerator = lost + transient;
    denominator = start + fresh + (back ?? 0) + transient;
  }
  if (denominator === 0) {
    throw metricsError(
      fn,
      "empty_sample",
      ["customersAtStart"],
      `a period with customers (the "${method}" denominator is 0)`,
      start,
    );
  }
  const rate = numerator / denominator;
  if (rate > 1) {
    throw metricsError(
      fn,
      "undefined_result",
      [],
      `a rate of at most 1; the "${method}" definition gives ${rate} on these counts (use "start")`,
      rate,
    );
  }
  return { rate, method, customersLost: numerator, denominator };
}

function dailySum(obj: Record<string, unknown>, fn: string): ChurnRateResult {
  const daily = obj["daily"];
  if (!Array.isArray(daily))
    throw metricsError(
      fn,
      "invalid_type",
      ["daily"],
      'an array of { customersAtStart, customersLost } for method "daily-sum"',
      daily,
    );
  if (daily.length === 0) throw metricsError(fn, "empty_sample", ["daily"], "a non-empty array of days", daily);
  let rate = 0;
  let lostTotal = 0;
  let anyCustomers = false;
  for (let i = 0; i < daily.length; i++) {
    const day = readObject(daily[i], fn, ["daily", i], "an object { customersAtStart, customersLost }");
    const s = readCount(day["customersAtStart"], fn, ["daily", i, "customersAtStart"]);
    const l = readCount(day["customersLost"], fn, ["daily", i, "customersLost"]);
    if (l > s) throw metricsError(fn, "out_of_range", ["daily", i, "customersLost"], `at most customersAtStart (${s})`, l);
    if (s > 0) {
      anyCustomers = true;
      rate += l / s;
    }
    lostTotal += l;
  }
  if (!anyCustomers) throw metricsError(fn, "empty_sample", ["daily"], "at least one day with customers at start", daily);
  if (rate > 1) {
    throw metricsError(fn, "undefined_result", [], `a rate of at most 1; the sum of daily rates is ${rate}`, rate);
  }
  return { rate, method: "daily-sum", customersLost: lostTotal, days: daily.length };
}
