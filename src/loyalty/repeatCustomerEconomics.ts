import type { Decimal } from "decimal.js";
import { metricsError } from "../core/errors.js";
import { type DecimalInput, money } from "../core/money.js";
import type { DateInput, Period } from "../core/time.js";
import type { LoyaltyPeriodKey } from "./types.js";
import { periodIndex, periodRange, readAsOf, readId, readPeriod, readRows, rowAt, toDayNumber } from "./_internal/common.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * One order: customer, date and amount (money: a decimal string, number or
 * Decimal; ≥ 0; net of refunds).
 *
 * @category Loyalty
 */
export interface OrderTransaction {
  /** Customer id. */
  readonly customerId: string | number;
  /** Order date (UTC). */
  readonly at: DateInput;
  /** Order amount, ≥ 0. */
  readonly amount: DecimalInput;
}

/**
 * Options for {@link repeatCustomerEconomics}.
 *
 * @category Loyalty
 */
export interface RepeatCustomerEconomicsOptions {
  /** The analysis date: orders after it are left out. */
  readonly asOf: DateInput;
  /** Also report new vs returning business per calendar period. @defaultValue none */
  readonly period?: Period;
}

/**
 * New vs returning business in one calendar period.
 *
 * @category Loyalty
 */
export interface RepeatEconomicsPeriod extends LoyaltyPeriodKey {
  /** Orders in the period. */
  readonly orders: number;
  /** Revenue in the period. */
  readonly revenue: Decimal;
  /** Customers who ordered in the period. */
  readonly customers: number;
  /** Of those, customers whose first-ever order is in this period. */
  readonly newCustomers: number;
  /** Of those, customers who first ordered in an earlier period. */
  readonly returningCustomers: number;
  /** Revenue from repeat orders (each customer's 2nd and later orders). */
  readonly repeatOrderRevenue: Decimal;
  /** repeatOrderRevenue / revenue, or `null` when revenue is 0. */
  readonly repeatOrderRevenueShare: number | null;
}

/**
 * What repeat customers are worth compared with one-time buyers.
 *
 * @category Loyalty
 */
export interface RepeatCustomerEconomicsResult {
  /** Customers with at least one order. */
  readonly customers: number;
  /** Customers with two or more orders. */
  readonly repeatCustomers: number;
  /** Customers with exactly one order. */
  readonly oneTimeCustomers: number;
  /** repeatCustomers / customers (0–1). */
  readonly repeatCustomerShare: number;
  /** Orders counted. */
  readonly orders: number;
  /** Total revenue. */
  readonly revenue: Decimal;
  /** Revenue from repeat customers (all their orders, first included). */
  readonly repeatCustomerRevenue: Decimal;
  /** repeatCustomerRevenue / revenue (0–1), or `null` when revenue is 0. */
  readonly repeatCustomerRevenueShare: number | null;
  /** Revenue from repeat orders (each customer's 2nd and later orders). */
  readonly repeatOrderRevenue: Decimal;
  /** repeatOrderRevenue / revenue (0–1), or `null` when revenue is 0. */
  readonly repeatOrderRevenueShare: number | null;
  /** Average total spend per repeat customer, or `null` without repeat customers. */
  readonly averageSpendRepeatCustomer: Decimal | null;
  /** Average spend per one-time customer, or `null` without one-time customers. */
  readonly averageSpendOneTimeCustomer: Decimal | null;
  /** averageSpendRepeatCustomer / averageSpendOneTimeCustomer, or `null` when undefined. */
  readonly spendRatio: number | null;
  /** Average value of first orders. */
  readonly averageFirstOrderValue: Decimal;
  /** Average value of repeat orders, or `null` without repeat orders. */
  readonly averageRepeatOrderValue: Decimal | null;
  /** averageRepeatOrderValue / averageFirstOrderValue, or `null` when undefined. */
  readonly orderValueRatio: number | null;
  /** Per-period rows (only with the `period` option). */
  readonly periods?: readonly RepeatEconomicsPeriod[];
}

