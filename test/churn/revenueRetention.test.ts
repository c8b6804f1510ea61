import fc from "fast-check";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { revenueRetention, type MrrRecord } from "../../src/churn/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("revenueRetention", () => {
  it("ChartMogul's documented example: $100 start, −$10 churn, −$10 contraction, +$10 expansion → gross 20%, net 10%", () => {
    // https://help.chartmogul.com/hc/en-us/articles/203359341-Metric-MRR-Churn-Rate (FORMULAS.md §2.3)
    const r = revenueRetention({ startingMrr: "100", churnedMrr: "10", contractionMrr: "10", expansionMrr: "10" });
    expect(r.grossMrrChurnRate).toBe(0.2);
    expect(r.netMrrChurnRate).toBe(0.1);
    expect(r.grossRevenueRetention).toBe(0.8);
    expect(r.netRevenueRetention).toBe(0.9);
    expect(r.endingMrr.toString()).toBe("90");
    expect(r.netNewMrr.toString()).toBe("-10");
    expect(r.quickRatio).toBe(0.5);
  });

  it("MRR bridge with reactivation: $50K start, +8K new, +4K expansion, +1K reactivation, −2K contraction, −3K churn → $58K, quick ratio 2.6", () => {
    // https://mowt.pages.dev/tools/mrr-calculator (worked example; quick ratio with reactivation in the numerator)
    const r = revenueRetention({
      startingMrr: 50000,
      newMrr: 8000,
      expansionMrr: 4000,
      reactivationMrr: 1000,
      contractionMrr: 2000,
      churnedMrr: 3000,
    });
    expect(r.endingMrr.toString()).toBe("58000");
    expect(r.netNewMrr.toString()).toBe("8000");
    expect(r.quickRatioWithReactivation).toBe(2.6);
    expect(r.quickRatio).toBe(2.4); // (8 + 4) / (2 + 3), Baremetrics' definition
    expect(r.netMrrChurnRate).toBe(0); // ChartMogul: (3 + 2 − 4 − 1) / 50
    expect(r.netRevenueRetention).toBe(0.98); // (50 + 4 − 2 − 3) / 50: reactivation is not in the locked cohort
  });

  it("quick ratio (20 + 8) / (5 + 3) = 3.5 (pitchkit glossary worked example); null when nothing is lost", () => {
    // https://pitchkit.net/resources/glossary/quick-ratio
    expect(revenueRetention({ startingMrr: 100, newMrr: 20, expansionMrr: 8, churnedMrr: 5, contractionMrr: 3 }).quickRatio).toBe(
      3.5,
    );
    const noLoss = revenueRetention({ startingMrr: "100", newMrr: "5" });
    expect(noLoss.quickRatio).toBeNull();
    expect(noLoss.quickRatioWithReactivation).toBeNull();
    expect(noLoss.grossRevenueRetention).toBe(1);
  });

  it("is exact in Decimal", () => {
    const r = revenueRetention({ startingMrr: "0.3", churnedMrr: "0.1", expansionMrr: "0.2" });
    expect(r.endingMrr.toString()).toBe("0.4");
    expect(Decimal.isDecimal(r.startingMrr)).toBe(true);
    expect(r.netRevenueRetention).toBe(4 / 3);
  });

  describe("from per-customer MRR records", () => {
    const records: MrrRecord[] = [
      // January (from)
      { customerId: "a", at: "2024-01-01", mrr: "100" },
      { customerId: "b", at: "2024-01-01", mrr: "50" },
      { customerId: "c", at: "2024-01-01", mrr: "30" },
      { customerId: "d", at: "2024-01-01", mrr: "20" },
      { customerId: "d", at: "2024-01-15", mrr: "20" }, // two lines in one month add up: d pays 40
      // earlier history: e paid in 2023 and left
      { customerId: "e", at: "2023-11-01", mrr: "70" },
      // February (to)
      { customerId: "a", at: "2024-02-01", mrr: "120" }, // expansion 20
      { customerId: "b", at: "2024-02-01", mrr: "40" }, // contraction 10
      { customerId: "d", at: "2024-02-01", mrr: "40" }, // flat
      { customerId: "e", at: "2024-02-01", mrr: "60" }, // reactivation 60
      { customerId: "f", at: "2024-02-01", mrr: "25" }, // new 25
      // c churned (30)
      { customerId: "g", at: "2024-03-01", mrr: "999" }, // after `to`: ignored
    ];

    it("derives the movements (hand-computed)", () => {
      const r = revenueRetention(records, { period: "month", from: "2024-01-10", to: "2024-02-10" });
      expect(r.from).toBe("2024-01");
      expect(r.to).toBe("2024-02");
      expect(
        [r.startingMrr, r.newMrr, r.expansionMrr, r.contractionMrr, r.churnedMrr, r.reactivationMrr, r.endingMrr].map(String),
      ).toEqual(["220", "25", "20", "10", "30", "60", "285"]);
      expect(r.customers).toEqual({ starting: 4, retained: 3, expanded: 1, contracted: 1, churned: 1, new: 1, reactivated: 1 });
      expect(r.grossMrrChurnRate).toBe(40 / 220);
      expect(r.netRevenueRetention).toBe(200 / 220);
    });

    it("annual NRR: compares the locked cohort 12 months later", () => {
      const r = revenueRetention(
        [
          { customerId: 1, at: "2023-01-05", mrr: "100" },
          { customerId: 2, at: "2023-01-05", mrr: "100" },
          { customerId: 1, at: "2024-01-05", mrr: "150" },
          { customerId: 3, at: "2023-06-05", mrr: "80" },
          { customerId: 3, at: "2024-01-05", mrr: "80" },
        ],
        { from: "2023-01-01", to: "2024-01-01" },
      );
      expect(r.netRevenueRetention).toBe(0.75);
      expect(r.grossRevenueRetention).toBe(0.5);
      expect(r.newMrr.toString()).toBe("80"); // joined after `from`: new, not reactivated
    });

    it("property: ending = starting + new + expansion + reactivation − contraction − churn, GRR ≤ 1 ≤ … ", () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              id: fc.integer({ min: 0, max: 12 }),
              month: fc.integer({ min: 0, max: 4 }),
              cents: fc.integer({ min: 0, max: 50_000 }),
            }),
            { minLength: 1, maxLength: 60 },
          ),
          (raw) => {
            const recs = raw.map((r) => ({ customerId: r.id, at: `2024-0${r.month + 1}-15`, mrr: (r.cents / 100).toFixed(2) }));
            const hasStart = raw.some((r) => r.month === 2 && r.cents > 0);
            if (!hasStart) {
              expectMetricsError(() => revenueRetention(recs, { from: "2024-03-01", to: "2024-04-01" }), "empty_sample", [
                "options",
                "from",
              ]);
              return;
            }
            const r = revenueRetention(recs, { from: "2024-03-01", to: "2024-04-01" });
            const sumTo = recs.filter((x) => x.at.startsWith("2024-04")).reduce((s, x) => s.plus(x.mrr), new Decimal(0));
            expect(r.endingMrr.toString()).toBe(sumTo.toString());
            expect(r.grossRevenueRetention).toBeLessThanOrEqual(1);
            expect(r.grossRevenueRetention).toBeGreaterThanOrEqual(0);
            expect(r.netRevenueRetention).toBeGreaterThanOrEqual(r.grossRevenueRetention);
            expect(Math.abs(r.grossMrrChurnRate + r.grossRevenueRetention - 1)).toBeLessThan(1e-15);
          },
        ),
        { numRuns: 150 },
      );
    });
  });

  it("rejects bad input with code and path", () => {
    expectMetricsError(() => revenueRetention({ startingMrr: "0" }), "empty_sample", ["startingMrr"]);
    expectMetricsError(() => revenueRetention({} as never), "invalid_input", ["startingMrr"]);
    expectMetricsError(() => revenueRetention({ startingMrr: "100", churnedMrr: "-10" }), "out_of_range", ["churnedMrr"]);
    expectMetricsError(() => revenueRetention({ startingMrr: "100", churnedMrr: "60", contractionMrr: "50" }), "out_of_range", [
      "churnedMrr",
    ]);
    expectMetricsError(() => revenueRetention({ startingMrr: "100", contractionMrr: "150" }), "out_of_range", ["contractionMrr"]);
    expectMetricsError(() => revenueRetention({ startingMrr: Number.NaN }), "not_finite", ["startingMrr"]);
    expectMetricsError(() => revenueRetention({ startingMrr: "ten" }), "invalid_input", ["startingMrr"]);
    expectMetricsError(() => revenueRetention({ startingMrr: null as never }), "invalid_type", ["startingMrr"]);
    expectMetricsError(() => revenueRetention([], { from: "2024-01-01", to: "2024-02-01" }), "empty_sample", []);
    expectMetricsError(
      () => revenueRetention([{ customerId: 1, at: "2024-01-01", mrr: "1" }], undefined as never),
      "invalid_type",
      ["options"],
    );
    expectMetricsError(
      () => revenueRetention([{ customerId: 1, at: "2024-01-01", mrr: "1" }], { from: "2024-02-01", to: "2024-01-01" }),
      "out_of_range",
      ["options", "to"],
    );
    expectMetricsError(
      () => revenueRetention([{ customerId: 1, at: "2024-01-01", mrr: "-1" }], { from: "2024-01-01", to: "2024-02-01" }),
      "out_of_range",
      [0, "mrr"],
    );
    expectMetricsError(
      () => revenueRetention([{ customerId: 1, at: "x", mrr: "1" }], { from: "2024-01-01", to: "2024-02-01" }),
      "invalid_date",
      [0, "at"],
    );
    expectMetricsError(
      () =>
        revenueRetention([{ customerId: "constructor", at: "2024-01-01", mrr: "1" }], { from: "2024-01-01", to: "2024-02-01" }),
      "unsafe_key",
      [0, "customerId"],
    );
  });

  it("does not mutate its input", () => {
    const m = Object.freeze({ startingMrr: "100", churnedMrr: "10" });
    revenueRetention(m);
    expect(m).toEqual({ startingMrr: "100", churnedMrr: "10" });
  });
});
