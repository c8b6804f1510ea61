import { bfgs } from "./_internal/bfgs.js";
import { centralGradient, maxAbs } from "./_internal/gradient.js";
import { nelderMead } from "./_internal/nelderMead.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * Options for {@link minimize}.
 *
 * @category Math
 */
export interface MinimizeOptions {
  /**
   * Analytic gradient of `f`. When absent, central differences are used
   * (2n evaluations of `f` per gradient, step ε^{1/3}·max(1, |xᵢ|)).
   * @defaultValue central differences
   */
  readonly gradient?: (x: readonly number[]) => number[];
  /**
   * The method to start with: quasi-Newton `"bfgs"` or derivative-free
   * `"nelder-mead"`.
   * @defaultValue `"bfgs"`
   */
  readonly method?: "bfgs" | "nelder-mead";
  /**
   * Maximum iterations of each method (BFGS iterations, or Nelder–Mead
   * simplex steps).
   * @defaultValue `1000` for BFGS; `max(1000, 400·n)` for Nelder–Mead
   */
  readonly maxIterations?: number;
  /**
   * Convergence when the largest gradient component is at most
   * `gradientTolerance · max(1, |f(x)|)` (relative to the objective's size, so
   * a log-likelihood summed over many customers is judged fairly).
   * @defaultValue `1e-7`
   */
  readonly gradientTolerance?: number;
  /**
   * Convergence when successive objective values (BFGS) or the simplex's values
   * (Nelder–Mead) differ by at most `valueTolerance · max(1, |f|)` and the step
   * is tiny.
   * @defaultValue `1e-12`
   */
  readonly valueTolerance?: number;
  /**
   * Whether a failed BFGS run (non-finite values, a line search that cannot
   * make progress, or the iteration limit) continues with Nelder–Mead from
   * the best point found, followed by one more BFGS polish.
   * @defaultValue `true`
   */
  readonly fallback?: boolean;
}

/**
 * Result of {@link minimize}: the best point found plus diagnostics. Never
 * thrown away on failure: inspect `converged` and `message`.
 *
 * @category Math
 */
export interface MinimizeResult {
  /** The best point found. */
  readonly x: number[];
  /** f(x) at that point. */
  readonly value: number;
  /** Whether a convergence test was met (see `message`). */
  readonly converged: boolean;
  /** Iterations used, summed over the methods that ran. */
  readonly iterations: number;
  /** Evaluations of `f`, including those used for finite-difference gradients. */
  readonly evaluations: number;
  /** Largest absolute gradient component at `x` (central differences when no gradient was given). */
  readonly gradientNorm: number;
  /** What happened, e.g. "gradient below tolerance" or "BFGS line search failed; Nelder–Mead: simplex converged". */
  readonly message: string;
  /** The method that produced `x`. */
  readonly method: "bfgs" | "nelder-mead";
}

/**
 * An optimizer with {@link minimize}'s signature; fitters accept one so callers
 * and tests can inject their own.
 *
 * @category Math
 */
export type Minimizer = (f: (x: readonly number[]) => number, x0: readonly number[], options?: MinimizeOptions) => MinimizeResult;

/**
 * Minimizes a smooth function of several unconstrained variables and reports
 * diagnostics instead of throwing when it does not converge.
 *
 * @remarks
 * Default method: quasi-Newton BFGS (inverse-Hessian update, initial scaling
 * yᵀs/yᵀy) with a line search satisfying the strong Wolfe conditions
 * (c₁ = 1e-4, c₂ = 0.9; bracketing and zoom with safeguarded quadratic
 * interpolation, Nocedal & Wright 2006, Algorithms 3.5–3.6). Non-finite values
 * are treated as +Infinity, so a line search backs off from regions where the
 * objective is undefined. When BFGS fails and `fallback` is on, Nelder–Mead
 * (adaptive coefficients of Gao & Han 2012) restarts from the best point, and a
 * final BFGS run polishes its result. Designed for negative log-likelihoods on
 * log-transformed parameters: transform positive parameters with `Math.log`
 * so `x` is unconstrained. Never throws on non-convergence; exceptions thrown
 * by `f` itself propagate. Inputs are not mutated.
 *
 * @see Nocedal & Wright, Numerical Optimization, 2nd ed. (2006), ch. 3 and 6.
 * @see Gao & Han, "Implementing the Nelder–Mead simplex algorithm with adaptive parameters", Comput. Optim. Appl. 51 (2012).
 *
 * @param f - Objective; receives a fresh array each call.
 * @param x0 - Starting point (length n ≥ 1).
 * @param options - See {@link MinimizeOptions}.
 * @returns The best point and diagnostics (see {@link MinimizeResult}).
 *
 * @example
 * ```ts
 * import { minimize } from "customer-metrics/math";
 * const r = minimize(([x = 0, y = 0]) => (x - 1) ** 2 + 10 * (y + 2) ** 2, [0, 0]);
 * r.converged; // => true
 * Math.round(r.x[0] * 1e6) / 1e6; // => 1
 * Math.round(r.x[1] * 1e6) / 1e6; // => -2
 * ```
 *
 * @category Math
 */
