import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleClv } from "../../src/clv/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("simpleClv", () => {
  it("dashboard form ARPA × margin ÷ churn: $2,000 ARPA, 60% margin, 0.5% churn → $240,000", () => {
    // Source: https://abracalc.com/calculator/customer-lifetime-value-calculator/2000-arpa-60-margin-05-churn/
    const res = simpleClv({ arpa: "2000", grossMargin: 0.6, churnRate: 0.005 });
    expect(res.value.toString()).toBe("240000");
    expect(res.method).toBe("arpa-churn");
    expect(res.lifetime).toBe(200);
    expect(res.marginPerPeriod.toString()).toBe("1200");
    expect(res.revenuePerPeriod.toString()).toBe("2000");
  });

  it("revenue LTV = ARPU / churn: $100 at 10% churn → $1,000", () => {
    // Source: https://bugfree.ai/data-question/customer-lifetime-value-calculation (LTV = 100 / 0.1 = 1000)
    expect(simpleClv({ arpa: 100, grossMargin: 1, churnRate: 0.1 }).value.toString()).toBe("1000");
  });

  it("2.5% monthly churn means a 40-month lifetime (Lean Analytics)", () => {
    // Source: Croll & Yoskovitz, Lean Analytics (2013), quoted at https://www.goodreads.com/notes/18897969-lean-analytics/90729572-robbie-amrein/c38b28b7-9ed6-4849-bce8-2448fe7591fe
    // ("If 2.5% of customers churn every month, ... the average customer stays around for 40 months").
    const res = simpleClv({ arpa: { value: "50", unit: "month" }, grossMargin: 0.8, churnRate: { value: 0.025, unit: "month" } });
    expect(res.lifetime).toBe(40);
    expect(res.value.toString()).toBe("1600");
    expect(res.period).toBe("month");
  });

  it("retail form AOV × frequency × margin × lifetime (hand-computed)", () => {
    const res = simpleClv({ averageOrderValue: "50", purchaseFrequency: 4, grossMargin: 0.3, lifetime: 5, period: "year" });
    expect(res.value.toString()).toBe("300");
    expect(res.method).toBe("aov-frequency-lifetime");
    expect(res.revenuePerPeriod.toString()).toBe("200");
    const viaChurn = simpleClv({ averageOrderValue: "50", purchaseFrequency: 4, grossMargin: 0.3, churnRate: 0.2 });
    expect(viaChurn.value.toString()).toBe("300");
    expect(viaChurn.method).toBe("aov-frequency-churn");
    expect(simpleClv({ arpa: "10", grossMargin: 0.5, lifetime: 3 }).method).toBe("arpa-lifetime");
  });

  it("is exact in Decimal (no float drift)", () => {
    expect(simpleClv({ arpa: "0.1", grossMargin: 0.3, lifetime: 3 }).value.toString()).toBe("0.09");
    expect(simpleClv({ arpa: "29.99", grossMargin: 0.7, churnRate: 0.03 }).value.toString()).toBe(
      "699.7" + "6".repeat(115) + "7",
    );
  });

  it("churn 0 is undefined, not Infinity", () => {
    expectMetricsError(() => simpleClv({ arpa: "100", grossMargin: 0.8, churnRate: 0 }), "undefined_result", ["churnRate"]);
    expectMetricsError(
      () => simpleClv({ arpa: "100", grossMargin: 0.8, churnRate: { value: -0, unit: "month" } }),
      "undefined_result",
      ["churnRate", "value"],
    );
  });

  it("rejects ambiguous or missing bases", () => {
    expectMetricsError(
      () => simpleClv({ arpa: "1", averageOrderValue: "2", purchaseFrequency: 1, grossMargin: 1, lifetime: 1 }),
      "invalid_input",
      ["averageOrderValue"],
    );
    expectMetricsError(() => simpleClv({ grossMargin: 1, lifetime: 1 }), "invalid_input", ["arpa"]);
    expectMetricsError(() => simpleClv({ averageOrderValue: "2", grossMargin: 1, lifetime: 1 }), "invalid_input", [
      "purchaseFrequency",
    ]);
    expectMetricsError(() => simpleClv({ purchaseFrequency: 2, grossMargin: 1, lifetime: 1 }), "invalid_input", [
      "averageOrderValue",
    ]);
    expectMetricsError(() => simpleClv({ arpa: "1", grossMargin: 1, lifetime: 1, churnRate: 0.1 }), "invalid_input", [
      "churnRate",
    ]);
    expectMetricsError(() => simpleClv({ arpa: "1", grossMargin: 1 }), "invalid_input", ["lifetime"]);
  });

  it("rejects bad values with code and path", () => {
    expectMetricsError(() => simpleClv({ arpa: "-1", grossMargin: 1, lifetime: 1 }), "out_of_range", ["arpa"]);
    expectMetricsError(() => simpleClv({ arpa: { value: "-1", unit: "month" }, grossMargin: 1, lifetime: 1 }), "out_of_range", [
      "arpa",
      "value",
    ]);
    expectMetricsError(() => simpleClv({ arpa: "1", grossMargin: 70, lifetime: 1 }), "out_of_range", ["grossMargin"]);
    expectMetricsError(() => simpleClv({ arpa: "1", grossMargin: Number.NaN, lifetime: 1 }), "not_finite", ["grossMargin"]);
    expectMetricsError(() => simpleClv({ arpa: "1", grossMargin: 0.5, lifetime: 0 }), "out_of_range", ["lifetime"]);
    expectMetricsError(() => simpleClv({ arpa: "1", grossMargin: 0.5, lifetime: "3" as never }), "invalid_type", ["lifetime"]);
    expectMetricsError(() => simpleClv({ arpa: "1", grossMargin: 0.5, churnRate: 1.5 }), "out_of_range", ["churnRate"]);
    expectMetricsError(
      () => simpleClv({ averageOrderValue: "-5", purchaseFrequency: 1, grossMargin: 0.5, lifetime: 1 }),
      "out_of_range",
      ["averageOrderValue"],
    );
    expectMetricsError(
      () => simpleClv({ averageOrderValue: "5", purchaseFrequency: -1, grossMargin: 0.5, lifetime: 1 }),
      "out_of_range",
      ["purchaseFrequency"],
    );
    expectMetricsError(
      () => simpleClv({ averageOrderValue: "5", purchaseFrequency: Number.POSITIVE_INFINITY, grossMargin: 0.5, lifetime: 1 }),
      "not_finite",
      ["purchaseFrequency"],
    );
    expectMetricsError(() => simpleClv(null as never), "invalid_type", []);
  });

  it("rejects a weekly frequency with a monthly churn (unit_mismatch)", () => {
    expectMetricsError(
      () =>
        simpleClv({
          averageOrderValue: "20",
          purchaseFrequency: { value: 1, unit: "week" },
          grossMargin: 0.4,
          churnRate: { value: 0.05, unit: "month" },
        }),
      "unit_mismatch",
      ["churnRate", "unit"],
    );
    expectMetricsError(
      () => simpleClv({ arpa: { value: "20", unit: "week" }, grossMargin: 0.4, lifetime: 10, period: "month" }),
      "unit_mismatch",
      ["arpa", "unit"],
    );
  });

  it("does not mutate its input", () => {
    const input = {
      arpa: { value: "2000", unit: "month" as const },
      grossMargin: 0.6,
      churnRate: { value: 0.005, unit: "month" as const },
    };
    const copy = structuredClone(input);
    simpleClv(input);
    expect(input).toEqual(copy);
  });

  it("property: value rises with margin and falls with churn", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (arpaCents, gm1, gm2, c1, c2) => {
          const arpa = (arpaCents / 100).toFixed(2);
          const [gLo, gHi] = gm1 <= gm2 ? [gm1, gm2] : [gm2, gm1];
          const [cLo, cHi] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const a = simpleClv({ arpa, grossMargin: gLo, churnRate: cHi }).value;
          const b = simpleClv({ arpa, grossMargin: gHi, churnRate: cHi }).value;
          const c = simpleClv({ arpa, grossMargin: gHi, churnRate: cLo }).value;
          return b.gte(a) && c.gte(b);
        },
      ),
    );
  });
});
