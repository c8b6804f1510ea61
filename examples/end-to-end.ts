/**
 * One customer base, every lens — an end-to-end notebook on simulated data.
 *
 *   transactions → summaries → BG/NBD (checked on a holdout year) + Gamma-Gamma
 *                → 12-month CLV → top customers
 *   the same transactions → monthly cohort retention
 *   a survey of the same customers → NPS by value tier, with a significance test
 *   the same summaries → RFM segments, next to the model's CLV
 *   the same customers' dated signals → journey stages
 *
 * Run: npx tsx examples/end-to-end.ts
 */
import {
  calibrationHoldoutAccuracy,
  customerLifetimeValue,
  fitBetaGeoNbd,
  fitGammaGamma,
  simulateBetaGeoNbd,
  summarizeTransactionColumns,
  topCustomersByValue,
} from "customer-metrics/btyd";
import { cohortRetention } from "customer-metrics/churn";
import { fromDayNumber, toDayNumber } from "customer-metrics/core";
import { COLEMAN_JOURNEY, journeyDistribution, type JourneyCustomer } from "customer-metrics/journey";
import { createRng } from "customer-metrics/math";
import { compareNps, npsBySegment } from "customer-metrics/nps";
import { rfmScores, rfmSegments } from "customer-metrics/segments";
import { heading, pct, table } from "./_lib/table.js";

const SEED = 2026;
const AS_OF = "2025-12-31";

// ── 1. Data: 4,000 customers acquired in H1 2024, two years of purchases with amounts ──
const log = simulateBetaGeoNbd(
  { r: 0.5, alpha: 40, a: 0.7, b: 3 }, // daily purchase rates and dropout
  { customers: 4000, seed: SEED, start: "2024-01-01", acquisitionDays: 182, observationDays: 731 },
);
const rng = createRng(SEED);
const meanSpend = Float64Array.from({ length: log.customers }, () => rng.gamma(4, 10)); // each customer's typical basket
const amount = Float64Array.from(log.customer, (c) => Math.round(rng.gamma(6, (meanSpend[c] as number) / 6) * 100) / 100);
console.log(heading("One customer base, every lens"));
console.log(
  `${log.transactions.toLocaleString("en-US")} purchases by ${log.customers.toLocaleString("en-US")} customers, ${log.start} to ${log.asOf}`,
);

// ── 2. Does the model predict? Fit on 2024, compare with 2025 ──
console.log(heading("BG/NBD calibrated on 2024, checked on 2025"));
const split = summarizeTransactionColumns(
  { customer: log.customer, day: log.day, amount },
  { asOf: AS_OF, calibrationEnd: "2024-12-31", unit: "week" },
);
const calibration = fitBetaGeoNbd({ frequency: split.frequency, recency: split.recency, T: split.T });
const check = calibrationHoldoutAccuracy(
  calibration,
  Array.from(split.customer, (_, i) => ({
    frequency: split.frequency[i] as number,
    recency: split.recency[i] as number,
    T: split.T[i] as number,
    frequencyHoldout: (split.frequencyHoldout as Float64Array)[i] as number,
    durationHoldout: split.durationHoldout as number,
  })),
  { maxFrequencyBucket: 6 },
);
console.log(
  table(
    check.buckets.map((b) => ({
      "2024 repeat weeks": b.orMore ? `${b.frequency}+` : b.frequency,
      customers: b.customers,
      "2025 actual": b.actual,
      "2025 predicted": b.predicted,
    })),
  ),
);
console.log(
  `total 2025 purchase weeks: actual ${check.totalActual.toLocaleString("en-US")}, predicted ${check.totalPredicted.toFixed(0)}`,
);

