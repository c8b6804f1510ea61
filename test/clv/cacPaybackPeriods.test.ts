import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cacPaybackPeriods, clvFromRetention } from "../../src/clv/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// Independent values: brute-force running sums in mpmath (test/fixtures/clv/generate_closed_form.py).
const fixture = JSON.parse(readFileSync(new URL("../fixtures/clv/closedForm.json", import.meta.url), "utf8")) as {
  cacPaybackPeriods: {
    cac: string;
    margin: string;
    retentionRate: number;
    discountRate: number;
    marginGrowth: number;
    timing: "end" | "start";
    result: "never" | { wholePeriods: number; periods: string; cumulativeMargin: string };
  }[];
};

describe("cacPaybackPeriods", () => {
  it("CAC $600, ARPU $120 at 80% margin ($96/month) → 6.25 months", () => {
    // Source: https://www.callculator.cc/callculator946_pre_seed_payback_calculator/
    const res = cacPaybackPeriods({ cac: "600", margin: { value: "96", unit: "month" } });
    expect(res.periods).toBe(6.25);
    expect(res.wholePeriods).toBe(7);
    expect(res.method).toBe("simple");
    expect(res.period).toBe("month");
    expect(res.cumulativeMargin?.toString()).toBe("672");
  });

  it("CAC $1,200, ARPA $200 at 80% margin → 7.5 months", () => {
    // Source: https://pricingnest-com.pages.dev/saas-pricing/cac-payback-period-calculator (example defaults)
    expect(cacPaybackPeriods({ cac: "1200", margin: "160" }).periods).toBe(7.5);
  });

  it("matches brute-force running sums (mpmath) including retention, discounting, growth and start timing", () => {
    for (const c of fixture.cacPaybackPeriods) {
      const res = cacPaybackPeriods({
        cac: c.cac,
        margin: c.margin,
        retentionRate: c.retentionRate,
        discountRate: c.discountRate,
        marginGrowth: c.marginGrowth,
        timing: c.timing,
      });
      if (c.result === "never") {
        expect(res.periods).toBe("never");
        expect(res.wholePeriods).toBe("never");
        expect(res.cumulativeMargin).toBeNull();
      } else {
        expect(res.wholePeriods, JSON.stringify(c)).toBe(c.result.wholePeriods);
        expectClose(res.periods as number, Number(c.result.periods), { rel: 1e-12 }, JSON.stringify(c));
        expect(res.cumulativeMargin?.minus(c.result.cumulativeMargin).abs().lt("1e-25")).toBe(true);
      }
    }
  });

  it('reports "never" when the lifetime value is below CAC, or the margin is not positive', () => {
    // lifetime value at r = 0.8, end timing: 96·0.8/0.2 = 384 < 600
    expect(clvFromRetention({ margin: "96", retentionRate: 0.8, discountRate: 0 }).value.toString()).toBe("384");
    expect(cacPaybackPeriods({ cac: "600", margin: "96", retentionRate: 0.8 }).periods).toBe("never");
    expect(cacPaybackPeriods({ cac: "384", margin: "96", retentionRate: 0.8 }).periods).toBe("never"); // reached only in the limit
    expect(cacPaybackPeriods({ cac: "383.99", margin: "96", retentionRate: 0.8 }).wholePeriods).toBeGreaterThan(10);
    expect(cacPaybackPeriods({ cac: "100", margin: "0" }).periods).toBe("never");
    expect(cacPaybackPeriods({ cac: "100", margin: "-5" }).wholePeriods).toBe("never");
    expect(cacPaybackPeriods({ cac: "100", margin: "50", retentionRate: 0 }).periods).toBe("never");
  });

  it("r = 0 with start timing pays back only from the first margin", () => {
    expect(cacPaybackPeriods({ cac: "40", margin: "50", retentionRate: 0, timing: "start" }).wholePeriods).toBe(1);
    expect(cacPaybackPeriods({ cac: "40", margin: "50", retentionRate: 0, timing: "start" }).periods).toBe(0.8);
    expect(cacPaybackPeriods({ cac: "60", margin: "50", retentionRate: 0, timing: "start" }).periods).toBe("never");
  });

  it("a CAC of 0 pays back immediately", () => {
    const res = cacPaybackPeriods({ cac: "0", margin: "10", retentionRate: 0.5 });
    expect(res.periods).toBe(0);
    expect(res.wholePeriods).toBe(0);
  });

  it("growth makes even a churning customer pay back eventually", () => {
    const res = cacPaybackPeriods({ cac: "10000", margin: "10", retentionRate: 0.99, marginGrowth: 0.05 });
    expect(typeof res.wholePeriods).toBe("number");
  });

  it("rejects bad input with code and path", () => {
    expectMetricsError(() => cacPaybackPeriods({ cac: "-1", margin: "10" }), "out_of_range", ["cac"]);
    expectMetricsError(() => cacPaybackPeriods({ cac: Number.NaN, margin: "10" }), "not_finite", ["cac"]);
    expectMetricsError(() => cacPaybackPeriods({ cac: "1", margin: "ten" }), "invalid_input", ["margin"]);
    expectMetricsError(() => cacPaybackPeriods({ cac: "1", margin: "10", retentionRate: 1.01 }), "out_of_range", [
      "retentionRate",
    ]);
    expectMetricsError(() => cacPaybackPeriods({ cac: "1", margin: "10", discountRate: -0.1 }), "out_of_range", ["discountRate"]);
    expectMetricsError(() => cacPaybackPeriods({ cac: "1", margin: "10", timing: "mid" as never }), "invalid_option", ["timing"]);
    expectMetricsError(
      () => cacPaybackPeriods({ cac: "1", margin: { value: "10", unit: "month" }, retentionRate: { value: 0.9, unit: "year" } }),
      "unit_mismatch",
      ["retentionRate", "unit"],
    );
    expectMetricsError(() => cacPaybackPeriods([] as never), "invalid_type", []);
  });

  it("property: payback never gets shorter when CAC rises, and is monotone in retention", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 100, max: 50_000 }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (cac1, cac2, marginCents, r1, r2) => {
          const m = (marginCents / 100).toFixed(2);
          const [cLo, cHi] = cac1 <= cac2 ? [cac1, cac2] : [cac2, cac1];
          const [rLo, rHi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const toN = (p: number | "never") => (p === "never" ? Number.POSITIVE_INFINITY : p);
          const a = toN(cacPaybackPeriods({ cac: cLo, margin: m, retentionRate: rLo }).periods);
          const b = toN(cacPaybackPeriods({ cac: cHi, margin: m, retentionRate: rLo }).periods);
          const c = toN(cacPaybackPeriods({ cac: cHi, margin: m, retentionRate: rHi }).periods);
          return a <= b && c <= b;
        },
      ),
      { numRuns: 80 },
    );
  });
});
