import { describe, expect, it } from "vitest";
import {
  fitBetaGeoBetaBinomial,
  fitBetaGeoNbd,
  fitModifiedBetaGeoNbd,
  fitParetoNbd,
  simulateBetaGeoNbd,
  summarizeTransactionColumns,
} from "customer-metrics/btyd";

// Issue 13, "A fit that did not learn": with no repeat buyer the likelihood cannot separate the
// purchase and dropout processes, so a fit must not report converged: true at whatever point the
// optimizer stopped; a non-positive-definite Hessian or a parameter at a boundary is a warning.
const noRepeat = Array.from({ length: 50 }, (_, i) => ({ frequency: 0, recency: 0, T: 10 + (i % 7) }));

describe("fit diagnostics warnings", () => {
  for (const [name, fit] of [
    ["fitBetaGeoNbd", fitBetaGeoNbd],
    ["fitModifiedBetaGeoNbd", fitModifiedBetaGeoNbd],
    ["fitParetoNbd", fitParetoNbd],
  ] as const) {
    it(`${name}: no repeat buyer → not converged, with the reason`, () => {
      const m = fit(noRepeat);
      expect(m.diagnostics.converged).toBe(false);
      expect(m.diagnostics.warnings[0]).toMatch(/no customer made a repeat purchase/);
      expect(m.diagnostics.message).toMatch(/not identified/);
      // The Hessian is singular there too (a flat likelihood direction), and says so.
      expect(m.diagnostics.hessianPositiveDefinite).toBe(false);
      expect(m.diagnostics.warnings.some((w) => /Hessian is not positive definite/.test(w))).toBe(true);
    });
  }
  it("fitBetaGeoBetaBinomial: no repeat buyer → not converged", () => {
    const m = fitBetaGeoBetaBinomial(Array.from({ length: 20 }, () => ({ frequency: 0, recency: 0, n: 6 })));
    expect(m.diagnostics.converged).toBe(false);
    expect(m.diagnostics.warnings[0]).toMatch(/no customer made a repeat purchase/);
  });
  it("a sound fit on simulated data has no warnings", () => {
    // 5,000 customers simulated as in fitBetaGeoNbd.test.ts (which checks parameter recovery): identified.
    const log = simulateBetaGeoNbd(
      { r: 0.25, alpha: 30, a: 0.8, b: 2.4 },
      { customers: 5000, seed: 20240601, acquisitionDays: 90, observationDays: 455 },
    );
    const m = fitBetaGeoNbd(summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day" }));
    expect(m.diagnostics.warnings).toEqual([]);
    expect(m.diagnostics.converged).toBe(true);
    expect(m.diagnostics.hessianPositiveDefinite).toBe(true);
  });
});
