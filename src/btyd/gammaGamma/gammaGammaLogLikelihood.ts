import { gammaGammaLogLik, readSpendData } from "./_internal/spendData.js";
import type { GammaGammaColumns, GammaGammaParams, GammaGammaRow } from "./types.js";
import { metricsError } from "../../core/errors.js";

/**
 * The Gamma-Gamma log-likelihood of customers' mean purchase values at given parameters, in money
 * units: the number {@link fitGammaGamma} maximizes, for model comparison and checks against other tools.
 *
 * Σ w·[lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m̄ₓ + px ln x − (px+q) ln(v + x·m̄ₓ)]
 * over repeat buyers (rows with frequency 0 are skipped).
 *
 * @see Hardie, B. G. S., "The Gamma-Gamma Model of Monetary Value", note 025, eq. 1a.
 *
 * @param params - `{ p, q, v }`, each finite and > 0.
 * @param rows - `{ frequency, monetaryValue, weight? }[]` or columns.
 * @returns The log-likelihood (a finite number).
 * @throws {@link MetricsError} `invalid_model` for invalid parameters; the row errors of {@link fitGammaGamma} (a repeat buyer's monetary value ≤ 0 is `out_of_range`).
 *
 * @example
 * ```ts
 * import { gammaGammaLogLikelihood } from "customer-metrics/btyd";
 * gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, [{ frequency: 2, monetaryValue: 22.35 }]); // => -3.5513
 * ```
 *
 * @category BTYD
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly GammaGammaRow[] | GammaGammaColumns): number {
  const fn = "gammaGammaLogLikelihood";
  if (params === null || typeof params !== "object")
    throw metricsError(fn, "invalid_model", ["params"], "an object { p, q, v }", params);
  for (const k of ["p", "q", "v"] as const) {
    const v = params[k];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      throw metricsError(fn, "invalid_model", ["params", k], "a finite number > 0", v);
  }
  const d = readSpendData(rows, fn, "throw");
  const ll = gammaGammaLogLik(d, params.p, params.q, params.v, 1, null);
  if (!Number.isFinite(ll))
    throw metricsError(fn, "undefined_result", ["params"], "parameters at which the log-likelihood is finite", ll);
  return ll;
}
