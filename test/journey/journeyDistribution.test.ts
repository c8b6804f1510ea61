import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { COLEMAN_JOURNEY, journeyDistribution } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Source: test/fixtures/journey/coleman-cases.json ("funnel" block and the random cases), computed by
// make_fixtures.py, an independent Python re-implementation of the COLEMAN_JOURNEY defaults.
const fixture = JSON.parse(readFileSync(new URL("../fixtures/journey/coleman-cases.json", import.meta.url), "utf8")) as {
  cases: { name: string; customer: Record<string, unknown>; asOf: string }[];
  funnel: { n: number; unclassified: number; counts: number[]; stalled: number[] };
};
const random = fixture.cases.filter((c) => c.name.startsWith("random"));

describe("journeyDistribution", () => {
  it("matches the reference counts and stalled counts on 300 random snapshots", () => {
    const d = journeyDistribution(
      COLEMAN_JOURNEY,
      random.map((c) => c.customer),
      { asOf: "2024-06-30" },
    );
    expect(d.n).toBe(fixture.funnel.n);
    expect(d.unclassified).toBe(fixture.funnel.unclassified);
    expect(d.stages.map((s) => s.count)).toEqual(fixture.funnel.counts);
    expect(d.stages.map((s) => s.stalled)).toEqual(fixture.funnel.stalled);
    expect(d.stalled).toBe(fixture.funnel.stalled.reduce((a, b) => a + b, 0));
    expect(d.stages.map((s) => s.share)).toEqual(fixture.funnel.counts.map((c) => c / 300));
    expect(d.asOf).toBe("2024-06-30");
  });

  it("counts customers in no stage", () => {
    const d = journeyDistribution(COLEMAN_JOURNEY, [{}, {}, { firstContactAt: "2024-01-01" }, { referralCount: 0 }], {
      asOf: "2024-01-02",
    });
    expect([d.unclassified, d.unclassifiedShare, d.stages[0]?.count]).toEqual([3, 0.75, 1]);
  });

  it("counts sum to n and shares to 1 (property)", () => {
    const day = 86_400_000;
    const asOf = Date.UTC(2024, 0, 1);
    const customer = fc.record(
      {
        firstContactAt: fc.integer({ min: 0, max: 300 }).map((x) => asOf - x * day),
        purchasedAt: fc.integer({ min: 0, max: 300 }).map((x) => asOf - x * day),
        onboardingStartedAt: fc.integer({ min: 0, max: 300 }).map((x) => asOf - x * day),
        firstValueAt: fc.integer({ min: 0, max: 300 }).map((x) => asOf - x * day),
        referralCount: fc.integer({ min: 0, max: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 60 }), (customers) => {
        const d = journeyDistribution(COLEMAN_JOURNEY, customers, { asOf });
        const total = d.stages.reduce((a, s) => a + s.count, 0) + d.unclassified;
        const shares = d.stages.reduce((a, s) => a + s.share, 0) + d.unclassifiedShare;
        return total === customers.length && Math.abs(shares - 1) < 1e-12 && d.stages.every((s) => s.stalled <= s.count);
      }),
    );
  });

  it("rejects empty input and bad snapshots with the customer's index in the path", () => {
    expectMetricsError(() => journeyDistribution(COLEMAN_JOURNEY, [], { asOf: "2024-01-01" }), "empty_sample", ["customers"]);
    expectMetricsError(() => journeyDistribution(COLEMAN_JOURNEY, null as never, { asOf: "2024-01-01" }), "invalid_type", [
      "customers",
    ]);
    expectMetricsError(
      () => journeyDistribution(COLEMAN_JOURNEY, [{}, { purchasedAt: "2024-02-01" }], { asOf: "2024-01-01" }),
      "invalid_date",
      [1, "purchasedAt"],
    );
    expectMetricsError(() => journeyDistribution(COLEMAN_JOURNEY, [{}, 7 as never], { asOf: "2024-01-01" }), "invalid_type", [1]);
  });
});
