import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { COLEMAN_JOURNEY, classifyJourneyStage, type JourneyModel } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

interface Case {
  readonly name: string;
  readonly customer: Record<string, string | number>;
  readonly asOf: string;
  readonly expected: {
    readonly stage: string | null;
    readonly stageIndex: number;
    readonly enteredOn: string | null;
    readonly daysInStage: number | null;
    readonly daysInRelationship: number | null;
    readonly daysSinceAnchor: number | null;
    readonly nextStage: string | null;
    readonly expectedBy: string | null;
    readonly daysOverdue: number;
    readonly stalled: boolean;
    readonly atRisk: readonly string[];
    readonly skippedStages: readonly string[];
  };
}

// Source: test/fixtures/journey/coleman-cases.json, written by make_fixtures.py (an independent
// Python re-implementation of the documented COLEMAN_JOURNEY defaults with datetime arithmetic).
const fixture = JSON.parse(readFileSync(new URL("../fixtures/journey/coleman-cases.json", import.meta.url), "utf8")) as {
  cases: Case[];
};

function project(c: ReturnType<typeof classifyJourneyStage>) {
  return {
    stage: c.stage,
    stageIndex: c.stageIndex,
    enteredOn: c.enteredOn,
    daysInStage: c.daysInStage,
    daysInRelationship: c.daysInRelationship,
    daysSinceAnchor: c.daysSinceAnchor,
    nextStage: c.nextStage?.stage ?? null,
    expectedBy: c.nextStage?.expectedBy ?? null,
    daysOverdue: c.nextStage?.daysOverdue ?? 0,
    stalled: c.stalled,
    atRisk: c.atRisk,
    skippedStages: c.skippedStages,
  };
}

