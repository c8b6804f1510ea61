/**
 * The fitting loop shared by the purchase models: log-parameter optimisation of the mean negative
 * log-likelihood (+ lifetimes-style L2 penalty), multi-start when a start does not converge, standard
 * errors from the Hessian, and diagnostics instead of exceptions.
 */
import { metricsError } from "../../core/errors.js";
import { assertIntegerInRange, assertNonNegative, assertPositive } from "../../core/guards.js";
import {
  invertSymmetric,
  minimize,
  numericalHessian,
  type MinimizeOptions,
  type MinimizeResult,
  type Minimizer,
} from "../../math/index.js";
import type { BtydFitCommon, BtydFitDiagnostics, BtydFitOptions } from "../modelTypes.js";

/** Upper bound on `maxIterations` (a bound on the optimizer loop). */
const MAX_ITERATIONS = 1_000_000;

/** The options every BTYD fitter accepts (Gamma-Gamma adds its own two). */
export const FIT_OPTION_KEYS = ["initialParams", "maxIterations", "minimizer", "penalizer", "strict", "tolerance"] as const;

export interface FitProblem {
  readonly fn: string;
  readonly names: readonly string[];
  /** Parameters measured per unit of time (α, β): estimated on the scaled times, divided by `scale` after. */
  readonly timeRate: readonly boolean[];
  /** Factor applied to the data's times before fitting (lifetimes: 10 / max T). */
  readonly scale: number;
  /** Number of customers (sum of weights). */
  readonly W: number;
  /** Σ w·ℓ at natural parameters on the scaled times; with `grad`, writes ∂/∂θ into it. */
  readonly logLik: (theta: Float64Array, grad: Float64Array | null) => number;
  /** Whether `logLik` fills `grad` (else the optimizer differentiates numerically). */
  readonly analyticGradient: boolean;
  /** Converts a scaled-time log-likelihood to the data's time unit. */
  readonly toDataUnits: (llScaled: number) => number;
  /** Extra starting points (natural parameters, scaled times) tried when the first start does not converge. */
  readonly fallbackStarts: readonly (readonly number[])[];
}

export interface FitOutcome {
  readonly params: Record<string, number>;
  readonly standardErrors: Record<string, number> | null;
  readonly logLikelihood: number;
  readonly diagnostics: BtydFitDiagnostics;
  readonly penalizer: number;
}

interface ResolvedFitOptions extends OptimizerSettings {
  readonly penalizer: number;
  readonly start: number[] | null;
}

/** The optimizer settings every BTYD fitter accepts (purchase models and Gamma-Gamma). */
interface OptimizerOptionsInput {
  readonly maxIterations?: number | undefined;
  readonly tolerance?: number | undefined;
  readonly minimizer?: Minimizer | undefined;
  readonly strict?: boolean | undefined;
}

/** Validated optimizer settings. */
export interface OptimizerSettings {
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly minimizer: Minimizer;
  readonly strict: boolean;
}

/** Reads and checks the L2 `penalizer` option (default 0). */
export function readPenalizer(fn: string, o: { readonly penalizer?: number | undefined }): number {
  // The one option convention: invalid_type / not_finite / out_of_range for numbers (core guards).
  return o.penalizer === undefined ? 0 : assertNonNegative(o.penalizer, fn, ["options", "penalizer"]);
}

/** Reads and checks `maxIterations`, `tolerance`, `minimizer` and `strict`, in that order. */
export function readOptimizerOptions(fn: string, o: OptimizerOptionsInput): OptimizerSettings {
  const maxIterations =
    o.maxIterations === undefined
      ? 1000
      : assertIntegerInRange(o.maxIterations, 1, MAX_ITERATIONS, fn, ["options", "maxIterations"]);
  const tolerance = o.tolerance === undefined ? 1e-7 : assertPositive(o.tolerance, fn, ["options", "tolerance"]);
  const minimizer = o.minimizer ?? minimize;
  if (typeof minimizer !== "function")
    throw metricsError(fn, "invalid_option", ["options", "minimizer"], "a function (f, x0, options) => result", minimizer);
  if (o.strict !== undefined && typeof o.strict !== "boolean")
    throw metricsError(fn, "invalid_option", ["options", "strict"], "a boolean", o.strict);
  return { maxIterations, tolerance, minimizer, strict: o.strict ?? false };
}