export function minimize(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  assertKnownOptions(
    options,
    ["fallback", "gradient", "gradientTolerance", "maxIterations", "method", "valueTolerance"],
    "minimize",
  );
  const n = x0.length;
  const gradTol = options.gradientTolerance ?? 1e-7;
  const valueTol = options.valueTolerance ?? 1e-12;
  const fallback = options.fallback ?? true;
  const counter = { evaluations: 0 };
  const fx = (x: readonly number[]): number => {
    counter.evaluations += 1;
    const v = f(x.slice());
    return Number.isNaN(v) ? Infinity : v;
  };
  const start = Array.from(x0);
  if (n === 0) {
    const v = fx(start);
    return {
      x: start,
      value: v,
      converged: Number.isFinite(v),
      iterations: 0,
      evaluations: counter.evaluations,
      gradientNorm: 0,
      message: "no variables",
      method: options.method ?? "bfgs",
    };
  }
  if (!start.every(Number.isFinite)) {
    return {
      x: start,
      value: NaN,
      converged: false,
      iterations: 0,
      evaluations: 0,
      gradientNorm: NaN,
      message: "starting point has a non-finite coordinate",
      method: options.method ?? "bfgs",
    };
  }
  const grad = options.gradient
    ? (x: readonly number[]): number[] => options.gradient!(x.slice())
    : (x: readonly number[], fAtX?: number): number[] => centralGradient(fx, x, fAtX);
  const bfgsOptions = {
    maxIterations: options.maxIterations ?? 1000,
    gradientTolerance: gradTol,
    valueTolerance: valueTol,
  };
  const nmOptions = {
    maxIterations: options.maxIterations ?? Math.max(1000, 400 * n),
    gradientTolerance: gradTol,
    valueTolerance: valueTol,
  };

  if (options.method === "nelder-mead") {
    const nm = nelderMead(fx, start, nmOptions);
    const g = grad(nm.x, nm.value);
    return finish(nm.x, nm.value, nm.converged, nm.iterations, counter.evaluations, maxAbs(g), nm.message, "nelder-mead");
  }

  const first = bfgs(fx, grad, start, bfgsOptions);
  if (first.converged || !fallback) {
    return finish(
      first.x,
      first.value,
      first.converged,
      first.iterations,
      counter.evaluations,
      first.gradientNorm,
      first.message,
      "bfgs",
    );
  }
  const nm = nelderMead(fx, first.value < Infinity ? first.x : start, nmOptions);
  const polish = bfgs(fx, grad, nm.x, bfgsOptions);
  const iterations = first.iterations + nm.iterations + polish.iterations;
  if (polish.value <= nm.value && (polish.converged || !nm.converged)) {
    return finish(
      polish.x,
      polish.value,
      polish.converged,
      iterations,
      counter.evaluations,
      polish.gradientNorm,
      `BFGS: ${first.message}; Nelder–Mead: ${nm.message}; BFGS polish: ${polish.message}`,
      "bfgs",
    );
  }
  const g = grad(nm.x, nm.value);
  return finish(
    nm.x,
    nm.value,
    nm.converged,
    iterations,
    counter.evaluations,
    maxAbs(g),
    `BFGS: ${first.message}; Nelder–Mead: ${nm.message}`,
    "nelder-mead",
  );
}

function finish(
  x: number[],
  value: number,
  converged: boolean,
  iterations: number,
  evaluations: number,
  gradientNorm: number,
  message: string,
  method: "bfgs" | "nelder-mead",
): MinimizeResult {
  return { x, value, converged: converged && Number.isFinite(value), iterations, evaluations, gradientNorm, message, method };
}
