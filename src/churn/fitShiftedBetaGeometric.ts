import { metricsError } from "../core/errors.js";
import { assertPositive, assertKnownOptions } from "../core/guards.js";
import { invertSymmetric, minimize, numericalHessian, type Minimizer } from "../math/index.js";
import { readObject, readOptions } from "./_internal/checks.js";
import { readSbgData, sbgLogLik } from "./_internal/sbg.js";

/**
 * A group of customers in sBG data: `count` customers observed for `T` periods who were active in
 * the first `recency` of them (`recency = T`: still active; `recency < T`: churned after
 * `recency` periods). Period 1 is the period of acquisition.
 *
 * @category Churn
 */
export interface SbgRow {
  /** Periods the customers were active (an integer, 1 ≤ recency ≤ T). */
  readonly recency: number;
  /** Periods observed (an integer ≥ 1; the same for a cohort). */
  readonly T: number;
  /** Number of customers with this (recency, T) (≥ 0; may be fractional as a weight). @defaultValue `1` */
  readonly count?: number | undefined;
}

/**
 * What the sBG functions accept: active customers of one cohort by period (`[1000, 869, 743, …]`,
 * period 0 first, non-increasing), or {@link SbgRow}s (several cohorts with different `T` welcome).
 *
 * @category Churn
 */
export type SbgData = ArrayLike<number> | readonly SbgRow[];

/**
 * sBG parameters: the churn probability θ of a customer is Beta(α, β) distributed.
 *
 * @category Churn
 */
export interface SbgParams {
  /** α > 0. */
  readonly alpha: number;
  /** β > 0. */
  readonly beta: number;
}

/**
 * Options for {@link fitShiftedBetaGeometric}.
 *
 * @category Churn
 */
export interface FitShiftedBetaGeometricOptions {
  /** Starting values. @defaultValue `{ alpha: 1, beta: 1 }` */
  readonly initial?: SbgParams;
  /** The optimizer (works on log α, log β). @defaultValue `minimize` from math (BFGS with Nelder–Mead fallback) */
  readonly minimizer?: Minimizer;
  /** Throw `not_converged` instead of returning a model whose diagnostics say it did not converge. @defaultValue `false` */
  readonly strict?: boolean;
}

/**
 * Optimizer diagnostics of a fit.
 *
 * @category Churn
 */
export interface SbgDiagnostics {
  /** Whether the optimizer met its convergence criteria. */
  readonly converged: boolean;
  /** Optimizer iterations. */
  readonly iterations: number;
  /** Largest gradient component of −LL (in log-parameter space) at the optimum. */
  readonly gradientNorm: number;
  /** The optimizer's message. */
  readonly message: string;
  /** The method that produced the optimum. */
  readonly method: string;
}

/**
 * A fitted shifted-beta-geometric model.
 *
 * @category Churn
 */
export interface ShiftedBetaGeometricModel {
  /** Always `"sbg"`. */
  readonly model: "sbg";
  /** Maximum-likelihood estimates. */
  readonly params: SbgParams;
  /** Log-likelihood at the estimates. */
  readonly logLikelihood: number;
  /** Standard errors from the inverse Hessian of −LL at the estimates; `null` if it is not positive definite. */
  readonly standardErrors: SbgParams | null;
  /** Covariance matrix of (α, β); `null` with the standard errors. */
  readonly covariance: readonly (readonly number[])[] | null;
  /** Customers (sum of counts). */
  readonly n: number;
  /** Longest observation window, in periods. */
  readonly periods: number;
  /** Optimizer diagnostics. */
  readonly diagnostics: SbgDiagnostics;
}

const FN = "fitShiftedBetaGeometric";

