import { bgBbLogLikelihood } from "../_internal/bgBbKernel.js";
import { fittedModelFields, runFit, FIT_OPTION_KEYS } from "../_internal/fitDriver.js";
import { collapseRows, readDiscreteRows } from "../_internal/rows.js";
import type {
  BetaGeoBetaBinomialModel,
  BetaGeoBetaBinomialParams,
  BtydDiscreteColumns,
  BtydDiscreteRow,
  BtydFitOptions,
} from "../modelTypes.js";
import { assertKnownOptions } from "../../core/guards.js";

/**
 * Fits the BG/BB (beta-geometric / beta-binomial) model for discrete transaction opportunities — yearly
 * donations, annual events, weekly visits recorded as yes/no: while alive a customer transacts at each
 * opportunity with probability p ~ Beta(α, β) and drops out before each opportunity with probability
 * θ ~ Beta(γ, δ).
 *
 * Likelihood (Fader, Hardie & Shang 2010, eq. 5): L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 * + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ).
 *
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", Marketing Science 29(6), 1086–1108 (donations: α = 1.204, β = 0.750,
 * γ = 0.657, δ = 2.783, LL = −33,225.6).
 *
 * @remarks
 * Rows `{ frequency: x, recency: t_x, n, weight? }`: x transactions in n opportunities, the last at
 * opportunity t_x (0 when x = 0). Identical rows are collapsed; the likelihood is a log-sum-exp of log-beta
 * terms (O(n − t_x) per distinct row); log parameters are optimised by BFGS (numerical gradient) with
 * Nelder–Mead fallback; standard errors from the numerical Hessian.
 *
 * @param rows - Discrete-time rows or columns (see {@link BtydDiscreteRow}).
 * @param options - See {@link BtydFitOptions}.
 * @returns A {@link BetaGeoBetaBinomialModel} (`model: "bg-bb"`, params `{ alpha, beta, gamma, delta }`).
 * @throws {@link MetricsError} `empty_sample`; `invalid_type` / `not_finite`; `not_integer` for fractional
 * x, t_x or n; `out_of_range` for x > n, t_x > n, t_x < x or n < 1; `invalid_input` for t_x > 0 with x = 0;
 * `invalid_option` for an unknown option; `out_of_range` for an option number outside its domain; `not_converged` only with `strict: true`.
 *
 * @example
 * ```ts
 * import { fitBetaGeoBetaBinomial } from "customer-metrics/btyd";
 * const model = fitBetaGeoBetaBinomial([
 *   { frequency: 0, recency: 0, n: 6, weight: 3464 },
 *   { frequency: 1, recency: 1, n: 6, weight: 1091 },
 *   { frequency: 2, recency: 4, n: 6, weight: 400 },
 *   { frequency: 3, recency: 6, n: 6, weight: 500 },
 *   { frequency: 6, recency: 6, n: 6, weight: 1203 },
 * ]);
 * model.model; // => "bg-bb"
 * model.diagnostics.converged; // => true
 * ```
 *
 * @category BTYD
 */
export function fitBetaGeoBetaBinomial(
  rows: readonly BtydDiscreteRow[] | BtydDiscreteColumns,
  options?: BtydFitOptions<BetaGeoBetaBinomialParams>,
): BetaGeoBetaBinomialModel {
  assertKnownOptions(options, FIT_OPTION_KEYS, "fitBetaGeoBetaBinomial");
  const fn = "fitBetaGeoBetaBinomial";
  const data = collapseRows(readDiscreteRows(rows, fn));
  const out = runFit(
    {
      fn,
      names: ["alpha", "beta", "gamma", "delta"],
      timeRate: [false, false, false, false],
      scale: 1,
      W: data.n,
      logLik: (t) =>
        bgBbLogLikelihood(data, { alpha: t[0] as number, beta: t[1] as number, gamma: t[2] as number, delta: t[3] as number }),
      analyticGradient: false,
      toDataUnits: (ll) => ll,
      fallbackStarts: [
        [0.5, 0.5, 0.5, 2],
        [2, 2, 2, 5],
        [0.2, 1, 0.2, 1],
      ],
    },
    options,
  );
  return { model: "bg-bb", ...fittedModelFields<BetaGeoBetaBinomialParams>(out, data) };
}
