import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  expectedAverageSpend,
  fitGammaGamma,
  probabilityAlive,
  type BtydModelSpec,
} from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// Reference: lifetimes' _customer_lifetime_value convention re-implemented independently in mpmath
// (test/fixtures/btyd/clv_reference.py → clvReference.json), for BG/NBD, MBG/NBD and Pareto/NBD.
const ref = JSON.parse(readFileSync(new URL("../fixtures/btyd/clvReference.json", import.meta.url), "utf8")) as {
  meta: { spendModel: { model: "gamma-gamma"; params: { p: number; q: number; v: number } } };
  customers: { customerId: string; frequency: number; recency: number; T: number; monetaryValue: number }[];
  cases: {
    purchaseModel: BtydModelSpec;
    periods: number;
    periodLength: number;
    discountRate: number;
    rows: { customerId: string; value: string; expectedPurchases: string; expectedAverageSpend: string }[];
  }[];
};
const bgnbd = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const spendModel = ref.meta.spendModel;
const base = { purchaseModel: bgnbd, spendModel, periods: 12, periodLength: 4.345, discountRate: 0.01 } as const;

describe("customerLifetimeValue", () => {
  it("equals lifetimes' customer_lifetime_value convention (mpmath reference) for BG/NBD, MBG/NBD and Pareto/NBD, both methods", () => {
    for (const c of ref.cases) {
      for (const method of ["grouped", "per-customer"] as const) {
        const rows = customerLifetimeValue({
          purchaseModel: c.purchaseModel,
          spendModel,
          customers: ref.customers,
          periods: c.periods,
          periodLength: c.periodLength,
          discountRate: c.discountRate,
          method,
        });
        rows.forEach((r, i) => {
          const e = c.rows[i]!;
          const label = `${c.purchaseModel.model} K=${c.periods} L=${c.periodLength} d=${c.discountRate} ${method} ${e.customerId}`;
          expect(r.customerId).toBe(e.customerId);
          expectClose(r.value.toNumber(), Number(e.value), { rel: 1e-10 }, label);
          expectClose(r.expectedPurchases, Number(e.expectedPurchases), { rel: 1e-10 }, label);
          expectClose(r.expectedAverageSpend, Number(e.expectedAverageSpend), { rel: 1e-13 }, label);
        });
      }
    }
  });

  it("is the discounted sum of the public predictions (E[Z] × increments of conditionalExpectedPurchases)", () => {
    const c = { customerId: 7, frequency: 4, recency: 20, T: 38, monetaryValue: 31.5 };
    const [row] = customerLifetimeValue({ ...base, customers: [c] });
    const spend = expectedAverageSpend(spendModel, c);
    let manual = 0;
    let prev = 0;
    for (let k = 1; k <= 12; k++) {
      const cur = conditionalExpectedPurchases(bgnbd, c, k * 4.345);
      manual += (spend * (cur - prev)) / 1.01 ** k;
      prev = cur;
    }
    expectClose(row!.value.toNumber(), manual, { rel: 1e-12 });
    expectClose(row!.probabilityAlive, probabilityAlive(bgnbd, c), { rel: 1e-14 });
    expect(row!.customerId).toBe(7);
  });

  it("with no discounting and one step, CLV = E[Z] × expected purchases (lifetimes issue #300: why CLV ≠ purchases × spend)", () => {
    const c = { customerId: "a", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
    const [row] = customerLifetimeValue({ ...base, periods: 1, periodLength: 52, discountRate: 0, customers: [c] });
    expectClose(row!.value.toNumber(), row!.expectedAverageSpend * row!.expectedPurchases, { rel: 1e-14 });
    // FHL 2005: this customer's expected purchases in the next 39 weeks is 1.226
    expect(conditionalExpectedPurchases(bgnbd, c, 39).toFixed(3)).toBe("1.226");
  });

  it("works with a BG/BB model (discrete opportunities, evaluated per customer)", () => {
    const bgbb = { model: "bg-bb", params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } } as const;
    const c = { customerId: "d", frequency: 3, recency: 5, T: 6, monetaryValue: 50 };
    const [row] = customerLifetimeValue({
      purchaseModel: bgbb,
      spendModel,
      customers: [c],
      periods: 5,
      periodLength: 1,
      discountRate: 0.1,
    });
    const spend = expectedAverageSpend(spendModel, c);
    let manual = 0;
    let prev = 0;
    for (let k = 1; k <= 5; k++) {
      const cur = conditionalExpectedPurchases(bgbb, { frequency: 3, recency: 5, n: 6 }, k);
      manual += (spend * (cur - prev)) / 1.1 ** k;
      prev = cur;
    }
    expectClose(row!.value.toNumber(), manual, { rel: 1e-12 });
    expectMetricsError(
      () =>
        customerLifetimeValue({
          purchaseModel: bgbb,
          spendModel,
          customers: [c],
          periods: 5,
          periodLength: 1.5,
          discountRate: 0.1,
        }),
      "not_integer",
      ["periodLength"],
    );
  });

  it("accepts a fitted Gamma-Gamma model", () => {
    const fitted = fitGammaGamma(
      ref.customers.filter((c) => c.frequency > 0).map((c) => ({ frequency: c.frequency, monetaryValue: c.monetaryValue })),
    );
    const rows = customerLifetimeValue({ ...base, spendModel: fitted, customers: ref.customers.slice(0, 3) });
    expect(rows.length).toBe(3);
    rows.forEach((r) => expect(r.value.isFinite()).toBe(true));
  });

  it("rejects bad input with code and path", () => {
    const c = [{ customerId: "a", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }];
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: [] }), "empty_sample", ["customers"]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: [...c, ...c] }), "duplicate_id", [
      "customers",
      1,
      "customerId",
    ]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: [{ ...c[0]!, recency: 50 }] }), "out_of_range", [
      "customers",
      0,
      "recency",
    ]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: [{ ...c[0]!, frequency: 1.5 }] }), "not_integer", [
      "customers",
      0,
      "frequency",
    ]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: [{ ...c[0]!, monetaryValue: -1 }] }), "out_of_range", [
      "customers",
      0,
      "monetaryValue",
    ]);
    expectMetricsError(
      () => customerLifetimeValue({ ...base, customers: [{ ...c[0]!, monetaryValue: Number.NaN }] }),
      "not_finite",
      ["customers", 0, "monetaryValue"],
    );
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: [{ ...c[0]!, customerId: "" }] }), "invalid_type", [
      "customers",
      0,
      "customerId",
    ]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: [null as never] }), "invalid_type", ["customers", 0]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: c, periods: 0 }), "out_of_range", ["periods"]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: c, periods: 1.5 }), "not_integer", ["periods"]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: c, periodLength: 0 }), "out_of_range", ["periodLength"]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: c, periodLength: -30 }), "out_of_range", [
      "periodLength",
    ]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: c, discountRate: -0.01 }), "out_of_range", [
      "discountRate",
    ]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: c, discountRate: Number.NaN }), "not_finite", [
      "discountRate",
    ]);
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: c, method: "fast" as never }), "invalid_option", [
      "method",
    ]);
    expectMetricsError(
      () => customerLifetimeValue({ ...base, customers: c, purchaseModel: { model: "nbd", params: {} } as never }),
      "invalid_model",
      ["purchaseModel", "model"],
    );
    expectMetricsError(
      () =>
        customerLifetimeValue({
          ...base,
          customers: c,
          purchaseModel: { model: "bg-nbd", params: { r: -1, alpha: 1, a: 1, b: 1 } },
        }),
      "invalid_model",
      ["purchaseModel", "params", "r"],
    );
    expectMetricsError(
      () =>
        customerLifetimeValue({ ...base, customers: c, spendModel: { model: "gamma-gamma", params: { p: 1, q: 0.8, v: 1 } } }),
      "undefined_result",
      ["spendModel", "params", "q"],
    );
    expectMetricsError(() => customerLifetimeValue({ ...base, customers: c, spendModel: bgnbd as never }), "invalid_model", [
      "spendModel",
      "model",
    ]);
    expectMetricsError(() => customerLifetimeValue(null as never), "invalid_type", []);
  });

  it("does not mutate its input; results are JSON-serializable", () => {
    const customers = structuredClone(ref.customers);
    const rows = customerLifetimeValue({ ...base, customers });
    expect(customers).toEqual(ref.customers);
    expect(typeof JSON.parse(JSON.stringify(rows))[0].value).toBe("string");
  });

  describe("properties", () => {
    const customer = fc
      .record({
        x: fc.integer({ min: 0, max: 40 }),
        T: fc.double({ min: 1, max: 100, noNaN: true }),
        f: fc.double({ min: 0, max: 1, noNaN: true }),
        m: fc.double({ min: 1, max: 500, noNaN: true }),
      })
      .map(({ x, T, f, m }) => ({ customerId: "c", frequency: x, recency: x === 0 ? 0 : f * T, T, monetaryValue: m }));

    it("CLV falls as the discount rate rises and rises with the horizon", () => {
      fc.assert(
        fc.property(
          customer,
          fc.double({ min: 0, max: 0.5, noNaN: true }),
          fc.double({ min: 0, max: 0.5, noNaN: true }),
          (c, d1, d2) => {
            const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
            const a = customerLifetimeValue({ ...base, customers: [c], discountRate: lo })[0]!.value;
            const b = customerLifetimeValue({ ...base, customers: [c], discountRate: hi })[0]!.value;
            const longer = customerLifetimeValue({ ...base, customers: [c], discountRate: lo, periods: 24 })[0]!.value;
            return b.lte(a.times(1 + 1e-12)) && longer.gte(a.times(1 - 1e-12));
          },
        ),
        { numRuns: 60 },
      );
    });

    it("grouped and per-customer evaluation agree", () => {
      fc.assert(
        fc.property(fc.array(customer, { minLength: 1, maxLength: 8 }), (cs) => {
          const customers = cs.map((c, i) => ({ ...c, customerId: i }));
          const g = customerLifetimeValue({ ...base, customers, method: "grouped" });
          const p = customerLifetimeValue({ ...base, customers, method: "per-customer" });
          return g.every(
            (r, i) => Math.abs(r.value.toNumber() - p[i]!.value.toNumber()) <= 1e-9 * Math.max(1, p[i]!.value.toNumber()),
          );
        }),
        { numRuns: 60 },
      );
    });
  });
});
