import { computeClv, readClvCustomers, readSettings } from "./gammaGamma/_internal/clvEngine.js";
import type { ClvHorizon } from "./customerLifetimeValue.js";

/**
 * Customers for {@link customerLifetimeValueBatch}: parallel columns (typed arrays recommended) or rows.
 *
 * @category BTYD
 */
export interface ClvCustomerColumns {
  /** Repeat purchases per customer. */
  readonly frequency: ArrayLike<number>;
  /** Recency per customer, in the purchase model's time unit. */
  readonly recency: ArrayLike<number>;
  /** Age per customer, in the purchase model's time unit (BG/BB: opportunities, or use `n`). */
  readonly T: ArrayLike<number>;
  /** BG/BB only: opportunities per customer; a plain number here (such as the customer count of `summarizeTransactionColumns`) is ignored. @defaultValue `T` */
  readonly n?: ArrayLike<number> | number | undefined;
  /** Mean repeat-purchase value per customer (≥ 0). */
  readonly monetaryValue: ArrayLike<number>;
}

/**
 * Input of {@link customerLifetimeValueBatch}.
 *
 * @category BTYD
 */
export interface CustomerLifetimeValueBatchInput extends ClvHorizon {
  /** Columns (or rows `{ frequency, recency, T, monetaryValue }[]`); ids are not needed. */
  readonly customers:
    | ClvCustomerColumns
    | readonly {
        /** Repeat purchases of the customer. */
        readonly frequency: number;
        /** Recency, in the purchase model's time unit. */
        readonly recency: number;
        /** Age, in the purchase model's time unit (BG/BB: opportunities, or use `n`). */
        readonly T: number;
        /** BG/BB only: the customer's opportunities. @defaultValue `T` */
        readonly n?: number;
        /** Mean repeat-purchase value (≥ 0). */
        readonly monetaryValue: number;
      }[];
}

/**
 * Result of {@link customerLifetimeValueBatch}.
 *
 * @category BTYD
 */
export interface CustomerLifetimeValueBatchResult {
  /** CLV per customer (row i ↔ customer i), float64 money ≥ 0. */
  readonly values: Float64Array;
  /** Number of customers. */
  readonly n: number;
  /** Number of expected-purchase curves evaluated (distinct (frequency, T) pairs with `"grouped"`). */
  readonly curvesEvaluated: number;
  /** The evaluation method used. */
  readonly method: "grouped" | "per-customer";
}

/**
 * {@link customerLifetimeValue} for large customer bases: typed-array columns in, a `Float64Array` of
 * values out, no per-customer allocation (1 M customers in well under a second with the grouped method).
 *
 * Same formula and convention as {@link customerLifetimeValue} (lifetimes' discounted cash flows with an
 * explicit `periodLength`); values are float64 money, to be converted to Decimal by the caller where
 * exact money is needed (e.g. `money(values[i])` from `customer-metrics/core`).
 *
 * @see Fader, Hardie & Lee (2005), JMR 42(4); lifetimes `utils._customer_lifetime_value`.
 *
 * @param input - See {@link CustomerLifetimeValueBatchInput}.
 * @returns The values plus how many expected-purchase curves were evaluated.
 * @throws {@link MetricsError} as {@link customerLifetimeValue}; column paths are `["customers", field, i]`; `length_mismatch` for columns of different lengths.
 *
 * @example
 * ```ts
 * import { customerLifetimeValueBatch } from "customer-metrics/btyd";
 * const res = customerLifetimeValueBatch({
 *   purchaseModel: { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
 *   spendModel: { model: "gamma-gamma", params: { p: 6.25, q: 3.74, v: 15.44 } },
 *   periods: 12, periodLength: 4.345, discountRate: 0.01,
 *   customers: { frequency: [2, 2, 0], recency: [30.43, 10, 0], T: [38.86, 38.86, 38.86], monetaryValue: [22.35, 22.35, 0] },
 * });
 * res.values[0]!.toFixed(2); // => "36.29"
 * res.curvesEvaluated; // => 2
 * ```
 *
 * @category BTYD
 */
export function customerLifetimeValueBatch(input: CustomerLifetimeValueBatchInput): CustomerLifetimeValueBatchResult {
  const fn = "customerLifetimeValueBatch";
  const s = readSettings(input, fn);
  const d = readClvCustomers(input.customers, s.model, fn, false);
  const values = new Float64Array(d.n);
  const { curves } = computeClv(s, d, { value: values, purchases: null, spend: null, alive: null }, fn);
  return {
    values,
    n: d.n,
    curvesEvaluated: curves,
    method: s.method === "grouped" && s.model.model !== "bg-bb" ? "grouped" : "per-customer",
  };
}
