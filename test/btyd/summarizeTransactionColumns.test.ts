import { describe, expect, it } from "vitest";
import { summarizeTransactionColumns, summarizeTransactions } from "../../src/btyd/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("summarizeTransactionColumns", () => {
  const d0 = 19723; // 2024-01-01 (a Monday)

  it("summarises typed arrays, with holdout columns", () => {
    const s = summarizeTransactionColumns(
      {
        customer: Int32Array.of(3, 3, 3, 5, 9),
        day: Int32Array.of(d0, d0 + 4, d0 + 20, d0 + 1, d0 + 25),
        amount: Float64Array.of(1, 2, 3, 4, 5),
      },
      { asOf: "2024-01-31", unit: "day", calibrationEnd: "2024-01-10" },
    );
    expect(Array.from(s.customer)).toEqual([3, 5]);
    expect(Array.from(s.frequency)).toEqual([1, 0]);
    expect(Array.from(s.T)).toEqual([9, 8]);
    expect(Array.from(s.monetaryValue as Float64Array)).toEqual([2, 0]);
    expect(Array.from(s.frequencyHoldout as Float64Array)).toEqual([1, 0]);
    expect(Array.from(s.monetaryValueHoldout as Float64Array)).toEqual([3, 0]);
    expect(s.durationHoldout).toBe(21);
    expect(s.excludedCustomers).toBe(1); // customer 9 buys only in the holdout window
    expect(s.excludedTransactions).toBe(0);
  });

  it("remaps sparse customer indices and matches the row form", () => {
    const customer = [2_000_000_000, 5, 2_000_000_000, 5];
    const day = [d0, d0 + 1, d0 + 14, d0 + 2];
    const s = summarizeTransactionColumns({ customer, day }, { asOf: "2024-01-20", unit: "week" });
    expect(Array.from(s.customer)).toEqual([5, 2_000_000_000]);
    const rows = summarizeTransactions(
      customer.map((c, i) => ({ customerId: c, at: (day[i] as number) * 86_400_000 })),
      { asOf: "2024-01-20", unit: "week" },
    );
    const byId = new Map(rows.map((r) => [r.customerId, r]));
    expect(Array.from(s.frequency)).toEqual([byId.get(5)?.frequency, byId.get(2_000_000_000)?.frequency]);
    expect(Array.from(s.T)).toEqual([byId.get(5)?.T, byId.get(2_000_000_000)?.T]);
  });

  it("rejects bad columns with a code and a path", () => {
    const o = { asOf: "2024-02-01", unit: "day" } as const;
    expectMetricsError(() => summarizeTransactionColumns({ customer: [], day: [] }, o), "empty_sample", ["customer"]);
    expectMetricsError(() => summarizeTransactionColumns({ customer: [0, 1], day: [d0] }, o), "length_mismatch", ["day"]);
    expectMetricsError(() => summarizeTransactionColumns({ customer: [0], day: [d0], amount: [1, 2] }, o), "length_mismatch", [
      "amount",
    ]);
    expectMetricsError(() => summarizeTransactionColumns({ customer: [0.5], day: [d0] }, o), "not_integer", ["customer", 0]);
    expectMetricsError(() => summarizeTransactionColumns({ customer: [-1], day: [d0] }, o), "out_of_range", ["customer", 0]);
    expectMetricsError(() => summarizeTransactionColumns({ customer: [0], day: [Number.NaN] }, o), "not_finite", ["day", 0]);
    expectMetricsError(
      () => summarizeTransactionColumns({ customer: [0], day: [d0], amount: [Number.POSITIVE_INFINITY] }, o),
      "not_finite",
      ["amount", 0],
    );
    expectMetricsError(() => summarizeTransactionColumns({ customer: "0" as never, day: [d0] }, o), "invalid_type", ["customer"]);
    expectMetricsError(
      () => summarizeTransactionColumns({ customer: [0], day: [d0 + 100] }, { ...o, strict: true }),
      "out_of_range",
      ["day", 0],
    );
  });
});
