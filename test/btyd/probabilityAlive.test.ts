import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { probabilityAlive, probabilityAliveBatch, type BtydModelSpec } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { ref, TAGS } from "./_models.js";

describe("probabilityAlive", () => {
  // Source: test/fixtures/btyd/models.json (mpmath; Pareto/NBD via the dropout integral, BG/BB at n + 1).
  for (const tag of TAGS) {
    for (const set of ref[tag]) {
      it(`matches the mpmath reference (${tag}, ${set.name})`, () => {
        const model = { model: tag, params: set.params } as unknown as BtydModelSpec;
        for (const row of set.rows) {
          const c =
            tag === "bg-bb"
              ? { frequency: row.frequency, recency: row.recency, n: row.n as number }
              : { frequency: row.frequency, recency: row.recency, T: row.T as number };
          expectClose(probabilityAlive(model, c), row.probabilityAlive, { rel: 1e-9, abs: 1e-15 }, JSON.stringify(c));
        }
      });
    }
  }

  it("is 1 for BG/NBD one-time buyers but not for MBG/NBD (the known BG/NBD shortcoming)", () => {
    const c = { frequency: 0, recency: 0, T: 38.86 };
    expect(probabilityAlive({ model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, c)).toBe(1);
    expect(probabilityAlive({ model: "mbg-nbd", params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } }, c)).toBeLessThan(0.5);
  });

  it("stays in [0, 1] and falls as the customer stays silent longer (property)", () => {
    const models: BtydModelSpec[] = [
      { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
      { model: "mbg-nbd", params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } },
      { model: "pareto-nbd", params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } },
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        (x, tx, gap) => {
          for (const m of models) {
            const p1 = probabilityAlive(m, { frequency: x, recency: tx, T: tx + gap });
            const p2 = probabilityAlive(m, { frequency: x, recency: tx, T: tx + 2 * gap });
            expect(p1).toBeGreaterThanOrEqual(0);
            expect(p1).toBeLessThanOrEqual(1);
            expect(p2).toBeLessThanOrEqual(p1);
          }
        },
      ),
    );
  });

  it("rejects bad customers", () => {
    const m = { model: "pareto-nbd", params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as const;
    expectMetricsError(() => probabilityAlive(m, { frequency: 1, recency: -1, T: 3 }), "out_of_range", ["customer", "recency"]);
    expectMetricsError(() => probabilityAlive(m, { frequency: 1, recency: 1, T: -0.5 }), "out_of_range", ["customer", "T"]);
    expectMetricsError(() => probabilityAlive(m, { frequency: 1, recency: 1 }), "invalid_type", ["customer", "T"]);
  });
});

describe("probabilityAliveBatch", () => {
  it("equals the one-at-a-time values", () => {
    const m = { model: "bg-bb", params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } } as const;
    const rows = [
      { frequency: 0, recency: 0, n: 6 },
      { frequency: 3, recency: 5, n: 6 },
    ];
    expect(Array.from(probabilityAliveBatch(m, rows))).toEqual(rows.map((c) => probabilityAlive(m, c)));
    expect(Array.from(probabilityAliveBatch(m, { frequency: [0, 3], recency: [0, 5], n: [6, 6] }))).toEqual(
      rows.map((c) => probabilityAlive(m, c)),
    );
    expectMetricsError(() => probabilityAliveBatch(m, { frequency: [0, 3], recency: [0, 7], n: [6, 6] }), "out_of_range", [
      "recency",
      1,
    ]);
  });
});
