/**
 * Projections benchmarks: `npx tsx bench/run.ts projections`.
 * Inputs are built once from the library's seeded simulators (sBG retention).
 */
import { Decimal } from "decimal.js";
import { fitShiftedBetaGeometric, sbgRetention, simulateSbgCohort } from "customer-metrics/churn";
import { projectRetentionProfit, retentionSensitivity, type ProjectionAssumptions } from "customer-metrics/projections";
import { runSuite } from "./_lib.js";

const cohort = simulateSbgCohort({ alpha: 0.9, beta: 2.6 }, { size: 5000, periods: 12, seed: 7 });
const fit = fitShiftedBetaGeometric([...cohort.activeByPeriod]);
const tenureRates = (n: number): number[] => Array.from({ length: n }, (_, k) => sbgRetention(fit, k + 1));

const yearly: ProjectionAssumptions = {
  periods: 10,
  startingCustomers: { byTenure: [...cohort.activeByPeriod.slice(0, 6)] },
  newCustomersPerPeriod: { type: "growing", initial: 5000, growthRate: 0.05 },
  retentionRate: { type: "per-tenure", rates: tenureRates(16) },
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
const monthly = (periods: number): ProjectionAssumptions => ({
  periods,
  periodUnit: "month",
  startingCustomers: 20000,
  newCustomersPerPeriod: 1500,
  retentionRate: { type: "per-tenure", rates: Array.from({ length: periods }, (_, k) => 0.9 + 0.08 * (1 - Math.exp(-k / 12))) },
  acquisitionCost: "90",
  profitPerCustomer: { base: "4", spendGrowth: { increment: "0.05" }, costSavings: { curve: ["0", "0.5", "1", "1.5"] } },
  discountRate: 0.008,
  curveExtension: "last-value",
});
const m120 = monthly(120);
const m2000 = monthly(2000);

/** Naive baseline: every cohort tracked separately, every operation in Decimal (what a spreadsheet port looks like). */
function naiveProjection(a: ProjectionAssumptions): Decimal {
  const D = Decimal.clone({ precision: 34 });
  const rates = (a.retentionRate as { rates: number[] }).rates.map((r) => new D(r));
  const profit = (k: number): Decimal =>
    new D("4").plus(new D("0.05").times(k)).plus(new D(["0", "0.5", "1", "1.5"][Math.min(k, 3)]!));
  const cohorts: { n: Decimal; k: number }[] = [{ n: new D(20000), k: 0 }];
  const v = new D(1).plus(0.008);
  let npv = new D(0);
  for (let t = 1; t <= a.periods; t++) {
    cohorts.push({ n: new D(1500), k: 0 });
    let p = new D(-1500 * 90).div(v.pow(t - 1));
    for (const c of cohorts) {
      c.n = c.n.times(rates[Math.min(c.k, rates.length - 1)]!);
      p = p.plus(c.n.times(profit(c.k)).div(v.pow(t)));
      c.k++;
    }
    npv = npv.plus(p);
  }
  return npv;
}

await runSuite("projections", "Projections: retention → profit", [
  {
    name: "projectRetentionProfit: 10 years, tenure mix, 5 components",
    fn: () => projectRetentionProfit(yearly),
    target: "interactive (≤ 16 ms)",
  },
  {
    name: "projectRetentionProfit: 120 months, per-tenure retention",
    fn: () => projectRetentionProfit(m120),
    target: "interactive (≤ 16 ms)",
  },
  { name: "naive Decimal cohort loop: 120 months (NPV only)", fn: () => naiveProjection(m120), baseline: true },
  { name: "projectRetentionProfit: 2000 periods (the maximum)", fn: () => projectRetentionProfit(m2000) },
  {
    name: "retentionSensitivity: 10 × 5 × 5 grid + tornado, 10 years",
    fn: () =>
      retentionSensitivity(yearly, {
        retentionRates: Array.from({ length: 10 }, (_, i) => 0.5 + i * 0.05),
        marginMultipliers: [0.8, 0.9, 1, 1.1, 1.2],
        discountRates: [0.04, 0.07, 0.1, 0.13, 0.16],
      }),
    target: "≤ 1 s",
  },
]);
