/**
 * Churn and retention, notebook style: `npx tsx examples/churn.ts`.
 *
 * 1. One period, four churn definitions; 2. movements from subscription records; 3. cohort tables
 * (customers and revenue) and merging partitions; 4. revenue retention; 5. Kaplan–Meier, late
 * entry and the log-rank test; 6. the shifted-beta-geometric model on Fader & Hardie's data.
 */
import {
  churnRate,
  cohortRetention,
  cohortRetentionTally,
  customerMovements,
  expectedLifetime,
  fitShiftedBetaGeometric,
  kaplanMeier,
  logRankTest,
  mergeCohortRetentionTallies,
  revenueRetention,
  sbgDiscountedResidualLifetime,
  sbgRetention,
  sbgSurvival,
  simulateSbgCohort,
  type SubscriptionRecord,
} from "customer-metrics/churn";
import { convertRate, fromDayNumber, isMetricsError, toDayNumber } from "customer-metrics/core";
import { createRng } from "customer-metrics/math";
import { heading, pct, table } from "./_lib/table.js";

console.log(heading("1. One month, four churn definitions"));
const month = {
  customersAtStart: 1200,
  customersLost: 54,
  newCustomers: 150,
  reactivatedCustomers: 6,
  customersJoinedAndLost: 9,
};
console.log(
  table(
    (["start", "average", "start-plus-new"] as const).map((method) => {
      const r = churnRate({ ...month, method });
      return {
        method,
        "lost / base": `${r.customersLost} / ${r.denominator}`,
        churn: pct(r.rate, 2),
        "implied lifetime (months)": expectedLifetime(r.rate).toFixed(1),
      };
    }),
  ),
);
const daily = Array.from({ length: 30 }, (_, d) => ({ customersAtStart: 1200 + 5 * d, customersLost: d % 3 === 0 ? 3 : 1 }));
console.log(`daily-sum over 30 days: ${pct(churnRate({ method: "daily-sum", daily }).rate, 2)}`);
console.log(`5% a month is ${pct(convertRate(0.05, { from: "month", to: "year" }))} a year (compounded), not 60%.`);

// A simulated subscription base (seed 7): 1,500 customers over 18 months, some reactivate.
const rng = createRng(7);
const day0 = toDayNumber("2023-07-01");
const asOfDay = toDayNumber("2024-12-31");
const subs: SubscriptionRecord[] = [];
for (let i = 0; i < 1500; i++) {
  const id = `cus_${i}`;
  const start = day0 + rng.int(asOfDay - day0 - 30);
  const life = Math.round(rng.exponential(1 / 240)) + 1;
  const end = start + life;
  subs.push(
    end <= asOfDay
      ? { customerId: id, start: fromDayNumber(start), end: fromDayNumber(end) }
      : { customerId: id, start: fromDayNumber(start) },
  );
  if (end + 45 < asOfDay && rng.next() < 0.15) subs.push({ customerId: id, start: fromDayNumber(end + 30 + rng.int(15)) });
}
const asOf = fromDayNumber(asOfDay);

console.log(heading("2. Movements from subscription records"));
const moves = customerMovements(subs, { period: "quarter", asOf });
console.log(
  table(
    moves.rows.map((r) => ({
      quarter: r.period,
      start: r.customersAtStart,
      new: r.newCustomers,
      reactivated: r.reactivatedCustomers,
      lost: r.customersLost,
      "joined & lost": r.customersJoinedAndLost,
      end: r.customersAtEnd,
      churn: r.customersAtStart > 0 ? pct(churnRate(r).rate) : "–",
    })),
  ),
);

console.log(heading("3. Cohort retention (monthly), unreached ages shown as ·"));
const cohorts = cohortRetention(subs, { period: "month", asOf });
console.log(
  table(
    cohorts.cohorts.slice(0, 8).map((c) => {
      const row: Record<string, string | number> = { cohort: c.cohort, size: c.size };
      for (let a = 0; a <= 6; a++)
        row[`M${a}`] = c.retention[a] === null || c.retention[a] === undefined ? "·" : pct(c.retention[a] as number, 0);
      return row;
    }),
  ),
);
console.log(
  `Average curve: ${cohorts.average
    .slice(0, 7)
    .map((a) => pct(a.retention ?? 0, 0))
    .join(" → ")}`,
);
const parts = [0, 1, 2, 3].map((k) =>
  cohortRetentionTally(
    subs.filter((s) => Number(String(s.customerId).slice(4)) % 4 === k),
    { asOf },
  ),
);
const merged = cohortRetention(mergeCohortRetentionTallies(...parts));
console.log(`Four partitions merged give the same table: ${JSON.stringify(merged) === JSON.stringify(cohorts)}`);

console.log(heading("4. Revenue retention"));
const chartmogul = revenueRetention({ startingMrr: "100", churnedMrr: "10", contractionMrr: "10", expansionMrr: "10" });
console.log(
  `ChartMogul's example ($100, −10 churn, −10 contraction, +10 expansion): gross MRR churn ${pct(chartmogul.grossMrrChurnRate)}, net ${pct(chartmogul.netMrrChurnRate)}, GRR ${pct(chartmogul.grossRevenueRetention)}, NRR ${pct(chartmogul.netRevenueRetention)}`,
);
const bridge = revenueRetention({
  startingMrr: "50000",
  newMrr: "8000",
  expansionMrr: "4000",
  reactivationMrr: "1000",
  contractionMrr: "2000",
  churnedMrr: "3000",
});
console.log(
  `MRR bridge: $50,000 → $${bridge.endingMrr.toFixed(0)}; quick ratio ${bridge.quickRatio?.toFixed(2)} (${bridge.quickRatioWithReactivation?.toFixed(2)} with reactivation)`,
);

