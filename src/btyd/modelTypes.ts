import type { Minimizer } from "../math/index.js";
import type { TransactionColumnsSummary } from "./summaryTypes.js";

/**
 * BG/NBD and MBG/NBD parameters: purchase rates λ ~ Gamma(shape `r`, rate `alpha`), dropout probability
 * after each purchase p ~ Beta(`a`, `b`). `alpha` is in the data's time unit (days or weeks).
 *
 * @category BTYD
 */
export interface BetaGeoParams {
  /** Shape of the Gamma distribution of purchase rates. */
  readonly r: number;
  /** Rate (scale⁻¹) of the Gamma distribution of purchase rates, in the data's time unit. */
  readonly alpha: number;
  /** First shape of the Beta distribution of dropout probabilities. */
  readonly a: number;
  /** Second shape of the Beta distribution of dropout probabilities. */
  readonly b: number;
}

/**
 * Pareto/NBD parameters: purchase rates λ ~ Gamma(`r`, `alpha`), dropout rates μ ~ Gamma(`s`, `beta`).
 *
 * @category BTYD
 */
export interface ParetoNbdParams {
  /** Shape of the Gamma distribution of purchase rates. */
  readonly r: number;
  /** Rate of the Gamma distribution of purchase rates, in the data's time unit. */
  readonly alpha: number;
  /** Shape of the Gamma distribution of dropout rates. */
  readonly s: number;
  /** Rate of the Gamma distribution of dropout rates, in the data's time unit. */
  readonly beta: number;
}

/**
 * BG/BB parameters: transaction probability p ~ Beta(`alpha`, `beta`), dropout probability θ ~ Beta(`gamma`, `delta`).
 *
 * @category BTYD
 */
export interface BetaGeoBetaBinomialParams {
  /** First shape of the Beta distribution of per-opportunity purchase probabilities. */
  readonly alpha: number;
  /** Second shape of the Beta distribution of per-opportunity purchase probabilities. */
  readonly beta: number;
  /** First shape of the Beta distribution of per-opportunity dropout probabilities. */
  readonly gamma: number;
  /** Second shape of the Beta distribution of per-opportunity dropout probabilities. */
  readonly delta: number;
}

/**
 * A purchase model given by its tag and parameters; every fitted model is one, and you can build one from
 * published parameters to predict without fitting.
 *
 * @category BTYD
 */
export type BtydModelSpec =
  | {
      /** BG/NBD (Fader, Hardie & Lee 2005): continuous time, dropout possible after each purchase. */
      readonly model: "bg-nbd";
      /** Its parameters `r`, `alpha`, `a`, `b` (`alpha` in the data's time unit). */
      readonly params: BetaGeoParams;
    }
  | {
      /** MBG/NBD (Batislam, Denizel & Filiztekin 2007): as BG/NBD, but a customer may also drop out right after the first purchase, so a one-timer need not be alive. */
      readonly model: "mbg-nbd";
      /** Its parameters `r`, `alpha`, `a`, `b` (`alpha` in the data's time unit). */
      readonly params: BetaGeoParams;
    }
  | {
      /** Pareto/NBD (Schmittlein, Morrison & Colombo 1987): continuous time, exponential lifetimes. */
      readonly model: "pareto-nbd";
      /** Its parameters `r`, `alpha`, `s`, `beta` (rates in the data's time unit). */
      readonly params: ParetoNbdParams;
    }
  | {
      /** BG/BB (Fader, Hardie & Shang 2010): discrete time, one purchase-or-not per transaction opportunity. */
      readonly model: "bg-bb";
      /** Its parameters `alpha`, `beta`, `gamma`, `delta` (Beta shapes, unitless). */
      readonly params: BetaGeoBetaBinomialParams;
    };

/**
 * The tag of a purchase model: `"bg-nbd"`, `"mbg-nbd"`, `"pareto-nbd"` or `"bg-bb"`.
 *
 * @category BTYD
 */
export type BtydModelTag = BtydModelSpec["model"];

