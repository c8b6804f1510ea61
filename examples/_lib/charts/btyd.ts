/** BTYD charts: calibration/holdout check of a BG/NBD fit. */
import {
  calibrationHoldoutAccuracy,
  fitBetaGeoNbd,
  simulateBetaGeoNbd,
  summarizeTransactionColumns,
} from "customer-metrics/btyd";
import type { ChartDef } from "./index.js";
import { groupedBars } from "./specs.js";

/**
 * Simulates two years of purchases by 5,000 customers (BG/NBD, weekly
 * summaries), fits BG/NBD on the first year and predicts the second.
 */
export function holdoutCheck(seed = 2026) {
  const log = simulateBetaGeoNbd(
    { r: 0.5, alpha: 40, a: 0.7, b: 3 },
    { customers: 5000, seed, start: "2024-01-01", acquisitionDays: 182, observationDays: 731 },
  );
  const summary = summarizeTransactionColumns(log, { asOf: log.asOf, calibrationEnd: "2024-12-31", unit: "week" });
  const model = fitBetaGeoNbd({ frequency: summary.frequency, recency: summary.recency, T: summary.T });
  const customers = Array.from(summary.customer, (_, i) => ({
    frequency: summary.frequency[i] as number,
    recency: summary.recency[i] as number,
    T: summary.T[i] as number,
    frequencyHoldout: (summary.frequencyHoldout as Float64Array)[i] as number,
    durationHoldout: summary.durationHoldout as number,
  }));
  const accuracy = calibrationHoldoutAccuracy(model, customers, { maxFrequencyBucket: 7 });
  return { model, accuracy, customers: customers.length, holdoutWeeks: summary.durationHoldout as number };
}

export const BTYD_CHARTS: readonly ChartDef[] = [
  {
    id: "expected-vs-holdout",
    area: "btyd",
    title: "BG/NBD: predicted vs actual purchases in the holdout year, by calibration-year repeat purchases",
    guide: "docs/btyd.md",
    spec() {
      const { accuracy, customers, holdoutWeeks } = holdoutCheck();
      const rows = accuracy.buckets.flatMap((b) => {
        const label = b.orMore ? `${b.frequency}+` : String(b.frequency);
        return [
          { frequency: label, series: "actual", purchases: b.actual },
          { frequency: label, series: "BG/NBD prediction", purchases: b.predicted },
        ];
      });
      return groupedBars({
        title: "Expected purchases vs holdout",
        subtitle: `fitBetaGeoNbd on 2024, calibrationHoldoutAccuracy on the next ${holdoutWeeks} weeks: ${customers.toLocaleString("en-US")} customers, MAE ${accuracy.mae.toFixed(2)}`,
        rows,
        x: { field: "frequency", title: "Repeat purchase weeks in the calibration year" },
        y: { field: "purchases", title: "Mean purchase weeks in the holdout year" },
        series: { field: "series", title: "" },
      });
    },
  },
];
