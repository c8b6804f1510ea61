import { metricsError } from "../core/errors.js";
import { checkCustomerValues, checkModel } from "./_internal/model.js";
import { probabilityAliveOf } from "./_internal/dispatch.js";
import { customerAccessor } from "./_internal/customers.js";
import type { BtydCustomer, BtydCustomerColumns, BtydModelSpec } from "./modelTypes.js";

const FN = "probabilityAliveBatch";

/**
 * {@link probabilityAlive} for many customers at once, into a `Float64Array` (row i ↔ customer i).
 *
 * @see Hardie, B. G. S., "Computing P(alive) Using the BG/NBD Model" (note 021), and the per-model
 * formulas in {@link probabilityAlive}.
 *
 * @remarks
 * Accepts rows or columns, like {@link conditionalExpectedPurchasesBatch}.
 *
 * @param model - A fitted model (or `{ model, params }`).
 * @param customers - Rows or columns of customer histories.
 * @returns P(alive) per customer, each in [0, 1].
 * @throws {@link MetricsError} As {@link conditionalExpectedPurchasesBatch}.
 *
 * @example
 * ```ts
 * import { probabilityAliveBatch } from "customer-metrics/btyd";
 * const mbg = { model: "mbg-nbd", params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } } as const;
 * const p = probabilityAliveBatch(mbg, [{ frequency: 0, recency: 0, T: 38.86 }, { frequency: 2, recency: 30.43, T: 38.86 }]);
 * p[0]; // => 0.3897
 * ```
 *
 * @category BTYD
 */
export function probabilityAliveBatch(
  model: BtydModelSpec,
  customers: readonly BtydCustomer[] | BtydCustomerColumns,
): Float64Array {
  const m = checkModel(model, FN);
  const acc = customerAccessor(customers, m.model === "bg-bb", FN);
  const out = new Float64Array(acc.length);
  for (let i = 0; i < acc.length; i++) {
    const c = checkCustomerValues(acc.x(i), acc.tx(i), acc.T(i), m.model === "bg-bb", FN, (f) => acc.path(i, f));
    const v = probabilityAliveOf(m, c.x, c.tx, c.T);
    if (!Number.isFinite(v))
      throw metricsError(FN, "undefined_result", acc.path(i, "frequency"), "a history for which P(alive) is defined", c.x);
    out[i] = Math.min(1, Math.max(0, v));
  }
  return out;
}
