import { metricsError } from "../core/errors.js";
import { betaGeoLogLikelihood, prepareBetaGeo } from "./_internal/betaGeoKernel.js";
import { bgBbLogLikelihood } from "./_internal/bgBbKernel.js";
import { checkModel } from "./_internal/model.js";
import { paretoLogLikelihood } from "./_internal/paretoKernel.js";
import { collapseRows, readContinuousRows, readDiscreteRows } from "./_internal/rows.js";
import type { BtydDiscreteColumns, BtydDiscreteRow, BtydModelSpec, BtydSummaryColumns, BtydSummaryRow } from "./modelTypes.js";

const FN = "btydLogLikelihood";

/**
 * The total log-likelihood of customer summaries under a purchase model at given parameters — to compare
 * models on the same data, score a holdout sample, or check an implementation against another.
 *
 * Σᵢ wᵢ · ℓ(xᵢ, t_xᵢ, Tᵢ) with the per-customer ℓ of {@link fitBetaGeoNbd}, {@link fitModifiedBetaGeoNbd},
 * {@link fitParetoNbd} or {@link fitBetaGeoBetaBinomial}, in the data's time unit (the papers' convention).
 *
 * @see Fader, Hardie & Lee (2005), §7 (BG/NBD); Fader & Hardie (2005) Pareto/NBD note, eq. 18;
 * Fader, Hardie & Shang (2010), eq. 5 (BG/BB).
 *
 * @remarks
 * Identical rows are collapsed first; the value is the same as summing customer by customer.
 *
 * @param model - `{ model, params }` (a fitted model or known parameters).
 * @param rows - Continuous-time rows `{ frequency, recency, T, weight? }` (BG/BB: `{ frequency, recency, n, weight? }`) or columns.
 * @returns The total log-likelihood (≤ 0 for BG/BB; any finite number for densities in continuous time).
 * @throws {@link MetricsError} `invalid_model`; the row errors of the matching fitter; `undefined_result`
 * when the likelihood is not finite.
 *
 * @example
 * ```ts
 * import { btydLogLikelihood } from "customer-metrics/btyd";
 * const bgnbd = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * btydLogLikelihood(bgnbd, [{ frequency: 2, recency: 30.43, T: 38.86 }]); // => -9.4586
 * ```
 *
 * @category BTYD
 */
export function btydLogLikelihood(
  model: BtydModelSpec,
  rows: readonly BtydSummaryRow[] | BtydSummaryColumns | readonly BtydDiscreteRow[] | BtydDiscreteColumns,
): number {
  const m = checkModel(model, FN);
  let ll: number;
  if (m.model === "bg-bb") {
    ll = bgBbLogLikelihood(collapseRows(readDiscreteRows(rows as readonly BtydDiscreteRow[], FN)), m.params);
  } else {
    const d = collapseRows(readContinuousRows(rows as readonly BtydSummaryRow[], FN));
    if (m.model === "pareto-nbd") {
      const p = m.params;
      ll = paretoLogLikelihood(d, 1, p.r, p.alpha, p.s, p.beta);
    } else {
      const p = m.params;
      ll = betaGeoLogLikelihood(prepareBetaGeo(d, 1), p.r, p.alpha, p.a, p.b, m.model === "mbg-nbd", null);
    }
  }
  if (!Number.isFinite(ll))
    throw metricsError(FN, "undefined_result", ["rows"], "rows with a finite likelihood under the model", ll);
  return ll;
}
