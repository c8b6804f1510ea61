/** Journey charts: the Coleman funnel of a simulated customer base. */
import { fromDayNumber, toDayNumber } from "customer-metrics/core";
import { COLEMAN_JOURNEY, journeyFunnel, type JourneyCustomer } from "customer-metrics/journey";
import { createRng } from "customer-metrics/math";
import type { ChartDef } from "./index.js";
import { funnel } from "./specs.js";

/**
 * 2,000 prospects first contacted in the first half of 2025; each later
 * signal happens with a stage-specific probability after a random delay.
 * Seeded, so the funnel is the same on every machine.
 */
export function simulateJourneyCustomers(n = 2000, seed = 2026): JourneyCustomer[] {
  const rng = createRng(seed);
  const start = toDayNumber("2025-01-01");
  const steps = [
    ["purchasedAt", 0.55, 20],
    ["affirmedAt", 0.9, 3],
    ["onboardingStartedAt", 0.85, 7],
    ["onboardingCompletedAt", 0.75, 21],
    ["firstValueAt", 0.8, 30],
    ["repeatPurchaseAt", 0.6, 60],
    ["firstReferralAt", 0.35, 45],
  ] as const;
  const out: JourneyCustomer[] = [];
  for (let i = 0; i < n; i++) {
    let day = start + rng.int(181);
    const c: Record<string, string | number> = { customerId: i + 1, firstContactAt: fromDayNumber(day) };
    for (const [signal, p, meanDays] of steps) {
      if (rng.next() >= p) break;
      day += 1 + Math.floor(rng.exponential(1 / meanDays));
      if (day > toDayNumber("2025-12-31")) break;
      c[signal] = fromDayNumber(day);
      if (signal === "firstReferralAt") c["referralCount"] = 1 + rng.poisson(0.5);
    }
    out.push(c as JourneyCustomer);
  }
  return out;
}

export const JOURNEY_CHARTS: readonly ChartDef[] = [
  {
    id: "journey-funnel",
    area: "journey",
    title: "Coleman's eight-stage journey funnel of 2,000 simulated prospects",
    guide: "docs/journey.md",
    spec() {
      const f = journeyFunnel(COLEMAN_JOURNEY, simulateJourneyCustomers(), { asOf: "2025-12-31" });
      const rows = f.steps.map((s) => ({
        stage: s.name,
        reached: s.reached,
        label: `${s.reached.toLocaleString("en-US")}  (${(s.shareOfTotal * 100).toFixed(0)}%${s.conversion === null ? "" : `, ${(s.conversion * 100).toFixed(0)}% of previous`})`,
      }));
      return funnel({
        title: "Customer journey funnel",
        subtitle: `journeyFunnel(COLEMAN_JOURNEY, customers, { asOf }): customers who reached each stage, n = ${f.n.toLocaleString("en-US")}`,
        rows,
        stage: { field: "stage", title: "" },
        count: { field: "reached", title: "Customers who reached the stage" },
        label: "label",
      });
    },
  },
];
