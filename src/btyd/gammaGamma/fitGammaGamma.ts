import { metricsError } from "../../core/errors.js";
import { invertSymmetric } from "../../math/index.js";
import {
  fitDiagnostics,
  minimizeFromStarts,
  readOptimizerOptions,
  readPenalizer,
  type OptimizerSettings,
  FIT_OPTION_KEYS,
} from "../_internal/fitDriver.js";
import { gammaGammaLogLik, readSpendData, type SpendData } from "./_internal/spendData.js";
import type { FitGammaGammaOptions, GammaGammaColumns, GammaGammaModel, GammaGammaParams, GammaGammaRow } from "./types.js";
import { assertKnownOptions } from "../../core/guards.js";

const FN = "fitGammaGamma";

interface Resolved extends OptimizerSettings {
  readonly onNonPositive: "throw" | "exclude";
  readonly penalizer: number;
  readonly qConstraint: boolean;
  readonly initial: GammaGammaParams | null;
}

function resolve(options: FitGammaGammaOptions | undefined): Resolved {
  const o = options ?? {};
  if (o === null || typeof o !== "object") throw metricsError(FN, "invalid_option", ["options"], "an options object", o);
  const onNonPositive = o.onNonPositiveSpend ?? "throw";
  if (onNonPositive !== "throw" && onNonPositive !== "exclude") {
    throw metricsError(FN, "invalid_option", ["options", "onNonPositiveSpend"], 'one of "throw", "exclude"', onNonPositive);
  }
  const penalizer = readPenalizer(FN, o);
  const qConstraint = o.qConstraint ?? false;
  if (typeof qConstraint !== "boolean")
    throw metricsError(FN, "invalid_option", ["options", "qConstraint"], "a boolean", qConstraint);
  const optimizer = readOptimizerOptions(FN, o);
  let initial: GammaGammaParams | null = null;
  if (o.initialParams !== undefined) {
    const ip = o.initialParams as unknown as Record<string, unknown>;
    if (ip === null || typeof ip !== "object")
      throw metricsError(FN, "invalid_option", ["options", "initialParams"], "an object { p, q, v }", ip);
    for (const k of ["p", "q", "v"]) {
      const v = ip[k];
      if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || (k === "q" && qConstraint && v <= 1)) {
        throw metricsError(
          FN,
          "invalid_option",
          ["options", "initialParams", k],
          k === "q" && qConstraint ? "a finite number > 1 (qConstraint)" : "a finite number > 0",
          v,
        );
      }
    }
    initial = { p: ip["p"] as number, q: ip["q"] as number, v: ip["v"] as number };
  }
  return { onNonPositive, penalizer, qConstraint, initial, ...optimizer };
}

/** Hessian of −LL (money units) in natural parameters, by central differences of the analytic gradient. */
function hessian(d: SpendData, theta: readonly number[]): number[][] {
  const H: number[][] = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const gPlus = new Float64Array(3);
  const gMinus = new Float64Array(3);
  for (let i = 0; i < 3; i++) {
    const h = 1e-5 * (theta[i] as number);
    const tp = theta.slice();
    const tm = theta.slice();
    tp[i] = (tp[i] as number) + h;
    tm[i] = (tm[i] as number) - h;
    gammaGammaLogLik(d, tp[0] as number, tp[1] as number, tp[2] as number, 1, gPlus);
    gammaGammaLogLik(d, tm[0] as number, tm[1] as number, tm[2] as number, 1, gMinus);
    for (let j = 0; j < 3; j++) (H[i] as number[])[j] = -((gPlus[j] as number) - (gMinus[j] as number)) / (2 * h);
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < i; j++) {
      const avg = ((H[i] as number[])[j] as number) / 2 + ((H[j] as number[])[i] as number) / 2;
      (H[i] as number[])[j] = avg;
      (H[j] as number[])[i] = avg;
    }
  }
  return H;
}

/**
 * Fits the Gamma-Gamma model of spend per transaction to repeat buyers' mean purchase values, the
 * spend half of model-based CLV (pair it with a purchase model such as BG/NBD).
 *
 * Each customer's transaction values are Gamma(p, ν); ν ~ Gamma(q, v) across customers. The mean
 * m̄ₓ of x transactions has log-likelihood (Hardie note 025, eq. 1a)
 * ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m̄ₓ + px ln x − (px+q) ln(v + x·m̄ₓ),
 * maximized over (p, q, v) by BFGS on log-parameters with an analytic gradient.
 *
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005), "RFM and CLV: Using Iso-Value Curves for
 * Customer Base Analysis", Journal of Marketing Research 42(4), 415–430.
 * @see Hardie, B. G. S. (2013), "The Gamma-Gamma Model of Monetary Value", http://www.brucehardie.com/notes/025/
 * (CDNOW, 946 repeat buyers: p = 6.25, q = 3.74, γ = v = 15.44).
 *
 * @remarks
 * Rows with frequency 0 carry no spend information and are always excluded (counted in
 * `excluded.nonRepeat`), so you can pass the full customer summary. Repeat buyers with a monetary
 * value ≤ 0 are rejected by default (the model needs positive amounts) or excluded with a count.
 * Money is rescaled by the mean monetary value internally, so the optimizer works on O(1) numbers;
 * estimates, standard errors and the log-likelihood are reported in money units. The model assumes
 * spend is independent of purchase frequency: check the correlation of frequency and monetary value
 * before relying on it. Never throws on non-convergence unless `strict`: read `diagnostics`.
 *
 * @param rows - Customer summaries `{ frequency, monetaryValue, weight? }[]` or columns of them.
 * @param options - See {@link FitGammaGammaOptions}.
 * @returns The fitted model with standard errors, covariance and diagnostics.
 * @throws {@link MetricsError} `empty_sample` for no rows; `insufficient_data` when no repeat buyer with positive spend remains; `out_of_range` for a negative frequency or weight, or a repeat buyer's monetary value ≤ 0 (default); `not_integer` for a fractional frequency; `invalid_type`/`not_finite` for malformed values; `length_mismatch` for columns of different lengths; `invalid_option` for bad options; `not_converged` with `strict: true`.
 *
 * @example
 * ```ts
 * import { fitGammaGamma } from "customer-metrics/btyd";
 * const rows = [
 *   { frequency: 1, monetaryValue: 20 }, { frequency: 3, monetaryValue: 35 }, { frequency: 2, monetaryValue: 12 },
 *   { frequency: 5, monetaryValue: 28 }, { frequency: 1, monetaryValue: 60 }, { frequency: 4, monetaryValue: 22 },
 *   { frequency: 0, monetaryValue: 0 },
 * ];
 * const model = fitGammaGamma(rows);
 * model.n; // => 6
 * model.excluded.nonRepeat; // => 1
 * model.diagnostics.converged; // => true
 * fitGammaGamma([{ frequency: 2, monetaryValue: 0 }]); // throws out_of_range
 * ```
 *
 * @category BTYD
 */
