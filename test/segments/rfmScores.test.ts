import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rfmScores, type RfmCutPoints, type RfmInputRow } from "../../src/segments/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";
import { money } from "../../src/core/index.js";

// Source: test/fixtures/segments/rfm-scores.json, written by make_fixtures.py (brute-force counting
// from the documented definitions, independent of the TypeScript code).
const fixture = JSON.parse(readFileSync(new URL("../fixtures/segments/rfm-scores.json", import.meta.url), "utf8")) as {
  rows: RfmInputRow[];
  cutPoints: RfmCutPoints;
  expected: Record<string, string[]>;
};

describe("rfmScores", () => {
  it.each([3, 5, 9])("matches the brute-force reference with %i quantile bins (tied data)", (bins) => {
    expect(rfmScores(fixture.rows, { bins }).map((s) => s.code)).toEqual(fixture.expected[`quantile-${bins}`]);
  });

  it("matches the reference with cut points", () => {
    expect(rfmScores(fixture.rows, { method: "cut-points", cutPoints: fixture.cutPoints }).map((s) => s.code)).toEqual(
      fixture.expected["cut-points-5"],
    );
  });

  it("returns the fields scored (hand-checked)", () => {
    const [s] = rfmScores([
      { customerId: "a", frequency: 6, recency: 300, T: 310, monetaryValue: 80 },
      { customerId: "b", frequency: 1, recency: 20, T: 200, monetaryValue: "35.50" },
    ]);
    // 2 customers, 5 bins: the better one has w = 1, score 1 + floor(5·1/2) = 3; the worse one 1.
    expect(s).toEqual({
      customerId: "a",
      r: 3,
      f: 3,
      m: 3,
      code: "333",
      total: 9,
      sinceLastPurchase: 10,
      frequency: 6,
      monetaryValue: 80,
      method: "quantile",
    });
  });

  it("gives tied customers the same score, whatever the input order (property)", () => {
    const row = fc.record({
      frequency: fc.integer({ min: 0, max: 4 }),
      recency: fc.integer({ min: 0, max: 10 }),
      extra: fc.integer({ min: 0, max: 10 }),
      monetaryValue: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 50 }), fc.integer({ min: 2, max: 9 }), (rs, bins) => {
        const rows = rs.map((r, i) => ({
          customerId: i,
          frequency: r.frequency,
          recency: r.recency,
          T: r.recency + r.extra,
          monetaryValue: r.monetaryValue,
        }));
        const a = rfmScores(rows, { bins });
        const b = rfmScores([...rows].reverse(), { bins }).reverse();
        if (JSON.stringify(a) !== JSON.stringify(b)) return false;
        for (let i = 0; i < rows.length; i++) {
          for (let j = 0; j < rows.length; j++) {
            const x = rows[i] as RfmInputRow;
            const y = rows[j] as RfmInputRow;
            if (x.frequency === y.frequency && a[i]?.f !== a[j]?.f) return false;
            if (x.frequency < y.frequency && (a[i]?.f as number) > (a[j]?.f as number)) return false;
            if (x.T - x.recency === y.T - y.recency && a[i]?.r !== a[j]?.r) return false;
          }
        }
        return a.every((s) => s.r >= 1 && s.r <= bins && s.f >= 1 && s.f <= bins && s.m >= 1 && s.m <= bins);
      }),
    );
  });

  it("balances quantile bins within one on tie-free data (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 2, max: 9 }),
        (xs, bins) => {
          // Distinct values on every dimension: frequency = x, monetary = x / 7, time since last purchase = x.
          const rows = xs.map((x, i) => ({ customerId: i, frequency: x, recency: 0, T: x, monetaryValue: x / 7 }));
          const scores = rfmScores(rows, { bins });
          for (const key of ["r", "f", "m"] as const) {
            const counts = new Array<number>(bins).fill(0);
            for (const s of scores) counts[s[key] - 1] = (counts[s[key] - 1] as number) + 1;
            if (Math.max(...counts) - Math.min(...counts) > 1) return false;
            if (counts.reduce((a, b) => a + b, 0) !== xs.length) return false;
          }
          return true;
        },
      ),
    );
  });

  it("accepts Decimal and string money", () => {
    const a = rfmScores([
      { customerId: 1, frequency: 1, recency: 1, T: 2, monetaryValue: money("10.10") },
      { customerId: 2, frequency: 1, recency: 1, T: 2, monetaryValue: "20" },
    ]);
    expect(a.map((s) => [s.m, s.monetaryValue])).toEqual([
      [1, 10.1],
      [3, 20],
    ]);
  });

  it("does not mutate its input", () => {
    const rows = structuredClone(fixture.rows.slice(0, 20));
    const copy = structuredClone(rows);
    rfmScores(rows);
    expect(rows).toEqual(copy);
  });

  it("rejects bad rows and options with code and path", () => {
    const ok = { customerId: "a", frequency: 1, recency: 2, T: 3, monetaryValue: 10 };
    expectMetricsError(() => rfmScores([]), "empty_sample", ["rows"]);
    expectMetricsError(() => rfmScores(null as never), "invalid_type", ["rows"]);
    expectMetricsError(() => rfmScores([ok, { ...ok }]), "duplicate_id", [1, "customerId"]);
    expectMetricsError(() => rfmScores([ok, { ...ok, customerId: "b", frequency: Number.NaN }]), "not_finite", [1, "frequency"]);
    expectMetricsError(() => rfmScores([{ ...ok, recency: Number.POSITIVE_INFINITY }]), "not_finite", [0, "recency"]);
    expectMetricsError(() => rfmScores([{ ...ok, frequency: "1" as never }]), "invalid_type", [0, "frequency"]);
    expectMetricsError(() => rfmScores([{ ...ok, T: null as never }]), "invalid_type", [0, "T"]);
    expectMetricsError(() => rfmScores([{ ...ok, frequency: -1 }]), "out_of_range", [0, "frequency"]);
    expectMetricsError(() => rfmScores([{ ...ok, recency: 5 }]), "out_of_range", [0, "recency"]);
    expectMetricsError(() => rfmScores([{ ...ok, monetaryValue: Number.NaN }]), "not_finite", [0, "monetaryValue"]);
    expectMetricsError(() => rfmScores([{ ...ok, monetaryValue: "1,000" }]), "invalid_input", [0, "monetaryValue"]);
    expectMetricsError(() => rfmScores([{ ...ok, customerId: null as never }]), "invalid_type", [0, "customerId"]);
    expectMetricsError(() => rfmScores([ok], { bins: 10 }), "out_of_range", ["options", "bins"]);
    expectMetricsError(() => rfmScores([ok], { bins: 1 }), "out_of_range", ["options", "bins"]);
    expectMetricsError(() => rfmScores([ok], { bins: 4.5 }), "not_integer", ["options", "bins"]);
    expectMetricsError(() => rfmScores([ok], { method: "jenks" as never }), "invalid_option", ["options", "method"]);
    expectMetricsError(() => rfmScores([ok], { method: "cut-points" }), "invalid_option", ["options", "cutPoints"]);
    const cuts = { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] };
    expectMetricsError(
      () => rfmScores([ok], { method: "cut-points", cutPoints: { ...cuts, frequency: [1, 2, 3] } }),
      "length_mismatch",
      ["options", "cutPoints", "frequency"],
    );
    expectMetricsError(
      () => rfmScores([ok], { method: "cut-points", cutPoints: { ...cuts, monetary: [1, 3, 2, 4] } }),
      "unsorted",
      ["options", "cutPoints", "monetary", 2],
    );
    expectMetricsError(
      () => rfmScores([ok], { method: "cut-points", cutPoints: { ...cuts, recency: [1, 2, Number.NaN, 4] } }),
      "not_finite",
      ["options", "cutPoints", "recency", 2],
    );
  });
});
