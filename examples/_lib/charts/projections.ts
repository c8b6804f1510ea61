/** Projection charts: profit per customer by tenure, and the +5-point retention scenario. */
import { compareRetentionScenarios, customerProfitByTenure, type ProjectionAssumptions } from "customer-metrics/projections";
import type { ChartDef } from "./index.js";
import { multiLine } from "./specs.js";
import type { TopLevelSpec } from "vega-lite";

/**
 * Illustrative assumptions in the spirit of Reichheld & Sasser (1990): $80 to
 * acquire a customer, $40 base profit a year, growing purchases, lower service
 * cost, referrals and a price premium as the relationship matures.
 */
export const TENURE_ASSUMPTIONS = {
  periods: 10,
  startingCustomers: 1000,
  retentionRate: 0.8,
  acquisitionCost: "80",
  discountRate: 0.1,
  profitPerCustomer: {
    base: "40",
    spendGrowth: { curve: ["0", "8", "14", "19", "23", "26"] },
    costSavings: { curve: ["0", "4", "7", "9", "10"] },
    referrals: { curve: ["0", "3", "6", "8", "10"] },
    pricePremium: { curve: ["0", "2", "4", "5", "6"] },
  },
  curveExtension: "last-value",
} as const satisfies ProjectionAssumptions;

const COMPONENT_LABEL: Readonly<Record<string, string>> = {
  base: "base profit",
  spendGrowth: "increased purchases",
  costSavings: "lower operating cost",
  referrals: "referrals",
  pricePremium: "price premium",
  "acquisition cost": "acquisition cost",
};

export const PROJECTION_CHARTS: readonly ChartDef[] = [
  {
    id: "profit-by-tenure",
    area: "projections",
    title: "Profit one customer generates by year of the relationship, by source (Reichheld & Sasser's chart)",
    guide: "docs/projections.md",
    spec(): TopLevelSpec {
      const result = customerProfitByTenure(TENURE_ASSUMPTIONS);
      const order = Object.keys(COMPONENT_LABEL);
      const rows = result.series
        .filter((p) => p.series in COMPONENT_LABEL)
        .map((p) => ({
          year: Number(p.x),
          profit: p.y,
          source: COMPONENT_LABEL[p.series] as string,
          order: order.indexOf(p.series),
        }));
      return {
        title: {
          text: "Profit per customer by year of tenure",
          subtitle: `customerProfitByTenure(...).series: customer NPV ${result.totals.customerNpv.toFixed(2)} at 80% retention and a 10% discount rate`,
        },
        width: 560,
        height: 280,
        data: { values: rows },
        mark: "bar",
        encoding: {
          x: { field: "year", type: "ordinal", title: "Year of the relationship (0 = acquisition)", axis: { labelAngle: 0 } },
          y: { field: "profit", type: "quantitative", title: "Profit per active customer ($)", stack: "zero" },
          color: { field: "source", type: "nominal", title: "Source", sort: order.map((k) => COMPONENT_LABEL[k] as string) },
          order: { field: "order", type: "quantitative" },
        },
      } as TopLevelSpec;
    },
  },
  {
    id: "retention-plus-5",
    area: "projections",
    title: "Profit from a cohort of 1,000 customers: 80% retention vs the same business at 85%",
    guide: "docs/projections.md",
    spec() {
      const c = compareRetentionScenarios(TENURE_ASSUMPTIONS, { retentionDelta: 0.05 });
      const label: Readonly<Record<string, string>> = {
        "baseline profit": "80% retention",
        "improved profit": "85% retention (+5 points)",
      };
      const rows = c.series
        .filter((p) => p.series in label)
        .map((p) => ({ year: Number(p.x), profit: p.y, scenario: label[p.series] as string }));
      const rel = c.uplift.customerNpvRelative;
      return multiLine({
        title: "+5 points of retention",
        subtitle: `compareRetentionScenarios(base, { retentionDelta: 0.05 }): customer NPV ${rel === null ? "" : `+${(rel * 100).toFixed(0)}%`}, total profit +${((c.uplift.totalProfitRelative ?? 0) * 100).toFixed(0)}%`,
        rows,
        x: { field: "year", title: "Year", type: "quantitative", format: "d" },
        y: { field: "profit", title: "Cohort profit in the year ($)" },
        series: { field: "scenario", title: "Scenario" },
      });
    },
  },
];
