import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COLEMAN_JOURNEY, stalledCustomers } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Source: test/fixtures/journey/coleman-cases.json (independent Python reference of the Coleman defaults).
const fixture = JSON.parse(readFileSync(new URL("../fixtures/journey/coleman-cases.json", import.meta.url), "utf8")) as {
  cases: {
    name: string;
    customer: Record<string, unknown>;
    asOf: string;
    expected: {
      stage: string | null;
      stalled: boolean;
      daysOverdue: number;
      nextStage: string;
      expectedBy: string;
      atRisk: string[];
    };
  }[];
};

describe("stalledCustomers", () => {
  it("lists exactly the reference's stalled customers, most overdue first", () => {
    const random = fixture.cases.filter((c) => c.name.startsWith("random"));
    const rows = stalledCustomers(
      COLEMAN_JOURNEY,
      random.map((c, i) => ({ customerId: i, ...c.customer })),
      { asOf: "2024-06-30" },
    );
    const expected = random
      .map((c, i) => ({ customerId: i, ...c.expected }))
      .filter((e) => e.stalled)
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.customerId - b.customerId)
      .map((e) => ({
        customerId: e.customerId,
        stage: e.stage,
        nextStage: e.nextStage,
        expectedBy: e.expectedBy,
        daysOverdue: e.daysOverdue,
        atRisk: e.atRisk,
      }));
    expect(rows).toEqual(expected);
    expect(rows.length).toBeGreaterThan(10);
  });

  it("keeps input order on ties and skips customers on time", () => {
    // Hand-checked: both purchased 2024-02-01, affirmation due 02-04, asOf 02-10: 6 days overdue.
    const rows = stalledCustomers(
      COLEMAN_JOURNEY,
      [
        { customerId: "z", purchasedAt: "2024-02-01" },
        { customerId: "ok", purchasedAt: "2024-02-08" },
        { customerId: "a", purchasedAt: "2024-02-01", npsScore: 2 },
      ],
      { asOf: "2024-02-10" },
    );
    expect(rows).toEqual([
      {
        customerId: "z",
        stage: "admission",
        nextStage: "affirmation",
        expectedBy: "2024-02-04",
        daysOverdue: 6,
        atRisk: ["stalled"],
      },
      {
        customerId: "a",
        stage: "admission",
        nextStage: "affirmation",
        expectedBy: "2024-02-04",
        daysOverdue: 6,
        atRisk: ["stalled", "detractor"],
      },
    ]);
  });

  it("requires customer ids", () => {
    expectMetricsError(
      () => stalledCustomers(COLEMAN_JOURNEY, [{ customerId: 1 }, { purchasedAt: "2024-01-01" }], { asOf: "2024-02-01" }),
      "invalid_type",
      [1, "customerId"],
    );
    expectMetricsError(() => stalledCustomers(COLEMAN_JOURNEY, [{ customerId: "" }], { asOf: "2024-02-01" }), "invalid_type", [
      0,
      "customerId",
    ]);
    // One customer-id policy across churn, loyalty and journey (core/guards.ts readCustomerId): NaN is not_finite.
    expectMetricsError(
      () => stalledCustomers(COLEMAN_JOURNEY, [{ customerId: Number.NaN }], { asOf: "2024-02-01" }),
      "not_finite",
      [0, "customerId"],
    );
    expectMetricsError(
      () => stalledCustomers(COLEMAN_JOURNEY, [{ customerId: Infinity }], { asOf: "2024-02-01" }),
      "not_finite",
      [0, "customerId"],
    );
  });

  it("rejects reserved customer ids (regression: journey used to accept __proto__)", () => {
    for (const id of ["__proto__", "constructor", "prototype"]) {
      expectMetricsError(
        () => stalledCustomers(COLEMAN_JOURNEY, [{ customerId: 1 }, { customerId: id }], { asOf: "2024-02-01" }),
        "unsafe_key",
        [1, "customerId"],
      );
    }
    expectMetricsError(() => stalledCustomers(COLEMAN_JOURNEY, [], { asOf: "2024-02-01" }), "empty_sample", ["customers"]);
  });
});
