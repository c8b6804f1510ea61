/**
 * Churn benchmarks: cohort tables on 10 million activity events and Kaplan–Meier on 1 million
 * lifetimes (the targets), each with a naive baseline measured in the same run.
 */
import { cohortRetention, fitShiftedBetaGeometric, kaplanMeier, logRankTest } from "../src/churn/index.js";
import { fromDayNumber, periodIndex, toDayNumber } from "../src/core/index.js";
import { createRng } from "../src/math/index.js";
import { runSuite, type BenchCase } from "./_lib.js";

const rng = createRng(2024);

// 10M events of 1M customers over three years. Each customer starts on a random day and is
// active on random later days (so cohorts and ages are realistic, not uniform noise).
const N_EVENTS = 10_000_000;
const N_CUSTOMERS = 1_000_000;
const day0 = toDayNumber("2022-01-01");
const span = 3 * 365;
const firstDay = new Int32Array(N_CUSTOMERS);
for (let c = 0; c < N_CUSTOMERS; c++) firstDay[c] = day0 + rng.int(span);
const customerIds = new Int32Array(N_EVENTS);
const days = new Int32Array(N_EVENTS);
for (let i = 0; i < N_EVENTS; i++) {
  const c = i < N_CUSTOMERS ? i : rng.int(N_CUSTOMERS);
  customerIds[i] = c;
  const f = firstDay[c] as number;
  days[i] = i < N_CUSTOMERS ? f : f + rng.int(day0 + span - f);
}
const asOf = fromDayNumber(day0 + span);

/** Naive baseline: Map<customer, Set<month>> with a calendar conversion per event, then count. */
function naiveCohorts(ids: Int32Array, ds: Int32Array, n: number): Map<string, number> {
  const months = new Map<number, Set<number>>();
  for (let i = 0; i < n; i++) {
    const p = periodIndex(ds[i] as number, "month");
    let s = months.get(ids[i] as number);
    if (s === undefined) months.set(ids[i] as number, (s = new Set()));
    s.add(p);
  }
  const cells = new Map<string, number>();
  for (const s of months.values()) {
    const first = Math.min(...s);
    for (const p of s) {
      const key = `${first}:${p - first}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
  }
  return cells;
}

// 1M customer lifetimes in days (integer), 30% still active (censored).
const N_LIFE = 1_000_000;
const durations = new Float64Array(N_LIFE);
const churned = new Uint8Array(N_LIFE);
for (let i = 0; i < N_LIFE; i++) {
  durations[i] = Math.min(1500, Math.floor(rng.exponential(1 / 400)));
  churned[i] = rng.next() < 0.7 ? 1 : 0;
}
const fractional = Float64Array.from(durations, (d) => d + rng.next());
const records = Array.from(durations, (d, i) => ({ duration: d, churned: churned[i] === 1 }));

/** Naive baseline: sort record objects, then walk them (no typed arrays, no counting sort). */
function naiveKm(recs: readonly { duration: number; churned: boolean }[]): number {
  const sorted = recs.slice().sort((a, b) => a.duration - b.duration || Number(b.churned) - Number(a.churned));
  let atRisk = sorted.length;
  let s = 1;
  let i = 0;
  let steps = 0;
  while (i < sorted.length) {
    const t = (sorted[i] as { duration: number }).duration;
    let d = 0;
    let c = 0;
    while (i < sorted.length && (sorted[i] as { duration: number }).duration === t) {
      if ((sorted[i] as { churned: boolean }).churned) d++;
      else c++;
      i++;
    }
    if (d > 0) s *= 1 - d / atRisk;
    atRisk -= d + c;
    steps++;
  }
  return s + steps;
}

const half = N_LIFE / 2;
const groupA = { durations: durations.subarray(0, half), churned: churned.subarray(0, half) };
const groupB = { durations: durations.subarray(half), churned: churned.subarray(half) };

const cases: BenchCase[] = [
  {
    name: "cohortRetention: 10M events, 1M customers → monthly matrix (columns, Int32Array)",
    target: "≤ 2 s",
    fn: () => cohortRetention({ customerIds, days }, { period: "month", asOf }),
  },
  {
    name: "naive Map<id, Set<month>> cohort counts: 10M events",
    baseline: true,
    fn: () => naiveCohorts(customerIds, days, N_EVENTS),
  },
  {
    name: "kaplanMeier: 1M lifetimes (integer days, columns)",
    target: "≤ 0.1 s",
    fn: () => kaplanMeier({ durations, churned }),
  },
  {
    name: "kaplanMeier: 1M lifetimes (fractional times: sort path)",
    fn: () => kaplanMeier({ durations: fractional, churned }),
  },
  {
    name: "kaplanMeier: 1M lifetimes (record objects)",
    fn: () => kaplanMeier(records),
  },
  {
    name: "naive KM: sort 1M record objects and walk",
    baseline: true,
    fn: () => naiveKm(records),
  },
  {
    name: "logRankTest: 2 groups × 500k lifetimes",
    fn: () => logRankTest([groupA, groupB]),
  },
  {
    name: "fitShiftedBetaGeometric: Fader & Hardie High End (8 periods)",
    fn: () => fitShiftedBetaGeometric([1000, 869, 743, 653, 593, 551, 517, 491]),
  },
];

await runSuite("churn", "Churn: cohort tables, Kaplan–Meier, log-rank, sBG", cases, { minSamples: 5, timeMs: 1000 });
