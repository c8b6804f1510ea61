import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertRate, money } from "../../src/core/index.js";
import { clvFromRetention, clvCashflows } from "../../src/clv/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// Independent values: brute-force series sums in mpmath (test/fixtures/clv/generate_closed_form.py).
const fixture = JSON.parse(readFileSync(new URL("../fixtures/clv/closedForm.json", import.meta.url), "utf8")) as {
  clvFromRetention: {
    margin: string;
    retentionRate: number;
    discountRate: number;
    marginGrowth: number;
    timing: "end" | "start";
    horizon: number | null;
    value: string;
  }[];
};

describe("clvFromRetention", () => {
  it("reproduces the Gupta–Lehmann margin multiple r/(1+d−r) = 2.67 at r = 0.8, d = 0.1", () => {
    // Source: https://ealhamed.github.io/frameworks-library/ms/m02.html ("At r=80%, i=10% that is 2.67 years of margin"),
    // after Gupta & Lehmann (2003) "Customers as assets", J. Interactive Marketing 17(1).
    const res = clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1 });
    expect(res.marginMultiple.toFixed(2)).toBe("2.67");
    expect(res.value.toFixed(2)).toBe("266.67");
    expect(res.method).toBe("closed-form");
    expect(res.timing).toBe("end");
    expect(res.horizon).toBeNull();
    expect(res.period).toBeNull();
    expect(res.cashflows).toBeUndefined();
    // exact Decimal: 100 × 0.8 / 0.3 to 120 significant digits (python3 decimal, prec 120)
    expect(res.value.toString()).toBe("266." + "6".repeat(116) + "7");
  });

  it("subtracts the acquisition cost in netValue (CLV of a prospect = m·r/(1+d−r) − AC)", () => {
    const res = clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1, acquisitionCost: "66.67" });
    expect(res.netValue.toFixed(2)).toBe("200.00");
    expect(res.value.toFixed(2)).toBe("266.67");
  });

  it("matches the brute-force series sums (mpmath, 50 digits) for every fixture case", () => {
    for (const c of fixture.clvFromRetention) {
      const res = clvFromRetention({
        margin: c.margin,
        retentionRate: c.retentionRate,
        discountRate: c.discountRate,
        marginGrowth: c.marginGrowth,
        timing: c.timing,
        ...(c.horizon === null ? {} : { horizon: c.horizon }),
      });
      const diff = res.value.minus(c.value).abs();
      expect(diff.lte(money(c.value).abs().times("1e-25").plus("1e-25")), `${JSON.stringify(c)} got ${res.value}`).toBe(true);
      expect(res.method).toBe(c.horizon === null ? "closed-form" : "cashflows");
    }
  });

  it("start timing is the end-timing value times (1+d)/r", () => {
    const end = clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1 });
    const start = clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1, timing: "start" });
    expect(start.value.toFixed(20)).toBe(end.value.times(1.1).div(0.8).toFixed(20));
    expect(start.value.toFixed(2)).toBe("366.67");
  });

  it("a finite horizon returns the explicit cash-flow table and its sum", () => {
    const res = clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1, horizon: 3 });
    expect(res.method).toBe("cashflows");
    expect(res.horizon).toBe(3);
    expect(res.cashflows?.length).toBe(3);
    const table = clvCashflows({ margin: "100", retentionRate: 0.8, discountRate: 0.1, horizon: 3 });
    expect(res.value.eq(table.total)).toBe(true);
    expect(res.cashflows?.map((r) => r.presentValue.toString())).toEqual(table.rows.map((r) => r.presentValue.toString()));
    expect(res.marginMultiple).toBeCloseTo(1.640871525169, 10);
  });

  it("allows retention 1 with a finite horizon (an annuity), not without", () => {
    const res = clvFromRetention({ margin: "80", retentionRate: 1, discountRate: 0, horizon: 36 });
    expect(res.value.toString()).toBe("2880");
    expectMetricsError(() => clvFromRetention({ margin: "80", retentionRate: 1, discountRate: 0.01 }), "out_of_range", [
      "retentionRate",
    ]);
  });

  it("r = 0: an end-timed customer is worth nothing, a start-timed one is worth one margin", () => {
    expect(clvFromRetention({ margin: "50", retentionRate: 0, discountRate: 0.1 }).value.toString()).toBe("0");
    expect(clvFromRetention({ margin: "50", retentionRate: 0, discountRate: 0.1, timing: "start" }).value.toString()).toBe("50");
  });

  it("a negative margin gives a negative value (a loss-making customer)", () => {
    expect(clvFromRetention({ margin: "-25", retentionRate: 0.5, discountRate: 0 }).value.toString()).toBe("-25");
  });

  it("accepts tagged inputs with one unit and reports it", () => {
    const res = clvFromRetention({
      margin: { value: "40", unit: "month" },
      retentionRate: { value: 0.97, unit: "month" },
      discountRate: { value: 0.01, unit: "month" },
      horizon: { value: 24, unit: "month" },
    });
    expect(res.period).toBe("month");
    const bare = clvFromRetention({ margin: "40", retentionRate: 0.97, discountRate: 0.01, horizon: 24, period: "month" });
    expect(bare.period).toBe("month");
    expect(res.value.eq(bare.value)).toBe(true);
  });

  it("rejects mixed units with unit_mismatch, and accepts them once converted explicitly", () => {
    expectMetricsError(
      () =>
        clvFromRetention({
          margin: { value: "40", unit: "month" },
          retentionRate: { value: 0.99, unit: "week" },
          discountRate: 0.01,
        }),
      "unit_mismatch",
      ["retentionRate", "unit"],
    );
    expectMetricsError(
      () => clvFromRetention({ margin: "40", retentionRate: 0.9, discountRate: { value: 0.1, unit: "year" }, period: "month" }),
      "unit_mismatch",
      ["discountRate", "unit"],
    );
    expectMetricsError(
      () =>
        clvFromRetention({
          margin: { value: "40", unit: "month" },
          retentionRate: 0.9,
          discountRate: 0.01,
          horizon: { value: 3, unit: "year" },
        }),
      "unit_mismatch",
      ["horizon", "unit"],
    );
    const monthlyRetention = convertRate(0.99, { from: "week", to: "month", kind: "retention" });
    const res = clvFromRetention({
      margin: { value: "40", unit: "month" },
      retentionRate: { value: monthlyRetention, unit: "month" },
      discountRate: { value: 0.01, unit: "month" },
    });
    expect(res.period).toBe("month");
    expect(res.value.isPositive()).toBe(true);
  });

  it("rejects divergent growth with undefined_result, never Infinity", () => {
    expectMetricsError(
      () => clvFromRetention({ margin: "100", retentionRate: 0.95, discountRate: 0.01, marginGrowth: 0.07 }),
      "undefined_result",
      ["marginGrowth"],
    );
    // r(1+g) = 1 + d exactly
    expectMetricsError(
      () => clvFromRetention({ margin: "100", retentionRate: 0.5, discountRate: 0, marginGrowth: 1 }),
      "undefined_result",
      ["marginGrowth"],
    );
    // ...but a finite horizon is fine
    expect(
      clvFromRetention({
        margin: "100",
        retentionRate: 0.95,
        discountRate: 0.01,
        marginGrowth: 0.07,
        horizon: 12,
      }).value.isPositive(),
    ).toBe(true);
  });

  it("rejects bad input with code and path", () => {
    const ok = { margin: "100", retentionRate: 0.8, discountRate: 0.1 } as const;
    expectMetricsError(() => clvFromRetention({ ...ok, retentionRate: 1.2 }), "out_of_range", ["retentionRate"]);
    expectMetricsError(() => clvFromRetention({ ...ok, retentionRate: -0.1 }), "out_of_range", ["retentionRate"]);
    expectMetricsError(() => clvFromRetention({ ...ok, retentionRate: Number.NaN }), "not_finite", ["retentionRate"]);
    expectMetricsError(() => clvFromRetention({ ...ok, retentionRate: "0.8" as never }), "invalid_type", ["retentionRate"]);
    expectMetricsError(() => clvFromRetention({ ...ok, retentionRate: null as never }), "invalid_type", ["retentionRate"]);
    expectMetricsError(() => clvFromRetention({ ...ok, retentionRate: { value: 2, unit: "year" } }), "out_of_range", [
      "retentionRate",
      "value",
    ]);
    expectMetricsError(
      () => clvFromRetention({ ...ok, retentionRate: { value: 0.8, unit: "fortnight" as never } }),
      "invalid_option",
      ["retentionRate", "unit"],
    );
    expectMetricsError(() => clvFromRetention({ ...ok, discountRate: -0.01 }), "out_of_range", ["discountRate"]);
    expectMetricsError(() => clvFromRetention({ ...ok, discountRate: Number.POSITIVE_INFINITY }), "not_finite", ["discountRate"]);
    expectMetricsError(() => clvFromRetention({ ...ok, margin: Number.NaN }), "not_finite", ["margin"]);
    expectMetricsError(() => clvFromRetention({ ...ok, margin: "1,000" }), "invalid_input", ["margin"]);
    expectMetricsError(() => clvFromRetention({ ...ok, margin: undefined as never }), "invalid_type", ["margin"]);
    expectMetricsError(() => clvFromRetention({ ...ok, margin: { amount: 5 } as never }), "invalid_input", ["margin"]);
    expectMetricsError(() => clvFromRetention({ ...ok, marginGrowth: -1 }), "out_of_range", ["marginGrowth"]);
    expectMetricsError(() => clvFromRetention({ ...ok, horizon: 0 }), "out_of_range", ["horizon"]);
    expectMetricsError(() => clvFromRetention({ ...ok, horizon: 2.5 }), "not_integer", ["horizon"]);
    expectMetricsError(() => clvFromRetention({ ...ok, horizon: 100_001 }), "out_of_range", ["horizon"]);
    expectMetricsError(() => clvFromRetention({ ...ok, timing: "middle" as never }), "invalid_option", ["timing"]);
    expectMetricsError(() => clvFromRetention({ ...ok, period: "fortnight" as never }), "invalid_option", ["period"]);
    expectMetricsError(() => clvFromRetention({ ...ok, acquisitionCost: "-1" }), "out_of_range", ["acquisitionCost"]);
    expectMetricsError(() => clvFromRetention(null as never), "invalid_type", []);
  });

  it("reads -0 as 0 and does not mutate its input", () => {
    const input = { margin: { value: "100", unit: "year" as const }, retentionRate: 0.8, discountRate: -0 };
    const copy = structuredClone(input);
    expect(clvFromRetention(input).value.toString()).toBe("400");
    expect(input).toEqual(copy);
  });

  it("is JSON-serializable (Decimals as strings)", () => {
    const res = clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1, horizon: 2 });
    const json = JSON.parse(JSON.stringify(res));
    expect(json.value).toBe(res.value.toString());
    expect(json.cashflows[0].presentValue).toBe(res.cashflows?.[0]?.presentValue.toString());
  });

  describe("properties", () => {
    const rate = fc.double({ min: 0, max: 0.99, noNaN: true });
    const disc = fc.double({ min: 0, max: 0.5, noNaN: true });
    const marginArb = fc.integer({ min: 1, max: 1_000_000 }).map((c) => (c / 100).toFixed(2));

    it("CLV rises with retention", () => {
      fc.assert(
        fc.property(marginArb, rate, rate, disc, fc.constantFrom("end" as const, "start" as const), (m, r1, r2, d, timing) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const a = clvFromRetention({ margin: m, retentionRate: lo, discountRate: d, timing }).value;
          const b = clvFromRetention({ margin: m, retentionRate: hi, discountRate: d, timing }).value;
          return b.gte(a) && (hi - lo < 1e-9 || b.gt(a));
        }),
      );
    });

    it("CLV rises with margin", () => {
      fc.assert(
        fc.property(marginArb, marginArb, fc.double({ min: 0.01, max: 0.99, noNaN: true }), disc, (m1, m2, r, d) => {
          const [lo, hi] = Number(m1) <= Number(m2) ? [m1, m2] : [m2, m1];
          const a = clvFromRetention({ margin: lo, retentionRate: r, discountRate: d }).value;
          const b = clvFromRetention({ margin: hi, retentionRate: r, discountRate: d }).value;
          return b.gte(a) && (lo === hi || b.gt(a));
        }),
      );
    });

    it("CLV falls as the discount rate rises", () => {
      fc.assert(
        fc.property(
          marginArb,
          fc.double({ min: 0.01, max: 0.99, noNaN: true }),
          disc,
          disc,
          fc.constantFrom("end" as const, "start" as const),
          (m, r, d1, d2, timing) => {
            const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
            const a = clvFromRetention({ margin: m, retentionRate: r, discountRate: lo, timing }).value;
            const b = clvFromRetention({ margin: m, retentionRate: r, discountRate: hi, timing }).value;
            return b.lte(a) && (hi - lo < 1e-9 || b.lt(a));
          },
        ),
      );
    });

    it("the finite-horizon sum rises towards the closed form, with gap closedForm·q^H", () => {
      fc.assert(
        fc.property(
          marginArb,
          fc.double({ min: 0, max: 0.95, noNaN: true }),
          fc.double({ min: 0.001, max: 0.3, noNaN: true }),
          fc.integer({ min: 1, max: 400 }),
          fc.constantFrom("end" as const, "start" as const),
          (m, r, d, H, timing) => {
            const closed = clvFromRetention({ margin: m, retentionRate: r, discountRate: d, timing }).value;
            const finite = clvFromRetention({ margin: m, retentionRate: r, discountRate: d, timing, horizon: H }).value;
            const q = money(r).div(money(d).plus(1));
            const gap = closed.times(q.pow(H));
            const tol = closed.times("1e-28").plus("1e-28");
            return finite.lte(closed.plus(tol)) && closed.minus(finite).minus(gap).abs().lte(tol);
          },
        ),
        { numRuns: 60 },
      );
    });

    it("a long horizon reaches the closed form to the cent", () => {
      const closed = clvFromRetention({ margin: "100", retentionRate: 0.9, discountRate: 0.12 });
      const long = clvFromRetention({ margin: "100", retentionRate: 0.9, discountRate: 0.12, horizon: 500 });
      expect(long.value.toFixed(2)).toBe(closed.value.toFixed(2));
      expectClose(long.marginMultiple, closed.marginMultiple, { rel: 1e-12 });
    });
  });
});
