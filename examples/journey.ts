/**
 * Customer journeys, notebook style: run with `npx tsx examples/journey.ts`.
 *
 * 1. One customer: stage, why, what's next, by when.
 * 2. A cohort: distribution, funnel, NPS by stage.
 * 3. Who is stuck, and what moved in the last month.
 * 4. From a raw event log to stages.
 * 5. Your own journey as JSON (and what happens when it is wrong).
 * 6. A customer's dated plan for the first 100 days.
 *
 * COLEMAN_JOURNEY's signals, rules and windows are illustrative defaults (see docs/journey.md).
 */
import { isMetricsError } from "customer-metrics/core";
import {
  COLEMAN_JOURNEY,
  classifyJourneyStage,
  first100DaysPlan,
  journeyDistribution,
  journeyFunnel,
  journeySnapshotsFromEvents,
  npsByJourneyStage,
  parseJourneyModel,
  simulateColemanCustomers,
  stageTransitions,
  stalledCustomers,
} from "customer-metrics/journey";
import { heading, pct, table } from "./_lib/table.js";

const asOf = "2024-06-30";

console.log(heading("1. One customer"));
const maria = {
  firstContactAt: "2024-05-02",
  purchasedAt: "2024-05-10",
  affirmedAt: "2024-05-11",
  onboardingStartedAt: "2024-05-14",
  npsScore: 8,
  lastActiveAt: "2024-06-20",
};
const c = classifyJourneyStage(COLEMAN_JOURNEY, maria, { asOf });
console.log(
  table([
    { field: "stage", value: `${c.stageName} (${c.matchedRule})` },
    { field: "entered on", value: `${c.enteredOn} (${c.daysInStage} days ago)` },
    { field: "in the relationship", value: `${c.daysInRelationship} days (${c.daysSinceAnchor} since the purchase)` },
    { field: "next stage", value: `${c.nextStage?.name}: needs ${c.nextStage?.needs.join(" and ")}` },
    { field: "expected", value: `${c.nextStage?.expectedFrom} to ${c.nextStage?.expectedBy}` },
    { field: "stalled", value: c.stalled ? `yes, ${c.nextStage?.daysOverdue} days overdue` : "no" },
    { field: "at risk", value: c.atRisk.join(", ") || "–" },
  ]),
);

console.log(heading("2. A cohort of 10,000 (seeded simulation)"));
const customers = simulateColemanCustomers(10_000, { seed: 1, asOf });
const d = journeyDistribution(COLEMAN_JOURNEY, customers, { asOf });
const f = journeyFunnel(COLEMAN_JOURNEY, customers, { asOf });
const byStage = npsByJourneyStage(COLEMAN_JOURNEY, customers, { asOf });
console.log(
  table(
    d.stages.map((s, i) => ({
      stage: s.name,
      customers: s.count,
      share: pct(s.share),
      stalled: s.stalled,
      reached: f.steps[i]!.reached,
      conversion: f.steps[i]!.conversion === null ? "–" : pct(f.steps[i]!.conversion!),
      "median days": f.steps[i]!.medianDaysFromPrevious ?? "–",
      NPS: byStage.stages[i]!.nps === null ? "–" : byStage.stages[i]!.nps!.score.toFixed(0),
      "NPS 95% CI":
        byStage.stages[i]!.nps === null ? "–" : byStage.stages[i]!.nps!.confidenceInterval.map((x) => x.toFixed(0)).join(" to "),
    })),
  ),
);

console.log(heading("3. Who is stuck, and what moved"));
const stuck = stalledCustomers(COLEMAN_JOURNEY, customers, { asOf });
console.log(`${stuck.length} stalled customers; the 5 most overdue:`);
console.log(
  table(
    stuck.slice(0, 5).map((s) => ({
      customer: s.customerId,
      stage: s.stage ?? "–",
      waiting: s.nextStage,
      "due by": s.expectedBy,
      "days late": s.daysOverdue,
      "at risk": s.atRisk.join(", "),
    })),
  ),
);
// A month earlier the same customers had only the signals dated up to then.
const earlier = "2024-05-31";
const before = customers.map((x) =>
  Object.fromEntries(Object.entries(x).filter(([k, v]) => k === "customerId" || (typeof v === "string" && v <= earlier))),
);
const t = stageTransitions(COLEMAN_JOURNEY, { asOf: earlier, customers: before }, { asOf, customers });
const ids = [...t.stages, "none"];
console.log("Stage on 2024-05-31 (rows) → on 2024-06-30 (columns):");
console.log(
  table(t.matrix.map((row, i) => Object.fromEntries([["from", ids[i]!], ...row.map((v, j) => [ids[j]!.slice(0, 6), v])]))),
);