// ── 3. Value: refit on both years, spend model, next-12-month CLV ──
console.log(heading("Customer lifetime value, next 12 months"));
const all = summarizeTransactionColumns({ customer: log.customer, day: log.day, amount }, { asOf: AS_OF, unit: "week" });
const purchaseModel = fitBetaGeoNbd({ frequency: all.frequency, recency: all.recency, T: all.T });
const repeat = Array.from(all.customer.keys()).filter((i) => (all.frequency[i] as number) > 0);
const spendModel = fitGammaGamma({
  frequency: repeat.map((i) => all.frequency[i] as number),
  monetaryValue: repeat.map((i) => (all.monetaryValue as Float64Array)[i] as number),
});
const fmt = (o: object) =>
  Object.entries(o as Record<string, number>)
    .map(([k, v]) => `${k} = ${v.toFixed(3)}`)
    .join(", ");
console.log(`BG/NBD (weeks): ${fmt(purchaseModel.params)}\nGamma-Gamma:    ${fmt(spendModel.params)}`);
const clv = customerLifetimeValue({
  purchaseModel,
  spendModel,
  periods: 12,
  periodLength: 52 / 12, // months on a weekly model
  discountRate: 0.01, // per month
  customers: Array.from(all.customer, (c, i) => ({
    customerId: `C${String(c + 1).padStart(4, "0")}`,
    frequency: all.frequency[i] as number,
    recency: all.recency[i] as number,
    T: all.T[i] as number,
    monetaryValue: (all.monetaryValue as Float64Array)[i] as number,
  })),
});
const top = topCustomersByValue(clv, 8);
const byId = new Map(clv.map((r) => [r.customerId, r]));
console.log(
  table(
    top.map((t, k) => {
      const r = byId.get(t.customerId);
      return {
        rank: k + 1,
        customer: t.customerId,
        "P(alive)": pct(r?.probabilityAlive ?? 0),
        "exp. purchases": r?.expectedPurchases ?? 0,
        "exp. spend": r?.expectedAverageSpend ?? 0,
        "CLV 12m": t.value.toFixed(2),
        "cum. share": pct(t.cumulativeShare),
      };
    }),
  ),
);

// ── 3b. RFM segments from the same summaries, next to the model's view ──
console.log(heading("RFM segments (quintiles) and what the model expects from them"));
const customerRows = Array.from(all.customer, (c, i) => ({
  customerId: `C${String(c + 1).padStart(4, "0")}`,
  frequency: all.frequency[i] as number,
  recency: all.recency[i] as number,
  T: all.T[i] as number,
  monetaryValue: (all.monetaryValue as Float64Array)[i] as number,
}));
const segments = rfmSegments(rfmScores(customerRows, { bins: 5 }));
const bySegment = new Map<string, { customers: number; clv: number; alive: number }>();
for (const row of segments) {
  const v = byId.get(row.customerId);
  const agg = bySegment.get(row.segment) ?? { customers: 0, clv: 0, alive: 0 };
  agg.customers++;
  agg.clv += v?.value.toNumber() ?? 0;
  agg.alive += v?.probabilityAlive ?? 0;
  bySegment.set(row.segment, agg);
}
console.log(
  table(
    [...bySegment.entries()]
      .sort((a, b) => b[1].clv / b[1].customers - a[1].clv / a[1].customers)
      .map(([segment, a]) => ({
        segment,
        customers: a.customers,
        "mean P(alive)": pct(a.alive / a.customers),
        "mean CLV 12m": a.clv / a.customers,
      })),
  ),
);

console.log(
  "Note: BG/NBD lets a customer drop out only right after a repeat purchase, so one-time buyers get\n" +
    'P(alive) = 1 and RFM\'s "Lost" (mostly one-time buyers) look alive; their low expected purchases\n' +
    "still keep their CLV low. fitModifiedBetaGeoNbd (MBG/NBD) removes this artefact.",
);

// ── 4. Retention by cohort, from the same transactions ──
console.log(heading("Monthly cohorts: share active n months after the first purchase"));
const cohorts = cohortRetention({ customerIds: log.customer, days: log.day }, { period: "month", asOf: AS_OF });
const at = (r: readonly (number | null)[], age: number) => {
  const v = r[age];
  return v === null || v === undefined ? "–" : pct(v);
};
console.log(
  table(
    cohorts.cohorts.map((c) => ({
      cohort: c.cohort,
      size: c.size,
      m1: at(c.retention, 1),
      m3: at(c.retention, 3),
      m6: at(c.retention, 6),
      m12: at(c.retention, 12),
      m18: at(c.retention, 18),
    })),
  ),
);