describe("classifyJourneyStage", () => {
  const ladder = fixture.cases.filter((c) => c.name.startsWith("ladder"));
  const boundaries = fixture.cases.filter((c) => c.name.startsWith("boundary"));
  const random = fixture.cases.filter((c) => c.name.startsWith("random"));

  it("has a fixture case for every Coleman stage and both sides of every window", () => {
    expect(ladder.map((c) => c.expected.stage)).toEqual(COLEMAN_JOURNEY.stages.map((s) => s.id));
    expect(boundaries).toHaveLength(14);
  });

  describe.each(ladder)("each Coleman stage ($name)", (c) => {
    it("matches the reference classification", () => {
      expect(project(classifyJourneyStage(COLEMAN_JOURNEY, c.customer, { asOf: c.asOf }))).toEqual(c.expected);
    });
  });

  // Boundary cases come in pairs: the last day of the next stage's window, then the day after.
  const pairs = Array.from({ length: boundaries.length / 2 }, (_, i) => ({
    name: (boundaries[2 * i] as Case).name.replace(/ day \d+$/, ""),
    onTime: boundaries[2 * i] as Case,
    late: boundaries[2 * i + 1] as Case,
  }));
  describe.each(pairs)("window boundary ($name)", ({ onTime, late }) => {
    it("is on time on the window's last day and stalled the day after", () => {
      const a = classifyJourneyStage(COLEMAN_JOURNEY, onTime.customer, { asOf: onTime.asOf });
      const b = classifyJourneyStage(COLEMAN_JOURNEY, late.customer, { asOf: late.asOf });
      expect(project(a)).toEqual(onTime.expected);
      expect(project(b)).toEqual(late.expected);
      expect([a.stalled, a.nextStage?.daysOverdue]).toEqual([false, 0]);
      expect([b.stalled, b.nextStage?.daysOverdue, b.atRisk[0]]).toEqual([true, 1, "stalled"]);
      expect(b.stage).toBe(a.stage);
    });
  });

  it("agrees with the reference on 300 random snapshots", () => {
    for (const c of random) {
      expect(project(classifyJourneyStage(COLEMAN_JOURNEY, c.customer, { asOf: c.asOf })), c.name).toEqual(c.expected);
    }
  });

  it("explains the stage and the next step", () => {
    // Hand-checked: purchase 2024-02-01, onboarding started 02-05; acclimation is due by purchase + 30 = 03-02.
    const c = classifyJourneyStage(
      COLEMAN_JOURNEY,
      { purchasedAt: "2024-02-01", onboardingStartedAt: "2024-02-05", npsScore: 9, lastActiveAt: "2024-02-01" },
      { asOf: "2024-03-05" },
    );
    expect(c.stage).toBe("activation");
    expect(c.stageName).toBe("Activation");
    expect(c.matchedRule).toBe("onboardingStartedAt exists");
    expect(c.nextStage).toEqual({
      stage: "acclimation",
      name: "Acclimation",
      needs: ["onboardingCompletedAt exists"],
      expectedFrom: "2024-02-08",
      expectedBy: "2024-03-02",
      daysOverdue: 3,
    });
    expect(c.skippedStages).toEqual(["affirmation"]);
    expect(c.atRisk).toEqual(["stalled", "inactive"]);
    expect(c.asOf).toBe("2024-03-05");
  });

  it("returns no stage (and a first next stage) for an empty snapshot", () => {
    const c = classifyJourneyStage(COLEMAN_JOURNEY, {}, { asOf: "2024-03-05" });
    expect(c).toMatchObject({
      stage: null,
      stageIndex: -1,
      matchedRule: null,
      daysInRelationship: null,
      daysInStage: null,
      stalled: false,
    });
    expect(c.nextStage?.stage).toBe("assessment");
    expect(c.nextStage?.expectedBy).toBeNull();
  });

  it("accepts Date objects, epoch ms and date-times (read as UTC days)", () => {
    const iso = classifyJourneyStage(
      COLEMAN_JOURNEY,
      { purchasedAt: "2024-02-01", affirmedAt: "2024-02-03" },
      { asOf: "2024-02-10" },
    );
    const date = classifyJourneyStage(
      COLEMAN_JOURNEY,
      { purchasedAt: new Date(Date.UTC(2024, 1, 1, 23, 59)), affirmedAt: Date.UTC(2024, 1, 3, 8) },
      { asOf: new Date(Date.UTC(2024, 1, 10, 12)) },
    );
    const dt = classifyJourneyStage(
      COLEMAN_JOURNEY,
      { purchasedAt: "2024-02-01T23:00:00Z", affirmedAt: "2024-02-03T01:00:00+02:00" },
      { asOf: "2024-02-10" },
    );
    expect(date).toEqual(iso);
    // 2024-02-03T01:00+02:00 is 2024-02-02T23:00Z: entered a day earlier.
    expect(dt.enteredOn).toBe("2024-02-02");
  });

  it("reads plain ISO dates exactly like toDayNumber, leap days included", () => {
    const asOf = { asOf: "2024-12-31" };
    expect(classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2024-02-29" }, asOf).enteredOn).toBe("2024-02-29");
    expect(classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2000-02-29" }, asOf).enteredOn).toBe("2000-02-29");
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2023-02-29" }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "1900-02-29" }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2024-04-31" }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2024-00-10" }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2024-1a-10" }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expect(classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2024-03-05T23:30:00-01:00" }, asOf).enteredOn).toBe(
      "2024-03-06",
    );
  });

  it("is safe when a snapshot's getter classifies another customer (re-entrancy)", () => {
    const inner = { purchasedAt: "2024-01-01", affirmedAt: "2024-01-02" };
    let innerStage: string | null = null;
    const outer = {
      purchasedAt: "2024-02-01",
      get affirmedAt() {
        innerStage = classifyJourneyStage(COLEMAN_JOURNEY, inner, { asOf: "2024-03-01" }).stage;
        return undefined;
      },
      onboardingStartedAt: "2024-02-03",
    };
    expect(classifyJourneyStage(COLEMAN_JOURNEY, outer, { asOf: "2024-03-01" }).stage).toBe("activation");
    expect(innerStage).toBe("affirmation");
    expect(classifyJourneyStage(COLEMAN_JOURNEY, outer, { asOf: "2024-03-01" }).skippedStages).toEqual(["affirmation"]);
  });

  it("supports sequential progression, daysSince conditions, booleans and stage references", () => {
    const model: JourneyModel = {
      id: "trial",
      name: "Trial to paid",
      anchor: "signedUpAt",
      progression: "sequential",
      signals: [
        { id: "signedUpAt", type: "date" },
        { id: "invitedTeam", type: "boolean" },
        { id: "seats", type: "number", min: 1, integer: true },
        { id: "paidAt", type: "date" },
      ],
      stages: [
        { id: "trial", name: "Trial", entry: { signal: "signedUpAt", op: "exists" } },
        {
          id: "engaged",
          name: "Engaged",
          entry: {
            all: [
              { signal: "invitedTeam", op: "eq", value: true },
              { signal: "seats", op: "gte", value: 3 },
            ],
          },
        },
        {
          id: "seasoned",
          name: "Seasoned",
          entry: { all: [{ stage: "engaged" }, { signal: "signedUpAt", measure: "daysSince", op: "gte", value: 14 }] },
          window: { start: 7, end: 21 },
        },
        { id: "paid", name: "Paid", entry: { signal: "paidAt", op: "exists" }, window: { start: 14, end: 30 } },
      ],
    };
    const asOf = "2024-03-31";
    // Paid but never engaged: sequential stops at trial (furthest would say paid).
    const c1 = classifyJourneyStage(model, { signedUpAt: "2024-03-01", paidAt: "2024-03-20", invitedTeam: false }, { asOf });
    expect(c1.stage).toBe("trial");
    expect(c1.skippedStages).toEqual([]);
    expect(
      classifyJourneyStage({ ...model, progression: "furthest" }, { signedUpAt: "2024-03-01", paidAt: "2024-03-20" }, { asOf })
        .stage,
    ).toBe("paid");
    // Engaged and 30 days old: seasoned since signedUpAt + 14 = 2024-03-15; paid due by 2024-03-31 (on time).
    const c2 = classifyJourneyStage(model, { signedUpAt: "2024-03-01", invitedTeam: true, seats: 4 }, { asOf });
    expect([c2.stage, c2.enteredOn, c2.daysInStage, c2.stalled]).toEqual(["seasoned", "2024-03-15", 16, false]);
    expect(c2.matchedRule).toBe("all(stage engaged reached, days since signedUpAt >= 14)");
    expect(c2.nextStage?.needs).toEqual(["paidAt exists"]);
    // Engaged on a count and a flag: no dated condition, so the entry date is unknown.
    const c3 = classifyJourneyStage(model, { signedUpAt: "2024-03-25", invitedTeam: true, seats: 3 }, { asOf });
    expect([c3.stage, c3.enteredOn, c3.daysInStage]).toEqual(["engaged", null, null]);
    expect(c3.nextStage?.needs).toEqual(["days since signedUpAt >= 14"]);
    expect(c3.nextStage?.expectedBy).toBe("2024-04-15");
  });

  it("never moves backwards when signals only accumulate (property)", () => {
    const dateSignals = [
      "firstContactAt",
      "purchasedAt",
      "affirmedAt",
      "onboardingStartedAt",
      "onboardingCompletedAt",
      "firstValueAt",
      "repeatPurchaseAt",
      "firstReferralAt",
    ] as const;
    const asOfDay = Date.UTC(2024, 5, 30);
    const day = 86_400_000;
    const snapshot = fc.record({
      dates: fc.array(fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
      referrals: fc.integer({ min: 0, max: 3 }),
      added: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 8, maxLength: 8 }),
      addMask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      moreReferrals: fc.integer({ min: 0, max: 3 }),
      laterBy: fc.integer({ min: 0, max: 60 }),
    });
    fc.assert(
      fc.property(snapshot, (s) => {
        const before: Record<string, number> = { referralCount: s.referrals };
        const after: Record<string, number> = { referralCount: s.referrals + s.moreReferrals };
        dateSignals.forEach((k, i) => {
          const ago = s.dates[i];
          if (ago !== undefined) {
            before[k] = asOfDay - ago * day;
            after[k] = before[k] as number;
          } else if (s.addMask[i]) after[k] = asOfDay - (s.added[i] as number) * day; // a new signal appears
        });
        const a = classifyJourneyStage(COLEMAN_JOURNEY, before, { asOf: asOfDay });
        const b = classifyJourneyStage(COLEMAN_JOURNEY, after, { asOf: asOfDay + s.laterBy * day });
        return b.stageIndex >= a.stageIndex;
      }),
      { numRuns: 500 },
    );
  });

  it("does not mutate its inputs", () => {
    const customer = { purchasedAt: "2024-02-01", referralCount: 2 };
    const copy = structuredClone(customer);
    const model = structuredClone(COLEMAN_JOURNEY) as JourneyModel;
    const modelCopy = structuredClone(model);
    classifyJourneyStage(model, customer, { asOf: "2024-03-01" });
    expect(customer).toEqual(copy);
    expect(model).toEqual(modelCopy);
  });

  it("rejects dates after asOf, bad dates and bad signal values with code and path", () => {
    const asOf = { asOf: "2024-03-01" };
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2024-03-02" }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2024-02-30" }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "yesterday" }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: Number.NaN }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: new Date(Number.NaN) }, asOf), "invalid_date", [
      "purchasedAt",
    ]);
    expectMetricsError(
      () => classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: Number.POSITIVE_INFINITY }, asOf),
      "invalid_date",
      ["purchasedAt"],
    );
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { npsScore: "9" }, asOf), "invalid_type", ["npsScore"]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { npsScore: 11 }, asOf), "out_of_range", ["npsScore"]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { npsScore: 8.5 }, asOf), "not_integer", ["npsScore"]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { referralCount: Number.NaN }, asOf), "not_finite", [
      "referralCount",
    ]);
    expectMetricsError(
      () => classifyJourneyStage(COLEMAN_JOURNEY, { referralCount: Number.NEGATIVE_INFINITY }, asOf),
      "not_finite",
      ["referralCount"],
    );
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, { referralCount: -1 }, asOf), "out_of_range", [
      "referralCount",
    ]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, null as never, asOf), "invalid_type", []);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, {}, {} as never), "invalid_date", ["options", "asOf"]);
    expectMetricsError(() => classifyJourneyStage(COLEMAN_JOURNEY, {}, { asOf: "soon" }), "invalid_date", ["options", "asOf"]);
  });

  it("reads -0 as 0 and null as missing", () => {
    const c = classifyJourneyStage(
      COLEMAN_JOURNEY,
      { purchasedAt: "2024-02-01", referralCount: -0, firstReferralAt: null },
      { asOf: "2024-03-01" },
    );
    expect(c.stage).toBe("admission");
    const boolModel: JourneyModel = {
      id: "m",
      name: "m",
      anchor: "at",
      signals: [
        { id: "at", type: "date" },
        { id: "x", type: "number" },
      ],
      stages: [{ id: "zero", name: "Zero", entry: { signal: "x", op: "eq", value: 0 } }],
    };
    expect(classifyJourneyStage(boolModel, { x: -0 }, { asOf: "2024-01-01" }).stage).toBe("zero");
  });

  it("rejects an invalid model", () => {
    expectMetricsError(
      () => classifyJourneyStage({ ...COLEMAN_JOURNEY, stages: [] }, {}, { asOf: "2024-01-01" }),
      "invalid_model",
      ["stages"],
    );
  });
});
