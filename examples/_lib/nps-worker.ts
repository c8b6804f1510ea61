/**
 * Worker for examples/scale-duckdb.ts: tallies a slice of a shared buffer of
 * NPS answers and posts the (small, plain) tally back to the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { npsTally } from "customer-metrics/nps";

const { shared, from, to } = workerData as { shared: Uint8Array; from: number; to: number };
parentPort?.postMessage(npsTally(shared.subarray(from, to)));
