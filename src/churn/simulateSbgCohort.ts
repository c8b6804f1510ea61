import { assertFinite, assertIntegerInRange, assertKnownOptions } from "../core/guards.js";
import { createRng } from "../math/index.js";
import { readObject } from "./_internal/checks.js";
import { readSbgParams } from "./_internal/sbg.js";
import type { SbgParams, ShiftedBetaGeometricModel } from "./fitShiftedBetaGeometric.js";

/**
 * Options for {@link simulateSbgCohort}.
 *
 * @category Churn
 */
export interface SimulateSbgCohortOptions {
  /** Customers acquired in period 0 (an integer ≥ 1). */
  readonly size: number;
  /** Renewal periods to simulate after acquisition (an integer ≥ 1). */
  readonly periods: number;
  /** Seed of the generator (same seed, same cohort, on every platform). @defaultValue `1` */
  readonly seed?: number;
}

/**
 * A simulated cohort.
 *
 * @category Churn
 */
export interface SimulatedSbgCohort {
  /** Active customers in periods 0 … periods (period 0 = size): ready for {@link fitShiftedBetaGeometric}. */
  readonly activeByPeriod: readonly number[];
  /** Each customer's lifetime in periods (≥ 1; customers still active after the window have lifetime > periods). */
  readonly lifetimes: readonly number[];
}

/**
 * Simulates a cohort from the sBG model: each customer draws a churn probability θ ~ Beta(α, β)
 * and then churns at each renewal with probability θ (a geometric lifetime). Useful for tests,
 * demos and checking what data a fit can recover.
 *
 * @see Fader & Hardie (2007), "How to Project Customer Retention" (the model's story).
 *
 * @remarks
 * Uses math's seeded `createRng` (no `Math.random`): a given seed gives the same cohort everywhere.
 *
 * @param model - A fitted model or `{ alpha, beta }`.
 * @param options - `{ size, periods, seed = 1 }`.
 * @returns `{ activeByPeriod, lifetimes }`.
 * @throws {@link MetricsError} `invalid_model` for parameters ≤ 0; `out_of_range` / `not_integer` for a bad size or periods; `not_finite` for a bad seed.
 *
 * @example
 * ```ts
 * import { simulateSbgCohort } from "customer-metrics/churn";
 * const c = simulateSbgCohort({ alpha: 0.7, beta: 1.2 }, { size: 1000, periods: 7, seed: 42 });
 * c.activeByPeriod.length; // => 8
 * c.activeByPeriod[0]; // => 1000
 * ```
 *
 * @category Churn
 */
export function simulateSbgCohort(
  model: ShiftedBetaGeometricModel | SbgParams,
  options: SimulateSbgCohortOptions,
): SimulatedSbgCohort {
  assertKnownOptions(options, ["periods", "seed", "size"], "simulateSbgCohort");
  const fn = "simulateSbgCohort";
  const { alpha, beta } = readSbgParams(model, fn);
  const opts = readObject(options, fn, ["options"], "an options object { size, periods, seed? }");
  const size = assertIntegerInRange(opts["size"], 1, 1e8, fn, ["options", "size"]);
  const periods = assertIntegerInRange(opts["periods"], 1, 1e6, fn, ["options", "periods"]);
  const seed = assertFinite(opts["seed"] ?? 1, fn, ["options", "seed"]);
  const rng = createRng(seed);
  const active = new Array<number>(periods + 1).fill(0);
  const lifetimes = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    const theta = rng.beta(alpha, beta);
    const life = theta > 0 ? rng.geometric(theta) : Infinity;
    lifetimes[i] = Number.isFinite(life) ? life : Number.MAX_SAFE_INTEGER;
    const reach = Math.min(periods, (lifetimes[i] as number) - 1);
    for (let t = 0; t <= reach; t++) active[t] = (active[t] as number) + 1;
  }
  return { activeByPeriod: active, lifetimes };
}