/**
 * How a fit went: never an exception, always these numbers.
 *
 * @category BTYD
 */
export interface BtydFitDiagnostics {
  /** Whether the optimizer met its convergence test. */
  readonly converged: boolean;
  /** Optimizer iterations (over all starts). */
  readonly iterations: number;
  /** Objective evaluations (over all starts). */
  readonly evaluations: number;
  /** Gradient norm of the minimized objective (mean negative log-likelihood per customer, log parameters) at the end. */
  readonly gradientNorm: number;
  /** The optimizer's message, plus advice when the fit did not converge. */
  readonly message: string;
  /** Optimizer method that produced the result. */
  readonly method: string;
  /** Number of starting points tried (more than 1 when the first did not converge). */
  readonly starts: number;
  /** Whether the Hessian of the negative log-likelihood is positive definite at the optimum (else no standard errors). */
  readonly hessianPositiveDefinite: boolean;
  /**
   * What makes the estimates untrustworthy even when the optimizer stopped normally: no repeat purchases in
   * the data, a Hessian that is not positive definite, a parameter that ran to a boundary of its domain. Empty
   * when the fit is sound; see the BTYD guide's "When a fit did not learn".
   */
  readonly warnings: readonly string[];
}

/**
 * Fields every fitted purchase model carries.
 *
 * @category BTYD
 */
export interface BtydFitCommon {
  /** Total log-likelihood at the estimates, in the data's time unit (the papers' convention), without penalty. */
  readonly logLikelihood: number;
  /** Number of customers (sum of weights). */
  readonly n: number;
  /** Number of distinct rows the fit worked on after collapsing identical ones. */
  readonly distinctRows: number;
  /** The L2 penalizer used. */
  readonly penalizer: number;
  /** Convergence diagnostics. */
  readonly diagnostics: BtydFitDiagnostics;
}

/**
 * A fitted BG/NBD model.
 *
 * @category BTYD
 */
export interface BetaGeoNbdModel extends BtydFitCommon {
  /** Model tag. */
  readonly model: "bg-nbd";
  /** Maximum-likelihood estimates. */
  readonly params: BetaGeoParams;
  /** Standard errors from the inverse Hessian (`null` when the Hessian is not positive definite). */
  readonly standardErrors: BetaGeoParams | null;
}

/**
 * A fitted MBG/NBD model.
 *
 * @category BTYD
 */
export interface ModifiedBetaGeoNbdModel extends BtydFitCommon {
  /** Model tag. */
  readonly model: "mbg-nbd";
  /** Maximum-likelihood estimates. */
  readonly params: BetaGeoParams;
  /** Standard errors from the inverse Hessian (`null` when the Hessian is not positive definite). */
  readonly standardErrors: BetaGeoParams | null;
}

/**
 * A fitted Pareto/NBD model.
 *
 * @category BTYD
 */
export interface ParetoNbdModel extends BtydFitCommon {
  /** Model tag. */
  readonly model: "pareto-nbd";
  /** Maximum-likelihood estimates. */
  readonly params: ParetoNbdParams;
  /** Standard errors from the inverse Hessian (`null` when the Hessian is not positive definite). */
  readonly standardErrors: ParetoNbdParams | null;
}

/**
 * A fitted BG/BB model.
 *
 * @category BTYD
 */
export interface BetaGeoBetaBinomialModel extends BtydFitCommon {
  /** Model tag. */
  readonly model: "bg-bb";
  /** Maximum-likelihood estimates. */
  readonly params: BetaGeoBetaBinomialParams;
  /** Standard errors from the inverse Hessian (`null` when the Hessian is not positive definite). */
  readonly standardErrors: BetaGeoBetaBinomialParams | null;
}

/**
 * Options shared by the purchase-model fitters.
 *
 * @category BTYD
 */
