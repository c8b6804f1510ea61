import type { Minimizer } from "../../math/index.js";
import type { BtydFitDiagnostics } from "../modelTypes.js";

/**
 * Gamma-Gamma spend-model parameters (Fader, Hardie & Lee 2005b; Hardie note 025): a customer's
 * transaction values are Gamma(`p`, ν), and ν varies across customers as Gamma(`q`, `v`) (shape,
 * rate), so mean spend per transaction is p/ν with population mean `v·p/(q − 1)` (finite when q > 1).
 * `v` (the papers' γ) is in money units.
 *
 * @category BTYD
 */
export interface GammaGammaParams {
  /** Shape of each customer's Gamma distribution of transaction values. */
  readonly p: number;
  /** Shape of the Gamma distribution of ν across customers (the mean spend is finite only when q > 1). */
  readonly q: number;
  /** Rate of the Gamma distribution of ν across customers (γ in the papers), in money units. */
  readonly v: number;
}

/**
 * One customer's spend summary for the Gamma-Gamma model.
 *
 * @category BTYD
 */
export interface GammaGammaRow {
  /** Repeat purchases x, an integer ≥ 0 (rows with 0 carry no spend information and are excluded, with a count). */
  readonly frequency: number;
  /** Mean value of the repeat purchases m̄ₓ, > 0 for repeat buyers (money as a float64 number). */
  readonly monetaryValue: number;
  /** Number of customers with this row, ≥ 0. @defaultValue `1` */
  readonly weight?: number | undefined;
}

/**
 * Columnar spend summaries (typed arrays recommended).
 *
 * @category BTYD
 */
export interface GammaGammaColumns {
  /** Repeat purchases per row. */
  readonly frequency: ArrayLike<number>;
  /** Mean repeat-purchase value per row. */
  readonly monetaryValue: ArrayLike<number>;
  /** Customers per row. @defaultValue all 1 */
  readonly weight?: ArrayLike<number> | undefined;
}

/**
 * Options for {@link fitGammaGamma}.
 *
 * @category BTYD
 */
export interface FitGammaGammaOptions {
  /**
   * What to do with a repeat buyer (frequency > 0) whose monetary value is ≤ 0 (free items, refunds,
   * profit data): `"throw"` rejects it with `out_of_range` at its path; `"exclude"` drops it and counts
   * it in `excluded.nonPositiveSpend`. The model needs positive values; shift profit data first if you
   * must (see docs). @defaultValue `"throw"`
   */
  readonly onNonPositiveSpend?: "throw" | "exclude" | undefined;
  /**
   * L2 penalty coefficient as in lifetimes: the minimized objective is the mean negative log-likelihood
   * plus `penalizer · (p² + q² + v′²)`, with v′ = v / (mean monetary value) on the internal money scale.
   * @defaultValue `0`
   */
  readonly penalizer?: number | undefined;
  /** Constrain q > 1 so the population mean spend v·p/(q − 1) exists (lifetimes' `q_constraint`). @defaultValue `false` */
  readonly qConstraint?: boolean | undefined;
  /** Starting values on the natural scale (v in money units). @defaultValue p = 1, q = 2, v = mean monetary value (then fallbacks) */
  readonly initialParams?: GammaGammaParams | undefined;
  /** Iteration limit of the optimizer (per start). @defaultValue `1000` */
  readonly maxIterations?: number | undefined;
  /** Convergence tolerance on the gradient of the objective. @defaultValue `1e-7` */
  readonly tolerance?: number | undefined;
  /** Optimizer to use instead of the library's BFGS (with Nelder–Mead fallback). @defaultValue math's `minimize` */
  readonly minimizer?: Minimizer | undefined;
  /** Throw `not_converged` instead of returning a model whose diagnostics say it did not converge. @defaultValue `false` */
  readonly strict?: boolean | undefined;
}

/**
 * How a Gamma-Gamma fit went: the same diagnostics as the purchase-model fitters ({@link BtydFitDiagnostics}).
 *
 * @category BTYD
 */
export type GammaGammaDiagnostics = BtydFitDiagnostics;

/**
 * A fitted Gamma-Gamma spend model.
 *
 * @category BTYD
 */
export interface GammaGammaModel {
  /** Model tag. */
  readonly model: "gamma-gamma";
  /** Maximum-likelihood estimates. */
  readonly params: GammaGammaParams;
  /** Standard errors from the inverse Hessian (`null` when it is not positive definite). */
  readonly standardErrors: GammaGammaParams | null;
  /** Covariance matrix of (p, q, v) from the inverse Hessian, row-major 3×3 (`null` when not positive definite). */
  readonly covariance: readonly (readonly number[])[] | null;
  /** Log-likelihood of the mean spend values at the estimates (money units; without penalty). */
  readonly logLikelihood: number;
  /** Number of customers used (sum of weights of the repeat buyers kept). */
  readonly n: number;
  /** Number of rows used. */
  readonly distinctRows: number;
  /** Customers (sum of weights) left out: one-time buyers, and repeat buyers with spend ≤ 0 when excluded. */
  readonly excluded: {
    /** Rows with frequency 0 (no repeat purchases, so no spend information). */
    readonly nonRepeat: number;
    /** Repeat buyers with monetary value ≤ 0 (only with `onNonPositiveSpend: "exclude"`). */
    readonly nonPositiveSpend: number;
  };
  /** Population mean spend per transaction v·p/(q − 1), or `null` when q ≤ 1 (infinite mean). */
  readonly populationMeanSpend: number | null;
  /** The L2 penalizer used. */
  readonly penalizer: number;
  /** Whether q was constrained above 1. */
  readonly qConstraint: boolean;
  /** Convergence diagnostics. */
  readonly diagnostics: GammaGammaDiagnostics;
}
