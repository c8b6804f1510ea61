import { describe, expect, it } from "vitest";
import { COLEMAN_JOURNEY, journeyDistribution, simulateColemanCustomers } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("simulateColemanCustomers", () => {
  const asOf = "2024-06-30";
  const iso = simulateColemanCustomers(5000, { seed: 11, asOf });

  it("is reproducible and the two date formats describe the same customers", () => {
    expect(simulateColemanCustomers(5000, { seed: 11, asOf })).toEqual(iso);
    expect(simulateColemanCustomers(5000, { seed: 12, asOf })).not.toEqual(iso);
    const ms = simulateColemanCustomers(5000, { seed: 11, asOf, dates: "epoch-ms" });
    const a = journeyDistribution(COLEMAN_JOURNEY, iso, { asOf });
    expect(journeyDistribution(COLEMAN_JOURNEY, ms, { asOf })).toEqual(a);
  });

  it("produces valid snapshots over the horizon that reach every stage", () => {
    expect(iso.map((c) => c.customerId)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    for (const c of iso) {
      expect(typeof c.firstContactAt).toBe("string");
      expect((c.firstContactAt as string) >= "2024-01-02" && (c.firstContactAt as string) <= asOf).toBe(true); // 180 days before asOf
    }
    const d = journeyDistribution(COLEMAN_JOURNEY, iso, { asOf });
    expect(d.unclassified).toBe(0);
    expect(d.stages.every((s) => s.count > 0)).toBe(true);
    // By construction about 60% buy (minus purchases after asOf).
    const bought = d.stages.slice(1).reduce((a, s) => a + s.count, 0) / d.n;
    expect(bought).toBeGreaterThan(0.5);
    expect(bought).toBeLessThan(0.62);
  });

  it("rejects bad arguments", () => {
    expectMetricsError(() => simulateColemanCustomers(0, { seed: 1, asOf }), "out_of_range", ["n"]);
    expectMetricsError(() => simulateColemanCustomers(2.5, { seed: 1, asOf }), "not_integer", ["n"]);
    expectMetricsError(() => simulateColemanCustomers(10, { seed: Number.NaN, asOf }), "invalid_type", ["options", "seed"]);
    expectMetricsError(() => simulateColemanCustomers(10, { seed: 1, asOf: "never" }), "invalid_date", ["options", "asOf"]);
    expectMetricsError(() => simulateColemanCustomers(10, { seed: 1, asOf, dates: "date" as never }), "invalid_option", [
      "options",
      "dates",
    ]);
    expectMetricsError(() => simulateColemanCustomers(10, { seed: 1, asOf, horizonDays: -1 }), "out_of_range", [
      "options",
      "horizonDays",
    ]);
  });
});