/** Outcome of {@link minimizeFromStarts}: the best finite result (`null` when none) and the effort over all starts. */
export interface MultiStartOutcome {
  readonly best: MinimizeResult | null;
  readonly iterations: number;
  readonly evaluations: number;
  readonly tried: number;
}

/**
 * Minimizes `f` from each start in turn, stopping at the first converged result; keeps the best finite
 * result (converged beats not converged, then the lower value).
 */
export function minimizeFromStarts(
  minimizer: Minimizer,
  f: (u: readonly number[]) => number,
  starts: readonly (readonly number[])[],
  options: MinimizeOptions,
): MultiStartOutcome {
  let best: MinimizeResult | null = null;
  let iterations = 0;
  let evaluations = 0;
  let tried = 0;
  for (const x0 of starts) {
    tried++;
    const res = minimizer(f, x0, options);
    iterations += res.iterations;
    evaluations += res.evaluations;
    const finite = Number.isFinite(res.value) && res.x.every((v) => Number.isFinite(v));
    if (
      finite &&
      (best === null || (res.converged && !best.converged) || (res.converged === best.converged && res.value < best.value))
    ) {
      best = res;
    }
    if (best !== null && best.converged) break;
  }
  return { best, iterations, evaluations, tried };
}

/** A fit's diagnostics from its best result (`best` of `run`), the effort over all starts and the final message. */
export function fitDiagnostics(
  best: MinimizeResult,
  run: MultiStartOutcome,
  message: string,
  hessianPositiveDefinite: boolean,
  warnings: readonly string[] = hessianWarnings(hessianPositiveDefinite, [], []),
): BtydFitDiagnostics {
  return {
    converged: best.converged,
    iterations: run.iterations,
    evaluations: run.evaluations,
    gradientNorm: best.gradientNorm,
    message,
    method: best.method,
    starts: run.tried,
    hessianPositiveDefinite,
    warnings,
  };
}

/** Prefix of the warnings after which a fit is reported as not converged (the data cannot identify the model). */
const NOT_LEARNED = "not identified:";
/** |ln θ| beyond this (θ outside about [2e-9, 5e8]) counts as a parameter run to the boundary of its domain. */
const LOG_BOUND = 20;

/** Warnings from the Hessian and the log-parameters `u` (names in the same order). */
export function hessianWarnings(hessianPositiveDefinite: boolean, names: readonly string[], u: readonly number[]): string[] {
  const out: string[] = [];
  names.forEach((name, i) => {
    const v = u[i]!;
    if (Math.abs(v) > LOG_BOUND) {
      out.push(
        `${name} ran to the ${v > 0 ? "upper" : "lower"} boundary of its domain (${Math.exp(v).toPrecision(3)}): the data do not pin it down`,
      );
    }
  });
  if (!hessianPositiveDefinite) {
    out.push(
      "the Hessian is not positive definite at the estimates: no standard errors, and the estimates may be far from unique",
    );
  }
  return out;
}

/** The warning for data with no repeat purchase, where a purchase model cannot learn anything. */
export function noRepeatWarning(x: ArrayLike<number>): string | null {
  for (let i = 0; i < x.length; i++) if (x[i]! > 0) return null;
  return `${NOT_LEARNED} no customer made a repeat purchase, so the purchase and dropout processes cannot be told apart`;
}

