/** NPS charts: monthly trend with its confidence band. */
import { createRng } from "customer-metrics/math";
import { npsTrend, type NpsTimedResponse } from "customer-metrics/nps";
import { fromDayNumber, toDayNumber } from "customer-metrics/core";
import type { ChartDef } from "./index.js";
import { lineWithBand } from "./specs.js";

/**
 * Twelve months of simulated survey answers (seeded): 120–400 answers a month,
 * the share of promoters rising after a service change in June.
 */
export function simulateNpsResponses(seed = 2026): NpsTimedResponse[] {
  const rng = createRng(seed);
  const out: NpsTimedResponse[] = [];
  const first = toDayNumber("2025-01-01");
  for (let m = 0; m < 12; m++) {
    const n = 120 + rng.int(280);
    const promoter = 0.38 + (m >= 5 ? 0.09 : 0) + rng.uniform(-0.03, 0.03);
    const detractor = 0.24 - (m >= 5 ? 0.05 : 0) + rng.uniform(-0.03, 0.03);
    const start = toDayNumber(`2025-${String(m + 1).padStart(2, "0")}-01`) - first;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      const score = u < promoter ? 9 + rng.int(2) : u < promoter + detractor ? rng.int(7) : 7 + rng.int(2);
      out.push({ score, at: fromDayNumber(first + start + rng.int(28)) });
    }
  }
  return out;
}

export const NPS_CHARTS: readonly ChartDef[] = [
  {
    id: "nps-trend",
    area: "nps",
    title: "Monthly NPS with its 95% confidence band (adjusted Wald), simulated survey",
    guide: "docs/nps.md",
    spec() {
      const trend = npsTrend(simulateNpsResponses(), { period: "month" });
      const rows = trend.periods
        .filter((p) => p.nps !== null)
        .map((p) => ({
          month: p.start,
          nps: p.nps?.score ?? 0,
          lower: p.nps?.confidenceInterval[0] ?? 0,
          upper: p.nps?.confidenceInterval[1] ?? 0,
          n: p.n,
        }));
      return lineWithBand({
        title: "Net Promoter Score by month",
        subtitle: `npsTrend(responses, { period: "month" }): score and 95% interval, n = ${trend.overall.n.toLocaleString("en-US")} answers`,
        rows,
        x: { field: "month", title: "Month", type: "temporal", format: "%b %Y" },
        y: { field: "nps", title: "NPS (points)" },
        lower: "lower",
        upper: "upper",
        points: true,
      });
    },
  },
];