const FN = "repeatCustomerEconomics";

/**
 * The economics of repeat customers: their share of customers and of revenue,
 * and how much more they spend than one-time buyers (per customer and per
 * order). Money is exact (Decimal); ratios are numbers.
 *
 * @remarks
 * Orders are attributed in date order per customer (ties keep input order):
 * a customer's first order is "first", later ones are "repeat". Orders after
 * `asOf` are left out. Zero-amount orders count as orders. Per period, a
 * customer is new in the period of their first order and returning in later
 * periods; empty periods are listed with zero counts and `null` shares.
 *
 * @param transactions - Orders (see {@link OrderTransaction}).
 * @param options - See {@link RepeatCustomerEconomicsOptions}; `asOf` is required.
 * @returns The economics (see {@link RepeatCustomerEconomicsResult}).
 * @throws {@link MetricsError} `invalid_input` without `asOf`; `empty_sample` when no order remains; id errors at `[i, "customerId"]`; `invalid_date` at `[i, "at"]`; amount errors at `[i, "amount"]` (`invalid_type`, `not_finite`, `invalid_input`, `out_of_range` for a negative amount); `invalid_option` for an unknown period.
 *
 * @example
 * ```ts
 * import { repeatCustomerEconomics } from "customer-metrics/loyalty";
 * const r = repeatCustomerEconomics([
 *   { customerId: "a", at: "2024-01-05", amount: "40.00" },
 *   { customerId: "a", at: "2024-02-09", amount: "60.00" },
 *   { customerId: "b", at: "2024-01-12", amount: "30.00" },
 * ], { asOf: "2024-03-01" });
 * r.repeatCustomerRevenue.toString(); // => "100"
 * r.repeatCustomerRevenueShare; // => 0.7692
 * r.spendRatio; // => 3.3333
 * r.averageFirstOrderValue.toString(); // => "35"
 * ```
 *
 * @category Loyalty
 */