function resolveOptions(problem: FitProblem, options: BtydFitOptions<object> | undefined): ResolvedFitOptions {
  const fn = problem.fn;
  const o = options ?? {};
  if (o === null || typeof o !== "object") throw metricsError(fn, "invalid_option", ["options"], "an options object", o);
  const penalizer = readPenalizer(fn, o);
  const optimizer = readOptimizerOptions(fn, o);
  let start: number[] | null = null;
  if (o.initialParams !== undefined) {
    const ip = o.initialParams as Record<string, unknown>;
    if (ip === null || typeof ip !== "object")
      throw metricsError(fn, "invalid_option", ["options", "initialParams"], `an object { ${problem.names.join(", ")} }`, ip);
    start = problem.names.map((name, i) => {
      const v = assertPositive(ip[name], fn, ["options", "initialParams", name]);
      return problem.timeRate[i] ? v * problem.scale : v;
    });
  }
  return { penalizer, start, ...optimizer };
}

export function runFit(problem: FitProblem, options: BtydFitOptions<object> | undefined): FitOutcome {
  const opts = resolveOptions(problem, options);
  const dim = problem.names.length;
  const theta = new Float64Array(dim);
  const g = new Float64Array(dim);
  const W = problem.W;
  const pen = opts.penalizer;

  // Objective on u = ln θ: mean negative log-likelihood + penalty; value and gradient computed together.
  let cacheU: number[] | null = null;
  let cacheF = 0;
  const cacheG = new Array<number>(dim).fill(0);
  const evalAt = (u: readonly number[], withGrad: boolean): number => {
    let penalty = 0;
    for (let i = 0; i < dim; i++) {
      const t = Math.exp(u[i] as number);
      theta[i] = t;
      penalty += t * t;
    }
    const ll = problem.logLik(theta, withGrad ? g : null);
    const f = -ll / W + pen * penalty;
    if (withGrad) {
      for (let i = 0; i < dim; i++) {
        const t = theta[i] as number;
        cacheG[i] = (-(g[i] as number) / W + 2 * pen * t) * t;
      }
      cacheU = u.slice();
      cacheF = Number.isFinite(f) ? f : Number.POSITIVE_INFINITY;
    }
    return Number.isFinite(f) ? f : Number.POSITIVE_INFINITY;
  };
  const sameU = (u: readonly number[]): boolean => {
    if (cacheU === null) return false;
    for (let i = 0; i < dim; i++) if (cacheU[i] !== u[i]) return false;
    return true;
  };
  const f = (u: readonly number[]): number => {
    if (problem.analyticGradient) {
      if (sameU(u)) return cacheF;
      return evalAt(u, true);
    }
    return evalAt(u, false);
  };
  const gradient = (u: readonly number[]): number[] => {
    if (!sameU(u)) evalAt(u, true);
    return cacheG.slice();
  };
  const minimizeOptions = {
    maxIterations: opts.maxIterations,
    gradientTolerance: opts.tolerance,
    ...(problem.analyticGradient ? { gradient } : {}),
  };

  const starts: number[][] = [];
  starts.push((opts.start ?? new Array<number>(dim).fill(1)).map((v) => Math.log(v)));
  if (opts.start === null) for (const s of problem.fallbackStarts) starts.push(s.map((v) => Math.log(v)));

  const run = minimizeFromStarts(opts.minimizer, f, starts, minimizeOptions);
  const best = run.best;
  if (best === null) {
    throw metricsError(
      problem.fn,
      "not_converged",
      [],
      "data the model can be fitted to (the likelihood was not finite at any start)",
    );
  }
  const u = best.x;
  const scaled = u.map((v) => Math.exp(v));
  for (let i = 0; i < dim; i++) theta[i] = scaled[i] as number;
  const llScaled = problem.logLik(theta, null);
  const logLikelihood = problem.toDataUnits(llScaled);

  // Standard errors: inverse Hessian of the total (penalized) negative log-likelihood in ln θ; the delta
  // method gives SE(θ) = θ · SE(ln θ) (time rescaling does not change SE(ln θ)).
  let standardErrors: Record<string, number> | null = null;
  let pd = false;
  const total = (uu: readonly number[]): number => W * evalAt(uu, false);
  const H = problem.analyticGradient
    ? hessianFromGradient((uu) => {
        evalAt(uu, true);
        return cacheG.map((v) => W * v);
      }, u)
    : numericalHessian(total, u);
  const cov = H.every((row) => row.every((v) => Number.isFinite(v))) ? invertSymmetric(H) : null;
  const params: Record<string, number> = {};
  problem.names.forEach((name, i) => {
    params[name] = problem.timeRate[i] ? (scaled[i] as number) / problem.scale : (scaled[i] as number);
  });
  if (cov !== null) {
    const se: Record<string, number> = {};
    pd = true;
    problem.names.forEach((name, i) => {
      const v = (cov[i] as number[])[i] as number;
      if (!(v > 0) || !Number.isFinite(v)) pd = false;
      se[name] = (params[name] as number) * Math.sqrt(v);
    });
    if (pd) standardErrors = se;
  }
  const converged = best.converged;
  const message = converged
    ? best.message
    : `${best.message}; did not converge: try a small penalizer (e.g. 0.001), other initialParams, or a larger maxIterations`;
  if (!converged && opts.strict) {
    throw metricsError(problem.fn, "not_converged", [], `a fit that converges (${message})`);
  }
  if (!Number.isFinite(logLikelihood)) {
    throw metricsError(problem.fn, "not_converged", [], "a finite log-likelihood at the estimates", logLikelihood);
  }
  return {
    params,
    standardErrors,
    logLikelihood,
    penalizer: pen,
    diagnostics: fitDiagnostics(best, run, message, pd, hessianWarnings(pd, problem.names, u)),
  };
}

