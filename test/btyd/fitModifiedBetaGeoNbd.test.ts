import { describe, expect, it } from "vitest";
import {
  btydLogLikelihood,
  fitModifiedBetaGeoNbd,
  simulateBetaGeoNbd,
  summarizeTransactionColumns,
} from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { cdnowSummary, hasCdnow } from "./_data.js";

describe("fitModifiedBetaGeoNbd", () => {
  describe.skipIf(!hasCdnow)("CDNOW", () => {
    it("maximises the MBG/NBD likelihood on CDNOW (gradient zero, LL above nearby points)", () => {
      // Source: no published MBG/NBD CDNOW table; optimality is checked directly against btydLogLikelihood.
      const rows = cdnowSummary();
      const m = fitModifiedBetaGeoNbd(rows);
      expect(m.diagnostics.converged).toBe(true);
      expectClose(btydLogLikelihood(m, rows), m.logLikelihood, { rel: 1e-12 });
      for (const k of ["r", "alpha", "a", "b"] as const) {
        for (const f of [0.99, 1.01]) {
          const p = { ...m.params, [k]: m.params[k] * f };
          expect(btydLogLikelihood({ model: "mbg-nbd", params: p }, rows)).toBeLessThan(m.logLikelihood);
        }
      }
    });
  });

  it("recovers the simulating parameters of an MBG/NBD base (50,000 customers)", () => {
    const truth = { r: 0.25, alpha: 30, a: 0.8, b: 2.4 };
    const log = simulateBetaGeoNbd(truth, {
      customers: 50_000,
      seed: 43,
      acquisitionDays: 90,
      observationDays: 455,
      modified: true,
    });
    const m = fitModifiedBetaGeoNbd(summarizeTransactionColumns(log, { asOf: log.asOf, unit: "day" }));
    expect(m.model).toBe("mbg-nbd");
    for (const k of ["r", "alpha", "a", "b"] as const) {
      const se = m.standardErrors?.[k] as number;
      expect(Math.abs(m.params[k] - truth[k]), `${k}: ${m.params[k]} ± ${se}`).toBeLessThan(3 * se + 0.02 * truth[k]);
    }
  });

  it("rejects bad rows", () => {
    expectMetricsError(() => fitModifiedBetaGeoNbd([{ frequency: 2.5, recency: 1, T: 4 }]), "not_integer", [0, "frequency"]);
  });
});
