/**
 * Journey benchmarks: `npx tsx bench/run.ts journey`.
 * Inputs: 1,000,000 synthetic customers from the journey area's seeded simulator
 * (simulateColemanCustomers, dates as epoch ms), built once outside the timed functions.
 * Issue target: classify 1 M customers in ≤ 1 s.
 */
import {
  COLEMAN_JOURNEY,
  classifyJourneyStage,
  journeyDistribution,
  journeyFunnel,
  simulateColemanCustomers,
  type JourneyModel,
  type JourneyRule,
} from "customer-metrics/journey";
import { runSuite } from "./_lib.js";

const N = 1_000_000;
const asOf = "2024-06-30";
const customers = simulateColemanCustomers(N, { seed: 2024, asOf, dates: "epoch-ms" });
const isoCustomers = simulateColemanCustomers(100_000, { seed: 2024, asOf, dates: "iso" });

/**
 * Naive baseline: what a straightforward interpreter looks like. Walks the JSON
 * model for every customer (stage list copied and reversed with array methods),
 * builds a Date for every date it reads, compares in milliseconds.
 */
function naiveHolds(rule: JourneyRule, c: Record<string, unknown>, asOfMs: number): boolean {
  if ("all" in rule) return rule.all.every((r) => naiveHolds(r, c, asOfMs));
  if ("any" in rule) return rule.any.some((r) => naiveHolds(r, c, asOfMs));
  if ("not" in rule) return !naiveHolds(rule.not, c, asOfMs);
  if ("stage" in rule) {
    const st = COLEMAN_JOURNEY.stages.find((s) => s.id === rule.stage);
    return st !== undefined && naiveHolds(st.entry, c, asOfMs);
  }
  const v = c[rule.signal];
  if (rule.op === "exists") return v !== undefined && v !== null;
  if (rule.op === "missing") return v === undefined || v === null;
  if (v === undefined || v === null) return false;
  const x = rule.measure === "daysSince" ? Math.floor((asOfMs - new Date(v as number).getTime()) / 86_400_000) : (v as number);
  const y = rule.value as number;
  return { eq: x === y, ne: x !== y, gt: x > y, gte: x >= y, lt: x < y, lte: x <= y }[rule.op];
}
function naiveClassify(model: JourneyModel, list: readonly object[]): Map<string, number> {
  const asOfMs = new Date(asOf).getTime();
  const counts = new Map<string, number>();
  for (const c of list) {
    const stage = [...model.stages].reverse().find((s) => naiveHolds(s.entry, c as Record<string, unknown>, asOfMs));
    const key = stage?.id ?? "(none)";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

// Sanity check (not timed): the baseline and the library agree on this data.
const lib = journeyDistribution(COLEMAN_JOURNEY, customers.slice(0, 10_000), { asOf });
const naive = naiveClassify(COLEMAN_JOURNEY, customers.slice(0, 10_000));
for (const s of lib.stages) if ((naive.get(s.stage) ?? 0) !== s.count) throw new Error(`baseline disagrees on ${s.stage}`);

await runSuite(
  "journey",
  "Journey: classifying customers (COLEMAN_JOURNEY)",
  [
    {
      name: "classifyJourneyStage: 1M customers, one call each (full results)",
      target: "≤ 1 s",
      fn: () => {
        let stalled = 0;
        for (let i = 0; i < N; i++)
          if (classifyJourneyStage(COLEMAN_JOURNEY, customers[i] as object, { asOf }).stalled) stalled++;
        return stalled;
      },
    },
    {
      name: "journeyDistribution: 1M customers (counts + stalled)",
      target: "≤ 1 s",
      fn: () => journeyDistribution(COLEMAN_JOURNEY, customers, { asOf }),
    },
    {
      name: "journeyFunnel: 1M customers (conversion + median days)",
      fn: () => journeyFunnel(COLEMAN_JOURNEY, customers, { asOf }),
    },
    {
      name: "journeyDistribution: 100k customers, ISO date strings",
      fn: () => journeyDistribution(COLEMAN_JOURNEY, isoCustomers, { asOf }),
    },
    { name: "naive interpreter: 1M customers (stage only)", baseline: true, fn: () => naiveClassify(COLEMAN_JOURNEY, customers) },
  ],
  { minSamples: 5, timeMs: 1000 },
);