export function fitGammaGamma(
  rows: readonly GammaGammaRow[] | GammaGammaColumns,
  options?: FitGammaGammaOptions,
): GammaGammaModel {
  assertKnownOptions(options, [...FIT_OPTION_KEYS, "onNonPositiveSpend", "qConstraint"], "fitGammaGamma");
  const opts = resolve(options);
  const d = readSpendData(rows, FN, opts.onNonPositive);
  const s = d.meanM;
  const W = d.W;
  const pen = opts.penalizer;
  const qc = opts.qConstraint;

  // u = (ln p, ln q | ln(q − 1), ln v′) with v′ = v / s.
  const toTheta = (u: readonly number[]): [number, number, number] => [
    Math.exp(u[0] as number),
    qc ? 1 + Math.exp(u[1] as number) : Math.exp(u[1] as number),
    Math.exp(u[2] as number),
  ];
  const toU = (p: number, q: number, vScaled: number): number[] => [
    Math.log(p),
    qc ? Math.log(q - 1) : Math.log(q),
    Math.log(vScaled),
  ];
  const g = new Float64Array(3);
  let cacheU: number[] | null = null;
  let cacheF = 0;
  const cacheG = [0, 0, 0];
  const evalAt = (u: readonly number[]): void => {
    const [p, q, v] = toTheta(u);
    const ll = gammaGammaLogLik(d, p, q, v, s, g);
    const f = -ll / W + pen * (p * p + q * q + v * v);
    cacheF = Number.isFinite(f) ? f : Number.POSITIVE_INFINITY;
    const dq = qc ? q - 1 : q;
    cacheG[0] = (-(g[0] as number) / W + 2 * pen * p) * p;
    cacheG[1] = (-(g[1] as number) / W + 2 * pen * q) * dq;
    cacheG[2] = (-(g[2] as number) / W + 2 * pen * v) * v;
    cacheU = u.slice();
  };
  const same = (u: readonly number[]): boolean =>
    cacheU !== null && cacheU[0] === u[0] && cacheU[1] === u[1] && cacheU[2] === u[2];
  const f = (u: readonly number[]): number => {
    if (!same(u)) evalAt(u);
    return cacheF;
  };
  const gradient = (u: readonly number[]): number[] => {
    if (!same(u)) evalAt(u);
    return cacheG.slice();
  };

  const starts: number[][] = [];
  if (opts.initial !== null) starts.push(toU(opts.initial.p, opts.initial.q, opts.initial.v / s));
  else {
    starts.push(toU(1, 2, 1));
    starts.push(toU(5, 4, 5));
    starts.push(toU(0.5, 1.5, 0.5));
    starts.push(toU(20, 10, 20));
  }
  const run = minimizeFromStarts(opts.minimizer, f, starts, {
    gradient,
    maxIterations: opts.maxIterations,
    gradientTolerance: opts.tolerance,
  });
  const best = run.best;
  if (best === null) {
    throw metricsError(
      FN,
      "not_converged",
      [],
      "data the optimizer can evaluate (every start gave non-finite values)",
      "non-finite objective",
    );
  }
  const [p, q, vScaled] = toTheta(best.x);
  const v = vScaled * s;
  const logLikelihood = gammaGammaLogLik(d, p, q, v, 1, null);
  const H = hessian(d, [p, q, v]);
  const cov = invertSymmetric(H);
  const covOk = cov !== null && cov.every((row, i) => Number.isFinite(row[i] as number) && (row[i] as number) > 0);
  const message = best.converged
    ? best.message
    : `${best.message}. The fit did not converge: try initialParams near plausible values, a small penalizer (0.001–0.01), or qConstraint: true.`;
  if (opts.strict && !best.converged) throw metricsError(FN, "not_converged", [], "a converged fit (strict: true)", message);
  return {
    model: "gamma-gamma",
    params: { p, q, v },
    standardErrors: covOk
      ? {
          p: Math.sqrt((cov[0] as number[])[0] as number),
          q: Math.sqrt((cov[1] as number[])[1] as number),
          v: Math.sqrt((cov[2] as number[])[2] as number),
        }
      : null,
    covariance: covOk ? cov : null,
    logLikelihood,
    n: W,
    distinctRows: d.x.length,
    excluded: { nonRepeat: d.excludedNonRepeat, nonPositiveSpend: d.excludedNonPositive },
    populationMeanSpend: q > 1 ? (v * p) / (q - 1) : null,
    penalizer: pen,
    qConstraint: qc,
    diagnostics: fitDiagnostics(best, run, message, covOk),
  };
}
