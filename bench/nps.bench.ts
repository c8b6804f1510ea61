/**
 * NPS benchmarks: `npx tsx bench/run.ts nps`.
 * Inputs: 10,000,000 answers 0–10 drawn once from the math area's seeded RNG (createRng(2026)) with a
 * realistic mix (≈ 45% promoters, 30% passives, 25% detractors), as a Uint8Array and as a number[].
 * Issue target: tally 10 M scores in ≤ 20 ms, beside a naive `filter`-based baseline in the same run.
 */
import { createRng } from "customer-metrics/math";
import { mergeNpsTallies, nps, npsTally, npsTrend, type NpsTally } from "customer-metrics/nps";
import { ratingTally } from "customer-metrics/surveys";
import { runSuite } from "./_lib.js";

const N = 10_000_000;
const rng = createRng(2026);
// Cumulative weights for answers 0..10.
const weights = [0.02, 0.01, 0.02, 0.03, 0.03, 0.05, 0.09, 0.12, 0.18, 0.2, 0.25];
const cdf: number[] = [];
weights.reduce((acc, w, k) => (cdf[k] = acc + w), 0);
const draw = (): number => {
  const u = rng.next() * (cdf[10] as number);
  let k = 0;
  while (u >= (cdf[k] as number)) k++;
  return k;
};
const bytes = new Uint8Array(N);
for (let i = 0; i < N; i++) bytes[i] = draw();
const plain: number[] = Array.from(bytes);
const ratings = new Uint8Array(N);
for (let i = 0; i < N; i++) ratings[i] = 1 + ((bytes[i] as number) >> 1) - ((bytes[i] as number) === 10 ? 1 : 0);

/** Naive baseline: three `filter` passes over the array, no validation. */
function naiveNps(scores: readonly number[]): number {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return (100 * (promoters - detractors)) / scores.length;
}

// Sanity check (not timed): the baseline and the library agree.
const expected = naiveNps(plain);
if (Math.abs(nps(bytes).score - expected) > 1e-9 || Math.abs(nps(plain).score - expected) > 1e-9)
  throw new Error("baseline disagrees");

const parts: NpsTally[] = [];
for (let i = 0; i < 1000; i++) parts.push(npsTally(bytes.subarray(i * 10_000, (i + 1) * 10_000)));
const start = Date.UTC(2022, 0, 1);
const dated = Array.from({ length: 1_000_000 }, (_, i) => ({
  score: bytes[i] as number,
  at: start + Math.floor(rng.next() * 3 * 365) * 86_400_000,
}));

await runSuite("nps", "NPS (10 M answers)", [
  { name: "npsTally: 10 M scores (Uint8Array)", fn: () => npsTally(bytes), target: "≤ 20 ms" },
  { name: "npsTally: 10 M scores (number[])", fn: () => npsTally(plain), target: "≤ 20 ms" },
  { name: "naive filter-based NPS: 10 M scores (number[])", fn: () => naiveNps(plain), baseline: true },
  { name: "nps (score + adjusted-Wald CI): 10 M scores (Uint8Array)", fn: () => nps(bytes) },
  { name: "mergeNpsTallies: 1,000 partition tallies", fn: () => mergeNpsTallies(...parts) },
  { name: "npsTrend: 1 M dated responses, monthly", fn: () => npsTrend(dated, { period: "month" }) },
  { name: "ratingTally (CSAT histogram): 10 M ratings (Uint8Array)", fn: () => ratingTally(ratings) },
]);
