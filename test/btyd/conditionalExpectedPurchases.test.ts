import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  conditionalExpectedPurchasesBatch,
  fitBetaGeoNbd,
  type BtydModelSpec,
} from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { cdnowSummary, hasCdnow } from "./_data.js";
import { ref, TAGS } from "./_models.js";

const cdnowBg = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;

describe("conditionalExpectedPurchases", () => {
  it("gives the paper's 1.226 purchases for the CDNOW example customer", () => {
    // Source: Fader, Hardie & Lee (2005), §5: x = 2, t_x = 30.43, T = 38.86, next 39 weeks → 1.226.
    expectClose(conditionalExpectedPurchases(cdnowBg, { frequency: 2, recency: 30.43, T: 38.86 }, 39), 1.226, { abs: 5e-4 });
  });

  // Source: test/fixtures/btyd/models.json — posterior expectations integrated with mpmath (reference.py).
  for (const tag of TAGS) {
    for (const set of ref[tag]) {
      it(`matches the mpmath reference (${tag}, ${set.name})`, () => {
        const model = { model: tag, params: set.params } as unknown as BtydModelSpec;
        for (const row of set.rows) {
          const c =
            tag === "bg-bb"
              ? { frequency: row.frequency, recency: row.recency, n: row.n as number }
              : { frequency: row.frequency, recency: row.recency, T: row.T as number };
          for (const [t, v] of Object.entries(row.conditional)) {
            expectClose(
              conditionalExpectedPurchases(model, c, Number(t)),
              v,
              { rel: 1e-9, abs: 1e-14 },
              `${JSON.stringify(c)} t=${t}`,
            );
          }
        }
      });
    }
  }

  it("never overflows: hundreds of purchases, T in days over years, a ≈ 1", () => {
    const days = { model: "bg-nbd", params: { r: 0.25, alpha: 30, a: 0.8, b: 2.4 } } as const;
    for (const c of [
      { frequency: 900, recency: 1800, T: 1825 },
      { frequency: 2000, recency: 3650, T: 3650 },
      { frequency: 1, recency: 0.001, T: 3650 },
    ]) {
      for (const tag of ["bg-nbd", "mbg-nbd"] as const) {
        const v = conditionalExpectedPurchases({ ...days, model: tag }, c, 3650);
        expect(Number.isFinite(v) && v >= 0).toBe(true);
      }
      const p = conditionalExpectedPurchases({ model: "pareto-nbd", params: { r: 0.55, alpha: 75, s: 0.6, beta: 80 } }, c, 3650);
      expect(Number.isFinite(p) && p >= 0).toBe(true);
    }
    // CLVTools issue #100's failing row (x = 221, t_x = 103.43, T = 103.57).
    const v = conditionalExpectedPurchases(
      { model: "pareto-nbd", params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } },
      { frequency: 221, recency: 103.43, T: 103.57 },
      52,
    );
    expect(Number.isFinite(v)).toBe(true);
    const near = conditionalExpectedPurchases(
      { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 1 + 1e-9, b: 2.426 } },
      { frequency: 2, recency: 30.43, T: 38.86 },
      39,
    );
    const left = conditionalExpectedPurchases(
      { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 1 - 1e-4, b: 2.426 } },
      { frequency: 2, recency: 30.43, T: 38.86 },
      39,
    );
    const right = conditionalExpectedPurchases(
      { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 1 + 1e-4, b: 2.426 } },
      { frequency: 2, recency: 30.43, T: 38.86 },
      39,
    );
    expectClose(near, (left + right) / 2, { rel: 1e-6 });
  });

  it("is 0 at t = 0 and grows with t", () => {
    const c = { frequency: 3, recency: 20, T: 38 };
    expect(conditionalExpectedPurchases(cdnowBg, c, 0)).toBe(0);
    let prev = 0;
    for (const t of [1, 5, 20, 100, 1000]) {
      const v = conditionalExpectedPurchases(cdnowBg, c, t);
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
  });

  it("rejects bad customers and horizons with a code and a path", () => {
    expectMetricsError(() => conditionalExpectedPurchases(cdnowBg, { frequency: -1, recency: 0, T: 1 }, 1), "out_of_range", [
      "customer",
      "frequency",
    ]);
    expectMetricsError(() => conditionalExpectedPurchases(cdnowBg, { frequency: 1.5, recency: 0, T: 1 }, 1), "not_integer", [
      "customer",
      "frequency",
    ]);
    expectMetricsError(() => conditionalExpectedPurchases(cdnowBg, { frequency: 1, recency: 2, T: 1 }, 1), "out_of_range", [
      "customer",
      "recency",
    ]);
    expectMetricsError(() => conditionalExpectedPurchases(cdnowBg, { frequency: 0, recency: 2, T: 5 }, 1), "invalid_input", [
      "customer",
      "recency",
    ]);
    expectMetricsError(
      () => conditionalExpectedPurchases(cdnowBg, { frequency: 1, recency: Number.NaN, T: 5 }, 1),
      "not_finite",
      ["customer", "recency"],
    );
    expectMetricsError(
      () => conditionalExpectedPurchases(cdnowBg, { frequency: 1, recency: 1, T: "5" as never }, 1),
      "invalid_type",
      ["customer", "T"],
    );
    expectMetricsError(() => conditionalExpectedPurchases(cdnowBg, { frequency: 1, recency: 1, T: 5 }, -1), "out_of_range", [
      "t",
    ]);
    expectMetricsError(
      () => conditionalExpectedPurchases(cdnowBg, { frequency: 1, recency: 1, T: 5 }, Number.POSITIVE_INFINITY),
      "not_finite",
      ["t"],
    );
    expectMetricsError(() => conditionalExpectedPurchases(cdnowBg, null as never, 1), "invalid_type", ["customer"]);
    const bb = { model: "bg-bb", params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 } } as const;
    expectMetricsError(() => conditionalExpectedPurchases(bb, { frequency: 1, recency: 1, n: 6 }, 1.5), "not_integer", ["t"]);
    expectMetricsError(() => conditionalExpectedPurchases(bb, { frequency: 3, recency: 2, n: 6 }, 1), "out_of_range", [
      "customer",
      "recency",
    ]);
    expectMetricsError(() => conditionalExpectedPurchases(bb, { frequency: 1, recency: 1, T: 6.5 }, 1), "not_integer", [
      "customer",
      "T",
    ]);
  });
});

