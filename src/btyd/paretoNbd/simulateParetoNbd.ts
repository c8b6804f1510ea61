import { metricsError } from "../../core/errors.js";
import { createRng } from "../../math/index.js";
import { resolveSimulation, TransactionBuffer } from "../_internal/simulate.js";
import { checkModel } from "../_internal/model.js";
import type { ParetoNbdParams } from "../modelTypes.js";
import type { SimulatedTransactions, SimulateTransactionsOptions } from "../simulationTypes.js";
import { assertKnownOptions } from "../../core/guards.js";

/**
 * Simulates a customer base that follows the Pareto/NBD model — a seeded, reproducible transaction log.
 *
 * Each customer draws a purchase rate λ ~ Gamma(r, 1/α) and a dropout rate μ ~ Gamma(s, 1/β) (per day), a
 * lifetime τ ~ Exp(μ) from the first purchase, and buys after Exp(λ) waits while alive and inside the window.
 *
 * @see Schmittlein, Morrison & Colombo (1987); lifetimes `generate_data.pareto_nbd_model`.
 *
 * @remarks
 * Purchase times are continuous and recorded as UTC days. Deterministic for a given seed.
 *
 * @param params - `{ r, alpha, s, beta }`, rates per day.
 * @param options - Size, seed and window (see {@link SimulateTransactionsOptions}).
 * @returns A columnar transaction log with its `asOf`.
 * @throws {@link MetricsError} `invalid_model` for non-positive parameters; `invalid_option` / `not_integer`
 * / `out_of_range` for bad options.
 *
 * @example
 * ```ts
 * import { simulateParetoNbd } from "customer-metrics/btyd";
 * const log = simulateParetoNbd({ r: 0.55, alpha: 75, s: 0.6, beta: 80 }, { customers: 500, seed: 1, observationDays: 273 });
 * log.asOf; // => "2024-09-29"
 * ```
 *
 * @category BTYD
 */
export function simulateParetoNbd(params: ParetoNbdParams, options: SimulateTransactionsOptions): SimulatedTransactions {
  assertKnownOptions(options, ["acquisitionDays", "customers", "observationDays", "seed", "start"], "simulateParetoNbd");
  const fn = "simulateParetoNbd";
  const m = checkModel({ model: "pareto-nbd", params }, fn);
  if (m.model !== "pareto-nbd") throw metricsError(fn, "invalid_model", ["params"], "Pareto/NBD parameters", params);
  const { r, alpha, s, beta } = m.params;
  const sim = resolveSimulation(options, fn);
  const rng = createRng(sim.seed);
  const buf = new TransactionBuffer();
  const end = sim.observationDays;
  for (let c = 0; c < sim.customers; c++) {
    const first = sim.acquisitionDays > 0 ? rng.int(sim.acquisitionDays) : 0;
    buf.push(c, sim.startDay + first);
    const lambda = rng.gamma(r, 1 / alpha);
    const mu = rng.gamma(s, 1 / beta);
    const t0 = first + rng.next();
    const death = t0 + rng.exponential(mu);
    const stop = Math.min(death, end);
    let t = t0;
    for (;;) {
      t += rng.exponential(lambda);
      if (!(t < stop)) break;
      buf.push(c, sim.startDay + Math.floor(t));
    }
  }
  return buf.finish(sim);
}
