import { metricsError } from "../core/errors.js";
import { checkCustomerValues, checkHorizon, checkModel } from "./_internal/model.js";
import { conditionalExpectedPurchasesOf } from "./_internal/dispatch.js";
import { customerAccessor } from "./_internal/customers.js";
import type { BtydCustomer, BtydCustomerColumns, BtydModelSpec } from "./modelTypes.js";

const FN = "conditionalExpectedPurchasesBatch";

/**
 * {@link conditionalExpectedPurchases} for many customers at once, into a `Float64Array` (row i ↔
 * customer i) — one validation loop, no per-customer allocation.
 *
 * @see Fader, Hardie & Lee (2005), eq. (10) and the per-model formulas in {@link conditionalExpectedPurchases}.
 *
 * @remarks
 * Accepts rows (`{ frequency, recency, T }[]`, e.g. the output of {@link summarizeTransactions}) or columns
 * (`{ frequency, recency, T }` of arrays; BG/BB: `n`).
 *
 * @param model - A fitted model (or `{ model, params }`).
 * @param customers - Rows or columns of customer histories.
 * @param t - Future horizon ≥ 0 in the model's time unit.
 * @returns Expected purchases per customer.
 * @throws {@link MetricsError} `empty_sample` for no customers; `length_mismatch` for columns of different
 * lengths; otherwise as {@link conditionalExpectedPurchases}, with paths `[i, field]` (rows) or `[field, i]`
 * (columns).
 *
 * @example
 * ```ts
 * import { conditionalExpectedPurchasesBatch } from "customer-metrics/btyd";
 * const bgnbd = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const e = conditionalExpectedPurchasesBatch(bgnbd, { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] }, 39);
 * e[0]; // => 1.226
 * ```
 *
 * @category BTYD
 */
export function conditionalExpectedPurchasesBatch(
  model: BtydModelSpec,
  customers: readonly BtydCustomer[] | BtydCustomerColumns,
  t: number,
): Float64Array {
  const m = checkModel(model, FN);
  const tt = checkHorizon(t, m, FN);
  const acc = customerAccessor(customers, m.model === "bg-bb", FN);
  const out = new Float64Array(acc.length);
  for (let i = 0; i < acc.length; i++) {
    const c = checkCustomerValues(acc.x(i), acc.tx(i), acc.T(i), m.model === "bg-bb", FN, (f) => acc.path(i, f));
    const v = conditionalExpectedPurchasesOf(m, c.x, c.tx, c.T, tt);
    if (!Number.isFinite(v))
      throw metricsError(FN, "undefined_result", acc.path(i, "frequency"), "a history for which the expectation is finite", c.x);
    out[i] = Math.max(0, v);
  }
  return out;
}
