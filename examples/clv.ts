/**
 * Customer lifetime value, notebook style: `npx tsx examples/clv.ts`.
 *
 * 1. Gupta–Lehmann CLV and its cash-flow table; 2. units done right; 3. dashboard LTV, LTV:CAC and
 * payback; 4. model-based CLV (BG/NBD × Gamma-Gamma) on a simulated store, ranked, with intervals.
 */
import {
  customerLifetimeValue,
  customerLifetimeValueInterval,
  fitBetaGeoNbd,
  fitGammaGamma,
  simulateBetaGeoNbd,
  simulateGammaGammaSpend,
  summarizeTransactionColumns,
  topCustomersByValue,
} from "customer-metrics/btyd";
import { cacPaybackPeriods, clvCashflows, clvFromRetention, clvToCacRatio, simpleClv } from "customer-metrics/clv";
import { convertRate, isMetricsError } from "customer-metrics/core";
import { heading, pct, table } from "./_lib/table.js";

console.log(heading("1. Gupta–Lehmann: margin × r / (1 + d − r)"));
const base = { margin: "100", retentionRate: 0.8, discountRate: 0.1 } as const;
const closed = clvFromRetention(base);
console.log(
  `Annual margin $100, retention 80%, discount 10%: CLV $${closed.value.toFixed(2)} (margin multiple ${closed.marginMultiple.toFixed(2)})`,
);
console.log(`Billed at the start of each year: $${clvFromRetention({ ...base, timing: "start" }).value.toFixed(2)}`);
console.log(`With margins growing 5% a year: $${clvFromRetention({ ...base, marginGrowth: 0.05 }).value.toFixed(2)}`);
const cf = clvCashflows({ ...base, horizon: 8 });
console.log("\nThe same customer as an explicit cash-flow table (8 years):");
console.log(
  table(
    cf.rows.map((r) => ({
      year: r.period,
      "still a customer": pct(r.survival),
      "expected margin": r.expectedMargin.toFixed(2),
      discount: r.discountFactor.toFixed(4),
      "present value": r.presentValue.toFixed(2),
      cumulative: r.cumulativePresentValue.toFixed(2),
    })),
  ),
);
console.log(
  `8 years: $${cf.total.toFixed(2)}; 30 years: $${clvFromRetention({ ...base, horizon: 30 }).value.toFixed(2)}; forever: $${closed.value.toFixed(2)}`,
);

console.log(heading("2. Units: a weekly rate never meets a monthly margin silently"));
try {
  clvFromRetention({
    margin: { value: "40", unit: "month" },
    retentionRate: { value: 0.993, unit: "week" },
    discountRate: 0.008,
  });
} catch (e) {
  if (isMetricsError(e)) console.log(`${e.code} at ${JSON.stringify(e.path)}: ${e.message}`);
}
const monthlyRetention = convertRate(0.993, { from: "week", to: "month", kind: "retention" });
const monthlyDiscount = convertRate(0.1, { from: "year", to: "month", kind: "interest" });
const monthly = clvFromRetention({
  margin: { value: "40", unit: "month" },
  retentionRate: { value: monthlyRetention, unit: "month" },
  discountRate: { value: monthlyDiscount, unit: "month" },
});
console.log(
  `Converted explicitly: retention ${pct(monthlyRetention, 2)}/month, discount ${pct(monthlyDiscount, 3)}/month → CLV $${monthly.value.toFixed(2)} (${monthly.period})`,
);

console.log(heading("3. Dashboard LTV, LTV:CAC and CAC payback"));
const ltv = simpleClv({ arpa: "2000", grossMargin: 0.6, churnRate: 0.005 });
console.log(
  `ARPA $2,000, 60% margin, 0.5% churn → LTV $${ltv.value.toFixed(0)} (${ltv.method}, lifetime ${ltv.lifetime} months)`,
);
console.log(`LTV:CAC at CAC $80,000: ${clvToCacRatio({ clv: ltv.value, cac: "80000" }).ratio}:1`);
console.log(
  table(
    [1, 0.99, 0.97, 0.9, 0.8].map((r) => {
      const pb = cacPaybackPeriods({ cac: "600", margin: "96", retentionRate: r, discountRate: 0.008 });
      return {
        "monthly retention": pct(r, 0),
        "payback (months)": pb.periods === "never" ? "never" : pb.periods.toFixed(2),
        "whole months": pb.wholePeriods,
      };
    }),
  ),
);

console.log(heading("4. Model-based CLV: BG/NBD purchases × Gamma-Gamma spend"));
const log = simulateBetaGeoNbd(
  { r: 0.25, alpha: 30, a: 0.8, b: 2.4 },
  { customers: 3000, seed: 7, observationDays: 365, acquisitionDays: 120 },
);
const s = summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day" });
const spend = simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, s.frequency, { seed: 8 });
const purchaseModel = fitBetaGeoNbd({ frequency: s.frequency, recency: s.recency, T: s.T });
const spendModel = fitGammaGamma({ frequency: s.frequency, monetaryValue: spend.monetaryValue });
console.log(`Gamma-Gamma fit on ${spendModel.n} repeat buyers (${spendModel.excluded.nonRepeat} one-time buyers excluded):`);
console.log(
  table(
    (["p", "q", "v"] as const).map((k) => ({
      parameter: k,
      estimate: spendModel.params[k],
      "std. error": spendModel.standardErrors?.[k] ?? null,
      truth: { p: 6.25, q: 3.74, v: 15.44 }[k],
    })),
  ),
);
const customers = Array.from(s.frequency, (x, i) => ({
  customerId: `C${i}`,
  frequency: x,
  recency: s.recency[i] as number,
  T: s.T[i] as number,
  monetaryValue: spend.monetaryValue[i] as number,
}));
const horizon = { purchaseModel, spendModel, periods: 12, periodLength: 30, discountRate: 0.01 };
const rows = customerLifetimeValue({ ...horizon, customers });
const top = topCustomersByValue(rows, 5);
const topIds = new Set(top.map((t) => t.customerId));
const interval = customerLifetimeValueInterval(
  { ...horizon, customers: customers.filter((c) => topIds.has(c.customerId)) },
  { draws: 300, seed: 1 },
);
const iv = new Map(interval.rows.map((r) => [r.customerId, r]));
console.log("\nTop 5 customers by next-year CLV, with 90% parametric-bootstrap intervals:");
console.log(
  table(
    top.map((t) => ({
      rank: t.rank,
      customer: String(t.customerId),
      CLV: t.value.toFixed(2),
      "90% interval": `${iv.get(t.customerId)!.lower.toFixed(0)} – ${iv.get(t.customerId)!.upper.toFixed(0)}`,
      share: pct(t.share, 2),
    })),
  ),
);
console.log(`(draws: purchase model ${interval.purchaseModelUncertainty}, spend model ${interval.spendModelUncertainty})`);
const wrong = customerLifetimeValue({ ...horizon, periodLength: 1, customers: customers.slice(0, 1) })[0]!;
console.log(
  `\nPitfall: periodLength in the model's unit. With periodLength 1 (days, not months) customer ${wrong.customerId} ` +
    `would be worth $${wrong.value.toFixed(2)} "in 12 months" instead of $${rows[0]!.value.toFixed(2)}.`,
);
