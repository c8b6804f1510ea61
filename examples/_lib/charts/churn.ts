/** Churn charts: cohort retention heatmap, Kaplan–Meier curves, sBG projection vs actual. */
import { simulateBetaGeoNbd } from "customer-metrics/btyd";
import {
  cohortRetention,
  fitShiftedBetaGeometric,
  kaplanMeier,
  logRankTest,
  sbgSurvival,
  simulateSbgCohort,
  type SurvivalRecord,
} from "customer-metrics/churn";
import { createRng } from "customer-metrics/math";
import type { ChartDef } from "./index.js";
import { heatmap, lineWithBand, multiLine } from "./specs.js";

/**
 * Subscribers of two plans (sBG lifetimes in months, seeded) who joined over
 * 24 months and are observed until the end of month 24: lifetimes longer than
 * a subscriber's follow-up are censored.
 */
export function simulatePlans(seed = 2026): { plan: string; records: SurvivalRecord[] }[] {
  const rng = createRng(seed);
  const plans = [
    { plan: "monthly plan", params: { alpha: 0.9, beta: 2.2 }, size: 700 },
    { plan: "annual plan", params: { alpha: 1.1, beta: 6.5 }, size: 500 },
  ];
  return plans.map(({ plan, params, size }, k) => {
    const cohort = simulateSbgCohort(params, { size, periods: 24, seed: seed + k });
    const records = cohort.lifetimes.map((lifetime) => {
      const followUp = 1 + rng.int(24); // months between joining and the analysis date
      return lifetime <= followUp ? { duration: lifetime, churned: true } : { duration: followUp, churned: false };
    });
    return { plan, records };
  });
}

export const CHURN_CHARTS: readonly ChartDef[] = [
  {
    id: "cohort-retention",
    area: "churn",
    title: "Monthly cohort retention: share of each cohort active n months after its first purchase",
    guide: "docs/churn.md",
    spec() {
      // 6,000 customers acquired through 2024, buying as a BG/NBD population (daily rates), seeded.
      const log = simulateBetaGeoNbd(
        { r: 0.6, alpha: 30, a: 0.9, b: 6 },
        { customers: 6000, seed: 2026, start: "2024-01-01", acquisitionDays: 366, observationDays: 731 },
      );
      const table = cohortRetention({ customerIds: log.customer, days: log.day }, { period: "month", asOf: "2025-12-31" });
      const rows = [];
      for (const c of table.cohorts) {
        for (let age = 1; age <= 12; age++) {
          const v = c.retention[age];
          if (v !== null && v !== undefined) rows.push({ cohort: c.cohort, age, retention: v, size: c.size });
        }
      }
      return heatmap({
        title: "Cohort retention by month since first purchase",
        subtitle: `cohortRetention(activity, { period: "month" }): ${table.customers.toLocaleString("en-US")} customers in ${table.cohorts.length} cohorts`,
        rows,
        x: { field: "age", title: "Months since first purchase" },
        y: { field: "cohort", title: "Cohort (month of first purchase)" },
        value: { field: "retention", title: "Active", format: ".0%", domain: [0, 0.6] },
      });
    },
  },
  {
    id: "kaplan-meier",
    area: "churn",
    title: "Kaplan–Meier survival of two subscription plans with 95% confidence bands (log-log)",
    guide: "docs/churn.md",
    spec() {
      const groups = simulatePlans();
      const rows = groups.flatMap(({ plan, records }) => {
        const km = kaplanMeier(records);
        // Start the step function at (0, 1); each step holds until the next event time.
        return [
          { month: 0, survival: 1, lower: 1, upper: 1, plan },
          ...km.steps.map((s) => ({
            month: s.time,
            survival: s.survival,
            lower: s.lower ?? s.survival,
            upper: s.upper ?? s.survival,
            plan,
          })),
        ];
      });
      const test = logRankTest(new Map(groups.map((g) => [g.plan, g.records])));
      return lineWithBand({
        title: "Subscriber survival by plan (Kaplan–Meier)",
        subtitle: `kaplanMeier(records) per plan, censored at the analysis date; log-rank p = ${test.pValue < 0.001 ? "< 0.001" : test.pValue.toFixed(3)}`,
        rows,
        x: { field: "month", title: "Months since joining" },
        y: { field: "survival", title: "Share still subscribed", format: ".0%", domain: [0, 1] },
        lower: "lower",
        upper: "upper",
        series: { field: "plan", title: "Plan" },
        step: true,
      });
    },
  },
  {
    id: "sbg-projection",
    area: "churn",
    title: "Shifted-beta-geometric fit on years 0–4, projected to year 12 and compared with what happened",
    guide: "docs/churn.md",
    spec() {
      // A cohort of 1,000 contract customers (sBG with α = 0.7, β = 2.5), observed for 12 years.
      const cohort = simulateSbgCohort({ alpha: 0.7, beta: 2.5 }, { size: 1000, periods: 12, seed: 2026 });
      const fitYears = 4;
      const fit = fitShiftedBetaGeometric(cohort.activeByPeriod.slice(0, fitYears + 1));
      const rows = cohort.activeByPeriod.flatMap((active, year) => [
        { year, customers: active, series: "actual", kind: year <= fitYears ? "calibration" : "holdout" },
        {
          year,
          customers: 1000 * sbgSurvival(fit, year),
          series: "sBG projection",
          kind: year <= fitYears ? "calibration" : "holdout",
        },
      ]);
      return multiLine({
        title: "sBG projection vs actual",
        subtitle: `fitShiftedBetaGeometric(years 0–${fitYears}): α = ${fit.params.alpha.toFixed(3)}, β = ${fit.params.beta.toFixed(3)}; 1000·sbgSurvival(model, t) beyond`,
        rows,
        x: { field: "year", title: "Year", format: "d" },
        y: { field: "customers", title: "Active customers", domain: [0, 1000] },
        series: { field: "series", title: "" },
        dash: { field: "series", title: "" },
        rule: { x: fitYears, label: "end of calibration" },
      });
    },
  },
];
