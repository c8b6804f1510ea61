import { describe, expect, it } from "vitest";
import { fitParetoNbd, simulateParetoNbd, summarizeTransactionColumns } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { cdnowSummary, hasCdnow } from "./_data.js";

describe("fitParetoNbd", () => {
  describe.skipIf(!hasCdnow)("CDNOW", () => {
    it("reproduces r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0", () => {
      // Source: Fader & Hardie (2005) Pareto/NBD note; lifetimes PR #117 (r 0.5534, α 10.5802, s 0.6061, β 11.6562).
      const m = fitParetoNbd(cdnowSummary());
      expect(m.diagnostics.converged).toBe(true);
      expectClose(m.params.r, 0.553, { abs: 1e-3 });
      expectClose(m.params.alpha, 10.578, { abs: 0.01 });
      expectClose(m.params.s, 0.606, { abs: 1e-3 });
      expectClose(m.params.beta, 11.669, { abs: 0.02 });
      expectClose(m.logLikelihood, -9595.0, { abs: 0.05 });
      expect(m.diagnostics.hessianPositiveDefinite).toBe(true);
    });
  });

  it("recovers the simulating parameters (50,000 customers) within 3 standard errors", () => {
    const truth = { r: 0.55, alpha: 75, s: 0.6, beta: 80 };
    const log = simulateParetoNbd(truth, { customers: 50_000, seed: 77, acquisitionDays: 90, observationDays: 455 });
    const m = fitParetoNbd(summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day" }));
    expect(m.diagnostics.converged).toBe(true);
    for (const k of ["r", "alpha", "s", "beta"] as const) {
      const se = m.standardErrors?.[k] as number;
      expect(Math.abs(m.params[k] - truth[k]), `${k}: ${m.params[k]} ± ${se}`).toBeLessThan(3 * se + 0.02 * truth[k]);
    }
  });

  it("stays finite for customers with hundreds of purchases (lifetimes issue #25)", () => {
    const m = fitParetoNbd([
      { frequency: 0, recency: 0, T: 700, weight: 300 },
      { frequency: 350, recency: 690, T: 700, weight: 2 },
      { frequency: 221, recency: 103.43, T: 103.57, weight: 1 },
      { frequency: 3, recency: 200, T: 650, weight: 80 },
    ]);
    expect(Number.isFinite(m.logLikelihood)).toBe(true);
    for (const v of Object.values(m.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
  });

  it("rejects bad rows", () => {
    expectMetricsError(() => fitParetoNbd([{ frequency: 1, recency: 5, T: 4 }]), "out_of_range", [0, "recency"]);
    expectMetricsError(() => fitParetoNbd({ frequency: [], recency: [], T: [] }), "empty_sample", ["frequency"]);
  });
});
