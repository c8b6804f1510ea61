import {
  conditionalExpectedPurchasesBatch,
  fitBetaGeoNbd,
  probabilityAliveBatch,
  simulateBetaGeoNbd,
  summarizeTransactionColumns,
} from "customer-metrics/btyd";
import { createRng } from "customer-metrics/math";
import { rfmFromTransactions, rfmSegments, valueRiskQuadrants } from "customer-metrics/segments";
import { pct, table } from "../_lib/table.js";
import type { DemoSection } from "../_lib/section.js";

const MS_PER_DAY = 86_400_000;

/** RFM segments from a simulated order log, and value × risk quadrants from a BG/NBD fit. */
export const section: DemoSection = {
  title: "Segments: RFM and value × risk",
  run() {
    // 10,000 customers acquired over 180 days, observed for a year (BG/NBD purchases, gamma-distributed order values).
    const log = simulateBetaGeoNbd(
      { r: 0.3, alpha: 25, a: 0.7, b: 2.5 },
      { customers: 10_000, seed: 70, acquisitionDays: 180, observationDays: 365 },
    );
    const rng = createRng(71);
    const basket = Array.from({ length: log.customers }, () => rng.gamma(4, 15)); // each customer's typical order
    const orders = Array.from(log.customer, (c, i) => ({
      customerId: c,
      at: (log.day[i] as number) * MS_PER_DAY,
      amount: Math.round((basket[c] as number) * rng.gamma(8, 1 / 8) * 100) / 100,
    }));

    const scores = rfmFromTransactions(orders, { asOf: log.asOf });
    const segments = rfmSegments(scores);
    const bySegment = new Map<string, { n: number; revenue: number; r: number; f: number; m: number }>();
    let total = 0;
    segments.forEach((s, i) => {
      const sc = scores[i]!;
      const revenue = sc.frequency * sc.monetaryValue;
      total += revenue;
      const g = bySegment.get(s.segment) ?? { n: 0, revenue: 0, r: 0, f: 0, m: 0 };
      g.n++;
      g.revenue += revenue;
      g.r += s.r;
      g.f += s.f;
      g.m += s.m;
      bySegment.set(s.segment, g);
    });
    const segRows = [...bySegment.entries()]
      .sort((a, b) => b[1].revenue - a[1].revenue)
      .map(([segment, g]) => ({
        segment,
        customers: g.n,
        share: pct(g.n / segments.length),
        "revenue share": pct(g.revenue / total),
        "mean R": g.r / g.n,
        "mean F": g.f / g.n,
        "mean M": g.m / g.n,
      }));

    // Value × risk: BG/NBD P(alive) against the next year's expected spend.
    const s = summarizeTransactionColumns({ customer: log.customer, day: log.day }, { asOf: log.asOf, unit: "day" });
    const model = fitBetaGeoNbd(s);
    const alive = probabilityAliveBatch(model, { frequency: s.frequency, recency: s.recency, T: s.T });
    const nextYear = conditionalExpectedPurchasesBatch(model, { frequency: s.frequency, recency: s.recency, T: s.T }, 365);
    const q = valueRiskQuadrants(
      Array.from(s.customer, (c, i) => ({
        customerId: c,
        probabilityAlive: alive[i] as number,
        value: (nextYear[i] as number) * (basket[c] as number),
      })),
    );
    return [
      `RFM (quintiles, first purchase counted) on ${log.transactions.toLocaleString("en-US")} simulated orders of ${log.customers.toLocaleString("en-US")} customers, as of ${log.asOf}:`,
      table(segRows, { digits: 1 }),
      "",
      `Value × risk (BG/NBD P(alive) < 50% is at risk; value = expected next-year purchases × typical order, median ${q.thresholds.value.toFixed(0)}):`,
      table(
        q.quadrants.map((x) => ({
          quadrant: x.quadrant,
          customers: x.count,
          share: pct(x.share),
          "value share": x.valueShare === null ? "–" : pct(x.valueShare),
        })),
      ),
      '"Rescue" holds valuable customers the model thinks may have left: the first list for a win-back call.',
    ].join("\n");
  },
};
