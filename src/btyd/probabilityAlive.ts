import { metricsError } from "../core/errors.js";
import { checkCustomer, checkModel } from "./_internal/model.js";
import { probabilityAliveOf } from "./_internal/dispatch.js";
import type { BtydCustomer, BtydModelSpec } from "./modelTypes.js";

const FN = "probabilityAlive";

/**
 * The probability that a customer is still "alive" (has not silently churned) given their purchase
 * history — a fraction in [0, 1].
 *
 * BG/NBD (Hardie note 021): 1 / (1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * MBG/NBD: 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)).
 * Pareto/NBD (Fader & Hardie 2005 note, eq. 36): 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀).
 * BG/BB (Fader, Hardie & Shang 2010, eq. 11): P(alive at opportunity n + 1).
 *
 * @see Hardie, B. G. S., "Computing P(alive) Using the BG/NBD Model" (note 021).
 *
 * @remarks
 * BG/NBD assumes customers can only drop out right after a repeat purchase, so a customer who never came
 * back (x = 0) gets P(alive) = 1 — a known shortcoming (lifetimes issues #44, #165, …). Use MBG/NBD or
 * Pareto/NBD when that matters. Computed as a logistic of a log-odds, so it never overflows.
 *
 * @param model - A fitted model (or `{ model, params }`).
 * @param customer - `{ frequency, recency, T }` (BG/BB: `{ frequency, recency, n }`).
 * @returns P(alive) in [0, 1].
 * @throws {@link MetricsError} `invalid_model`; `invalid_type` / `not_finite` / `not_integer` /
 * `out_of_range` / `invalid_input` for a bad customer (path `["customer", field]`).
 *
 * @example
 * ```ts
 * import { probabilityAlive } from "customer-metrics/btyd";
 * const bgnbd = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * probabilityAlive(bgnbd, { frequency: 2, recency: 30.43, T: 38.86 }); // => 0.7266
 * probabilityAlive(bgnbd, { frequency: 0, recency: 0, T: 38.86 }); // => 1
 * ```
 *
 * @category BTYD
 */
export function probabilityAlive(model: BtydModelSpec, customer: BtydCustomer): number {
  const m = checkModel(model, FN);
  const c = checkCustomer(customer, m, FN);
  const v = probabilityAliveOf(m, c.x, c.tx, c.T);
  if (!Number.isFinite(v))
    throw metricsError(FN, "undefined_result", ["customer"], "a history for which P(alive) is defined", customer);
  return Math.min(1, Math.max(0, v));
}
