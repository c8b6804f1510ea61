import { describe, expect, it } from "vitest";
import { nps } from "../../src/nps/index.js";
import { COLEMAN_JOURNEY, npsByJourneyStage, type JourneyModel } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("npsByJourneyStage", () => {
  const customers = [
    { purchasedAt: "2024-01-05", npsScore: 3 },
    { purchasedAt: "2024-01-08", npsScore: 9 },
    { purchasedAt: "2024-01-08", npsScore: 7 },
    { purchasedAt: "2024-01-02", repeatPurchaseAt: "2024-02-20", npsScore: 10 },
    { purchasedAt: "2024-01-02", repeatPurchaseAt: "2024-02-25", npsScore: 9 },
    { purchasedAt: "2024-01-09", repeatPurchaseAt: "2024-02-28" },
    { npsScore: 0 },
  ];

  it("scores each stage with the nps area (same result as nps on that stage's answers)", () => {
    const r = npsByJourneyStage(COLEMAN_JOURNEY, customers, { asOf: "2024-03-01" });
    expect([r.n, r.responses, r.signal, r.asOf]).toEqual([7, 6, "npsScore", "2024-03-01"]);
    // Admission: answers 3, 9, 7 -> 1 promoter, 1 passive, 1 detractor -> NPS 0.
    expect(r.stages[1]).toMatchObject({ stage: "admission", customers: 3, responses: 3 });
    expect(r.stages[1]?.nps).toEqual(nps([3, 9, 7]));
    expect(r.stages[1]?.nps?.score).toBe(0);
    // Adoption: 10 and 9 (the third customer has no answer).
    expect(r.stages[6]).toMatchObject({ stage: "adoption", customers: 3, responses: 2 });
    expect(r.stages[6]?.nps).toEqual(nps([10, 9]));
    // Stages without answers.
    expect(r.stages[0]).toMatchObject({ stage: "assessment", customers: 0, responses: 0, nps: null });
    expect(r.stages[0]?.tally).toMatchObject({ promoters: 0, passives: 0, detractors: 0, n: 0 });
    // The customer in no stage.
    expect(r.unclassified).toMatchObject({ stage: null, customers: 1, responses: 1 });
    expect(r.unclassified.nps?.score).toBe(-100);
    expect(r.overall).toEqual(nps([3, 9, 7, 10, 9, 0]));
  });

  it("passes interval options through", () => {
    const r = npsByJourneyStage(COLEMAN_JOURNEY, customers, { asOf: "2024-03-01", interval: "wald", confidence: 0.9 });
    expect(r.stages[1]?.nps).toEqual(nps([3, 9, 7], { interval: "wald", confidence: 0.9 }));
    expectMetricsError(
      () => npsByJourneyStage(COLEMAN_JOURNEY, [{}], { asOf: "2024-03-01", interval: "exact" as never }),
      "invalid_option",
      ["options", "interval"],
    );
  });

  it("reads another number signal and checks it", () => {
    const m: JourneyModel = {
      id: "m",
      name: "m",
      anchor: "at",
      signals: [
        { id: "at", type: "date" },
        { id: "rec", type: "number" },
        { id: "ok", type: "boolean" },
      ],
      stages: [{ id: "s", name: "S", entry: { signal: "at", op: "exists" } }],
    };
    expect(
      npsByJourneyStage(m, [{ at: "2024-01-01", rec: 10 }], { asOf: "2024-03-01", signal: "rec" }).stages[0]?.nps?.score,
    ).toBe(100);
    expectMetricsError(() => npsByJourneyStage(m, [{ rec: 11 }], { asOf: "2024-03-01", signal: "rec" }), "out_of_range", [
      0,
      "rec",
    ]);
    expectMetricsError(() => npsByJourneyStage(m, [{ rec: 9.5 }], { asOf: "2024-03-01", signal: "rec" }), "not_integer", [
      0,
      "rec",
    ]);
    expectMetricsError(() => npsByJourneyStage(m, [{}], { asOf: "2024-03-01" }), "unknown_reference", ["options", "signal"]);
    expectMetricsError(() => npsByJourneyStage(m, [{}], { asOf: "2024-03-01", signal: "ok" }), "invalid_model", [
      "options",
      "signal",
    ]);
    expectMetricsError(() => npsByJourneyStage(m, [{}], { asOf: "2024-03-01", signal: "__proto__" }), "unsafe_key", [
      "options",
      "signal",
    ]);
  });
});