export interface BtydFitOptions<P> {
  /**
   * L2 penalty coefficient, as lifetimes: the minimized objective is the mean negative log-likelihood per
   * customer plus `penalizer · Σ θ²`, with time-rate parameters on lifetimes' internal time scale
   * (times × 10 / max T). Use a small value (0.001–0.1) to tame extreme estimates. @defaultValue `0`
   */
  readonly penalizer?: number;
  /** Starting values (natural scale, data time unit). @defaultValue all 1 on the internal time scale */
  readonly initialParams?: P;
  /** Iteration limit of the optimizer (per start). @defaultValue `1000` */
  readonly maxIterations?: number;
  /** Convergence tolerance on the gradient norm of the objective. @defaultValue `1e-7` */
  readonly tolerance?: number;
  /** Optimizer to use instead of the library's BFGS (with Nelder–Mead fallback). @defaultValue math's `minimize` */
  readonly minimizer?: Minimizer;
  /** Throw `not_converged` instead of returning a result whose diagnostics say it did not converge. @defaultValue `false` */
  readonly strict?: boolean;
}

/**
 * One customer's summary as the continuous-time fitters read it.
 *
 * @category BTYD
 */
export interface BtydSummaryRow {
  /** Repeat purchases x (a non-negative integer). */
  readonly frequency: number;
  /** Time of the last repeat purchase t_x (0 when x = 0), same unit as T. */
  readonly recency: number;
  /** Customer age T, ≥ recency. */
  readonly T: number;
  /** Number of customers with this row. @defaultValue `1` */
  readonly weight?: number;
}

/**
 * Columnar summaries for the continuous-time fitters (typed arrays recommended).
 *
 * @category BTYD
 */
export interface BtydSummaryColumns {
  /** Repeat purchases per row. */
  readonly frequency: ArrayLike<number>;
  /** Recency per row. */
  readonly recency: ArrayLike<number>;
  /** Age per row. */
  readonly T: ArrayLike<number>;
  /** Customers per row. @defaultValue all 1 */
  readonly weight?: ArrayLike<number>;
}

/**
 * One customer's history in a discrete-time (opportunity) setting for BG/BB.
 *
 * @category BTYD
 */
export interface BtydDiscreteRow {
  /** Opportunities with a repeat transaction x (integer 0..n). */
  readonly frequency: number;
  /** Index of the last opportunity with a transaction t_x (integer x..n; 0 when x = 0). */
  readonly recency: number;
  /** Number of transaction opportunities n (positive integer). */
  readonly n: number;
  /** Number of customers with this row. @defaultValue `1` */
  readonly weight?: number;
}

/**
 * Columnar discrete-time rows for BG/BB.
 *
 * @category BTYD
 */
export interface BtydDiscreteColumns {
  /** x per row. */
  readonly frequency: ArrayLike<number>;
  /** t_x per row. */
  readonly recency: ArrayLike<number>;
  /** n per row. */
  readonly n: ArrayLike<number>;
  /** Customers per row. @defaultValue all 1 */
  readonly weight?: ArrayLike<number>;
}

/**
 * A customer's history for predictions: `{ frequency, recency, T }` for continuous-time models; BG/BB
 * reads `n` (number of opportunities), or `T` when `n` is absent.
 *
 * @category BTYD
 */
export interface BtydCustomer {
  /** Repeat purchases x. */
  readonly frequency: number;
  /** Recency t_x. */
  readonly recency: number;
  /** Age T (continuous models; BG/BB reads it as n when `n` is absent). */
  readonly T?: number;
  /** Number of opportunities (BG/BB). */
  readonly n?: number;
}

/**
 * Customer histories as columns for the batch predictions (typed arrays recommended). Extra fields are
 * ignored, so a {@link TransactionColumnsSummary} can be passed as is.
 *
 * @category BTYD
 */
export interface BtydCustomerColumns {
  /** Repeat purchases per customer. */
  readonly frequency: ArrayLike<number>;
  /** Recency per customer. */
  readonly recency: ArrayLike<number>;
  /** Age per customer (continuous models; BG/BB reads it as n when `n` is not an array). */
  readonly T?: ArrayLike<number>;
  /** Opportunities per customer (BG/BB); a number here (e.g. a summary's customer count) is ignored. */
  readonly n?: ArrayLike<number> | number;
}