/** A fitted purchase model's fields after its `model` tag (in result order), from the fit outcome and the collapsed rows it was fitted on. */
export function fittedModelFields<P>(
  out: FitOutcome,
  data: { readonly n: number; readonly x: Float64Array },
): BtydFitCommon & { readonly params: P; readonly standardErrors: P | null } {
  const noRepeat = noRepeatWarning(data.x);
  const diagnostics =
    noRepeat === null
      ? out.diagnostics
      : {
          ...out.diagnostics,
          converged: false,
          message: `${out.diagnostics.message}; ${noRepeat}`,
          warnings: [noRepeat, ...out.diagnostics.warnings],
        };
  return {
    params: out.params as unknown as P,
    logLikelihood: out.logLikelihood,
    standardErrors: out.standardErrors as unknown as P | null,
    n: data.n,
    distinctRows: data.x.length,
    penalizer: out.penalizer,
    diagnostics,
  };
}

/** lifetimes' internal time scale: 10 / max T (1 when every T is 0). */
export function timeScale(T: Float64Array): number {
  let m = 0;
  for (let i = 0; i < T.length; i++) if ((T[i] as number) > m) m = T[i] as number;
  return m > 0 ? 10 / m : 1;
}

/** Hessian by central differences of an analytic gradient (2n gradient calls), symmetrised. */
function hessianFromGradient(grad: (u: readonly number[]) => number[], u: readonly number[]): number[][] {
  const n = u.length;
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const ui = u[i] as number;
    const h = 1e-5 * Math.max(1, Math.abs(ui));
    const up = u.slice();
    up[i] = ui + h;
    const gp = grad(up);
    const dn = u.slice();
    dn[i] = ui - h;
    const gm = grad(dn);
    for (let j = 0; j < n; j++) (H[j] as number[])[i] = ((gp[j] as number) - (gm[j] as number)) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (((H[i] as number[])[j] as number) + ((H[j] as number[])[i] as number));
      (H[i] as number[])[j] = v;
      (H[j] as number[])[i] = v;
    }
  }
  return H;
}
