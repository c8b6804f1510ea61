import { describe, expect, it } from "vitest";
import { btydLogLikelihood, fitBetaGeoBetaBinomial } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { hasDonations, readCsv } from "./_data.js";

describe("fitBetaGeoBetaBinomial", () => {
  describe.skipIf(!hasDonations)("donations (Fader, Hardie & Shang 2010)", () => {
    it("reproduces α = 1.204, β = 0.750, γ = 0.657, δ = 2.783, LL = −33,225.6", () => {
      // Source: Fader, Hardie & Shang (2010), Marketing Science 29(6), Table 2 / §4.
      const rows = readCsv("donations.csv").map(([x, tx, n, w]) => ({
        frequency: x as number,
        recency: tx as number,
        n: n as number,
        weight: w as number,
      }));
      const m = fitBetaGeoBetaBinomial(rows);
      expect(m.n).toBe(11104);
      expect(m.diagnostics.converged).toBe(true);
      expectClose(m.params.alpha, 1.204, { abs: 1e-3 });
      expectClose(m.params.beta, 0.75, { abs: 1e-3 });
      expectClose(m.params.gamma, 0.657, { abs: 1e-3 });
      expectClose(m.params.delta, 2.783, { abs: 2e-3 });
      expectClose(m.logLikelihood, -33225.6, { abs: 0.05 });
      expectClose(btydLogLikelihood(m, rows), m.logLikelihood, { rel: 1e-12 });
    });
  });

  it("accepts columns and collapses identical rows", () => {
    const cols = { frequency: [0, 0, 1, 3, 6], recency: [0, 0, 1, 5, 6], n: [6, 6, 6, 6, 6] };
    const m = fitBetaGeoBetaBinomial(cols);
    expect(m.distinctRows).toBe(4);
    expect(m.n).toBe(5);
  });

  it("rejects impossible histories", () => {
    expectMetricsError(() => fitBetaGeoBetaBinomial([{ frequency: 7, recency: 6, n: 6 }]), "out_of_range", [0, "frequency"]);
    expectMetricsError(() => fitBetaGeoBetaBinomial([{ frequency: 3, recency: 2, n: 6 }]), "out_of_range", [0, "recency"]);
    expectMetricsError(() => fitBetaGeoBetaBinomial([{ frequency: 0, recency: 2, n: 6 }]), "invalid_input", [0, "recency"]);
    expectMetricsError(() => fitBetaGeoBetaBinomial([{ frequency: 1, recency: 1, n: 0 }]), "out_of_range", [0, "n"]);
    expectMetricsError(() => fitBetaGeoBetaBinomial([{ frequency: 1, recency: 1.5, n: 6 }]), "not_integer", [0, "recency"]);
  });
});