/**
 * Fits the shifted-beta-geometric (sBG) retention model of Fader & Hardie (2007) by maximum
 * likelihood: each customer churns at each renewal with their own probability θ, and θ varies
 * across customers as Beta(α, β). Fitted on a few periods of a cohort, it projects retention far
 * beyond them — and explains why retention rates rise with tenure.
 *
 * P(T = t) = B(α + 1, β + t − 1)/B(α, β); S(t) = B(α, β + t)/B(α, β);
 * LL = Σ_t (n_{t−1} − n_t) log P(T = t) + n_last log S(last).
 *
 * @see Fader, P. S. & Hardie, B. G. S. (2007), "How to Project Customer Retention", Journal of
 * Interactive Marketing 21(1), 76–90 (High End: α̂ = 0.668, β̂ = 3.806; Regular: α̂ = 0.704, β̂ = 1.182).
 *
 * @remarks
 * The likelihood uses the paper's recursions (no special functions), on sufficient statistics:
 * cost grows with the number of periods, not customers. The optimizer works on (log α, log β) with
 * the analytic gradient; standard errors come from the numerical Hessian of −LL in (α, β) at the
 * optimum. Counts may be fractional (e.g. percentages of a cohort), but standard errors then
 * assume that many customers. Non-convergence is reported in `diagnostics` (or thrown with
 * `strict`). Data where nobody churns (or nobody survives) push the estimates to the boundary:
 * check `diagnostics.converged`.
 *
 * @param data - Active customers by period (`[n0, n1, …]`) or {@link SbgRow}s.
 * @param options - `{ initial = { alpha: 1, beta: 1 }, minimizer, strict = false }`.
 * @returns `{ model: "sbg", params: { alpha, beta }, logLikelihood, standardErrors, covariance, n, periods, diagnostics }`.
 * @throws {@link MetricsError} `empty_sample` for no data or a cohort of size 0; `insufficient_data`
 * for a single period; `not_monotone` for counts that increase; `invalid_type` / `not_finite` /
 * `out_of_range` / `not_integer` for bad counts or rows; `not_converged` with `strict` (or when the
 * optimizer ends at a non-finite point).
 *
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from "customer-metrics/churn";
 * // Fader & Hardie (2007), "High End" customers, years 0-7.
 * const fit = fitShiftedBetaGeometric([1000, 869, 743, 653, 593, 551, 517, 491]);
 * fit.params.alpha; // => 0.668
 * fit.params.beta; // => 3.806
 * fit.logLikelihood; // => -1611.158
 * ```
 *
 * @category Churn
 */
export function fitShiftedBetaGeometric(data: SbgData, options?: FitShiftedBetaGeometricOptions): ShiftedBetaGeometricModel {
  assertKnownOptions(options, ["initial", "minimizer", "strict"], "fitShiftedBetaGeometric");
  const opts = readOptions(options, FN);
  const stats = readSbgData(data, FN);
  let x0 = [0, 0];
  if (opts.initial !== undefined) {
    const init = readObject(opts.initial, FN, ["options", "initial"], "an object { alpha, beta }");
    x0 = [
      Math.log(assertPositive(init["alpha"], FN, ["options", "initial", "alpha"])),
      Math.log(assertPositive(init["beta"], FN, ["options", "initial", "beta"])),
    ];
  }
  const minimizer: Minimizer = opts.minimizer ?? minimize;
  const grad = [0, 0];
  const objective = (x: readonly number[]): number => {
    const a = Math.exp(x[0] as number);
    const b = Math.exp(x[1] as number);
    const ll = sbgLogLik(a, b, stats);
    return Number.isFinite(ll) ? -ll : Infinity;
  };
  const gradient = (x: readonly number[]): number[] => {
    const a = Math.exp(x[0] as number);
    const b = Math.exp(x[1] as number);
    sbgLogLik(a, b, stats, grad);
    return [-(grad[0] as number) * a, -(grad[1] as number) * b];
  };
  const res = minimizer(objective, x0, { gradient });
  const alpha = Math.exp(res.x[0] as number);
  const beta = Math.exp(res.x[1] as number);
  const logLikelihood = sbgLogLik(alpha, beta, stats);
  if (!Number.isFinite(alpha) || !Number.isFinite(beta) || !(alpha > 0) || !(beta > 0) || !Number.isFinite(logLikelihood)) {
    throw metricsError(
      FN,
      "not_converged",
      [],
      `a fit ending at finite parameters; the optimizer stopped at alpha=${alpha}, beta=${beta} (${res.message})`,
      null,
    );
  }
  if (opts.strict === true && !res.converged) {
    throw metricsError(FN, "not_converged", [], `a converged fit; ${res.message} after ${res.iterations} iterations`, null);
  }
  const hessian = numericalHessian((p) => -sbgLogLik(p[0] as number, p[1] as number, stats), [alpha, beta], {
    step: 1e-4 * Math.min(1, alpha, beta),
  });
  const cov = invertSymmetric(hessian);
  const ok = cov !== null && cov.every((row) => row.every(Number.isFinite)) && (cov[0]?.[0] ?? -1) > 0 && (cov[1]?.[1] ?? -1) > 0;
  return {
    model: "sbg",
    params: { alpha, beta },
    logLikelihood,
    standardErrors: ok
      ? { alpha: Math.sqrt((cov[0] as number[])[0] as number), beta: Math.sqrt((cov[1] as number[])[1] as number) }
      : null,
    covariance: ok ? cov : null,
    n: stats.n,
    periods: stats.maxT,
    diagnostics: {
      converged: res.converged,
      iterations: res.iterations,
      gradientNorm: res.gradientNorm,
      message: res.message,
      method: res.method,
    },
  };
}
