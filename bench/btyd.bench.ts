/**
 * BTYD benchmarks (issue 5 targets): summaries of 1M transactions, BG/NBD and Pareto/NBD on CDNOW
 * (../shared/data if present, else a simulated CDNOW-sized base), BG/NBD on 100k and 1M simulated
 * customers including the collapse step, each next to a naive baseline measured in the same run.
 */
import { existsSync, readFileSync } from "node:fs";
import {
  fitBetaGeoNbd,
  fitParetoNbd,
  simulateBetaGeoNbd,
  summarizeTransactionColumns,
  summarizeTransactions,
  type BtydSummaryColumns,
} from "../src/btyd/index.js";
import { fromDayNumber } from "../src/core/index.js";
import { createRng, logGamma, minimize } from "../src/math/index.js";
import { runSuite, type BenchCase } from "./_lib.js";

const rng = createRng(5);
const truth = { r: 0.25, alpha: 30, a: 0.8, b: 2.4 };

// ~1M transactions, shuffled (a real log is in time order, not grouped by customer).
const log = simulateBetaGeoNbd(truth, { customers: 385_000, seed: 1, acquisitionDays: 90, observationDays: 455 });
const n = log.transactions;
const order = Int32Array.from({ length: n }, (_, i) => i);
for (let i = n - 1; i > 0; i--) {
  const j = rng.int(i + 1);
  const t = order[i] as number;
  order[i] = order[j] as number;
  order[j] = t;
}
const customer = Int32Array.from(order, (i) => log.customer[i] as number);
const day = Int32Array.from(order, (i) => log.day[i] as number);
const amount = Float64Array.from(order, () => 5 + rng.int(100));
const objects = Array.from(order, (_, k) => ({
  customerId: customer[k] as number,
  at: fromDayNumber(day[k] as number),
  amount: amount[k] as number,
}));
const asOf = log.asOf;

/** Naive summary: Map<customer, transactions[]>, sort by day, Set of distinct days. */
function naiveSummary(): number {
  const by = new Map<number, { d: number; a: number }[]>();
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    let arr = by.get(c);
    if (!arr) by.set(c, (arr = []));
    arr.push({ d: day[i] as number, a: amount[i] as number });
  }
  let acc = 0;
  for (const arr of by.values()) {
    arr.sort((p, q) => p.d - q.d);
    const days = new Set(arr.map((t) => t.d));
    acc += days.size - 1 + (arr[arr.length - 1] as { d: number }).d - (arr[0] as { d: number }).d;
  }
  return acc;
}

// CDNOW (published summary) or a simulated base of the same size in weeks.
const dataDir = process.env["CUSTOMER_METRICS_DATA"] ?? new URL("../../shared/data/", import.meta.url).pathname;
const cdnowFile = `${dataDir}/cdnow_customers_summary.csv`;
let cdnow: { frequency: number; recency: number; T: number }[];
let cdnowLabel = "CDNOW (2,357 customers)";
if (existsSync(cdnowFile)) {
  cdnow = readFileSync(cdnowFile, "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => {
      const [, x, tx, T] = l.split(",").map(Number);
      return { frequency: x as number, recency: tx as number, T: T as number };
    });
} else {
  cdnowLabel = "simulated CDNOW-sized base (2,357 customers; shared data absent)";
  const sim = simulateBetaGeoNbd(
    { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 },
    { customers: 2357, seed: 9, acquisitionDays: 84, observationDays: 273 },
  );
  const s = summarizeTransactionColumns(sim, { asOf: sim.asOf, unit: "day", unitMultiplier: 7 });
  cdnow = Array.from(s.frequency, (x, i) => ({ frequency: x, recency: s.recency[i] as number, T: s.T[i] as number }));
}

/** Naive BG/NBD fit: per-customer log-likelihood (no collapsing, lnΓ per row), numerical gradients. */
function naiveBgNbd(rows: readonly { frequency: number; recency: number; T: number }[]): number[] {
  const f = (u: readonly number[]): number => {
    const [r, alpha, a, b] = u.map(Math.exp) as [number, number, number, number];
    let ll = 0;
    for (const { frequency: x, recency: tx, T } of rows) {
      const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
      const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
      const a3 = -(r + x) * Math.log(alpha + T);
      const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
      ll += a1 + a2 + Math.log(Math.exp(a3) + Math.exp(a4));
    }
    return -ll / rows.length;
  };
  return minimize(f, [0, 0, 0, 0]).x;
}

function simulatedColumns(customers: number, seed: number): BtydSummaryColumns {
  const l = simulateBetaGeoNbd(truth, { customers, seed, acquisitionDays: 90, observationDays: 455 });
  return summarizeTransactionColumns(l, { asOf: l.asOf, unit: "day" });
}
const sim100k = simulatedColumns(100_000, 2);
const sim1m = simulatedColumns(1_000_000, 3);

const cases: BenchCase[] = [
  {
    name: `summarizeTransactionColumns: ${(n / 1e6).toFixed(2)}M transactions (typed arrays, shuffled)`,
    fn: () => summarizeTransactionColumns({ customer, day, amount }, { asOf, unit: "day" }),
    target: "≤ 400 ms",
  },
  {
    name: `summarizeTransactions: ${(n / 1e6).toFixed(2)}M transaction objects (ISO date strings, ids via Map)`,
    fn: () => summarizeTransactions(objects, { asOf, unit: "day" }),
  },
  { name: `naive summary (Map of arrays, sort, Set): ${(n / 1e6).toFixed(2)}M transactions`, fn: naiveSummary, baseline: true },
  { name: `fitBetaGeoNbd: ${cdnowLabel}`, fn: () => fitBetaGeoNbd(cdnow), target: "≤ 5 ms" },
  { name: `fitParetoNbd: ${cdnowLabel}`, fn: () => fitParetoNbd(cdnow), target: "≤ 30 ms" },
  {
    name: `naive BG/NBD fit (per-row likelihood, numerical gradient): ${cdnowLabel}`,
    fn: () => naiveBgNbd(cdnow),
    baseline: true,
  },
  {
    name: "fitBetaGeoNbd: 100k simulated customers (columns, incl. collapse)",
    fn: () => fitBetaGeoNbd(sim100k),
    target: "≤ 150 ms",
  },
  { name: "fitBetaGeoNbd: 1M simulated customers (columns, incl. collapse)", fn: () => fitBetaGeoNbd(sim1m), target: "≤ 800 ms" },
];

await runSuite("btyd", "BTYD: transaction summaries and BG/NBD, Pareto/NBD fits", cases, { timeMs: 1000, minSamples: 5 });
