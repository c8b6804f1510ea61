import { describe, expect, it } from "vitest";
import {
  customerLifetimeValue,
  customerLifetimeValueBatch,
  simulateBetaGeoNbd,
  simulateGammaGammaSpend,
  summarizeTransactionColumns,
} from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

const purchaseModel = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const spendModel = { model: "gamma-gamma", params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
const base = { purchaseModel, spendModel, periods: 12, periodLength: 4.345, discountRate: 0.01 } as const;

describe("customerLifetimeValueBatch", () => {
  const customers = {
    frequency: Float64Array.from([2, 1, 0, 6, 3, 2]),
    recency: Float64Array.from([30.43, 1.71, 0, 37, 5, 10]),
    T: Float64Array.from([38.86, 38.86, 38.86, 38.86, 38.86, 38.86]),
    monetaryValue: Float64Array.from([22.35, 11.77, 0, 40, 15, 22.35]),
  };

  it("equals customerLifetimeValue value by value, and groups by (frequency, T)", () => {
    const res = customerLifetimeValueBatch({ ...base, customers });
    const rows = customerLifetimeValue({
      ...base,
      customers: Array.from(customers.frequency, (x, i) => ({
        customerId: i,
        frequency: x,
        recency: customers.recency[i]!,
        T: customers.T[i]!,
        monetaryValue: customers.monetaryValue[i]!,
      })),
    });
    rows.forEach((r, i) => expectClose(res.values[i]!, r.value.toNumber(), { rel: 1e-15 }));
    expect(res.n).toBe(6);
    expect(res.method).toBe("grouped");
    expect(res.curvesEvaluated).toBe(5); // (2, 38.86) is shared by two customers
    const direct = customerLifetimeValueBatch({ ...base, customers, method: "per-customer" });
    expect(direct.curvesEvaluated).toBe(6);
    direct.values.forEach((v, i) => expectClose(v, res.values[i]!, { rel: 1e-12 }));
  });

  it("accepts rows, and simulated customers", () => {
    const rows = Array.from(customers.frequency, (x, i) => ({
      frequency: x,
      recency: customers.recency[i]!,
      T: customers.T[i]!,
      monetaryValue: customers.monetaryValue[i]!,
    }));
    expect(Array.from(customerLifetimeValueBatch({ ...base, customers: rows }).values)).toEqual(
      Array.from(customerLifetimeValueBatch({ ...base, customers }).values),
    );
    // a simulated daily customer base: many customers share (frequency, T), so few curves are evaluated
    const log = simulateBetaGeoNbd(
      { r: 0.25, alpha: 30, a: 0.8, b: 2.4 },
      { customers: 2000, seed: 3, observationDays: 365, acquisitionDays: 90 },
    );
    const summary = summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day" });
    const spend = simulateGammaGammaSpend(spendModel.params, summary.frequency, { seed: 4 });
    const daily = { model: "bg-nbd", params: { r: 0.25, alpha: 30, a: 0.8, b: 2.4 } } as const;
    const input = { purchaseModel: daily, spendModel, periods: 12, periodLength: 30, discountRate: 0.01 } as const;
    const res = customerLifetimeValueBatch({ ...input, customers: { ...summary, monetaryValue: spend.monetaryValue } });
    expect(res.n).toBe(2000);
    expect(res.curvesEvaluated).toBeLessThan(2000);
    const direct = customerLifetimeValueBatch({
      ...input,
      customers: { ...summary, monetaryValue: spend.monetaryValue },
      method: "per-customer",
    });
    direct.values.forEach((v, i) => expectClose(res.values[i]!, v, { rel: 1e-9, abs: 1e-12 }));
  });

  it("rejects bad columns with code and path", () => {
    expectMetricsError(
      () => customerLifetimeValueBatch({ ...base, customers: { ...customers, recency: [1] } }),
      "length_mismatch",
      ["customers", "recency"],
    );
    expectMetricsError(
      () => customerLifetimeValueBatch({ ...base, customers: { ...customers, monetaryValue: [1, 2, 3, 4, 5, -6] } }),
      "out_of_range",
      ["customers", "monetaryValue", 5],
    );
    expectMetricsError(
      () => customerLifetimeValueBatch({ ...base, customers: { ...customers, recency: [30.43, 1.71, 0, 37, 5, 50] } }),
      "out_of_range",
      ["customers", "recency", 5],
    );
    expectMetricsError(
      () => customerLifetimeValueBatch({ ...base, customers: { ...customers, frequency: [1, 1, 1, 1, 1, Number.NaN] } }),
      "not_finite",
      ["customers", "frequency", 5],
    );
    expectMetricsError(
      () => customerLifetimeValueBatch({ ...base, customers: { ...customers, T: "x" as never } }),
      "invalid_type",
      ["customers", "T"],
    );
    expectMetricsError(
      () => customerLifetimeValueBatch({ ...base, customers: { frequency: [], recency: [], T: [], monetaryValue: [] } }),
      "empty_sample",
      ["customers", "frequency"],
    );
  });
});
