import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarizeTransactions, summarizeTransactionColumns } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { cdnowTransactions, fixture, hasCdnow, readCsv } from "./_data.js";

interface SummaryCase {
  unit: "day" | "week";
  asOf: string;
  calibrationEnd?: string;
  includeFirstTransaction: boolean;
  unitMultiplier: number;
  rows: Record<string, Record<string, number>>;
}
const fx = fixture<{ transactions: { customerId: string; at: string; amount: number }[]; cases: SummaryCase[] }>(
  "summaries.json",
);

describe("summarizeTransactions", () => {
  // Source: test/fixtures/btyd/summaries.json, computed with pandas Periods ("D", "W" = W-SUN) by reference.py.
  for (const c of fx.cases) {
    it(`matches the pandas reference (${c.unit}, asOf ${c.asOf}${c.calibrationEnd ? `, calibrationEnd ${c.calibrationEnd}` : ""}, includeFirst ${c.includeFirstTransaction}, ×${c.unitMultiplier})`, () => {
      const rows = summarizeTransactions(fx.transactions, {
        asOf: c.asOf,
        unit: c.unit,
        includeFirstTransaction: c.includeFirstTransaction,
        unitMultiplier: c.unitMultiplier,
        ...(c.calibrationEnd ? { calibrationEnd: c.calibrationEnd } : {}),
      });
      expect(rows.map((r) => r.customerId).sort()).toEqual(Object.keys(c.rows).sort());
      for (const r of rows) {
        const ref = c.rows[r.customerId as string] as Record<string, number>;
        for (const [k, v] of Object.entries(ref))
          expectClose(
            (r as unknown as Record<string, number>)[k] as number,
            v,
            { rel: 1e-12, abs: 1e-12 },
            `${r.customerId}.${k}`,
          );
      }
    });
  }

  it("counts the same day once, sums its amounts and excludes later periods (asOf inclusive at the period level)", () => {
    const tx = [
      { customerId: 1, at: "2024-03-04", amount: 1 },
      { customerId: 1, at: "2024-03-04T23:00:00Z", amount: 2 },
      { customerId: 1, at: "2024-03-06", amount: 4 },
      { customerId: 1, at: "2024-03-10", amount: 8 }, // Sunday: same ISO week as asOf (Wed 2024-03-06)
      { customerId: 1, at: "2024-03-11", amount: 16 }, // next week
    ];
    const byDay = summarizeTransactions(tx, { asOf: "2024-03-06", unit: "day" });
    expect(byDay).toEqual([{ customerId: 1, frequency: 1, recency: 2, T: 2, monetaryValue: 4, excludedAfterAsOf: 2 }]);
    const byWeek = summarizeTransactions(tx, { asOf: "2024-03-06", unit: "week" });
    expect(byWeek).toEqual([{ customerId: 1, frequency: 0, recency: 0, T: 0, monetaryValue: 0, excludedAfterAsOf: 1 }]);
    expectMetricsError(() => summarizeTransactions(tx, { asOf: "2024-03-06", unit: "week", strict: true }), "out_of_range", [
      4,
      "at",
    ]);
  });

  it("accepts Date objects, epoch milliseconds, numeric ids and amounts as strings", () => {
    const rows = summarizeTransactions(
      [
        { customerId: 7, at: new Date(Date.UTC(2024, 0, 1)), amount: "10.5" },
        { customerId: 7, at: Date.UTC(2024, 0, 3), amount: "2.5" },
      ],
      { asOf: "2024-01-10", unit: "day" },
    );
    expect(rows).toEqual([{ customerId: 7, frequency: 1, recency: 2, T: 9, monetaryValue: 2.5, excludedAfterAsOf: 0 }]);
  });

  it("omits monetaryValue without amounts", () => {
    const rows = summarizeTransactions([{ customerId: "x", at: "2024-01-01" }], { asOf: "2024-01-02", unit: "day" });
    expect(rows).toEqual([{ customerId: "x", frequency: 0, recency: 0, T: 1, excludedAfterAsOf: 0 }]);
  });

  describe.skipIf(!hasCdnow)("CDNOW (published 39-week summary)", () => {
    it("reproduces cdnow_customers_summary.csv and zbar from CDNOW_sample.txt (day unit ×7 = weeks)", () => {
      // Source: the published summaries (Fader, Hardie & Lee 2005; values rounded to 2 decimals).
      const rows = summarizeTransactions(cdnowTransactions(), { asOf: "1997-09-30", unit: "day", unitMultiplier: 7 });
      expect(rows.length).toBe(2357);
      const byId = new Map(rows.map((r) => [r.customerId, r]));
      for (const [id, x, tx, T, zbar] of readCsv("cdnow_customers_summary_with_transactions.csv")) {
        const r = byId.get(id as number);
        expect(r?.frequency).toBe(x);
        expectClose(r?.recency as number, tx as number, { abs: 0.005 + 1e-9 });
        expectClose(r?.T as number, T as number, { abs: 0.005 + 1e-9 });
        expectClose(r?.monetaryValue as number, zbar as number, { abs: 0.005 + 1e-9 });
      }
      expect(rows.reduce((s, r) => s + r.excludedAfterAsOf, 0)).toBeGreaterThan(0);
    });
  });

  it("agrees with summarizeTransactionColumns (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            c: fc.integer({ min: 0, max: 5 }),
            d: fc.integer({ min: 0, max: 60 }),
            a: fc.integer({ min: -5, max: 50 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: 0, max: 70 }),
        fc.constantFrom("day" as const, "week" as const),
        (tx, asOfOffset, unit) => {
          const base = 19723; // 2024-01-01
          const asOf = (base + asOfOffset) * 86_400_000;
          const objects = tx.map((t) => ({ customerId: t.c, at: (base + t.d) * 86_400_000, amount: t.a }));
          let rows: ReturnType<typeof summarizeTransactions>;
          try {
            rows = summarizeTransactions(objects, { asOf, unit });
          } catch (e) {
            expect((e as { code: string }).code).toBe("empty_sample");
            return;
          }
          const cols = summarizeTransactionColumns(
            { customer: tx.map((t) => t.c), day: tx.map((t) => base + t.d), amount: tx.map((t) => t.a) },
            { asOf, unit },
          );
          const sorted = [...rows].sort((p, q) => (p.customerId as number) - (q.customerId as number));
          expect(Array.from(cols.customer)).toEqual(sorted.map((r) => r.customerId));
          expect(Array.from(cols.frequency)).toEqual(sorted.map((r) => r.frequency));
          expect(Array.from(cols.recency)).toEqual(sorted.map((r) => r.recency));
          expect(Array.from(cols.T)).toEqual(sorted.map((r) => r.T));
          for (const r of rows) {
            expect(r.frequency).toBeGreaterThanOrEqual(0);
            expect(r.recency).toBeLessThanOrEqual(r.T);
            if (r.frequency === 0) expect(r.recency).toBe(0);
            if (unit === "day") expect(r.frequency).toBeLessThanOrEqual(r.recency);
          }
        },
      ),
    );
  });

  it("does not mutate its input", () => {
    const tx = [
      { customerId: "a", at: "2024-01-02", amount: 3 },
      { customerId: "a", at: "2024-01-01", amount: 4 },
    ];
    const copy = structuredClone(tx);
    summarizeTransactions(tx, { asOf: "2024-01-05", unit: "week" });
    expect(tx).toEqual(copy);
  });

  it("rejects bad input with a code and a path", () => {
    const ok = { asOf: "2024-02-01", unit: "day" } as const;
    expectMetricsError(() => summarizeTransactions([], ok), "empty_sample", ["transactions"]);
    expectMetricsError(() => summarizeTransactions(null as never, ok), "invalid_type", ["transactions"]);
    expectMetricsError(() => summarizeTransactions([null as never], ok), "invalid_type", [0]);
    expectMetricsError(() => summarizeTransactions([{ customerId: null as never, at: "2024-01-01" }], ok), "invalid_type", [
      0,
      "customerId",
    ]);
    expectMetricsError(() => summarizeTransactions([{ customerId: Number.NaN, at: "2024-01-01" }], ok), "invalid_type", [
      0,
      "customerId",
    ]);
    expectMetricsError(() => summarizeTransactions([{ customerId: 1, at: "yesterday" }], ok), "invalid_date", [0, "at"]);
    expectMetricsError(() => summarizeTransactions([{ customerId: 1, at: "2024-02-30" }], ok), "invalid_date", [0, "at"]);
    expectMetricsError(() => summarizeTransactions([{ customerId: 1, at: Number.NaN }], ok), "invalid_date", [0, "at"]);
    expectMetricsError(() => summarizeTransactions([{ customerId: 1, at: "2024-01-01", amount: Number.NaN }], ok), "not_finite", [
      0,
      "amount",
    ]);
    expectMetricsError(() => summarizeTransactions([{ customerId: 1, at: "2024-01-01", amount: "ten" }], ok), "invalid_input", [
      0,
      "amount",
    ]);
    expectMetricsError(
      () => summarizeTransactions([{ customerId: 1, at: "2024-01-01", amount: null as never }], ok),
      "invalid_type",
      [0, "amount"],
    );
    expectMetricsError(
      () =>
        summarizeTransactions(
          [
            { customerId: 1, at: "2024-01-01", amount: 1 },
            { customerId: 1, at: "2024-01-02" },
          ],
          ok,
        ),
      "invalid_input",
      [1, "amount"],
    );
    expectMetricsError(
      () => summarizeTransactions([{ customerId: 1, at: "2024-01-01" }], { asOf: "2024-02-01", unit: "month" as never }),
      "invalid_option",
      ["options", "unit"],
    );
    expectMetricsError(
      () => summarizeTransactions([{ customerId: 1, at: "2024-01-01" }], { asOf: "nope", unit: "day" }),
      "invalid_date",
      ["options", "asOf"],
    );
    expectMetricsError(
      () =>
        summarizeTransactions([{ customerId: 1, at: "2024-01-01" }], {
          asOf: "2024-02-01",
          unit: "day",
          calibrationEnd: "2024-03-01",
        }),
      "out_of_range",
      ["options", "calibrationEnd"],
    );
    expectMetricsError(
      () => summarizeTransactions([{ customerId: 1, at: "2024-01-01" }], { asOf: "2024-02-01", unit: "day", unitMultiplier: 0 }),
      "out_of_range",
      ["options", "unitMultiplier"],
    );
    expectMetricsError(() => summarizeTransactions([{ customerId: 1, at: "2024-03-01" }], ok), "empty_sample", [
      "options",
      "asOf",
    ]);
  });
});