describe("conditionalExpectedPurchasesBatch", () => {
  it("equals the one-at-a-time values, for rows and for columns", () => {
    const rows = [
      { frequency: 0, recency: 0, T: 38.86 },
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 7, recency: 35, T: 37 },
    ];
    const one = rows.map((c) => conditionalExpectedPurchases(cdnowBg, c, 39));
    expect(Array.from(conditionalExpectedPurchasesBatch(cdnowBg, rows, 39))).toEqual(one);
    const cols = {
      frequency: Float64Array.from(rows, (r) => r.frequency),
      recency: rows.map((r) => r.recency),
      T: rows.map((r) => r.T),
    };
    expect(Array.from(conditionalExpectedPurchasesBatch(cdnowBg, cols, 39))).toEqual(one);
  });

  it("reports the offending row", () => {
    expectMetricsError(
      () =>
        conditionalExpectedPurchasesBatch(
          cdnowBg,
          [
            { frequency: 0, recency: 0, T: 1 },
            { frequency: 1, recency: 3, T: 2 },
          ],
          1,
        ),
      "out_of_range",
      [1, "recency"],
    );
    expectMetricsError(
      () => conditionalExpectedPurchasesBatch(cdnowBg, { frequency: [1], recency: [0, 1], T: [2] }, 1),
      "length_mismatch",
      ["recency"],
    );
    expectMetricsError(
      () => conditionalExpectedPurchasesBatch(cdnowBg, { frequency: [1, 2], recency: [0, Number.NaN], T: [2, 2] }, 1),
      "not_finite",
      ["recency", 1],
    );
    expectMetricsError(() => conditionalExpectedPurchasesBatch(cdnowBg, [], 1), "empty_sample", ["customers"]);
  });

  describe.skipIf(!hasCdnow)("CDNOW", () => {
    it("predicts the cohort's total holdout purchases in the right range (FHL 2005: 1,788 actual in weeks 40–78)", () => {
      const rows = cdnowSummary();
      const m = fitBetaGeoNbd(rows);
      const total = conditionalExpectedPurchasesBatch(m, rows, 39).reduce((s, v) => s + v, 0);
      // The paper's aggregate forecast for the 39-week holdout is close to the 1,788 observed repeat purchases.
      expect(total).toBeGreaterThan(1600);
      expect(total).toBeLessThan(1950);
    });
  });
});
