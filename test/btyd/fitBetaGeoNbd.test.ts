import { describe, expect, it } from "vitest";
import { fitBetaGeoNbd, simulateBetaGeoNbd, summarizeTransactionColumns } from "../../src/btyd/index.js";
import { minimize, type MinimizeResult } from "../../src/math/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { cdnowSummary, hasCdnow } from "./_data.js";

describe("fitBetaGeoNbd", () => {
  describe.skipIf(!hasCdnow)("CDNOW", () => {
    it("reproduces Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4", () => {
      // Source: FHL (2005) §5 (and lifetimes' test values r = 0.2426, α = 4.4136, a = 0.7929, b = 2.4259).
      const m = fitBetaGeoNbd(cdnowSummary());
      expect(m.model).toBe("bg-nbd");
      expect(m.n).toBe(2357);
      expect(m.diagnostics.converged).toBe(true);
      expectClose(m.params.r, 0.2426, { abs: 5e-4 });
      expectClose(m.params.alpha, 4.4136, { abs: 5e-3 });
      expectClose(m.params.a, 0.7929, { abs: 5e-4 });
      expectClose(m.params.b, 2.4259, { abs: 5e-3 });
      expectClose(m.logLikelihood, -9582.4, { abs: 0.05 });
      expect(m.diagnostics.hessianPositiveDefinite).toBe(true);
      // Standard errors: positive and small relative to the estimates for r, α.
      expect(m.standardErrors?.r).toBeGreaterThan(0);
      expect((m.standardErrors?.alpha as number) / m.params.alpha).toBeLessThan(0.2);
      expect(m.distinctRows).toBeLessThan(m.n);
    });

    it("gives the same estimates in days as in weeks (α scales, LL shifts by Σx·ln 7)", () => {
      const weeks = cdnowSummary();
      const days = weeks.map((r) => ({ frequency: r.frequency, recency: r.recency * 7, T: r.T * 7 }));
      const mw = fitBetaGeoNbd(weeks);
      const md = fitBetaGeoNbd(days);
      expectClose(md.params.r, mw.params.r, { rel: 1e-5 });
      expectClose(md.params.alpha, mw.params.alpha * 7, { rel: 1e-5 });
      const sumX = weeks.reduce((s, r) => s + r.frequency, 0);
      expectClose(md.logLikelihood, mw.logLikelihood - sumX * Math.log(7), { abs: 1e-4 });
    });
  });

  it("recovers the simulating parameters (50,000 customers) within 3 standard errors", () => {
    const truth = { r: 0.25, alpha: 30, a: 0.8, b: 2.4 };
    const log = simulateBetaGeoNbd(truth, { customers: 50_000, seed: 20240601, acquisitionDays: 90, observationDays: 455 });
    const m = fitBetaGeoNbd(summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day" }));
    expect(m.diagnostics.converged).toBe(true);
    for (const k of ["r", "alpha", "a", "b"] as const) {
      const se = m.standardErrors?.[k] as number;
      expect(Math.abs(m.params[k] - truth[k]), `${k}: ${m.params[k]} ± ${se}`).toBeLessThan(3 * se + 0.02 * truth[k]);
      expect(Math.abs(m.params[k] - truth[k]) / truth[k]).toBeLessThan(0.12);
    }
  });

  it("gives identical results on collapsed (weighted) and expanded rows", () => {
    const rows = [
      { frequency: 0, recency: 0, T: 30, weight: 40 },
      { frequency: 1, recency: 10, T: 30, weight: 25 },
      { frequency: 3, recency: 25, T: 28, weight: 20 },
      { frequency: 8, recency: 29, T: 30, weight: 15 },
    ];
    const expanded = rows.flatMap((r) =>
      Array.from({ length: r.weight }, () => ({ frequency: r.frequency, recency: r.recency, T: r.T })),
    );
    const a = fitBetaGeoNbd(rows);
    const b = fitBetaGeoNbd(expanded);
    expect(b.distinctRows).toBe(4);
    expect(b.params).toEqual(a.params);
    expect(b.n).toBe(100);
  });

  it("never returns NaN on extreme data: hundreds of purchases, T in days over years, all one-time buyers", () => {
    const heavy = fitBetaGeoNbd([
      { frequency: 0, recency: 0, T: 1800, weight: 500 },
      { frequency: 300, recency: 1790, T: 1825, weight: 3 },
      { frequency: 900, recency: 1824, T: 1825, weight: 1 },
      { frequency: 5, recency: 400, T: 1500, weight: 50 },
    ]);
    for (const v of Object.values(heavy.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect(Number.isFinite(heavy.logLikelihood)).toBe(true);
    const oneTime = fitBetaGeoNbd([
      { frequency: 0, recency: 0, T: 100, weight: 300 },
      { frequency: 0, recency: 0, T: 50, weight: 200 },
    ]);
    expect(Number.isFinite(oneTime.logLikelihood)).toBe(true);
    for (const v of Object.values(oneTime.params)) expect(Number.isFinite(v)).toBe(true);
    expect(typeof oneTime.diagnostics.message).toBe("string");
  });

  it("shrinks the parameters with a penalizer", () => {
    const rows = [
      { frequency: 0, recency: 0, T: 38, weight: 1411 },
      { frequency: 1, recency: 20, T: 38, weight: 439 },
      { frequency: 5, recency: 35, T: 38, weight: 150 },
    ];
    const free = fitBetaGeoNbd(rows);
    const pen = fitBetaGeoNbd(rows, { penalizer: 0.1 });
    expect(pen.penalizer).toBe(0.1);
    const norm = (p: typeof free.params) => p.r ** 2 + p.a ** 2 + p.b ** 2;
    expect(norm(pen.params)).toBeLessThan(norm(free.params));
    expect(pen.logLikelihood).toBeLessThanOrEqual(free.logLikelihood + 1e-9);
  });

  it("uses an injected minimizer, reports non-convergence in diagnostics, and throws only when strict", () => {
    const rows = [
      { frequency: 0, recency: 0, T: 38, weight: 10 },
      { frequency: 2, recency: 30, T: 38, weight: 5 },
    ];
    let calls = 0;
    const lazy = (f: (x: readonly number[]) => number, x0: readonly number[]): MinimizeResult => {
      calls++;
      return {
        x: [...x0],
        value: f(x0),
        converged: false,
        iterations: 0,
        evaluations: 1,
        gradientNorm: 1,
        message: "gave up",
        method: "bfgs",
      };
    };
    const m = fitBetaGeoNbd(rows, { minimizer: lazy });
    expect(calls).toBe(4); // the first start and three fallbacks
    expect(m.diagnostics.converged).toBe(false);
    expect(m.diagnostics.message).toMatch(/penalizer/);
    expectMetricsError(() => fitBetaGeoNbd(rows, { minimizer: lazy, strict: true }), "not_converged");
    const withStart = fitBetaGeoNbd(rows, {
      initialParams: { r: 0.5, alpha: 5, a: 1, b: 2 },
      minimizer: (f, x0, o) => minimize(f, x0, o),
    });
    expect(withStart.diagnostics.converged).toBe(true);
  });

  it("does not mutate its input", () => {
    const rows = [
      { frequency: 1, recency: 2, T: 3 },
      { frequency: 0, recency: 0, T: 3 },
    ];
    const copy = structuredClone(rows);
    fitBetaGeoNbd(rows);
    expect(rows).toEqual(copy);
  });

  it("rejects bad rows and options with a code and a path", () => {
    expectMetricsError(() => fitBetaGeoNbd([]), "empty_sample");
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: -1, recency: 0, T: 1 }]), "out_of_range", [0, "frequency"]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1.5, recency: 0, T: 1 }]), "not_integer", [0, "frequency"]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1, recency: Number.NaN, T: 1 }]), "not_finite", [0, "recency"]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1, recency: 0, T: Number.POSITIVE_INFINITY }]), "not_finite", [0, "T"]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1, recency: 2, T: 1 }]), "out_of_range", [0, "recency"]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 0, recency: 0.5, T: 1 }]), "invalid_input", [0, "recency"]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: "1" as never, recency: 0, T: 1 }]), "invalid_type", [0, "frequency"]);
    expectMetricsError(() => fitBetaGeoNbd([null as never]), "invalid_type", [0]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1, recency: 0, T: 1, weight: -1 }]), "out_of_range", [0, "weight"]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1, recency: 0, T: 1, weight: 0 }]), "empty_sample", ["weight"]);
    expectMetricsError(() => fitBetaGeoNbd({ frequency: [1, 2], recency: [0], T: [1, 2] }), "length_mismatch", ["recency"]);
    expectMetricsError(() => fitBetaGeoNbd({ frequency: [1], recency: [0], T: [-0.5] }), "out_of_range", ["T", 0]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1, recency: 0, T: 1 }], { penalizer: -1 }), "out_of_range", [
      "options",
      "penalizer",
    ]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1, recency: 0, T: 1 }], { maxIterations: 0 }), "out_of_range", [
      "options",
      "maxIterations",
    ]);
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1, recency: 0, T: 1 }], { tolerance: 0 }), "out_of_range", [
      "options",
      "tolerance",
    ]);
    expectMetricsError(
      () => fitBetaGeoNbd([{ frequency: 1, recency: 0, T: 1 }], { initialParams: { r: 1, alpha: 0, a: 1, b: 1 } }),
      "out_of_range",
      ["options", "initialParams", "alpha"],
    );
  });
});
