import {
  COLEMAN_JOURNEY,
  journeyDistribution,
  journeyFunnel,
  npsByJourneyStage,
  simulateColemanCustomers,
  stageTransitions,
  stalledCustomers,
  type ColemanJourneySignals,
} from "customer-metrics/journey";
import { toDayNumber } from "customer-metrics/core";
import { pct, table } from "../_lib/table.js";
import type { DemoSection } from "../_lib/section.js";

const ASOF = "2024-06-30";
const MONTH_AGO = "2024-05-31";

/** The same customers as they were on an earlier day: signals dated later had not happened yet. */
function asOfEarlier(c: ColemanJourneySignals, day: string): ColemanJourneySignals {
  const cut = toDayNumber(day);
  const out: Record<string, unknown> = { customerId: c.customerId };
  for (const [k, v] of Object.entries(c)) {
    if (k === "customerId" || k === "npsScore" || k === "referralCount") continue;
    if (typeof v === "string" && toDayNumber(v) <= cut) out[k] = v;
  }
  if (out["firstReferralAt"] !== undefined) out["referralCount"] = 1;
  return out as ColemanJourneySignals;
}

/** Coleman's eight stages on a simulated customer base: where customers are, who is stuck, NPS by stage. */
export const section: DemoSection = {
  title: "Journey: Coleman's eight stages of the first 100 days",
  run() {
    const customers = simulateColemanCustomers(5000, { seed: 60, asOf: ASOF });
    const d = journeyDistribution(COLEMAN_JOURNEY, customers, { asOf: ASOF });
    const f = journeyFunnel(COLEMAN_JOURNEY, customers, { asOf: ASOF });
    const n = npsByJourneyStage(COLEMAN_JOURNEY, customers, { asOf: ASOF });
    const stuck = stalledCustomers(COLEMAN_JOURNEY, customers, { asOf: ASOF });
    const t = stageTransitions(
      COLEMAN_JOURNEY,
      { asOf: MONTH_AGO, customers: customers.map((c) => asOfEarlier(c, MONTH_AGO)) },
      { asOf: ASOF, customers },
    );
    const rows = COLEMAN_JOURNEY.stages.map((s, i) => {
      const step = f.steps[i]!;
      const dist = d.stages[i]!;
      const ns = n.stages[i]!;
      return {
        stage: s.name,
        now: dist.count,
        share: pct(dist.share),
        stalled: pct(dist.count === 0 ? 0 : dist.stalled / dist.count),
        reached: step.reached,
        conversion: step.conversion === null ? "–" : pct(step.conversion),
        "95% CI":
          step.conversionInterval === null ? "–" : `${pct(step.conversionInterval[0])}–${pct(step.conversionInterval[1])}`,
        "median days": step.medianDaysFromPrevious ?? "–",
        NPS: ns.nps === null ? "–" : `${ns.nps.score.toFixed(0)} (n=${ns.responses})`,
      };
    });
    const none = COLEMAN_JOURNEY.stages.length;
    const entered = (t.matrix[none] ?? []).slice(0, none).reduce((a, b) => a + b, 0);
    const reasons = new Map<string, number>();
    for (const s of stuck) reasons.set(s.nextStage, (reasons.get(s.nextStage) ?? 0) + 1);
    const worst = [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    return [
      `5,000 simulated prospects and customers (first contact in the last 180 days), classified on ${ASOF}.`,
      "Signals, rules and windows are the library's illustrative defaults, not Coleman's (see docs/journey.md).",
      "",
      table(rows),
      "",
      `Stalled (next stage past its window): ${stuck.length.toLocaleString("en-US")} customers; most often waiting for ${worst.map(([s, k]) => `${s} (${k})`).join(", ")}.`,
      `Last 30 days: ${t.forward.toLocaleString("en-US")} moved forward (${entered.toLocaleString("en-US")} of them new prospects), ${t.unchanged.toLocaleString("en-US")} stayed where they were.`,
      `Overall NPS ${n.overall?.score.toFixed(0)} (${n.responses.toLocaleString("en-US")} answers); in this simulation answers rise with progress through the journey.`,
    ].join("\n");
  },
};
