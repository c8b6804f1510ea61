import { fitShiftedBetaGeometric, sbgRetention, simulateSbgCohort } from "customer-metrics/churn";
import {
  compareRetentionScenarios,
  customerProfitByTenure,
  projectRetentionProfit,
  retentionSensitivity,
  type ProjectionAssumptions,
} from "customer-metrics/projections";
import type { DemoChart, DemoSection } from "../_lib/section.js";
import { pct, table } from "../_lib/table.js";

/**
 * Retention → profit: retention by tenure measured on a simulated customer base
 * (sBG fit), an illustrative profit curve by tenure, a 10-year projection, what
 * five more points of retention are worth, and which assumption matters most.
 */
function build(): { assumptions: ProjectionAssumptions; observed: readonly number[]; rates: number[] } {
  // One cohort of 5,000 customers acquired each of the past 7 years; simulated survivors by tenure.
  const cohort = simulateSbgCohort({ alpha: 0.9, beta: 2.6 }, { size: 5000, periods: 6, seed: 2026 });
  const observed = cohort.activeByPeriod;
  const fit = fitShiftedBetaGeometric([...observed]);
  // Retention of customers with tenure k (k whole years served) is the sBG retention in year k + 1.
  const rates = Array.from({ length: 16 }, (_, k) => Number(sbgRetention(fit, k + 1).toFixed(4)));
  const assumptions: ProjectionAssumptions = {
    periods: 10,
    periodUnit: "year",
    startingCustomers: { byTenure: [...observed] },
    newCustomersPerPeriod: 5000,
    retentionRate: { type: "per-tenure", rates },
    acquisitionCost: "120",
    profitPerCustomer: {
      base: "45",
      spendGrowth: { increment: "9", maxTenure: 5 },
      costSavings: { curve: ["0", "4", "7", "9", "10"] },
      referrals: { curve: ["0", "3", "5", "6"] },
      pricePremium: { increment: "2", startTenure: 2, maxTenure: 5 },
    },
    discountRate: 0.1,
    curveExtension: "last-value",
  };
  return { assumptions, observed, rates };
}

const money0 = (x: { toFixed(d: number): string }): string => Number(x.toFixed(0)).toLocaleString("en-US");

export const section: DemoSection = {
  title: "Projections: what five more points of retention are worth",
  run() {
    const { assumptions, observed, rates } = build();
    const p = projectRetentionProfit(assumptions);
    const c = compareRetentionScenarios(assumptions, { retentionDelta: 0.05 });
    const s = retentionSensitivity(assumptions, {
      retentionRates: [0.8, 0.9],
      marginMultipliers: [0.8, 1.2],
      discountRates: [0.06, 0.14],
    });
    const tenure = customerProfitByTenure(assumptions);
    const lines: string[] = [];
    lines.push(
      `Active customers by tenure (one simulated cohort of 5,000, sBG): ${observed.join(", ")}`,
      `Fitted retention by tenure: ${rates
        .slice(0, 6)
        .map((r) => pct(r))
        .join(", ")}, … (${pct(rates[15]!)} at tenure 15)`,
      "",
      "Profit per customer by year of the relationship (illustrative curve) and its expected value:",
      table(
        tenure.tenures.slice(0, 6).map((t) => ({
          year: t.tenure + 1,
          profit: money0(t.profitPerCustomer),
          survival: pct(t.survival),
          "expected profit": t.expectedProfit.toFixed(2),
        })),
      ),
      `Customer NPV (10 years, 10%, net of $120 acquisition): $${tenure.totals.customerNpv.toFixed(2)}`,
      "",
      "10-year projection (5,000 new customers a year):",
      table(
        p.periods.map((r) => ({
          year: r.period,
          "at start": Math.round(r.customersAtStart),
          acquired: Math.round(r.acquired),
          lost: Math.round(r.lost),
          profit: money0(r.profit),
          discounted: money0(r.discountedProfit),
        })),
      ),
      `NPV $${money0(p.totals.npv)}; total profit $${money0(p.totals.profit)}`,
      "",
      "Five more points of retention at every tenure:",
      table([
        {
          measure: "NPV",
          baseline: money0(c.baseline.totals.npv),
          improved: money0(c.improved.totals.npv),
          uplift: money0(c.uplift.npv),
          "%": pct(c.uplift.npvRelative ?? 0),
        },
        {
          measure: "total profit",
          baseline: money0(c.baseline.totals.profit),
          improved: money0(c.improved.totals.profit),
          uplift: money0(c.uplift.totalProfit),
          "%": pct(c.uplift.totalProfitRelative ?? 0),
        },
        {
          measure: "customer NPV",
          baseline: c.baseline.totals.customerNpv.toFixed(2),
          improved: c.improved.totals.customerNpv.toFixed(2),
          uplift: c.uplift.customerNpv.toFixed(2),
          "%": pct(c.uplift.customerNpvRelative ?? 0),
        },
      ]),
      "",
      "Tornado (NPV; retention as one constant rate from 80% to 90%, margin ±20%, discount 6%–14%):",
      table(
        s.tornado.map((b) => ({
          assumption: b.assumption,
          low: b.low,
          high: b.high,
          "NPV at low": money0(b.metricAtLow),
          "NPV at high": money0(b.metricAtHigh),
          swing: money0(b.swing),
        })),
      ),
      "The headline percentage is the customer-NPV line; the firm's 10-year NPV moves less (see docs/projections.md).",
    );
    return lines.join("\n");
  },
  charts(): DemoChart[] {
    const { assumptions } = build();
    const tenure = customerProfitByTenure({ ...assumptions, periods: 8 });
    const c = compareRetentionScenarios(assumptions, { retentionDelta: 0.05 });
    const stack = tenure.series.filter((p) => p.series !== "expected profit" && p.series !== "survival");
    return [
      {
        id: "projections-profit-by-tenure",
        title: "Profit per customer by year of the relationship, by source (illustrative curve; year 0 = acquisition cost)",
        spec: {
          $schema: "https://vega.github.io/schema/vega-lite/v5.json",
          width: 480,
          height: 240,
          data: { values: stack.map((p) => ({ ...p })) },
          mark: "bar",
          encoding: {
            x: { field: "x", type: "ordinal", title: "year" },
            y: { field: "y", type: "quantitative", title: "profit per customer ($)", stack: "zero" },
            color: { field: "series", type: "nominal", title: "source" },
          },
        },
      },
      {
        id: "projections-scenario",
        title: "Profit per year: baseline vs five more points of retention",
        spec: {
          $schema: "https://vega.github.io/schema/vega-lite/v5.json",
          width: 480,
          height: 240,
          data: { values: c.series.filter((p) => p.series !== "profit uplift").map((p) => ({ ...p })) },
          mark: { type: "line", point: true },
          encoding: {
            x: { field: "x", type: "ordinal", title: "year" },
            y: { field: "y", type: "quantitative", title: "profit ($)" },
            color: { field: "series", type: "nominal", title: null },
          },
        },
      },
    ];
  },
};
