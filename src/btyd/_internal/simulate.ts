/** Shared option handling and output buffers of the transaction-log simulators. */
import { metricsError } from "../../core/errors.js";
import { fromDayNumber, toDayNumber } from "../../core/time.js";
import type { SimulateTransactionsOptions, SimulatedTransactions } from "../simulationTypes.js";

export interface ResolvedSimulation {
  readonly customers: number;
  readonly seed: number;
  readonly startDay: number;
  readonly acquisitionDays: number;
  readonly observationDays: number;
}

export function resolveSimulation(options: SimulateTransactionsOptions, fn: string): ResolvedSimulation {
  if (options === null || typeof options !== "object")
    throw metricsError(fn, "invalid_option", ["options"], "an options object", options);
  const int = (v: unknown, name: string, min: number, max: number): number => {
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
      throw metricsError(
        fn,
        typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v) ? "not_integer" : "invalid_option",
        ["options", name],
        `an integer from ${min} to ${max}`,
        v,
      );
    }
    return v;
  };
  const customers = int(options.customers, "customers", 1, 50_000_000);
  const seed = int(options.seed, "seed", -(2 ** 53), 2 ** 53);
  const startDay = toDayNumber(options.start ?? "2024-01-01", { fn, path: ["options", "start"] });
  const acquisitionDays = int(options.acquisitionDays ?? 0, "acquisitionDays", 0, 36500);
  const observationDays = int(options.observationDays, "observationDays", 1, 365000);
  if (acquisitionDays >= observationDays) {
    throw metricsError(
      fn,
      "out_of_range",
      ["options", "acquisitionDays"],
      `less than observationDays (${observationDays})`,
      acquisitionDays,
    );
  }
  return { customers, seed, startDay, acquisitionDays, observationDays };
}

/** Growable (customer, day) buffers: amortised doubling, no per-transaction allocation. */
export class TransactionBuffer {
  customer = new Int32Array(1024);
  day = new Int32Array(1024);
  length = 0;
  push(c: number, d: number): void {
    if (this.length === this.customer.length) {
      const cap = this.customer.length * 2;
      const nc = new Int32Array(cap);
      nc.set(this.customer);
      const nd = new Int32Array(cap);
      nd.set(this.day);
      this.customer = nc;
      this.day = nd;
    }
    this.customer[this.length] = c;
    this.day[this.length] = d;
    this.length++;
  }
  finish(sim: ResolvedSimulation): SimulatedTransactions {
    return {
      customer: this.customer.slice(0, this.length),
      day: this.day.slice(0, this.length),
      customers: sim.customers,
      transactions: this.length,
      start: fromDayNumber(sim.startDay),
      asOf: fromDayNumber(sim.startDay + sim.observationDays - 1),
    };
  }
}
