/**
 * CLV benchmarks: model-based CLV for 1 M customers (issue target ≤ 1 s) against lifetimes' naive
 * per-customer loop, plus the Decimal row form, the Gamma-Gamma fit, top-k ranking and the closed forms.
 */
import {
  customerLifetimeValue,
  customerLifetimeValueBatch,
  fitGammaGamma,
  simulateBetaGeoNbd,
  simulateGammaGammaSpend,
  summarizeTransactionColumns,
  topCustomersByValue,
} from "customer-metrics/btyd";
import { clvCashflows, clvFromRetention, simpleClv } from "customer-metrics/clv";
import { runSuite } from "./_lib.js";

const purchaseParams = { r: 0.25, alpha: 30, a: 0.8, b: 2.4 }; // daily BG/NBD
const spendParams = { p: 6.25, q: 3.74, v: 15.44 };
const log = simulateBetaGeoNbd(purchaseParams, { customers: 1_000_000, seed: 1, observationDays: 365, acquisitionDays: 180 });
const s = summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day" });
const spend = simulateGammaGammaSpend(spendParams, s.frequency, { seed: 2 });
const base = {
  purchaseModel: { model: "bg-nbd", params: purchaseParams } as const,
  spendModel: { model: "gamma-gamma", params: spendParams } as const,
  periods: 12,
  periodLength: 30,
  discountRate: 0.01,
};
const cols = (n: number) => ({
  frequency: s.frequency.subarray(0, n),
  recency: s.recency.subarray(0, n),
  T: s.T.subarray(0, n),
  monetaryValue: spend.monetaryValue.subarray(0, n),
});
const all = cols(1_000_000);
const naiveN = 50_000;
const naive = cols(naiveN);
const rows100k = Array.from({ length: 100_000 }, (_, i) => ({
  customerId: i,
  frequency: s.frequency[i] as number,
  recency: s.recency[i] as number,
  T: s.T[i] as number,
  monetaryValue: spend.monetaryValue[i] as number,
}));
const repeat: { frequency: number; monetaryValue: number }[] = [];
for (let i = 0; i < s.n && repeat.length < 100_000; i++)
  if ((s.frequency[i] as number) > 0)
    repeat.push({ frequency: s.frequency[i] as number, monetaryValue: spend.monetaryValue[i] as number });
const values = customerLifetimeValueBatch({ ...base, customers: all }).values;
const ids = Array.from({ length: values.length }, (_, i) => i);

await runSuite(
  "clv",
  "CLV: model-based (BG/NBD × Gamma-Gamma) and closed forms",
  [
    {
      name: "customerLifetimeValueBatch: 1,000,000 customers, daily BG/NBD, 12 × 30-day steps (grouped by (x, T))",
      fn: () => customerLifetimeValueBatch({ ...base, customers: all }).values,
      target: "≤ 1 s",
    },
    {
      name: `naive per-customer loop (lifetimes' method: 12 conditional expectations per customer): ${naiveN.toLocaleString("en-US")} customers — ×${1_000_000 / naiveN} for 1 M`,
      fn: () => customerLifetimeValueBatch({ ...base, customers: naive, method: "per-customer" }).values,
      baseline: true,
    },
    {
      name: "customerLifetimeValue (rows with ids → Decimal values): 100,000 customers",
      fn: () => customerLifetimeValue({ ...base, customers: rows100k }),
    },
    {
      name: "fitGammaGamma: 100,000 repeat buyers",
      fn: () => fitGammaGamma(repeat).params,
    },
    {
      name: "topCustomersByValue: top 100 of 1,000,000 (columns)",
      fn: () => topCustomersByValue({ customerId: ids, value: values }, 100),
    },
    {
      name: "clvFromRetention: closed form (Decimal)",
      fn: () => clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1, marginGrowth: 0.02 }).value,
    },
    {
      name: "clvCashflows: 360-period table (Decimal)",
      fn: () => clvCashflows({ margin: "40", retentionRate: 0.97, discountRate: 0.008, horizon: 360 }).total,
    },
    {
      name: "simpleClv: ARPA × margin ÷ churn (Decimal)",
      fn: () => simpleClv({ arpa: "2000", grossMargin: 0.6, churnRate: 0.005 }).value,
    },
  ],
  { timeMs: 1000, minSamples: 5 },
);