describe("summarizeTransactions: asOf in holdout mode (lifetimes calibration_and_holdout_data)", () => {
  // Expected values worked by hand from lifetimes 0.11.3's calibration_and_holdout_data, which keeps
  // holdout purchases with `calibration_period_end < datetime <= observation_period_end` on raw dates,
  // while summary_data_from_transaction_data alone keeps asOf's whole period. 2024-03-06 is a Wednesday
  // (ISO week 10; 2024-02-12 opens week 7); the Friday purchase (2024-03-08) is in the asOf week but after the asOf day.
  const log = [
    { customerId: "A", at: "2024-02-05", amount: 10 },
    { customerId: "A", at: "2024-02-20", amount: 20 },
    { customerId: "A", at: "2024-03-06", amount: 1 },
    { customerId: "A", at: "2024-03-08", amount: 3 },
    { customerId: "B", at: "2024-02-12", amount: 5 },
    { customerId: "B", at: "2024-03-08", amount: 7 },
  ];
  it("cuts the holdout at the asOf day, not the asOf week", () => {
    const rows = summarizeTransactions(log, { asOf: "2024-03-06", calibrationEnd: "2024-02-25", unit: "week" });
    const a = rows.find((r) => r.customerId === "A");
    const b = rows.find((r) => r.customerId === "B");
    expect(a).toMatchObject({
      frequency: 1,
      recency: 2,
      T: 2,
      frequencyHoldout: 1,
      monetaryValueHoldout: 1,
      durationHoldout: 2,
      excludedAfterAsOf: 1,
    });
    expect(b).toMatchObject({
      frequency: 0,
      frequencyHoldout: 0,
      monetaryValueHoldout: 0,
      durationHoldout: 2,
      excludedAfterAsOf: 1,
    });
  });
  it("without a holdout keeps asOf's whole week", () => {
    const rows = summarizeTransactions(log, { asOf: "2024-03-06", unit: "week" });
    expect(rows.find((r) => r.customerId === "B")).toMatchObject({
      frequency: 1,
      recency: 3,
      T: 3,
      excludedAfterAsOf: 0,
      monetaryValue: 7,
    });
  });
  it("strict mode rejects a holdout purchase after the asOf day", () => {
    expectMetricsError(
      () => summarizeTransactions(log, { asOf: "2024-03-06", calibrationEnd: "2024-02-25", unit: "week", strict: true }),
      "out_of_range",
      [3, "at"],
    );
  });
});
