import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedPurchases, probabilityOfPurchases, type BtydModelSpec } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { fixture } from "./_data.js";
import { ref } from "./_models.js";

interface ParetoPmfFixture {
  meta: { ks: number[]; ts: number[] };
  sets: { name: string; params: { r: number; alpha: number; s: number; beta: number }; pmf: Record<string, number[]> }[];
  check2d: { set: string; k: number; t: number; pmf: number }[];
}
const paretoPmf = fixture<ParetoPmfFixture>("paretoPmf.json");
const cdnowPareto = { model: "pareto-nbd", params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as const;

describe("probabilityOfPurchases", () => {
  // Source: test/fixtures/btyd/models.json (mpmath; the NBD tail as 1 − Σ at 40 digits).
  for (const tag of ["bg-nbd", "mbg-nbd"] as const) {
    for (const set of ref[tag]) {
      it(`matches the mpmath reference at t = 39 (${tag}, ${set.name})`, () => {
        const model = { model: tag, params: set.params } as unknown as BtydModelSpec;
        (set.pmf39 as number[]).forEach((v, k) =>
          expectClose(probabilityOfPurchases(model, k, 39), v, { rel: 1e-9, abs: 1e-15 }, `k=${k}`),
        );
      });
    }
  }
  for (const set of ref["bg-bb"]) {
    it(`matches the mpmath reference for 6 opportunities (bg-bb, ${set.name})`, () => {
      const model = { model: "bg-bb", params: set.params } as unknown as BtydModelSpec;
      (set.pmf6 as number[]).forEach((v, k) =>
        expectClose(probabilityOfPurchases(model, k, 6), v, { rel: 1e-10, abs: 1e-15 }, `k=${k}`),
      );
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

  it("rejects bad k and bad Pareto/NBD parameters", () => {
    const bg = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
    expectMetricsError(
      () => probabilityOfPurchases({ model: "pareto-nbd", params: { r: 1, alpha: 1, s: 0, beta: 1 } }, 0, 1),
      "invalid_model",
      ["model", "params", "s"],
    );
    expectMetricsError(() => probabilityOfPurchases(cdnowPareto, 2, Number.POSITIVE_INFINITY), "not_finite", ["t"]);
    expectMetricsError(() => probabilityOfPurchases(cdnowPareto, 2, -1), "out_of_range", ["t"]);
    expectMetricsError(() => probabilityOfPurchases(cdnowPareto, 0.5, 1), "not_integer", ["k"]);
    expectMetricsError(() => probabilityOfPurchases(bg, 1.5, 1), "not_integer", ["k"]);
    expectMetricsError(() => probabilityOfPurchases(bg, -1, 1), "out_of_range", ["k"]);
    expectMetricsError(() => probabilityOfPurchases(bg, Number.NaN, 1), "not_finite", ["k"]);
    expect(probabilityOfPurchases(bg, 0, 0)).toBe(1);
    expect(probabilityOfPurchases(bg, 2, 0)).toBe(0);
  });

  describe("Pareto/NBD", () => {
    // Source: test/fixtures/btyd/paretoPmf.json — mpmath.quad (tanh-sinh and Gauss–Legendre, 30 digits) of the
    // dropout integral in τ (test/fixtures/btyd/pareto_pmf_reference.py; see the README there).
    for (const set of paretoPmf.sets) {
      it(`matches the mpmath reference (${set.name})`, () => {
        const model = { model: "pareto-nbd", params: set.params } as const;
        for (const [t, values] of Object.entries(set.pmf)) {
          values.forEach((v, i) => {
            const k = paretoPmf.meta.ks[i] as number;
            expectClose(probabilityOfPurchases(model, k, Number(t)), v, { rel: 1e-11 }, `t=${t}, k=${k}`);
          });
        }
      });
    }

    it("matches the reference with the dropout-rate integral done numerically (derivation check)", () => {
      // Source: paretoPmf.json `check2d` — P = ∫ Gamma(μ; s, β) [e^(−μt) NB(k; t) + ∫₀ᵗ μe^(−μτ) NB(k; τ) dτ] dμ.
      expect(paretoPmf.check2d.length).toBeGreaterThan(0);
      for (const c of paretoPmf.check2d)
        expectClose(probabilityOfPurchases(cdnowPareto, c.k, c.t), c.pmf, { rel: 1e-11 }, `k=${c.k}, t=${c.t}`);
    });

    it("sums to 1 and its mean is expectedPurchases (closed form, FH 2005 note eq. 27) at the CDNOW estimates", () => {
      for (const t of [0.5, 39, 78, 365]) {
        let sum = 0;
        let mean = 0;
        for (let k = 0; k <= 3000; k++) {
          const p = probabilityOfPurchases(cdnowPareto, k, t);
          sum += p;
          mean += k * p;
        }
        expectClose(sum, 1, { abs: 1e-9 }, `t=${t}`);
        expectClose(mean, expectedPurchases(cdnowPareto, t), { abs: 1e-8 }, `t=${t}`);
      }
    });

    it("is a proper distribution at t = 0 and does not mutate the model", () => {
      const model = Object.freeze({
        model: "pareto-nbd",
        params: Object.freeze({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }),
      }) as BtydModelSpec;
      expect(probabilityOfPurchases(model, 0, 0)).toBe(1);
      expect(probabilityOfPurchases(model, 3, 0)).toBe(0);
      expect(model.params).toEqual({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
    });

    it("stays finite and in [0, 1] for large k, tiny and huge t", () => {
      for (const [k, t] of [
        [0, 1e-12],
        [1, 1e-12],
        [5000, 39],
        [100000, 1e6],
        [3, 1e300],
      ] as const) {
        const p = probabilityOfPurchases(cdnowPareto, k, t);
        expect(Number.isFinite(p) && p >= 0 && p <= 1, `k=${k}, t=${t}: ${p}`).toBe(true);
      }
    });

    it("property: P(0) lies between the stay-alive-and-never-buy bound and 1; partial sums never exceed 1", () => {
      const pos = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
      fc.assert(
        fc.property(pos(0.05, 20), pos(0.05, 50), pos(0.05, 20), pos(0.05, 50), pos(0.01, 500), (r, alpha, s, beta, t) => {
          const m = { model: "pareto-nbd", params: { r, alpha, s, beta } } as const;
          const p0 = probabilityOfPurchases(m, 0, t);
          // P(alive through t, no purchase) = (β/(β+t))^s (α/(α+t))^r ≤ P(X(t) = 0) ≤ 1.
          const lower = Math.pow(beta / (beta + t), s) * Math.pow(alpha / (alpha + t), r);
          expect(p0).toBeGreaterThanOrEqual(lower * (1 - 1e-12));
          expect(p0).toBeLessThanOrEqual(1);
          let sum = p0;
          for (let k = 1; k <= 60; k++) sum += probabilityOfPurchases(m, k, t);
          expect(sum).toBeLessThanOrEqual(1 + 1e-12);
        }),
        { numRuns: 60, seed: 20240611 },
      );
    });
  });
});
