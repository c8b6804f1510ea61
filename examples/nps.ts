/**
 * Net Promoter® Score, notebook style: run with `npx tsx examples/nps.ts`.
 * (Net Promoter®, NPS® are registered trademarks of Bain & Company, Inc., Fred Reichheld and
 * Satmetrix Systems, Inc.)
 *
 * 1. Score, shares and the two interval methods on small and large samples.
 * 2. One million answers in one pass, and partitions merged exactly.
 * 3. Weighting to the customer base (Kish effective n).
 * 4. Is a change real? Two-sample tests.
 * 5. How many responses for ±k points?
 * 6. Bad input: rejected with a path, or skipped and counted.
 */
import { createRng } from "customer-metrics/math";
import { compareNps, mergeNpsTallies, nps, npsSampleSize, npsTally } from "customer-metrics/nps";
import { isMetricsError } from "customer-metrics/core";
import { heading, pct, table } from "./_lib/table.js";

const rng = createRng(7);
const answer = (promoterBias: number): number => Math.max(0, Math.min(10, Math.round(rng.normal(7 + promoterBias, 2.2))));

console.log(heading("1. Score and intervals: Wald vs adjusted Wald"));
const samples = [5, 20, 100, 1000].map((n) => Array.from({ length: n }, () => answer(0.5)));
console.log(
  table(
    samples.flatMap((s) =>
      (["adjusted-wald", "wald"] as const).map((interval) => {
        const r = nps(s, { interval });
        return {
          n: r.n,
          method: interval,
          NPS: r.score.toFixed(1),
          lower: r.confidenceInterval[0].toFixed(1),
          upper: r.confidenceInterval[1].toFixed(1),
          "±": r.marginOfError.toFixed(1),
        };
      }),
    ),
  ),
);
console.log(
  "All promoters in a sample of 5:",
  JSON.stringify(nps([10, 9, 10, 10, 9], { interval: "wald" }).confidenceInterval),
  "(Wald) vs",
  nps([10, 9, 10, 10, 9])
    .confidenceInterval.map((x) => x.toFixed(1))
    .join(" … "),
  "(adjusted Wald)",
);

console.log(heading("2. A million answers, and partitions"));
const big = new Uint8Array(1_000_000);
for (let i = 0; i < big.length; i++) big[i] = answer(0.3);
let t0 = performance.now();
const whole = npsTally(big);
console.log(`npsTally over ${big.length.toLocaleString("en-US")} answers: ${(performance.now() - t0).toFixed(1)} ms`);
const parts = Array.from({ length: 10 }, (_, k) => npsTally(big.subarray(k * 100_000, (k + 1) * 100_000)));
t0 = performance.now();
const merged = mergeNpsTallies(...parts);
console.log(
  `10 partition tallies merged in ${(performance.now() - t0).toFixed(2)} ms; identical to the whole: ${JSON.stringify(merged) === JSON.stringify(whole)}`,
);
console.log(table((whole.distribution ?? []).map((count, answer) => ({ answer, count, share: pct(count / whole.n) }))));
const r = nps(merged);
console.log(
  `NPS ${r.score.toFixed(2)} ± ${r.marginOfError.toFixed(2)} (promoters ${pct(r.shares.promoter)}, detractors ${pct(r.shares.detractor)})`,
);

console.log(heading("3. Weighting to the customer base"));
// Enterprise customers are 20% of the base but 50% of respondents: weight them down.
const scores: number[] = [];
const weights: number[] = [];
for (let i = 0; i < 400; i++) {
  const enterprise = i < 200;
  scores.push(answer(enterprise ? 1 : -0.5));
  weights.push(enterprise ? 0.2 / 0.5 : 0.8 / 0.5);
}
const unweighted = nps(scores);
const weighted = nps(scores, { weights });
console.log(
  table([
    {
      view: "unweighted",
      NPS: unweighted.score.toFixed(1),
      "n / n_eff": unweighted.effectiveN.toFixed(0),
      "95% CI": unweighted.confidenceInterval.map((x) => x.toFixed(1)).join(" … "),
    },
    {
      view: "weighted to base",
      NPS: weighted.score.toFixed(1),
      "n / n_eff": weighted.effectiveN.toFixed(0),
      "95% CI": weighted.confidenceInterval.map((x) => x.toFixed(1)).join(" … "),
    },
  ]),
);

console.log(heading("4. Is the change real?"));
const before = Array.from({ length: 150 }, () => answer(0));
const after = Array.from({ length: 150 }, () => answer(0.4));
for (const interval of ["adjusted-wald", "wald"] as const) {
  const c = compareNps(after, before, { interval });
  console.log(
    `${interval.padEnd(13)} difference ${c.difference.toFixed(1)} points, SE ${c.standardError.toFixed(1)}, z ${c.z.toFixed(2)}, p ${c.pValue.toFixed(3)} → ${c.significant ? "significant" : "not significant"}`,
  );
}

console.log(heading("5. Sample size for ±k points (95%)"));
console.log(
  table(
    [20, 10, 7.5, 5, 3].map((k) => ({
      "±points": k,
      "worst case": npsSampleSize({ marginOfError: k }).n,
      "50% / 20% mix": npsSampleSize({ marginOfError: k, expectedShares: { promoter: 0.5, detractor: 0.2 } }).n,
      "70% / 10% mix": npsSampleSize({ marginOfError: k, expectedShares: { promoter: 0.7, detractor: 0.1 } }).n,
    })),
  ),
);

console.log(heading("6. Bad input"));
try {
  nps([9, 10, 7, null, 8]);
} catch (e) {
  if (isMetricsError(e)) console.log(`thrown: ${e.code} at ${JSON.stringify(e.path)}: ${e.message}`);
}
const skipped = nps([9, 10, 7, null, 8, 11, 6.5, "9" as never], { onInvalid: "skip" });
console.log(`skipped: n = ${skipped.n}, excluded ${skipped.excluded.count}:`, skipped.excluded.byReason);
