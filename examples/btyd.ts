/**
 * Buy-till-you-die models, notebook style: simulate a customer base, summarise its transactions,
 * fit four models, predict, and check the predictions on a holdout window.
 *
 *   npx tsx examples/btyd.ts
 */
import {
  btydLogLikelihood,
  calibrationHoldoutAccuracy,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBetaGeoBetaBinomial,
  fitBetaGeoNbd,
  fitModifiedBetaGeoNbd,
  fitParetoNbd,
  probabilityAlive,
  probabilityOfPurchases,
  simulateParetoNbd,
  summarizeTransactions,
  type HoldoutCustomer,
} from "customer-metrics/btyd";
import { fromDayNumber } from "customer-metrics/core";
import { heading, pct, table } from "./_lib/table.js";

// 1. A transaction log: 10,000 Pareto/NBD customers acquired over Q1 2024, observed until 2025-03-31.
const log = simulateParetoNbd(
  { r: 0.55, alpha: 75, s: 0.6, beta: 80 },
  { customers: 10_000, seed: 2024, acquisitionDays: 90, observationDays: 455 },
);
const transactions = Array.from(log.day, (d, i) => ({ customerId: `c${log.customer[i]}`, at: fromDayNumber(d) }));
console.log(heading("1. Transactions → summaries (weeks, calibration to 2024-12-31)"));
const rows = summarizeTransactions(transactions, { asOf: log.asOf, unit: "week", calibrationEnd: "2024-12-31" });
console.log(table(rows.slice(0, 5).map((r) => ({ ...r }))));

// 2. Fit the three continuous-time models on the calibration summaries.
console.log(heading("2. Fits (time unit: weeks)"));
const fits = [fitBetaGeoNbd(rows), fitModifiedBetaGeoNbd(rows), fitParetoNbd(rows)];
console.log(
  table(
    fits.map((m) => ({
      model: m.model,
      params: Object.entries(m.params)
        .map(([k, v]) => `${k}=${v.toFixed(3)}`)
        .join(" "),
      "log-likelihood": m.logLikelihood,
      converged: m.diagnostics.converged,
      "distinct rows": m.distinctRows,
    })),
  ),
);

// 3. Predictions for a few customer histories, under each model.
console.log(heading("3. Next 13 weeks and P(alive)"));
const histories = [
  { label: "one-time buyer, 40 weeks ago", frequency: 0, recency: 0, T: 40 },
  { label: "3 repeat buys, last 2 weeks ago", frequency: 3, recency: 38, T: 40 },
  { label: "3 repeat buys, last 30 weeks ago", frequency: 3, recency: 10, T: 40 },
  { label: "heavy buyer, 25 repeat buys", frequency: 25, recency: 39, T: 40 },
];
console.log(
  table(
    histories.flatMap((h) =>
      fits.map((m) => ({
        customer: h.label,
        model: m.model,
        "E[next 13w]": conditionalExpectedPurchases(m, h, 13),
        "P(alive)": pct(probabilityAlive(m, h)),
      })),
    ),
  ),
);
const bg = fits[0] as (typeof fits)[0];
console.log(`\nA new customer's expected repeat purchases in 52 weeks (BG/NBD): ${expectedPurchases(bg, 52).toFixed(3)}`);
console.log(`P(no repeat purchase in 52 weeks) = ${pct(probabilityOfPurchases(bg, 0, 52))}`);

// 4. Holdout check.
console.log(heading(`4. Calibration vs holdout (${rows[0]?.durationHoldout ?? 0} weeks)`));
for (const m of fits) {
  const acc = calibrationHoldoutAccuracy(m, rows as unknown as HoldoutCustomer[]);
  console.log(
    `${m.model.padEnd(10)} MAE ${acc.mae.toFixed(3)} (naive ${acc.naiveMae.toFixed(3)}), total predicted ${acc.totalPredicted.toFixed(0)} vs actual ${acc.totalActual}`,
  );
}
const acc = calibrationHoldoutAccuracy(fits[2] as (typeof fits)[2], rows as unknown as HoldoutCustomer[]);
console.log(
  table(
    acc.buckets.map((b) => ({
      "calibration x": b.orMore ? `${b.frequency}+` : b.frequency,
      customers: b.customers,
      actual: b.actual,
      predicted: b.predicted,
      naive: b.naive,
    })),
  ),
);
console.log(
  `\nLog-likelihood of the Pareto/NBD fit recomputed: ${btydLogLikelihood(fits[2] as (typeof fits)[2], rows).toFixed(2)}`,
);

// 5. Discrete opportunities: BG/BB on yearly donations (rows compressed with weights).
console.log(heading("5. BG/BB: yearly donations, 6 opportunities"));
const donors = [
  { frequency: 0, recency: 0, n: 6, weight: 3464 },
  { frequency: 1, recency: 1, n: 6, weight: 1091 },
  { frequency: 2, recency: 4, n: 6, weight: 400 },
  { frequency: 3, recency: 6, n: 6, weight: 500 },
  { frequency: 6, recency: 6, n: 6, weight: 1203 },
];
const bgbb = fitBetaGeoBetaBinomial(donors);
console.log(
  `α=${bgbb.params.alpha.toFixed(3)} β=${bgbb.params.beta.toFixed(3)} γ=${bgbb.params.gamma.toFixed(3)} δ=${bgbb.params.delta.toFixed(3)}`,
);
console.log(
  table(
    donors.map((d) => ({
      "donations (x)": d.frequency,
      "last year (t_x)": d.recency,
      donors: d.weight,
      "E[next 5 years]": conditionalExpectedPurchases(bgbb, d, 5),
      "P(alive next year)": pct(probabilityAlive(bgbb, d)),
    })),
  ),
);
