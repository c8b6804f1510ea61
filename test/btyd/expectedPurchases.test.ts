import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedPurchases, type BtydModelSpec } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { ref, TAGS } from "./_models.js";

describe("expectedPurchases", () => {
  // Source: test/fixtures/btyd/models.json — E[X(t)] integrated over the mixing distributions with mpmath.
  for (const tag of TAGS) {
    for (const set of ref[tag]) {
      it(`matches the mpmath reference (${tag}, ${set.name})`, () => {
        const model = { model: tag, params: set.params } as unknown as BtydModelSpec;
        for (const [t, v] of Object.entries(set.expected))
          expectClose(expectedPurchases(model, Number(t)), v, { rel: 1e-9 }, `t=${t}`);
      });
    }
  }

  it("is 0 at t = 0 and increasing in t (property)", () => {
    const models: BtydModelSpec[] = [
      { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
      { model: "mbg-nbd", params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } },
      { model: "pareto-nbd", params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } },
    ];
    for (const m of models) expect(expectedPurchases(m, 0)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 5000, noNaN: true }), fc.double({ min: 1.001, max: 3, noNaN: true }), (t, k) => {
        for (const m of models) {
          const a = expectedPurchases(m, t);
          const b = expectedPurchases(m, t * k);
          expect(Number.isFinite(a) && a >= 0).toBe(true);
          expect(b).toBeGreaterThanOrEqual(a);
        }
      }),
    );
  });

  it("handles the removable singularities a = 1 (BG/NBD) and s = 1 (Pareto/NBD)", () => {
    const bg = (a: number) => expectedPurchases({ model: "bg-nbd", params: { r: 0.3, alpha: 5, a, b: 2 } }, 39);
    expectClose(bg(1), (bg(1 - 1e-5) + bg(1 + 1e-5)) / 2, { rel: 1e-8 });
    const pn = (s: number) => expectedPurchases({ model: "pareto-nbd", params: { r: 0.5, alpha: 10, s, beta: 12 } }, 39);
    expectClose(pn(1), (pn(1 - 1e-6) + pn(1 + 1e-6)) / 2, { rel: 1e-9 });
  });

  it("rejects bad models and horizons", () => {
    const m = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
    expectMetricsError(() => expectedPurchases(m, -1), "out_of_range", ["t"]);
    expectMetricsError(() => expectedPurchases(m, Number.NaN), "not_finite", ["t"]);
    expectMetricsError(() => expectedPurchases(m, "3" as never), "invalid_type", ["t"]);
    expectMetricsError(() => expectedPurchases({ model: "gamma-gamma", params: {} } as never, 1), "invalid_model", [
      "model",
      "model",
    ]);
    expectMetricsError(() => expectedPurchases({ model: "bg-nbd", params: { r: 0, alpha: 1, a: 1, b: 1 } }, 1), "invalid_model", [
      "model",
      "params",
      "r",
    ]);
    expectMetricsError(
      () => expectedPurchases({ model: "bg-bb", params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } }, 2.5),
      "not_integer",
      ["t"],
    );
  });
});
