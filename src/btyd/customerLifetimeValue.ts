import type { Decimal } from "decimal.js";
import { _MoneyDecimal } from "../core/money.js";
import { computeClv, readClvCustomers, readSettings } from "./gammaGamma/_internal/clvEngine.js";
import type { GammaGammaSpec } from "./gammaGamma/expectedAverageSpend.js";
import type { BtydModelSpec } from "./modelTypes.js";

/**
 * One customer for {@link customerLifetimeValue}: an id plus the purchase-model summary and the mean
 * repeat-purchase value (e.g. a row of `summarizeTransactions`).
 *
 * @category BTYD
 */
export interface ClvCustomer {
  /** Unique customer id (a non-empty string or a number). */
  readonly customerId: string | number;
  /** Repeat purchases x (integer ≥ 0). */
  readonly frequency: number;
  /** Time of the last repeat purchase t_x (0 when x = 0), in the purchase model's time unit. */
  readonly recency: number;
  /** Customer age T, ≥ recency, in the purchase model's time unit (BG/BB: number of opportunities). */
  readonly T: number;
  /** BG/BB only: number of past opportunities (instead of `T`). @defaultValue `T` */
  readonly n?: number | undefined;
  /** Mean value of the repeat purchases m̄ₓ (≥ 0; ignored when frequency is 0), money as a float64 number. */
  readonly monetaryValue: number;
}

/**
 * The horizon and discounting of a model-based CLV, shared by {@link customerLifetimeValue} and its siblings.
 *
 * @category BTYD
 */
export interface ClvHorizon {
  /** A fitted purchase model (BG/NBD, MBG/NBD, Pareto/NBD or BG/BB), or `{ model, params }`. */
  readonly purchaseModel: BtydModelSpec;
  /** A fitted Gamma-Gamma model (q > 1), or `{ model: "gamma-gamma", params }`. */
  readonly spendModel: GammaGammaSpec;
  /** Number of discounting steps K, an integer from 1 to 10,000 (e.g. 12 for a year of months). */
  readonly periods: number;
  /**
   * Length of one step in the purchase model's time unit, > 0: 30 (or 30.4375) for months on a daily model,
   * 4.345 for months on a weekly model, 1 for steps equal to the model's unit. BG/BB: a whole number of opportunities.
   */
  readonly periodLength: number;
  /** Discount rate per step (per `periodLength`), a fraction ≥ 0 (0.01 for 1% a month). */
  readonly discountRate: number;
  /**
   * `"grouped"` evaluates the purchase model's expectations once per distinct (frequency, T) and scales
   * them by each customer's P(alive) (exact for the continuous-time models; BG/BB is always per customer);
   * `"per-customer"` evaluates every customer's K expectations (lifetimes' loop; slower, same values).
   * @defaultValue `"grouped"`
   */
  readonly method?: "grouped" | "per-customer" | undefined;
}

/**
 * Input of {@link customerLifetimeValue}.
 *
 * @category BTYD
 */
export interface CustomerLifetimeValueInput extends ClvHorizon {
  /** The customers to value. */
  readonly customers: readonly ClvCustomer[];
}

/**
 * One customer's model-based lifetime value.
 *
 * @category BTYD
 */
export interface CustomerLifetimeValueRow {
  /** The customer's id. */
  readonly customerId: string | number;
  /** Discounted expected spend over the horizon, as Decimal money (≥ 0). */
  readonly value: Decimal;
  /** Expected (undiscounted) purchases over the horizon, periods × periodLength model time units. */
  readonly expectedPurchases: number;
  /** Expected spend per future purchase (Gamma-Gamma), money as a float64 number. */
  readonly expectedAverageSpend: number;
  /** Probability the customer is still active now, in [0, 1]. */
  readonly probabilityAlive: number;
}

/**
 * Each customer's lifetime value from a buy-till-you-die purchase model and the Gamma-Gamma spend
 * model: the discounted value of the purchases they are expected to make over the next `periods`
 * steps, at the spend they are expected to make per purchase.
 *
 * CLV = Σ_{k=1..K} E[Z | x, m̄] · (C(k·L) − C((k−1)·L)) / (1 + d)^k, where C(t) is the expected number
 * of purchases in the next t model time units given the customer's (x, t_x, T), E[Z | x, m̄] the
 * Gamma-Gamma expected spend, L = `periodLength` and d the discount rate per step. This is exactly the
 * convention of lifetimes' `customer_lifetime_value(model, …, time=K, discount_rate=d, freq=…)` with its
 * hidden step length (30 days, 4.345 weeks) made an explicit `periodLength`.
 *
 * @see Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4);
 * lifetimes (CamDavidsonPilon) `utils._customer_lifetime_value` for the discrete discounting convention.
 *
 * @remarks
 * Computed in float64 and converted to Decimal at the money boundary (≈ 15 significant digits). With the
 * default `method: "grouped"`, a continuous-time model's expectations are evaluated once per distinct
 * (frequency, T) pair and scaled by each customer's P(alive) (the identity C(t | x, t_x, T) =
 * P(alive) · C(t | alive, x, T)), so the cost grows with distinct histories, not customers. Results are
 * keyed by `customerId` and returned in input order. For typed-array columns and no Decimal allocation
 * use {@link customerLifetimeValueBatch}; for uncertainty, {@link customerLifetimeValueInterval}.
 *
 * @param input - See {@link CustomerLifetimeValueInput}.
 * @returns One row per customer, in input order.
 * @throws {@link MetricsError} `invalid_model` for an unknown or invalid model (path under `purchaseModel` or `spendModel`); `undefined_result` when the spend model has q ≤ 1 or a value cannot be computed; `empty_sample` for no customers; `duplicate_id` for a repeated id; `invalid_type`/`not_finite`/`not_integer`/`out_of_range`/`invalid_input` for a bad customer (path `["customers", i, field]`), period count, period length or discount rate; `invalid_option` for an unknown method.
 *
 * @example
 * ```ts
 * import { customerLifetimeValue } from "customer-metrics/btyd";
 * // Published CDNOW estimates (weekly model): BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma (note 025)
 * const purchaseModel = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const spendModel = { model: "gamma-gamma", params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
 * const [row] = customerLifetimeValue({
 *   purchaseModel, spendModel, periods: 12, periodLength: 4.345, discountRate: 0.01,
 *   customers: [{ customerId: "c1", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }],
 * });
 * row!.value.toFixed(2); // => "36.29"
 * ```
 *
 * @category BTYD
 */
export function customerLifetimeValue(input: CustomerLifetimeValueInput): CustomerLifetimeValueRow[] {
  const fn = "customerLifetimeValue";
  const s = readSettings(input, fn);
  const d = readClvCustomers(input.customers, s.model, fn, true);
  const out = {
    value: new Float64Array(d.n),
    purchases: new Float64Array(d.n),
    spend: new Float64Array(d.n),
    alive: new Float64Array(d.n),
  };
  computeClv(s, d, out, fn);
  const ids = d.ids as (string | number)[];
  const rows: CustomerLifetimeValueRow[] = new Array<CustomerLifetimeValueRow>(d.n);
  for (let i = 0; i < d.n; i++) {
    rows[i] = {
      customerId: ids[i] as string | number,
      value: new _MoneyDecimal(out.value[i] as number),
      expectedPurchases: out.purchases[i] as number,
      expectedAverageSpend: out.spend[i] as number,
      probabilityAlive: out.alive[i] as number,
    };
  }
  return rows;
}
