import { metricsError } from "../core/errors.js";
import { checkHorizon, checkModel } from "./_internal/model.js";
import { expectedPurchasesOf } from "./_internal/dispatch.js";
import type { BtydModelSpec } from "./modelTypes.js";

const FN = "expectedPurchases";

/**
 * How many repeat purchases a newly acquired customer is expected to make in their first `t` time units
 * (E[X(t)]), under any fitted purchase model — the curve to compare against a cohort's cumulative repeat
 * purchases.
 *
 * BG/NBD (Fader, Hardie & Lee 2005, eq. 9): E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 * MBG/NBD: b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]. Pareto/NBD: rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)].
 * BG/BB (t opportunities): α/(α+β) · Σ_{j=1}^{t} B(γ, δ+j)/B(γ, δ).
 *
 * @see Fader, Hardie & Lee (2005), Marketing Science 24(2); Fader & Hardie (2005) Pareto/NBD note, eq. 27;
 * Fader, Hardie & Shang (2010), eq. 8.
 *
 * @remarks
 * `t` is in the model's time unit (the unit of the T values it was fitted on); for BG/BB it is a whole number
 * of opportunities. The ₂F₁ terms are evaluated in Euler-transformed form; a = 1 and s = 1 (removable
 * singularities) are handled by their limits.
 *
 * @param model - A fitted model (or `{ model, params }` with known parameters).
 * @param t - Horizon ≥ 0 in the model's time unit (BG/BB: integer opportunities).
 * @returns Expected repeat purchases (≥ 0).
 * @throws {@link MetricsError} `invalid_model` for an unknown tag or a non-positive parameter; `invalid_type`
 * / `not_finite` / `out_of_range` for a bad `t`; `not_integer` for a fractional BG/BB horizon;
 * `undefined_result` when the value cannot be computed.
 *
 * @example
 * ```ts
 * import { expectedPurchases } from "customer-metrics/btyd";
 * // Published CDNOW BG/NBD estimates (weeks): a new customer's expected repeat purchases in 39 weeks.
 * const bgnbd = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * expectedPurchases(bgnbd, 39); // => 1.1967
 * expectedPurchases(bgnbd, 0); // => 0
 * ```
 *
 * @category BTYD
 */
export function expectedPurchases(model: BtydModelSpec, t: number): number {
  const m = checkModel(model, FN);
  const tt = checkHorizon(t, m, FN);
  const v = expectedPurchasesOf(m, tt);
  if (!Number.isFinite(v)) throw metricsError(FN, "undefined_result", ["t"], "a horizon at which the expectation is finite", t);
  return Math.max(0, v);
}
