/**
 * Customer segments, notebook style: run with `npx tsx examples/segments.ts`.
 *
 * 1. RFM scores from an order log, and how ties are scored.
 * 2. Named segments from the default table, and your own table.
 * 3. Value × risk quadrants from a BG/NBD fit.
 */
import {
  fitBetaGeoNbd,
  probabilityAliveBatch,
  conditionalExpectedPurchasesBatch,
  simulateBetaGeoNbd,
  summarizeTransactionColumns,
} from "customer-metrics/btyd";
import { createRng } from "customer-metrics/math";
import {
  DEFAULT_RFM_SEGMENT_MAP,
  rfmFromTransactions,
  rfmScores,
  rfmSegments,
  valueRiskQuadrants,
} from "customer-metrics/segments";
import { heading, pct, table } from "./_lib/table.js";

console.log(heading("1. RFM scores"));
const orders = [
  { customerId: "ann", at: "2024-01-05", amount: 120 },
  { customerId: "ann", at: "2024-05-20", amount: 80 },
  { customerId: "ann", at: "2024-06-25", amount: 100 },
  { customerId: "bob", at: "2024-02-11", amount: 30 },
  { customerId: "cy", at: "2024-06-01", amount: 45 },
  { customerId: "cy", at: "2024-06-20", amount: 55 },
  { customerId: "dee", at: "2024-06-25", amount: 300 },
  { customerId: "eve", at: "2024-03-30", amount: 20 },
  { customerId: "eve", at: "2024-04-02", amount: 25 },
];
const small = rfmFromTransactions(orders, { asOf: "2024-06-30" });
console.log(
  table(
    small.map((s) => ({
      customer: s.customerId,
      "days since last": s.sinceLastPurchase,
      purchases: s.frequency,
      "avg spend": s.monetaryValue,
      R: s.r,
      F: s.f,
      M: s.m,
      code: s.code,
    })),
  ),
);
console.log("Ann and Dee both bought 5 days ago: tied customers share the lower score (R = 4), so nobody has R = 5.");
console.log(
  "Frequency ties too: Bob and Dee bought once (F = 1), Cy and Eve twice (F = 1 + floor(5 · 2 / 5) = 3), Ann three times (F = 5).",
);

const cut = rfmScores(
  small.map((s) => ({
    customerId: s.customerId,
    frequency: s.frequency,
    recency: 0,
    T: s.sinceLastPurchase,
    monetaryValue: s.monetaryValue,
  })),
  { method: "cut-points", cutPoints: { recency: [14, 30, 90, 180], frequency: [2, 3, 5, 10], monetary: [25, 50, 100, 250] } },
);
console.log("\nThe same customers on fixed cut points (days 14/30/90/180, purchases 2/3/5/10, spend 25/50/100/250):");
console.log(table(cut.map((s) => ({ customer: s.customerId, code: s.code }))));

console.log(heading("2. Named segments"));
const log = simulateBetaGeoNbd(
  { r: 0.3, alpha: 25, a: 0.7, b: 2.5 },
  { customers: 5000, seed: 3, acquisitionDays: 180, observationDays: 365 },
);
const rng = createRng(4);
const basket = Array.from({ length: log.customers }, () => rng.gamma(4, 15));
const tx = Array.from(log.customer, (c, i) => ({
  customerId: c,
  at: (log.day[i] as number) * 86_400_000,
  amount: Math.round((basket[c] as number) * rng.gamma(8, 1 / 8) * 100) / 100,
}));
const scores = rfmFromTransactions(tx, { asOf: log.asOf });
const segs = rfmSegments(scores);
const counts = new Map<string, number>();
for (const s of segs) counts.set(s.segment, (counts.get(s.segment) ?? 0) + 1);
console.log(`Default table (${DEFAULT_RFM_SEGMENT_MAP.length} rows) on ${log.customers} simulated customers:`);
console.log(
  table(
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([segment, n]) => ({ segment, customers: n, share: pct(n / segs.length) })),
  ),
);
const mine = rfmSegments(scores, {
  segmentMap: [
    { segment: "VIP", m: [5, 5], f: [4, 5] },
    { segment: "Active", r: [4, 5] },
    { segment: "Lapsing", r: [2, 3] },
  ],
  fallback: "Dormant",
});
const mineCounts = new Map<string, number>();
for (const s of mine) mineCounts.set(s.segment, (mineCounts.get(s.segment) ?? 0) + 1);
console.log("Your own four-segment table:");
console.log(table([...mineCounts.entries()].map(([segment, n]) => ({ segment, customers: n, share: pct(n / mine.length) }))));

console.log(heading("3. Value × risk"));
const s = summarizeTransactionColumns({ customer: log.customer, day: log.day }, { asOf: log.asOf, unit: "day" });
const model = fitBetaGeoNbd(s);
const alive = probabilityAliveBatch(model, { frequency: s.frequency, recency: s.recency, T: s.T });
const next = conditionalExpectedPurchasesBatch(model, { frequency: s.frequency, recency: s.recency, T: s.T }, 365);
const q = valueRiskQuadrants(
  Array.from(s.customer, (c, i) => ({
    customerId: c,
    probabilityAlive: alive[i] as number,
    value: (next[i] as number) * (basket[c] as number),
  })),
);
console.log(
  `BG/NBD fit: r=${model.params.r.toFixed(3)} α=${model.params.alpha.toFixed(1)} a=${model.params.a.toFixed(3)} b=${model.params.b.toFixed(3)}; value threshold (median) ${q.thresholds.value.toFixed(2)}`,
);
console.log(
  table(
    q.quadrants.map((x) => ({
      quadrant: x.quadrant,
      customers: x.count,
      share: pct(x.share),
      "value share": x.valueShare === null ? "–" : pct(x.valueShare),
    })),
  ),
);
const rescue = q.customers
  .filter((c) => c.quadrant === "rescue")
  .sort((a, b) => b.value - a.value)
  .slice(0, 5);
console.log("Top of the rescue list:");
console.log(
  table(rescue.map((c) => ({ customer: c.customerId, "P(alive)": pct(c.probabilityAlive), "expected value": c.value }))),
);
