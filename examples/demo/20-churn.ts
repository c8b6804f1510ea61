import {
  churnRate,
  cohortRetention,
  customerMovements,
  fitShiftedBetaGeometric,
  kaplanMeier,
  logRankTest,
  revenueRetention,
  sbgSurvival,
  type MrrRecord,
  type SubscriptionRecord,
} from "customer-metrics/churn";
import { fromDayNumber, periodIndex, periodStart, toDayNumber } from "customer-metrics/core";
import { createRng } from "customer-metrics/math";
import type { DemoSection } from "../_lib/section.js";
import { pct, table } from "../_lib/table.js";

/**
 * Simulated subscription business (seed 2020): 24 monthly cohorts on two plans; each customer
 * churns each month with their own probability θ ~ Beta (the sBG story), and some come back.
 */
function simulate() {
  const rng = createRng(2020);
  const start = toDayNumber("2023-01-01");
  const asOf = toDayNumber("2024-12-31");
  const subs: SubscriptionRecord[] = [];
  const mrr: MrrRecord[] = [];
  const plans = new Map<string, string>();
  let id = 0;
  for (let m = 0; m < 24; m++) {
    const monthStart = periodStart(periodIndex(start, "month") + m, "month");
    const joins = 80 + rng.int(40);
    for (let j = 0; j < joins; j++) {
      const customerId = `C${String(++id).padStart(5, "0")}`;
      const premium = rng.next() < 0.35;
      plans.set(customerId, premium ? "premium" : "basic");
      const theta = premium ? rng.beta(0.9, 12) : rng.beta(0.8, 5);
      const s = monthStart + rng.int(28);
      const months = rng.geometric(Math.max(theta, 1e-9));
      const end = s + months * 30;
      subs.push(
        end <= asOf ? { customerId, start: fromDayNumber(s), end: fromDayNumber(end) } : { customerId, start: fromDayNumber(s) },
      );
      const price = premium ? 99 : 29;
      for (let d = s; d < Math.min(end, asOf + 1); d += 30) {
        const grown = premium && d - s > 180 ? price + 20 : price;
        mrr.push({ customerId, at: fromDayNumber(d), mrr: String(grown) });
      }
      if (end <= asOf - 60 && rng.next() < 0.1) {
        const back = end + 30 + rng.int(30);
        subs.push({ customerId, start: fromDayNumber(back) });
        for (let d = back; d <= asOf; d += 30) mrr.push({ customerId, at: fromDayNumber(d), mrr: String(price) });
      }
    }
  }
  return { subs, mrr, plans, asOf: fromDayNumber(asOf) };
}

export const section: DemoSection = {
  title: "Churn: movements, cohorts, revenue retention and survival",
  run() {
    const { subs, mrr, plans, asOf } = simulate();
    const lines: string[] = [];

    const moves = customerMovements(subs, { period: "month", asOf });
    const recent = moves.rows.slice(-6).map((r) => ({
      month: r.period,
      start: r.customersAtStart,
      new: r.newCustomers,
      back: r.reactivatedCustomers,
      lost: r.customersLost,
      end: r.customersAtEnd,
      "churn (start)": pct(churnRate(r).rate),
      "churn (start+new)": pct(churnRate({ ...r, method: "start-plus-new" }).rate),
    }));
    lines.push(
      `Customer movements, last 6 months (${moves.customers.toLocaleString("en-US")} customers since Jan 2023):`,
      table(recent),
      "",
    );

    const cohorts = cohortRetention(subs, { period: "quarter", asOf });
    const ages = Math.min(cohorts.ages, 6);
    const rows = cohorts.cohorts.map((c) => {
      const row: Record<string, string | number> = { cohort: c.cohort, size: c.size };
      for (let a = 0; a < ages; a++) row[`Q+${a}`] = c.retention[a] === null ? "·" : pct(c.retention[a] as number, 0);
      return row;
    });
    lines.push("Quarterly cohorts, share still active (· = not reached yet, never 0):", table(rows), "");

    const nrr = revenueRetention(mrr, { period: "month", from: "2023-12-01", to: "2024-12-01" });
    lines.push(
      `Dec 2023 → Dec 2024 revenue retention: GRR ${pct(nrr.grossRevenueRetention)}, NRR ${pct(nrr.netRevenueRetention)}, ` +
        `quick ratio ${nrr.quickRatio?.toFixed(2) ?? "n/a"} (starting MRR $${nrr.startingMrr.toFixed(0)} → ending $${nrr.endingMrr.toFixed(0)}).`,
      "",
    );

    const byPlan = new Map<string, SubscriptionRecord[]>();
    for (const s of subs) {
      const plan = plans.get(String(s.customerId)) as string;
      if (!byPlan.has(plan)) byPlan.set(plan, []);
      byPlan.get(plan)?.push(s);
    }
    // First subscription per customer only (tenure of the first contract).
    const firstOnly = new Map<string, SubscriptionRecord[]>();
    for (const [plan, list] of byPlan) {
      const seen = new Set<string | number>();
      firstOnly.set(
        plan,
        list.filter((s) => (seen.has(s.customerId) ? false : (seen.add(s.customerId), true))),
      );
    }
    const survival = [...firstOnly].map(([plan, list]) => {
      const km = kaplanMeier(list, { asOf, unit: "day" });
      const at365 = km.steps.filter((s) => s.time <= 365).at(-1);
      return {
        plan,
        customers: km.n,
        "median (days)": km.median.value ?? "not reached",
        "still active after 1 year": at365 ? `${pct(at365.survival)} [${pct(at365.lower ?? 0)}, ${pct(at365.upper ?? 1)}]` : "–",
        "mean days in first 2 years": Math.round(kaplanMeier(list, { asOf, horizon: 730 }).restrictedMean.value),
      };
    });
    const test = logRankTest(new Map([...firstOnly].map(([plan, list]) => [plan, list])), { asOf });
    lines.push(
      "Kaplan–Meier by plan (first contract, censored at the end of 2024):",
      table(survival),
      `Log-rank test: χ² = ${test.statistic.toFixed(1)}, p = ${test.pValue.toExponential(1)}.`,
      "",
    );

    // sBG on the basic plan's 2023-Q1 customers: active after t months of their first contract
    // (t = 0…20, all observable by the end of 2024). Fit months 0…8, project the rest.
    const q1 = (firstOnly.get("basic") ?? []).filter((s) => String(s.start) < "2023-04-01");
    const months = q1.map((s) =>
      s.end === undefined || s.end === null ? Infinity : (toDayNumber(s.end) - toDayNumber(s.start)) / 30,
    );
    const active = Array.from({ length: 21 }, (_, t) => months.filter((m) => m > t).length);
    const fit = fitShiftedBetaGeometric(active.slice(0, 9));
    const projection = [0, 3, 6, 9, 12, 15, 18, 20].map((t) => ({
      month: t,
      observed: active[t] as number,
      "sBG, fit on months 0-8": Math.round((active[0] as number) * sbgSurvival(fit, t)),
      "flat average churn": Math.round((active[0] as number) * ((active[8] as number) / (active[0] as number)) ** (t / 8)),
    }));
    lines.push(
      `sBG on the basic plan's 2023-Q1 customers (${active[0]}): α = ${fit.params.alpha.toFixed(2)}, β = ${fit.params.beta.toFixed(2)} — ` +
        "churn falls with tenure because the churn-prone leave first:",
      table(projection),
    );
    return lines.join("\n");
  },
};
