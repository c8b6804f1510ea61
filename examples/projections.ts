/**
 * Retention-to-profit projections, notebook style: run with `npx tsx examples/projections.ts`.
 *
 * 1. A customer's profit by tenure (the classic chart's data).
 * 2. The structure of the "5 points more retention → 25–95% more profit" argument, and how the
 *    uplift depends on the tenure profit curve, the discount rate and the acquisition cost.
 * 3. A whole customer base: period table, scenario and tornado.
 * 4. CX → revenue (the assumptions behind "$775M over three years for a $1B company").
 * 5. Earned Growth Rate.
 */
import {
  compareRetentionScenarios,
  customerProfitByTenure,
  cxRevenueImpact,
  earnedGrowthRate,
  projectRetentionProfit,
  retentionSensitivity,
  type ProfitPerCustomer,
  type ProjectionAssumptions,
} from "customer-metrics/projections";
import { heading, pct, table } from "./_lib/table.js";

const usd = (x: { toFixed(d: number): string }, d = 0): string =>
  `$${Number(x.toFixed(d)).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d })}`;

// An illustrative profit curve with Reichheld & Sasser's five sources of profit.
const rising: ProfitPerCustomer = {
  base: "40",
  spendGrowth: { increment: "8", maxTenure: 5 },
  costSavings: { curve: ["0", "4", "7", "9", "10"] },
  referrals: { curve: ["0", "5", "8", "10"] },
  pricePremium: { increment: "3", startTenure: 2, maxTenure: 5 },
};
const flat: ProfitPerCustomer = { base: "40" };

// 1. Profit per customer by tenure
console.log(heading("1. Profit per customer by year of the relationship"));
const one = customerProfitByTenure({
  periods: 8,
  retentionRate: 0.9,
  acquisitionCost: "100",
  profitPerCustomer: rising,
  timing: "start",
  curveExtension: "last-value",
});
console.log(
  table(
    one.tenures.map((t) => ({
      year: t.tenure + 1,
      base: t.components.base.toString(),
      "spend growth": t.components.spendGrowth.toString(),
      "cost savings": t.components.costSavings.toString(),
      referrals: t.components.referrals.toString(),
      premium: t.components.pricePremium.toString(),
      total: t.profitPerCustomer.toString(),
      survival: pct(t.survival),
      expected: usd(t.expectedProfit, 2),
    })),
  ),
);
console.log(`Acquisition cost $100 in year 0; customer NPV over 8 years, undiscounted: ${usd(one.totals.customerNpv, 2)}`);

// 2. The 25–95% argument
console.log(heading("2. Defections 10% → 5%: the uplift in customer value (30 years)"));
const rows = [];
for (const [label, curve, ac] of [
  ["flat, before acquisition cost", flat, "0"],
  ["rising, before acquisition cost", rising, "0"],
  ["flat, net of $100 acquisition", flat, "100"],
  ["rising, net of $100 acquisition", rising, "100"],
] as const) {
  const row: Record<string, string> = { "profit curve": label };
  for (const d of [0, 0.05, 0.1, 0.15]) {
    const base: ProjectionAssumptions = {
      periods: 30,
      retentionRate: 0.9,
      profitPerCustomer: curve,
      discountRate: d,
      acquisitionCost: ac,
      timing: "start",
      curveExtension: "last-value",
    };
    const u = compareRetentionScenarios(base, { retentionDelta: 0.05 }).uplift;
    row[`d = ${pct(d, 0)}`] = `${pct(u.customerNpvRelative ?? 0)} (${usd(u.customerNpv)})`;
  }
  rows.push(row);
}
console.log(table(rows));
console.log("Same five points, +25% to +87%: the headline depends on the curve, the discount rate and the base.");

// 3. A whole customer base
console.log(heading("3. A customer base over 10 years"));
const firm: ProjectionAssumptions = {
  periods: 10,
  startingCustomers: { byTenure: [2000, 1500, 1200, 1000, 800] },
  newCustomersPerPeriod: 1500,
  retentionRate: { type: "per-tenure", rates: [0.7, 0.8, 0.85, 0.9] },
  acquisitionCost: "100",
  profitPerCustomer: rising,
  discountRate: 0.1,
  curveExtension: "last-value",
};
const p = projectRetentionProfit(firm);
console.log(
  table(
    p.periods.map((r) => ({
      year: r.period,
      "at start": Math.round(r.customersAtStart),
      acquired: Math.round(r.acquired),
      retained: Math.round(r.retained),
      lost: Math.round(r.lost),
      "customer profit": usd(r.customerProfit),
      acquisition: usd(r.acquisitionCosts),
      profit: usd(r.profit),
      discounted: usd(r.discountedProfit),
    })),
  ),
);
console.log(`NPV ${usd(p.totals.npv)}, customer NPV ${usd(p.totals.customerNpv, 2)}`);
const c = compareRetentionScenarios(firm, { retentionDelta: 0.05 });
console.log(
  `+5 points of retention: NPV ${usd(c.uplift.npv)} (${pct(c.uplift.npvRelative ?? 0)}), total profit ${usd(c.uplift.totalProfit)} (${pct(c.uplift.totalProfitRelative ?? 0)}), customer NPV ${pct(c.uplift.customerNpvRelative ?? 0)}`,
);
const s = retentionSensitivity(firm, {
  retentionRates: [0.75, 0.8, 0.85, 0.9],
  marginMultipliers: [0.8, 1, 1.2],
  discountRates: [0.06, 0.1, 0.14],
});
console.log("\nTornado (NPV):");
console.log(
  table(
    s.tornado.map((b) => ({
      assumption: b.assumption,
      low: b.low,
      high: b.high,
      "at low": usd(b.metricAtLow),
      "at high": usd(b.metricAtHigh),
      swing: usd(b.swing),
    })),
  ),
);
console.log("\nNPV grid at 10% discount (rows: margin multiplier, columns: constant retention):");
console.log(
  table(
    [0.8, 1, 1.2].map((m) => {
      const row: Record<string, string> = { margin: `×${m}` };
      for (const cell of s.grid.filter((g) => g.marginMultiplier === m && g.discountRate === 0.1))
        row[pct(cell.retentionRate, 0)] = usd(cell.npv);
      return row;
    }),
  ),
);

// 4. CX → revenue
console.log(heading("4. CX → loyalty → revenue: a $1B company, three years"));
const cx = cxRevenueImpact({
  revenue: "1000000000",
  customers: 1_000_000,
  baseline: { retentionRate: 0.8, referralRate: 0.02 },
  improvement: 10,
  elasticities: { retention: 0.01, spend: 0.004, referral: 0.001 },
  years: 3,
});
console.log(
  table(
    cx.years.map((y) => ({
      year: y.year,
      customers: Math.round(y.customers),
      revenue: usd(y.revenue),
      impact: usd(y.impact),
      cumulative: usd(y.cumulativeImpact),
    })),
  ),
);
console.log(
  `Impact ${usd(cx.totals.impact)} (Temkin's headline: $775M) — retention ${usd(cx.drivers.retention)}, spend ${usd(cx.drivers.spend)}, referrals ${usd(cx.drivers.referral)}, interaction ${usd(cx.drivers.interaction)}`,
);

// 5. Earned Growth Rate
console.log(heading("5. Earned Growth Rate (Bain)"));
const g = earnedGrowthRate({ netRevenueRetention: 0.85, earnedNewRevenueShare: 0.25, boughtNewRevenueShare: 0.2 });
console.log(`NRR 85% + earned new 25% − 100% = EGR ${pct(g.earnedGrowthRate)}; reported growth ${pct(g.totalGrowthRate ?? 0)}`);
