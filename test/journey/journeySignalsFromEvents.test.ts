import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { COLEMAN_JOURNEY, classifyJourneyStage, journeySignalsFromEvents, type JourneyModel } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

const asOf = { asOf: "2024-06-30" };

describe("journeySignalsFromEvents", () => {
  it("maps events to signals with every aggregate (hand-checked)", () => {
    const model: JourneyModel = {
      id: "m",
      name: "m",
      anchor: "firstOrderAt",
      signals: [
        { id: "firstOrderAt", type: "date" },
        { id: "secondOrderAt", type: "date" },
        { id: "lastOrderAt", type: "date" },
        { id: "orders", type: "number" },
        { id: "revenue", type: "number" },
        { id: "csat", type: "number" },
        { id: "churned", type: "boolean" },
      ],
      stages: [{ id: "s", name: "S", entry: { signal: "firstOrderAt", op: "exists" } }],
      eventMapping: [
        { event: "order", signal: "firstOrderAt", aggregate: "first" },
        { event: "order", signal: "secondOrderAt", aggregate: "second" },
        { event: "order", signal: "lastOrderAt", aggregate: "last" },
        { event: "order", signal: "orders", aggregate: "count" },
        { event: "order", signal: "revenue", aggregate: "sum" },
        { event: "subscription_renewed", signal: "secondOrderAt", aggregate: "second" },
        { event: "survey", signal: "csat", aggregate: "latestValue" },
        { event: "cancelled", signal: "churned", aggregate: "flag" },
      ],
    };
    const events = [
      { type: "order", at: "2024-03-05", value: 20 },
      { type: "order", at: "2024-01-10T23:59:59Z", value: 12.5 },
      { type: "survey", at: "2024-02-01T10:00:00Z", value: 4 },
      { type: "survey", at: "2024-02-01T09:00:00Z", value: 2 },
      { type: "order", at: "2024-01-10T08:00:00Z", value: 7.5 },
      { type: "survey", at: "2024-01-15", value: 5 },
    ];
    expect(journeySignalsFromEvents(model, events, asOf)).toEqual({
      firstOrderAt: "2024-01-10",
      secondOrderAt: "2024-01-10",
      lastOrderAt: "2024-03-05",
      orders: 3,
      revenue: 40,
      csat: 4,
      churned: false,
    });
    // No events: counts and sums are 0, flags false, dates and values absent.
    expect(journeySignalsFromEvents(model, [], asOf)).toEqual({ orders: 0, revenue: 0, churned: false });
    expect(journeySignalsFromEvents(model, [{ type: "cancelled", at: "2024-05-01" }], asOf)["churned"]).toBe(true);
  });

  it("classifies events exactly like the equivalent snapshot (property)", () => {
    const types = COLEMAN_JOURNEY.eventMapping?.map((m) => m.event) ?? [];
    const day = 86_400_000;
    const end = Date.UTC(2024, 5, 30);
    const event = fc.record({
      type: fc.constantFrom(...types),
      ago: fc.integer({ min: 0, max: 200 }),
      value: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), (evs) => {
        const events = evs.map((e) => ({ type: e.type, at: end - e.ago * day, value: e.value }));
        const signals = journeySignalsFromEvents(COLEMAN_JOURNEY, events, { asOf: end });
        // Reference: reduce the events by hand.
        const of = (t: string) =>
          events
            .filter((e) => e.type === t)
            .map((e) => e.at)
            .sort((a, b) => a - b);
        const orders = of("order_placed");
        const expectedFirstOrder = orders[0];
        const got = classifyJourneyStage(COLEMAN_JOURNEY, signals, { asOf: end });
        const ref = classifyJourneyStage(
          COLEMAN_JOURNEY,
          {
            firstContactAt: of("lead_created")[0],
            purchasedAt: expectedFirstOrder,
            repeatPurchaseAt: orders[1],
            affirmedAt: of("welcome_acknowledged")[0],
            onboardingStartedAt: of("onboarding_started")[0],
            onboardingCompletedAt: of("onboarding_completed")[0],
            firstValueAt: of("goal_reached")[0],
            firstReferralAt: of("referral_made")[0],
            referralCount: of("referral_made").length,
          },
          { asOf: end },
        );
        return got.stage === ref.stage && got.enteredOn === ref.enteredOn && got.stalled === ref.stalled;
      }),
    );
  });

  it("rejects events of unknown type, dates after asOf and missing values with code and path", () => {
    expectMetricsError(
      () =>
        journeySignalsFromEvents(
          COLEMAN_JOURNEY,
          [
            { type: "order_placed", at: "2024-01-01" },
            { type: "signup", at: "2024-01-02" },
          ],
          asOf,
        ),
      "unknown_reference",
      [1, "type"],
    );
    expect(
      journeySignalsFromEvents(COLEMAN_JOURNEY, [{ type: "signup", at: "2024-01-02" }], { ...asOf, onUnknownEvent: "ignore" }),
    ).toEqual({ referralCount: 0 });
    expectMetricsError(
      () => journeySignalsFromEvents(COLEMAN_JOURNEY, [{ type: "order_placed", at: "2024-07-01" }], asOf),
      "invalid_date",
      [0, "at"],
    );
    expectMetricsError(
      () => journeySignalsFromEvents(COLEMAN_JOURNEY, [{ type: "order_placed", at: "last week" }], asOf),
      "invalid_date",
      [0, "at"],
    );
    expectMetricsError(
      () => journeySignalsFromEvents(COLEMAN_JOURNEY, [{ type: "nps_response", at: "2024-01-01" }], asOf),
      "invalid_type",
      [0, "value"],
    );
    expectMetricsError(
      () => journeySignalsFromEvents(COLEMAN_JOURNEY, [{ type: "nps_response", at: "2024-01-01", value: Number.NaN }], asOf),
      "not_finite",
      [0, "value"],
    );
    expectMetricsError(
      () => journeySignalsFromEvents(COLEMAN_JOURNEY, [{ type: 3 as never, at: "2024-01-01" }], asOf),
      "invalid_type",
      [0, "type"],
    );
    expectMetricsError(() => journeySignalsFromEvents(COLEMAN_JOURNEY, [null as never], asOf), "invalid_type", [0]);
    expectMetricsError(() => journeySignalsFromEvents(COLEMAN_JOURNEY, "x" as never, asOf), "invalid_type", ["events"]);
    expectMetricsError(
      () => journeySignalsFromEvents(COLEMAN_JOURNEY, [], { ...asOf, onUnknownEvent: "skip" as never }),
      "invalid_option",
      ["options", "onUnknownEvent"],
    );
  });

  it("does not mutate the events", () => {
    const events = [
      { type: "order_placed", at: "2024-03-01" },
      { type: "order_placed", at: "2024-01-01" },
    ];
    const copy = structuredClone(events);
    journeySignalsFromEvents(COLEMAN_JOURNEY, events, asOf);
    expect(events).toEqual(copy);
  });
});
