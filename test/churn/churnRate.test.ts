import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { churnRate, customerMovements, retentionRate } from "../../src/churn/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

describe("churnRate", () => {
  it('"start": lost ÷ customers at start (ChartMogul Standard), hand-computed', () => {
    // ChartMogul "Customer churn rate": churned customers / customers at the start of the period
    // (https://help.chartmogul.com/hc/en-us/articles/207340419). 10 / 200 = 0.05.
    const r = churnRate({ customersAtStart: 200, customersLost: 10 });
    expect(r).toEqual({ rate: 0.05, method: "start", customersLost: 10, denominator: 200 });
  });

  it('"start" ignores customers who joined and left inside the period (ChartMogul rule)', () => {
    const r = churnRate({ customersAtStart: 200, customersLost: 10, newCustomers: 30, customersJoinedAndLost: 5 });
    expect(r.rate).toBe(0.05);
  });

  it('"average": lost ÷ ((start + end) / 2), end given or derived', () => {
    // 12 / ((300 + 318) / 2) = 12 / 309
    expect(churnRate({ customersAtStart: 300, customersLost: 12, customersAtEnd: 318, method: "average" }).rate).toBe(12 / 309);
    // end derived: 300 + 25 + 5 − 12 = 318
    const derived = churnRate({
      customersAtStart: 300,
      customersLost: 12,
      newCustomers: 25,
      reactivatedCustomers: 5,
      method: "average",
    });
    expect(derived.rate).toBe(12 / 309);
    expect(derived.denominator).toBe(309);
  });

  it('"start-plus-new": Stripe rolling subscriber churn counts joined-and-lost in both terms', () => {
    // Stripe: churned in the last 30 days / (active 30 days ago + new in those 30 days)
    // (https://docs.stripe.com/billing/subscriptions/analytics/glossary). (10 + 2) / (200 + 40 + 3 + 2).
    const r = churnRate({
      customersAtStart: 200,
      customersLost: 10,
      newCustomers: 40,
      reactivatedCustomers: 3,
      customersJoinedAndLost: 2,
      method: "start-plus-new",
    });
    expect(r.rate).toBe(12 / 245);
    expect(r.customersLost).toBe(12);
    expect(r.denominator).toBe(245);
  });

  it('"daily-sum": Σ daily lost ÷ daily start (ChartMogul Shopify method)', () => {
    // 1/100 + 2/99 + 0/97 = 0.0302020202...
    const r = churnRate({
      method: "daily-sum",
      daily: [
        { customersAtStart: 100, customersLost: 1 },
        { customersAtStart: 99, customersLost: 2 },
        { customersAtStart: 97, customersLost: 0 },
      ],
    });
    expectClose(r.rate, 1 / 100 + 2 / 99, { rel: 1e-15 });
    expect(r.method).toBe("daily-sum");
    expect(r.days).toBe(3);
    expect(r.customersLost).toBe(3);
    // Days with nobody at start contribute nothing.
    expect(
      churnRate({
        method: "daily-sum",
        daily: [
          { customersAtStart: 0, customersLost: 0 },
          { customersAtStart: 10, customersLost: 1 },
        ],
      }).rate,
    ).toBe(0.1);
  });

  it("daily-sum on customerMovements day rows equals the hand sum", () => {
    const subs = [
      { customerId: 1, start: "2024-01-01" },
      { customerId: 2, start: "2024-01-01", end: "2024-01-03" },
      { customerId: 3, start: "2024-01-01", end: "2024-01-04" },
      { customerId: 4, start: "2024-01-02" },
    ];
    const { rows } = customerMovements(subs, { period: "day", asOf: "2024-01-05", from: "2024-01-02" });
    // Jan 2: 3 at start (1,2,3), none lost; Jan 3: 4 at start, #2 lost; Jan 4: 3 at start, #3 lost; Jan 5: 2, 0.
    expect(rows.map((r) => [r.customersAtStart, r.customersLost])).toEqual([
      [3, 0],
      [4, 1],
      [3, 1],
      [2, 0],
    ]);
    expectClose(churnRate({ method: "daily-sum", daily: rows }).rate, 1 / 4 + 1 / 3, { rel: 1e-15 });
  });

  it("accepts a customerMovements row as it is", () => {
    const { rows } = customerMovements(
      [
        { customerId: "a", start: "2024-01-01" },
        { customerId: "b", start: "2024-01-01", end: "2024-02-10" },
        { customerId: "c", start: "2024-02-05" },
      ],
      { asOf: "2024-02-29" },
    );
    const feb = rows[1]!;
    expect(churnRate(feb).rate).toBe(0.5);
    expect(churnRate({ ...feb, method: "average" }).rate).toBe(1 / 2);
    expect(churnRate({ ...feb, method: "start-plus-new" }).rate).toBe(1 / 3);
  });

  it("rates above 1 are errors, not fractions", () => {
    expectMetricsError(
      () => churnRate({ customersAtStart: 10, customersLost: 10, customersAtEnd: 0, method: "average" }),
      "undefined_result",
      [],
    );
    expectMetricsError(
      () =>
        churnRate({
          method: "daily-sum",
          daily: [
            { customersAtStart: 1, customersLost: 1 },
            { customersAtStart: 1, customersLost: 1 },
          ],
        }),
      "undefined_result",
      [],
    );
  });

  it("rejects bad counts with code and path", () => {
    expectMetricsError(() => churnRate({ customersAtStart: Number.NaN, customersLost: 1 }), "not_finite", ["customersAtStart"]);
    expectMetricsError(() => churnRate({ customersAtStart: Infinity, customersLost: 1 }), "not_finite", ["customersAtStart"]);
    expectMetricsError(() => churnRate({ customersAtStart: 10, customersLost: -1 }), "out_of_range", ["customersLost"]);
    expectMetricsError(() => churnRate({ customersAtStart: 10, customersLost: 1.5 }), "not_integer", ["customersLost"]);
    expectMetricsError(() => churnRate({ customersAtStart: "10" as unknown as number, customersLost: 1 }), "invalid_type", [
      "customersAtStart",
    ]);
    expectMetricsError(() => churnRate(null as unknown as never), "invalid_type", []);
    expectMetricsError(() => churnRate({ customersAtStart: 10, customersLost: 11 }), "out_of_range", ["customersLost"]);
    expectMetricsError(() => churnRate({ customersAtStart: 0, customersLost: 0 }), "empty_sample", ["customersAtStart"]);
    expectMetricsError(() => churnRate({ customersAtStart: 10, customersLost: 1, method: "median" as never }), "invalid_option", [
      "method",
    ]);
    expectMetricsError(() => churnRate({ customersAtStart: 10, customersLost: 1, method: "average" }), "invalid_input", [
      "customersAtEnd",
    ]);
    expectMetricsError(() => churnRate({ customersAtStart: 10, customersLost: 1, method: "start-plus-new" }), "invalid_input", [
      "newCustomers",
    ]);
    expectMetricsError(
      () => churnRate({ customersAtStart: 10, customersLost: 1, newCustomers: 2, customersAtEnd: 12 }),
      "invalid_input",
      ["customersAtEnd"],
    );
    expectMetricsError(() => churnRate({ method: "daily-sum", daily: [] }), "empty_sample", ["daily"]);
    expectMetricsError(() => churnRate({ method: "daily-sum", daily: "x" as never }), "invalid_type", ["daily"]);
    expectMetricsError(
      () => churnRate({ method: "daily-sum", daily: [{ customersAtStart: 1, customersLost: 2 }] }),
      "out_of_range",
      ["daily", 0, "customersLost"],
    );
    expectMetricsError(
      () => churnRate({ method: "daily-sum", daily: [{ customersAtStart: 0, customersLost: 0 }] }),
      "empty_sample",
      ["daily"],
    );
  });

  it("reads -0 as 0 and does not mutate its input", () => {
    const input = Object.freeze({ customersAtStart: 5, customersLost: -0 });
    expect(churnRate(input).rate).toBe(0);
    const daily = Object.freeze([Object.freeze({ customersAtStart: 5, customersLost: 1 })]);
    expect(churnRate({ method: "daily-sum", daily }).rate).toBe(0.2);
  });

  it("property: retention = 1 − churn under every method, both in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, fresh, back, transient, share) => {
          const lost = Math.floor(share * start);
          const input = {
            customersAtStart: start,
            customersLost: lost,
            newCustomers: fresh,
            reactivatedCustomers: back,
            customersJoinedAndLost: transient,
          };
          for (const method of ["start", "average", "start-plus-new"] as const) {
            const end = start + fresh + back - lost;
            if (method === "average" && lost > (start + end) / 2) continue;
            const c = churnRate({ ...input, method });
            const r = retentionRate({ ...input, method });
            expect(r.rate).toBe(1 - c.rate);
            expect(r.churnRate).toBe(c.rate);
            expect(c.rate).toBeGreaterThanOrEqual(0);
            expect(c.rate).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
