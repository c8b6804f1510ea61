import { describe, expect, it } from "vitest";
import { expectedPurchases, probabilityOfPurchases, type BtydModelSpec } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { ref } from "./_models.js";

describe("probabilityOfPurchases", () => {
  // Source: test/fixtures/btyd/models.json (mpmath; the NBD tail as 1 − Σ at 40 digits).
  for (const tag of ["bg-nbd", "mbg-nbd"] as const) {
    for (const set of ref[tag]) {
      it(`matches the mpmath reference at t = 39 (${tag}, ${set.name})`, () => {
        const model = { model: tag, params: set.params } as unknown as BtydModelSpec;
        (set.pmf39 as number[]).forEach((v, k) => expectClose(probabilityOfPurchases(model, k, 39), v, { rel: 1e-9, abs: 1e-15 }, `k=${k}`));
      });
    }
  }
  for (const set of ref["bg-bb"]) {
    it(`matches the mpmath reference for 6 opportunities (bg-bb, ${set.name})`, () => {
      const model = { model: "bg-bb", params: set.params } as unknown as BtydModelSpec;
      (set.pmf6 as number[]).forEach((v, k) => expectClose(probabilityOfPurchases(model, k, 6), v, { rel: 1e-10, abs: 1e-15 }, `k=${k}`));
    });
  }

  it("sums to 1 and its mean is expectedPurchases", () => {
    const models: BtydModelSpec[] = [
      { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
      { model: "mbg-nbd", params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } },
      { model: "bg-bb", params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } },
    ];
    for (const m of models) {
      const t = m.model === "bg-bb" ? 6 : 39;
      let sum = 0;
      let mean = 0;
      for (let k = 0; k <= 400; k++) {
        const p = probabilityOfPurchases(m, k, t);
        sum += p;
        mean += k * p;
      }
      expectClose(sum, 1, { abs: 1e-9 });
      expectClose(mean, expectedPurchases(m, t), { rel: 1e-6 });
    }
  });

  it("is not defined for Pareto/NBD and rejects bad k", () => {
    const bg = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
    expectMetricsError(() => probabilityOfPurchases({ model: "pareto-nbd", params: { r: 1, alpha: 1, s: 1, beta: 1 } }, 0, 1), "invalid_model", ["model", "model"]);
    expectMetricsError(() => probabilityOfPurchases(bg, 1.5, 1), "not_integer", ["k"]);
    expectMetricsError(() => probabilityOfPurchases(bg, -1, 1), "out_of_range", ["k"]);
    expectMetricsError(() => probabilityOfPurchases(bg, Number.NaN, 1), "not_finite", ["k"]);
    expect(probabilityOfPurchases(bg, 0, 0)).toBe(1);
    expect(probabilityOfPurchases(bg, 2, 0)).toBe(0);
  });
});