console.log(heading("5. Kaplan–Meier: how long do customers stay?"));
const firsts = new Map<string | number, SubscriptionRecord>();
for (const s of subs) if (!firsts.has(s.customerId)) firsts.set(s.customerId, s);
const km = kaplanMeier([...firsts.values()], { asOf, unit: "day", horizon: 365 });
const marks = [30, 90, 180, 270, 365].map((t) => {
  const step = km.steps.filter((s) => s.time <= t).at(-1);
  return {
    day: t,
    "still active": step ? pct(step.survival) : "100%",
    "95% band (log-log)": step ? `${pct(step.lower ?? 0)} – ${pct(step.upper ?? 1)}` : "–",
  };
});
console.log(table(marks));
console.log(
  `Median lifetime ${km.median.value} days [${km.median.lower}, ${km.median.upper}]; mean days active in the first year ${km.restrictedMean.value.toFixed(1)} ± ${km.restrictedMean.standardError.toFixed(1)}.`,
);
const naive = [...firsts.values()]
  .filter((s) => s.end !== undefined && s.end !== null)
  .map((s) => toDayNumber(s.end as string) - toDayNumber(s.start));
console.log(
  `(Averaging the tenure of churned customers only would say ${(naive.reduce((a, b) => a + b, 0) / naive.length).toFixed(0)} days: it ignores everyone still active.)`,
);

// Late entry: we only have data since 2024-01-01 for customers who signed up before.
const observedFrom = toDayNumber("2024-01-01");
const truncated = [...firsts.values()]
  .map((s) => {
    const start = toDayNumber(s.start);
    const stop = s.end === undefined || s.end === null ? asOfDay : toDayNumber(s.end);
    return { start, stop, churned: s.end !== undefined && s.end !== null };
  })
  .filter((r) => r.stop > observedFrom);
const withEntry = kaplanMeier(
  truncated.map((r) =>
    r.start < observedFrom
      ? { duration: r.stop - r.start, churned: r.churned, entry: observedFrom - r.start }
      : { duration: r.stop - r.start, churned: r.churned },
  ),
);
const ignoring = kaplanMeier(truncated.map((r) => ({ duration: r.stop - r.start, churned: r.churned })));
console.log(
  `Only 2024 data: with late entry the median is ${withEntry.median.value} days; ignoring it (survivors only) ${ignoring.median.value} days.`,
);

const shortLife = kaplanMeier(
  [...firsts.values()].filter((_, i) => i % 2 === 0),
  { asOf },
);
const test = logRankTest(
  [[...firsts.values()].filter((_, i) => i % 2 === 0), [...firsts.values()].filter((_, i) => i % 2 === 1)],
  { asOf },
);
console.log(
  `Log-rank test between two random halves (should not differ): χ² = ${test.statistic.toFixed(2)}, p = ${test.pValue.toFixed(2)}; half A median ${shortLife.median.value} days.`,
);

console.log(heading("6. Shifted-beta-geometric (Fader & Hardie 2007)"));
const segments = { "High End": [1000, 869, 743, 653, 593, 551, 517, 491], Regular: [1000, 631, 468, 382, 326, 289, 262, 241] };
for (const [name, data] of Object.entries(segments)) {
  const fit = fitShiftedBetaGeometric(data);
  const se = fit.standardErrors;
  console.log(
    `${name}: α = ${fit.params.alpha.toFixed(3)} (±${se?.alpha.toFixed(3)}), β = ${fit.params.beta.toFixed(3)} (±${se?.beta.toFixed(3)}), LL = ${fit.logLikelihood.toFixed(1)}`,
  );
  console.log(
    table(
      [1, 4, 7, 10, 12].map((t) => ({
        year: t,
        observed: t < data.length ? (data[t] as number) : "–",
        projected: Math.round(1000 * sbgSurvival(fit, t)),
        "retention rate": pct(sbgRetention(fit, t)),
        "DERL @10% (renewals left)": sbgDiscountedResidualLifetime(fit, { periodsAlive: t, discountRate: 0.1 }).toFixed(2),
      })),
    ),
  );
}
const sim = simulateSbgCohort({ alpha: 0.7, beta: 1.2 }, { size: 10_000, periods: 8, seed: 3 });
const refit = fitShiftedBetaGeometric(sim.activeByPeriod);
console.log(
  `Simulated α = 0.7, β = 1.2 (10,000 customers): recovered α = ${refit.params.alpha.toFixed(3)}, β = ${refit.params.beta.toFixed(3)}`,
);

try {
  fitShiftedBetaGeometric([1000, 900, 950]);
} catch (e) {
  if (isMetricsError(e)) console.log(`\nBad input is a MetricsError: ${e.code} at ${JSON.stringify(e.path)} — ${e.message}`);
}
