import {
  customerLifetimeValue,
  fitBetaGeoNbd,
  fitGammaGamma,
  simulateBetaGeoNbd,
  simulateGammaGammaSpend,
  summarizeTransactionColumns,
  topCustomersByValue,
} from "customer-metrics/btyd";
import { cacPaybackPeriods, clvFromRetention, clvToCacRatio, simpleClv } from "customer-metrics/clv";
import type { DemoSection } from "../_lib/section.js";
import { pct, table } from "../_lib/table.js";

/**
 * Customer lifetime value: the finance-team formulas next to the model-based value per customer,
 * on a simulated store (BG/NBD purchases × Gamma-Gamma spend, seed 2026).
 */
export const section: DemoSection = {
  title: "CLV: what a customer is worth, by formula and by model",
  run() {
    const lines: string[] = [];

    // 1. Closed forms: the margin multiple by retention, and the SaaS dashboard numbers.
    const multiples = [0.6, 0.7, 0.8, 0.9].map((r) => ({
      retention: pct(r, 0),
      "multiple @ 8%": clvFromRetention({ margin: "1", retentionRate: r, discountRate: 0.08 }).marginMultiple,
      "multiple @ 12%": clvFromRetention({ margin: "1", retentionRate: r, discountRate: 0.12 }).marginMultiple,
      "CLV of $100/yr @ 12%": clvFromRetention({ margin: "100", retentionRate: r, discountRate: 0.12 }).value.toFixed(2),
    }));
    lines.push("Gupta–Lehmann margin multiple r/(1+d−r): years of margin a customer is worth today", table(multiples), "");
    const ltv = simpleClv({ arpa: { value: "120", unit: "month" }, grossMargin: 0.8, churnRate: { value: 0.03, unit: "month" } });
    const ratio = clvToCacRatio({ clv: ltv.value, cac: "600" });
    const simplePayback = cacPaybackPeriods({ cac: "600", margin: ltv.marginPerPeriod });
    const realPayback = cacPaybackPeriods({ cac: "600", margin: ltv.marginPerPeriod, retentionRate: 0.97, discountRate: 0.008 });
    lines.push(
      `SaaS dashboard: ARPA $120/month, 80% margin, 3% monthly churn → LTV $${ltv.value.toFixed(2)} (${ltv.method}), ` +
        `LTV:CAC ${ratio.ratio.toFixed(1)}:1 at CAC $600; payback ${(simplePayback.periods as number).toFixed(2)} months ` +
        `(${realPayback.wholePeriods} months once churn and a 10%/yr discount rate are counted).`,
      "",
    );

    // 2. Model-based CLV on a simulated store: 5,000 customers acquired over 90 days, observed for a year.
    const log = simulateBetaGeoNbd(
      { r: 0.25, alpha: 30, a: 0.8, b: 2.4 },
      { customers: 5000, seed: 2026, observationDays: 365, acquisitionDays: 90 },
    );
    const summary = summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day" });
    const spend = simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, summary.frequency, { seed: 2027 });
    const purchaseModel = fitBetaGeoNbd({ frequency: summary.frequency, recency: summary.recency, T: summary.T });
    const spendModel = fitGammaGamma({ frequency: summary.frequency, monetaryValue: spend.monetaryValue });
    const customers = Array.from(summary.frequency, (x, i) => ({
      customerId: `C${String(summary.customer[i]).padStart(4, "0")}`,
      frequency: x,
      recency: summary.recency[i] as number,
      T: summary.T[i] as number,
      monetaryValue: spend.monetaryValue[i] as number,
    }));
    const rows = customerLifetimeValue({
      purchaseModel,
      spendModel,
      customers,
      periods: 12,
      periodLength: 30,
      discountRate: 0.01,
    });
    const byId = new Map(rows.map((r) => [r.customerId, r]));
    const top = topCustomersByValue(rows, 8);
    const { p, q, v } = spendModel.params;
    lines.push(
      `Simulated store: ${customers.length.toLocaleString("en-US")} customers, ${log.transactions.toLocaleString("en-US")} purchases in a year.`,
      `Fitted BG/NBD (daily) r = ${purchaseModel.params.r.toFixed(3)}, α = ${purchaseModel.params.alpha.toFixed(1)}, a = ${purchaseModel.params.a.toFixed(2)}, b = ${purchaseModel.params.b.toFixed(2)}; ` +
        `Gamma-Gamma p = ${p.toFixed(2)}, q = ${q.toFixed(2)}, v = ${v.toFixed(2)} on ${spendModel.n.toLocaleString("en-US")} repeat buyers (true 6.25, 3.74, 15.44).`,
      "",
      "Most valuable customers: next-12-month CLV (12 × 30-day steps, 1% a month)",
      table(
        top.map((t) => {
          const r = byId.get(t.customerId)!;
          const c = customers.find((x) => x.customerId === t.customerId)!;
          return {
            rank: t.rank,
            customer: String(t.customerId),
            purchases: c.frequency,
            "days since last": Math.round(c.T - c.recency),
            "P(alive)": pct(r.probabilityAlive),
            "exp. purchases": r.expectedPurchases,
            "exp. spend": r.expectedAverageSpend,
            CLV: r.value.toFixed(2),
            "cum. share": pct(t.cumulativeShare),
          };
        }),
      ),
    );
    const all = topCustomersByValue(rows, rows.length);
    const tenPct = all[Math.floor(rows.length / 10) - 1]!.cumulativeShare;
    const total = all.reduce((s, r) => s.plus(r.value), all[0]!.value.minus(all[0]!.value));
    lines.push(
      "",
      `Value concentration: the top 10% of customers hold ${pct(tenPct)} of the base's $${total.toFixed(0)} next-year value.`,
    );
    return lines.join("\n");
  },
};