// ── 5. NPS by value tier: are the valuable customers the happy ones? ──
console.log(heading("NPS by value tier (survey of 1,500 customers)"));
const ranked = [...clv].sort((a, b) => b.value.comparedTo(a.value));
const tierOf = new Map(ranked.map((r, k) => [r.customerId, k < ranked.length * 0.2 ? "top 20% by CLV" : "other 80%"]));
const responses = Array.from({ length: 1500 }, () => {
  const r = ranked[rng.int(ranked.length)] as (typeof ranked)[number];
  const tier = tierOf.get(r.customerId) as string;
  const promoter = tier === "top 20% by CLV" ? 0.55 : 0.4;
  const u = rng.next();
  return { score: u < promoter ? 9 + rng.int(2) : u < promoter + 0.3 ? 7 + rng.int(2) : rng.int(7), tier };
});
const byTier = npsBySegment(responses, "tier");
console.log(
  table(
    byTier.segments.map((s) => ({
      tier: s.segment,
      n: s.nps.n,
      NPS: s.nps.score,
      "95% CI": `${s.nps.confidenceInterval[0].toFixed(1)} … ${s.nps.confidenceInterval[1].toFixed(1)}`,
    })),
  ),
);
const [topTier, rest] = ["top 20% by CLV", "other 80%"].map((name) => byTier.segments.find((s) => s.segment === name)?.tally);
if (topTier && rest) {
  const diff = compareNps(topTier, rest);
  console.log(
    `difference ${diff.difference.toFixed(1)} points, p ${diff.pValue < 1e-4 ? "< 0.0001" : `= ${diff.pValue.toFixed(4)}`}: ${diff.significant ? "significant" : "not significant"} at 95%`,
  );
}

// ── 6. Journey stages from the customers' dated signals ──
console.log(heading("Where customers are in their journey (Coleman's eight stages)"));
const firstDay = new Map<number, number>();
const secondDay = new Map<number, number>();
for (let i = 0; i < log.transactions; i++) {
  const c = log.customer[i] as number;
  const d = log.day[i] as number;
  const f = firstDay.get(c);
  if (f === undefined || d < f) {
    if (f !== undefined) secondDay.set(c, Math.min(secondDay.get(c) ?? Infinity, f));
    firstDay.set(c, d);
  } else if (d > f) secondDay.set(c, Math.min(secondDay.get(c) ?? Infinity, d));
}
const journeyCustomers: JourneyCustomer[] = [...firstDay.entries()].map(([c, first]) => {
  const second = secondDay.get(c);
  const onboarded = rng.next() < 0.8;
  const reachedValue = onboarded && rng.next() < 0.75;
  return {
    customerId: c,
    firstContactAt: fromDayNumber(first - 1 - rng.int(30)),
    purchasedAt: fromDayNumber(first),
    affirmedAt: fromDayNumber(first + 1),
    ...(onboarded ? { onboardingStartedAt: fromDayNumber(first + 3), onboardingCompletedAt: fromDayNumber(first + 14) } : {}),
    ...(reachedValue ? { firstValueAt: fromDayNumber(first + 21) } : {}),
    ...(reachedValue && second !== undefined ? { repeatPurchaseAt: fromDayNumber(Math.max(second, first + 22)) } : {}),
    ...(second !== undefined && rng.next() < 0.15 ? { referralCount: 1 } : {}),
  };
});
const stages = journeyDistribution(COLEMAN_JOURNEY, journeyCustomers, { asOf: AS_OF });
console.log(table(stages.stages.map((s) => ({ stage: s.name, customers: s.count, share: pct(s.share), stalled: s.stalled }))));
console.log(`as of ${stages.asOf}; ${toDayNumber(AS_OF) - toDayNumber(log.start)} days of history`);