console.log(heading("4. From an event log"));
const log = [
  { customerId: "acme", type: "lead_created", at: "2024-04-01T09:12:00Z" },
  { customerId: "acme", type: "order_placed", at: "2024-04-09" },
  { customerId: "acme", type: "welcome_acknowledged", at: "2024-04-09" },
  { customerId: "acme", type: "onboarding_started", at: "2024-04-11" },
  { customerId: "acme", type: "onboarding_completed", at: "2024-04-30" },
  { customerId: "bolt", type: "lead_created", at: "2024-06-02" },
  { customerId: "bolt", type: "order_placed", at: "2024-06-03" },
  { customerId: "bolt", type: "nps_response", at: "2024-06-20", value: 3 },
];
const snaps = journeySnapshotsFromEvents(COLEMAN_JOURNEY, log, { asOf });
console.log(
  table(
    snaps.map((s) => ({
      customer: s.customerId,
      ...Object.fromEntries(
        Object.entries(classifyJourneyStage(COLEMAN_JOURNEY, s, { asOf })).filter(([k]) =>
          ["stage", "daysInStage", "stalled"].includes(k),
        ),
      ),
    })),
  ),
);
try {
  journeySnapshotsFromEvents(COLEMAN_JOURNEY, [...log, { customerId: "bolt", type: "refund_issued", at: "2024-06-21" }], {
    asOf,
  });
} catch (e) {
  if (isMetricsError(e)) console.log(`An undeclared event type is an error, not silence: ${e.code} at [${e.path.join(", ")}]`);
}

console.log(heading("5. Your own journey, as JSON"));
const json = `{
  "id": "trial", "name": "Free trial to paid", "anchor": "signedUpAt",
  "signals": [ { "id": "signedUpAt", "type": "date" }, { "id": "projects", "type": "number", "min": 0 }, { "id": "paidAt", "type": "date" } ],
  "stages": [
    { "id": "trial", "name": "Trial", "entry": { "signal": "signedUpAt", "op": "exists" } },
    { "id": "engaged", "name": "Engaged", "entry": { "signal": "projects", "op": "gte", "value": 3 }, "window": { "start": 0, "end": 7 } },
    { "id": "paid", "name": "Paid", "entry": { "signal": "paidAt", "op": "exists" }, "window": { "start": 7, "end": 14 } }
  ]
}`;
const trial = parseJourneyModel(JSON.parse(json));
console.log(
  table(
    [
      { signedUpAt: "2024-06-10", projects: 4 },
      { signedUpAt: "2024-06-25", projects: 1 },
      { signedUpAt: "2024-06-01", projects: 5, paidAt: "2024-06-12" },
    ].map((x) => {
      const r = classifyJourneyStage(trial, x, { asOf });
      return { ...x, stage: r.stage, stalled: r.stalled, next: r.nextStage?.needs.join(" ") ?? "–" };
    }),
  ),
);
for (const broken of [
  json.replace('"value": 3', '"value": "3"'),
  json.replace('"signal": "projects"', '"signal": "project"'),
  json.replace('"id": "paid"', '"id": "trial"'),
]) {
  try {
    parseJourneyModel(JSON.parse(broken));
  } catch (e) {
    if (isMetricsError(e)) console.log(`rejected: ${e.code} at [${e.path.join(", ")}]`);
  }
}

console.log(heading("6. A dated plan for the first 100 days"));
const plan = first100DaysPlan(COLEMAN_JOURNEY, "2024-07-01");
console.log(
  table(
    plan.checkpoints.map((p) => ({
      stage: p.name,
      from: p.expectedFrom ?? `day ${p.startDay} after ${p.since}`,
      by: p.expectedBy ?? `day ${p.endDay} after ${p.since}`,
      what: p.description,
    })),
  ),
);
