import { createRng } from "customer-metrics/math";
import { compareNps, npsBySegment, npsSampleSize, npsTrend, type NpsTimedResponse } from "customer-metrics/nps";
import type { DemoChart, DemoSection } from "../_lib/section.js";
import { pct, table } from "../_lib/table.js";

/**
 * Net Promoter® Score over a year of simulated relationship surveys: the
 * monthly trend with adjusted-Wald intervals and tests, regions against each
 * other, and the sample size needed for a tighter margin.
 * (Net Promoter®, NPS® are registered trademarks of Bain & Company, Inc.,
 * Fred Reichheld and Satmetrix Systems, Inc.)
 */
const REGIONS = ["North", "South", "East", "West"] as const;

function simulate(): (NpsTimedResponse & { region: string })[] {
  const rng = createRng(2026);
  const out: (NpsTimedResponse & { region: string })[] = [];
  for (let month = 0; month < 12; month++) {
    // Promoter propensity drifts up after a service change in month 6; the South lags.
    const n = 120 + rng.int(80);
    for (let i = 0; i < n; i++) {
      const region = REGIONS[rng.int(REGIONS.length)] as string;
      const base = 7.2 + (month >= 6 ? 0.6 : 0) - (region === "South" ? 0.8 : 0);
      const score = Math.max(0, Math.min(10, Math.round(rng.normal(base, 2))));
      // Month 3 (April) had no survey: the trend must show an empty month, not a 0.
      if (month === 3) continue;
      const day = 1 + rng.int(28);
      out.push({ score, at: `2025-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`, region });
    }
  }
  return out;
}

export const section: DemoSection = {
  title: "NPS: trend, regions and sample size",
  run() {
    const responses = simulate();
    const trend = npsTrend(responses, { period: "month" });
    const lines: string[] = [];
    lines.push(
      `${responses.length.toLocaleString("en-US")} simulated answers to the 0–10 recommend question in 2025 (seed 2026).`,
      `Overall NPS ${trend.overall.score.toFixed(1)} (95% adjusted-Wald CI ${trend.overall.confidenceInterval.map((x) => x.toFixed(1)).join(" to ")}).`,
      "",
      table(
        trend.periods.map((p) => ({
          month: p.label,
          n: p.n,
          NPS: p.nps === null ? "(no survey)" : p.nps.score.toFixed(1),
          "95% CI": p.nps === null ? "" : `${p.nps.confidenceInterval[0].toFixed(1)} … ${p.nps.confidenceInterval[1].toFixed(1)}`,
          promoters: p.nps === null ? "" : pct(p.nps.shares.promoter),
          detractors: p.nps === null ? "" : pct(p.nps.shares.detractor),
        })),
      ),
      "",
      "Month-to-month changes that are larger than sampling error (p < 0.05):",
    );
    const sig = trend.changes.filter((c) => c.significant);
    lines.push(
      sig.length === 0
        ? "  none"
        : sig
            .map(
              (c) =>
                `  ${c.from} → ${c.to}: ${c.difference >= 0 ? "+" : ""}${c.difference.toFixed(1)} points (p = ${c.pValue.toFixed(3)})`,
            )
            .join("\n"),
    );
    const h1 = responses.filter((r) => String(r.at) < "2025-07").map((r) => r.score as number);
    const h2 = responses.filter((r) => String(r.at) >= "2025-07").map((r) => r.score as number);
    const half = compareNps(h2, h1);
    lines.push(
      "",
      `Second half vs first half: ${half.difference >= 0 ? "+" : ""}${half.difference.toFixed(1)} points, p = ${half.pValue.toExponential(2)} → ${half.significant ? "a real improvement" : "not distinguishable from noise"}.`,
      "",
      table(
        npsBySegment(responses, "region").segments.map((s) => ({
          region: s.segment,
          n: s.nps.n,
          NPS: s.nps.score.toFixed(1),
          "± (95%)": s.nps.marginOfError.toFixed(1),
          "vs rest":
            s.vsRest === null
              ? ""
              : `${s.vsRest.difference >= 0 ? "+" : ""}${s.vsRest.difference.toFixed(1)}${s.vsRest.significant ? " *" : ""}`,
        })),
      ),
      "(* differs from the other regions at p < 0.05)",
      "",
      `Monthly samples of ~150 give about ±${trend.periods.find((p) => p.nps !== null)?.nps?.marginOfError.toFixed(0)} points. For ±5 points a month, plan ${npsSampleSize(
        {
          marginOfError: 5,
          expectedShares: { promoter: trend.overall.shares.promoter, detractor: trend.overall.shares.detractor },
        },
      ).n.toLocaleString("en-US")} responses.`,
    );
    return lines.join("\n");
  },
  charts(): DemoChart[] {
    const trend = npsTrend(simulate(), { period: "month" });
    const values = trend.periods
      .filter((p) => p.nps !== null)
      .map((p) => ({
        month: p.start,
        nps: p.nps?.score,
        lower: p.nps?.confidenceInterval[0],
        upper: p.nps?.confidenceInterval[1],
      }));
    return [
      {
        id: "nps-trend",
        title: "Monthly NPS with 95% adjusted-Wald intervals (April: no survey)",
        spec: {
          $schema: "https://vega.github.io/schema/vega-lite/v5.json",
          width: 480,
          height: 220,
          data: { values },
          encoding: { x: { field: "month", type: "temporal", title: "month" } },
          layer: [
            { mark: "rule", encoding: { y: { field: "lower", type: "quantitative", title: "NPS" }, y2: { field: "upper" } } },
            { mark: { type: "line", point: true }, encoding: { y: { field: "nps", type: "quantitative" } } },
          ],
        },
      },
    ];
  },
};
