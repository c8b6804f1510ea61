import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { COLEMAN_JOURNEY, journeyFunnel } from "../../src/journey/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// Sources: test/fixtures/journey/coleman-cases.json "funnel" (independent Python reference) and
// test/fixtures/journey/wilson.json (Wilson intervals with mpmath); see the README there.
const fixture = JSON.parse(readFileSync(new URL("../fixtures/journey/coleman-cases.json", import.meta.url), "utf8")) as {
  cases: { name: string; customer: Record<string, unknown> }[];
  funnel: { reached: number[]; conversion: (number | null)[]; medianDays: (number | null)[]; daysSample: number[] };
};
const wilson = JSON.parse(readFileSync(new URL("../fixtures/journey/wilson.json", import.meta.url), "utf8")) as {
  rows: { k: number; n: number; confidence: number; lower: number; upper: number }[];
};

describe("journeyFunnel", () => {
  it("matches the reference funnel on 300 random snapshots", () => {
    const customers = fixture.cases.filter((c) => c.name.startsWith("random")).map((c) => c.customer);
    const f = journeyFunnel(COLEMAN_JOURNEY, customers, { asOf: "2024-06-30" });
    expect(f.steps.map((s) => s.reached)).toEqual(fixture.funnel.reached);
    expect(f.steps.map((s) => s.conversion)).toEqual(fixture.funnel.conversion);
    expect(f.steps.map((s) => s.medianDaysFromPrevious)).toEqual(fixture.funnel.medianDays);
    expect(f.steps.map((s) => s.daysSample)).toEqual(fixture.funnel.daysSample);
    expect([f.method, f.confidence, f.progression]).toEqual(["wilson", 0.95, "furthest"]);
  });

  it.each(wilson.rows)("Wilson interval for $k of $n at $confidence", ({ k, n, confidence, lower, upper }) => {
    // n customers reached assessment, k of them admission.
    const customers = Array.from({ length: n }, (_, i) =>
      i < k ? { firstContactAt: "2024-01-01", purchasedAt: "2024-01-05" } : { firstContactAt: "2024-01-01" },
    );
    const step = journeyFunnel(COLEMAN_JOURNEY, customers, { asOf: "2024-01-10", confidence }).steps[1];
    expect(step?.conversion).toBe(k / n);
    const [lo, hi] = step?.conversionInterval ?? [Number.NaN, Number.NaN];
    expectClose(lo, lower, { rel: 1e-12, abs: 1e-15 });
    expectClose(hi, upper, { rel: 1e-12, abs: 1e-15 });
  });

  it("gives null conversion after an empty step and null medians without dates", () => {
    const f = journeyFunnel(COLEMAN_JOURNEY, [{ firstContactAt: "2024-01-01" }], { asOf: "2024-01-10" });
    expect(f.steps[1]).toMatchObject({ reached: 0, conversion: 0, medianDaysFromPrevious: null, daysSample: 0 });
    expect(f.steps[2]).toMatchObject({ reached: 0, conversion: null, conversionInterval: null });
    expect(f.steps[0]?.conversion).toBeNull();
  });

  it("reached never increases along the funnel and conversions are fractions (property)", () => {
    const day = 86_400_000;
    const asOf = Date.UTC(2024, 0, 1);
    const date = fc.integer({ min: 0, max: 200 }).map((x) => asOf - x * day);
    const customer = fc.record(
      {
        firstContactAt: date,
        purchasedAt: date,
        affirmedAt: date,
        firstValueAt: date,
        repeatPurchaseAt: date,
        referralCount: fc.integer({ min: 0, max: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 40 }), (cs) => {
        const f = journeyFunnel(COLEMAN_JOURNEY, cs, { asOf });
        return f.steps.every(
          (s, i) =>
            (i === 0 || s.reached <= (f.steps[i - 1]?.reached ?? 0)) &&
            (s.conversion === null || (s.conversion >= 0 && s.conversion <= 1)) &&
            (s.conversionInterval === null ||
              (s.conversionInterval[0] <= (s.conversion as number) && (s.conversion as number) <= s.conversionInterval[1])),
        );
      }),
    );
  });

  it("rejects bad options and input", () => {
    expectMetricsError(() => journeyFunnel(COLEMAN_JOURNEY, [{}], { asOf: "2024-01-01", confidence: 1 }), "out_of_range", [
      "options",
      "confidence",
    ]);
    expectMetricsError(() => journeyFunnel(COLEMAN_JOURNEY, [{}], { asOf: "2024-01-01", confidence: Number.NaN }), "not_finite", [
      "options",
      "confidence",
    ]);
    expectMetricsError(() => journeyFunnel(COLEMAN_JOURNEY, [], { asOf: "2024-01-01" }), "empty_sample", ["customers"]);
    expectMetricsError(
      () => journeyFunnel(COLEMAN_JOURNEY, [{ npsScore: Number.POSITIVE_INFINITY }], { asOf: "2024-01-01" }),
      "not_finite",
      [0, "npsScore"],
    );
  });
});
