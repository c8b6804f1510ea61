import { metricsError } from "../../core/errors.js";
import { assertFinite, isArrayLike, assertKnownOptions } from "../../core/guards.js";
import { createRng } from "../../math/index.js";
import type { GammaGammaParams } from "./types.js";

/**
 * Options for {@link simulateGammaGammaSpend}.
 *
 * @category BTYD
 */
export interface SimulateGammaGammaOptions {
  /** Seed of the library's deterministic generator (same seed, same data, on every platform). @defaultValue `1` */
  readonly seed?: number | undefined;
}

/**
 * Simulated spend summaries (columns, ready for {@link fitGammaGamma}).
 *
 * @category BTYD
 */
export interface SimulatedSpend {
  /** The frequencies given. */
  readonly frequency: Float64Array;
  /** Mean value of each customer's simulated repeat purchases (0 when frequency is 0). */
  readonly monetaryValue: Float64Array;
  /** Each customer's true mean spend per transaction p/ν (what the model tries to recover). */
  readonly trueMeanSpend: Float64Array;
}

/**
 * Simulates customers' mean purchase values from the Gamma-Gamma model, for tests, demos and
 * parameter-recovery checks: ν ~ Gamma(q, rate v) per customer, and the sum of a customer's x
 * purchase values ~ Gamma(p·x, rate ν).
 *
 * @see Hardie, B. G. S., "The Gamma-Gamma Model of Monetary Value", note 025.
 *
 * @param params - `{ p, q, v }`, each finite and > 0.
 * @param frequencies - Repeat purchases per customer (integers ≥ 0).
 * @param options - See {@link SimulateGammaGammaOptions}.
 * @returns Columns `{ frequency, monetaryValue, trueMeanSpend }`.
 * @throws {@link MetricsError} `invalid_model` for invalid parameters; `invalid_type`/`not_finite`/`not_integer`/`out_of_range` for a bad frequency.
 *
 * @example
 * ```ts
 * import { simulateGammaGammaSpend } from "customer-metrics/btyd";
 * const sim = simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, [1, 2, 0], { seed: 7 });
 * sim.monetaryValue.length; // => 3
 * sim.monetaryValue[2]; // => 0
 * ```
 *
 * @category BTYD
 */
export function simulateGammaGammaSpend(
  params: GammaGammaParams,
  frequencies: ArrayLike<number>,
  options: SimulateGammaGammaOptions = {},
): SimulatedSpend {
  assertKnownOptions(options, ["seed"], "simulateGammaGammaSpend");
  const fn = "simulateGammaGammaSpend";
  if (params === null || typeof params !== "object")
    throw metricsError(fn, "invalid_model", ["params"], "an object { p, q, v }", params);
  for (const k of ["p", "q", "v"] as const) {
    const v = params[k];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      throw metricsError(fn, "invalid_model", ["params", k], "a finite number > 0", v);
  }
  if (!isArrayLike(frequencies))
    throw metricsError(fn, "invalid_type", ["frequencies"], "an array of integers >= 0", frequencies);
  const rng = createRng(assertFinite(options.seed ?? 1, fn, ["options", "seed"]));
  const n = frequencies.length;
  const frequency = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  const trueMeanSpend = new Float64Array(n);
  const { p, q, v } = params;
  for (let i = 0; i < n; i++) {
    const x = frequencies[i];
    if (typeof x !== "number") throw metricsError(fn, "invalid_type", ["frequencies", i], "an integer >= 0", x);
    if (!Number.isFinite(x)) throw metricsError(fn, "not_finite", ["frequencies", i], "an integer >= 0", x);
    if (!Number.isInteger(x)) throw metricsError(fn, "not_integer", ["frequencies", i], "an integer >= 0", x);
    if (x < 0) throw metricsError(fn, "out_of_range", ["frequencies", i], "an integer >= 0", x);
    const nu = rng.gamma(q, 1 / v);
    frequency[i] = x;
    trueMeanSpend[i] = p / nu;
    monetaryValue[i] = x === 0 ? 0 : rng.gamma(p * x, 1 / nu) / x;
  }
  return { frequency, monetaryValue, trueMeanSpend };
}
