import {
  calibrationHoldoutAccuracy,
  conditionalExpectedPurchasesBatch,
  fitBetaGeoNbd,
  probabilityAliveBatch,
  simulateBetaGeoNbd,
  summarizeTransactionColumns,
} from "customer-metrics/btyd";
import { pct, table } from "../_lib/table.js";
import type { DemoSection } from "../_lib/section.js";

/** Buy-till-you-die: who will buy next quarter, and who has quietly left. */
export const section: DemoSection = {
  title: "Buy till you die: expected purchases and P(alive) (BG/NBD)",
  run() {
    // 20,000 customers acquired over 90 days, observed for 15 months; calibration = first 12 months.
    const log = simulateBetaGeoNbd(
      { r: 0.25, alpha: 30, a: 0.8, b: 2.4 },
      { customers: 20_000, seed: 30, acquisitionDays: 90, observationDays: 455 },
    );
    const s = summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day", calibrationEnd: "2024-12-31" });
    const model = fitBetaGeoNbd(s);
    const next90 = conditionalExpectedPurchasesBatch(model, s, 90);
    const alive = probabilityAliveBatch(model, s);
    const order = Array.from(next90.keys()).sort((i, j) => (next90[j] as number) - (next90[i] as number));
    const top = order.slice(0, 8).map((i) => ({
      customer: s.customer[i] as number,
      "repeat buys": s.frequency[i] as number,
      "last buy (day)": s.recency[i] as number,
      "age (days)": s.T[i] as number,
      "E[buys, next 90d]": next90[i] as number,
      "P(alive)": pct(alive[i] as number),
    }));
    const p = model.params;
    const acc = calibrationHoldoutAccuracy(
      model,
      Array.from(s.frequency, (x, i) => ({
        frequency: x,
        recency: s.recency[i] as number,
        T: s.T[i] as number,
        frequencyHoldout: (s.frequencyHoldout as Float64Array)[i] as number,
        durationHoldout: s.durationHoldout as number,
      })),
    );
    const aliveShare = alive.reduce((a, v) => a + v, 0) / alive.length;
    return [
      `Fitted on ${model.n.toLocaleString("en-US")} customers (${model.distinctRows.toLocaleString("en-US")} distinct histories): ` +
        `r = ${p.r.toFixed(3)}, α = ${p.alpha.toFixed(1)} days, a = ${p.a.toFixed(3)}, b = ${p.b.toFixed(3)} (converged: ${model.diagnostics.converged}).`,
      `Estimated active base: ${pct(aliveShare)} of customers.`,
      "",
      "Customers ranked by expected purchases in the next 90 days:",
      table(top, { digits: 2 }),
      "",
      `Holdout check (${s.durationHoldout} days): predicted ${acc.totalPredicted.toFixed(0)} vs actual ${acc.totalActual} repeat purchases; ` +
        `MAE ${acc.mae.toFixed(3)} per customer vs ${acc.naiveMae.toFixed(3)} for the naive "same rate as before" forecast.`,
    ].join("\n");
  },
};
