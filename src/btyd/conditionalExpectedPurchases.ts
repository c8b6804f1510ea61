import { metricsError } from "../core/errors.js";
import { checkCustomer, checkHorizon, checkModel } from "./_internal/model.js";
import { conditionalExpectedPurchasesOf } from "./_internal/dispatch.js";
import type { BtydCustomer, BtydModelSpec } from "./modelTypes.js";

const FN = "conditionalExpectedPurchases";

/**
 * How many purchases a given customer is expected to make in the next `t` time units, given their history
 * (frequency x, recency t_x, age T): E[Y(t) | x, t_x, T], the number to rank customers by.
 *
 * BG/NBD (Fader, Hardie & Lee 2005, eq. 10):
 * E = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *     / [1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)].
 * MBG/NBD: (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; ·)] · P(alive).
 * Pareto/NBD (Fader & Hardie 2005 note, eq. 41): P(alive) · (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)].
 * BG/BB (eq. 13): expected transactions in the next t opportunities.
 *
 * @see Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. (10) (CDNOW customer x = 2, t_x = 30.43,
 * T = 38.86: 1.226 purchases in the next 39 weeks).
 *
 * @remarks
 * Times are in the model's unit. The ₂F₁ term is evaluated in Euler-transformed form (parameters that do
 * not grow with x), and P(alive) in log space, so customers with hundreds of purchases and T in days over
 * years give finite answers. For BG/BB the customer's `n` (or `T`) is the number of past opportunities and
 * `t` a whole number of future ones. For many customers use {@link conditionalExpectedPurchasesBatch}.
 *
 * @param model - A fitted model (or `{ model, params }`).
 * @param customer - `{ frequency, recency, T }` (BG/BB: `{ frequency, recency, n }`).
 * @param t - Future horizon ≥ 0 in the model's time unit.
 * @returns Expected purchases in (T, T + t] (≥ 0).
 * @throws {@link MetricsError} `invalid_model`; `invalid_type` / `not_finite` / `not_integer` /
 * `out_of_range` / `invalid_input` for a bad customer (path `["customer", field]`) or horizon (`["t"]`);
 * `undefined_result` when the value cannot be computed.
 *
 * @example
 * ```ts
 * import { conditionalExpectedPurchases } from "customer-metrics/btyd";
 * const bgnbd = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * conditionalExpectedPurchases(bgnbd, { frequency: 2, recency: 30.43, T: 38.86 }, 39); // => 1.226
 * ```
 *
 * @category BTYD
 */
export function conditionalExpectedPurchases(model: BtydModelSpec, customer: BtydCustomer, t: number): number {
  const m = checkModel(model, FN);
  const c = checkCustomer(customer, m, FN);
  const tt = checkHorizon(t, m, FN);
  const v = conditionalExpectedPurchasesOf(m, c.x, c.tx, c.T, tt);
  if (!Number.isFinite(v))
    throw metricsError(FN, "undefined_result", ["customer"], "a history for which the expectation is finite", customer);
  return Math.max(0, v);
}
