/** Churn charts: cohort retention heatmap (and, as they land, Kaplan–Meier and sBG). */
import { simulateBetaGeoNbd } from "customer-metrics/btyd";
import { cohortRetention } from "customer-metrics/churn";
import type { ChartDef } from "./index.js";
import { heatmap } from "./specs.js";

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
];
