import { metricsError } from "../../core/errors.js";
import { createRng } from "../../math/index.js";
import { resolveSimulation, TransactionBuffer } from "../_internal/simulate.js";
import { checkModel } from "../_internal/model.js";
import type { BetaGeoParams } from "../modelTypes.js";
import type { SimulatedTransactions, SimulateTransactionsOptions } from "../simulationTypes.js";
import { assertKnownOptions } from "../../core/guards.js";

/**
 * Simulates a customer base that follows the BG/NBD model — a seeded, reproducible transaction log for
 * tests, demos, benchmarks and "what would the model predict" checks.
 *
 * Each customer draws λ ~ Gamma(r, 1/α) (rate per day) and p ~ Beta(a, b); makes a first purchase on a
 * day uniform in the acquisition window; then buys after Exp(λ) waits, dropping out with probability p
 * right after each repeat purchase, until the window ends.
 *
 * @see Fader, Hardie & Lee (2005), §2 (the model's story); lifetimes `generate_data.beta_geometric_nbd_model`.
 *
 * @remarks
 * Purchase times are continuous and recorded as UTC days (several purchases on one day are possible and
 * count once in {@link summarizeTransactions}). With MBG/NBD parameters use `modified: true`: customers
 * may also drop out right after their first purchase. Deterministic for a given seed (math's `createRng`).
 *
 * @param params - `{ r, alpha, a, b }`, `alpha` per day.
 * @param options - Size, seed and window (see {@link SimulateTransactionsOptions}); `modified` for MBG/NBD.
 * @returns A columnar transaction log with its `asOf`.
 * @throws {@link MetricsError} `invalid_model` for non-positive parameters; `invalid_option` / `not_integer`
 * / `out_of_range` for bad options.
 *
 * @example
 * ```ts
 * import { simulateBetaGeoNbd, summarizeTransactionColumns } from "customer-metrics/btyd";
 * const log = simulateBetaGeoNbd({ r: 0.25, alpha: 30, a: 0.8, b: 2.4 }, { customers: 1000, seed: 7, observationDays: 365 });
 * log.customers; // => 1000
 * summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day" }).n; // => 1000
 * ```
 *
 * @category BTYD
 */
export function simulateBetaGeoNbd(
  params: BetaGeoParams,
  options: SimulateTransactionsOptions & {
    /** Simulate MBG/NBD (dropout also possible right after the first purchase). @defaultValue `false` */
    readonly modified?: boolean;
  },
): SimulatedTransactions {
  assertKnownOptions(
    options,
    ["acquisitionDays", "customers", "modified", "observationDays", "seed", "start"],
    "simulateBetaGeoNbd",
  );
  const fn = "simulateBetaGeoNbd";
  const m = checkModel({ model: "bg-nbd", params }, fn);
  if (m.model !== "bg-nbd") throw metricsError(fn, "invalid_model", ["params"], "BG/NBD parameters", params);
  const { r, alpha, a, b } = m.params;
  const sim = resolveSimulation(options, fn);
  const modified = options.modified ?? false;
  if (typeof modified !== "boolean") throw metricsError(fn, "invalid_option", ["options", "modified"], "a boolean", modified);
  const rng = createRng(sim.seed);
  const buf = new TransactionBuffer();
  const end = sim.observationDays;
  for (let c = 0; c < sim.customers; c++) {
    const first = sim.acquisitionDays > 0 ? rng.int(sim.acquisitionDays) : 0;
    buf.push(c, sim.startDay + first);
    const lambda = rng.gamma(r, 1 / alpha);
    const p = rng.beta(a, b);
    if (modified && rng.next() < p) continue;
    let t = first + rng.next(); // a uniform time within the first purchase day
    for (;;) {
      t += rng.exponential(lambda);
      if (!(t < end)) break;
      buf.push(c, sim.startDay + Math.floor(t));
      if (rng.next() < p) break;
    }
  }
  return buf.finish(sim);
}