export function repeatCustomerEconomics(
  transactions: readonly OrderTransaction[],
  options: RepeatCustomerEconomicsOptions,
): RepeatCustomerEconomicsResult {
  assertKnownOptions(options, ["asOf", "period"], "repeatCustomerEconomics");
  if (typeof options !== "object" || options === null)
    throw metricsError(FN, "invalid_input", ["options", "asOf"], "given (the date the analysis is as of)", options);
  const asOf = readAsOf(options.asOf, FN, true) as number;
  const period = readPeriod(options.period, FN);
  const rows = readRows<OrderTransaction>(transactions, FN, "orders { customerId, at, amount }");
  const orders: { cid: string; day: number; i: number; amount: Decimal }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rowAt(rows, i, FN, "an order { customerId, at, amount }");
    const cid = readId(r.customerId, FN, [i, "customerId"]);
    const day = toDayNumber(r.at, { fn: FN, path: [i, "at"] });
    const amount = money(r.amount, FN, [i, "amount"]);
    if (amount.isNegative())
      throw metricsError(FN, "out_of_range", [i, "amount"], "an amount >= 0 (net refunds out before calling)", amount.toString());
    if (day > asOf) continue;
    orders.push({ cid, day, i, amount });
  }
  if (orders.length === 0) throw metricsError(FN, "empty_sample", [], "at least one order on or before asOf", 0);
  orders.sort((a, b) => a.day - b.day || a.i - b.i);
  const zero = money(0);
  const perCustomer = new Map<string, { n: number; total: Decimal; firstDay: number }>();
  let revenue = zero;
  let repeatOrderRevenue = zero;
  let firstOrderRevenue = zero;
  let repeatOrders = 0;
  const isRepeatOrder: boolean[] = [];
  for (const o of orders) {
    const c = perCustomer.get(o.cid);
    revenue = revenue.plus(o.amount);
    if (c === undefined) {
      perCustomer.set(o.cid, { n: 1, total: o.amount, firstDay: o.day });
      firstOrderRevenue = firstOrderRevenue.plus(o.amount);
      isRepeatOrder.push(false);
    } else {
      c.n++;
      c.total = c.total.plus(o.amount);
      repeatOrderRevenue = repeatOrderRevenue.plus(o.amount);
      repeatOrders++;
      isRepeatOrder.push(true);
    }
  }
  let repeatCustomers = 0;
  let repeatCustomerRevenue = zero;
  let oneTimeRevenue = zero;
  for (const c of perCustomer.values()) {
    if (c.n >= 2) {
      repeatCustomers++;
      repeatCustomerRevenue = repeatCustomerRevenue.plus(c.total);
    } else oneTimeRevenue = oneTimeRevenue.plus(c.total);
  }
  const customers = perCustomer.size;
  const oneTime = customers - repeatCustomers;
  const share = (part: Decimal, whole: Decimal): number | null => (whole.isZero() ? null : part.div(whole).toNumber());
  const avgRepeat = repeatCustomers === 0 ? null : repeatCustomerRevenue.div(repeatCustomers);
  const avgOneTime = oneTime === 0 ? null : oneTimeRevenue.div(oneTime);
  const avgFirst = firstOrderRevenue.div(customers);
  const avgRepeatOrder = repeatOrders === 0 ? null : repeatOrderRevenue.div(repeatOrders);
  const result: RepeatCustomerEconomicsResult = {
    customers,
    repeatCustomers,
    oneTimeCustomers: oneTime,
    repeatCustomerShare: repeatCustomers / customers,
    orders: orders.length,
    revenue,
    repeatCustomerRevenue,
    repeatCustomerRevenueShare: share(repeatCustomerRevenue, revenue),
    repeatOrderRevenue,
    repeatOrderRevenueShare: share(repeatOrderRevenue, revenue),
    averageSpendRepeatCustomer: avgRepeat,
    averageSpendOneTimeCustomer: avgOneTime,
    spendRatio: avgRepeat === null || avgOneTime === null ? null : share(avgRepeat, avgOneTime),
    averageFirstOrderValue: avgFirst,
    averageRepeatOrderValue: avgRepeatOrder,
    orderValueRatio: avgRepeatOrder === null ? null : share(avgRepeatOrder, avgFirst),
  };
  if (period === null) return result;

  const firstPeriod = new Map<string, number>();
  for (const [cid, c] of perCustomer) firstPeriod.set(cid, periodIndex(c.firstDay, period));
  const acc = new Map<number, { orders: number; revenue: Decimal; repeat: Decimal; buyers: Set<string> }>();
  orders.forEach((o, k) => {
    const p = periodIndex(o.day, period);
    let g = acc.get(p);
    if (g === undefined) acc.set(p, (g = { orders: 0, revenue: zero, repeat: zero, buyers: new Set() }));
    g.orders++;
    g.revenue = g.revenue.plus(o.amount);
    if (isRepeatOrder[k]) g.repeat = g.repeat.plus(o.amount);
    g.buyers.add(o.cid);
  });
  const lo = periodIndex((orders[0] as { day: number }).day, period);
  const hi = periodIndex((orders[orders.length - 1] as { day: number }).day, period);
  const periods = periodRange(lo, hi, period, FN).map((key): RepeatEconomicsPeriod => {
    const g = acc.get(key.index);
    if (g === undefined) {
      return {
        ...key,
        orders: 0,
        revenue: zero,
        customers: 0,
        newCustomers: 0,
        returningCustomers: 0,
        repeatOrderRevenue: zero,
        repeatOrderRevenueShare: null,
      };
    }
    let fresh = 0;
    for (const b of g.buyers) if (firstPeriod.get(b) === key.index) fresh++;
    return {
      ...key,
      orders: g.orders,
      revenue: g.revenue,
      customers: g.buyers.size,
      newCustomers: fresh,
      returningCustomers: g.buyers.size - fresh,
      repeatOrderRevenue: g.repeat,
      repeatOrderRevenueShare: share(g.repeat, g.revenue),
    };
  });
  return { ...result, periods };
}
