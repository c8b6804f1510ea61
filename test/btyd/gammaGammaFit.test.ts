import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fitGammaGamma, gammaGammaLogLikelihood, simulateGammaGammaSpend } from "../../src/btyd/index.js";
import { createRng, minimize } from "../../src/math/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// Reference values: test/fixtures/btyd/gammaGamma_reference.py (scipy/mpmath, independent implementation).
const fixture = JSON.parse(readFileSync(new URL("../fixtures/btyd/gammaGamma.json", import.meta.url), "utf8")) as {
  synthetic: {
    frequency: number[];
    monetaryValue: number[];
    mle: { params: { p: number; q: number; v: number }; logLikelihood: number };
  };
  cdnow?: { mle: { params: { p: number; q: number; v: number }; logLikelihood: number }; logLikelihoodAtPublished: number };
};

const repo = fileURLToPath(new URL("../../", import.meta.url));
const dataDir = process.env["CUSTOMER_METRICS_DATA"] ?? join(repo, "..", "shared", "data");
const cdnowPath = join(dataDir, "cdnow_customers_summary_with_transactions.csv");
const hasCdnow = existsSync(cdnowPath);
if (!hasCdnow) {
  console.warn(
    `[gammaGammaFit] SKIPPING the CDNOW reference fit: ${cdnowPath} not found (set CUSTOMER_METRICS_DATA to the folder holding the published CDNOW data).`,
  );
}

describe("fitGammaGamma", () => {
  describe.skipIf(!hasCdnow)("CDNOW 946 repeat buyers (Hardie note 025)", () => {
    const rows = hasCdnow
      ? readFileSync(cdnowPath, "utf8")
          .trim()
          .split(/\r?\n/)
          .slice(1)
          .map((line) => {
            const f = line.split(",");
            return { frequency: Number(f[1]), monetaryValue: Number(f[4]) };
          })
      : [];

    it("recovers the published estimates p ≈ 6.25, q ≈ 3.74, γ ≈ 15.44", () => {
      // Source: Hardie, "The Gamma-Gamma Model of Monetary Value" (note 025); lifetimes test_params_out_is_close_to_Hardie_paper.
      const model = fitGammaGamma(rows);
      expect(model.n).toBe(946);
      expect(model.excluded.nonRepeat).toBe(1411);
      expect(model.diagnostics.converged).toBe(true);
      expect(model.params.p.toFixed(2)).toBe("6.25");
      expect(model.params.q.toFixed(2)).toBe("3.74");
      expectClose(model.params.v, 15.44, { abs: 0.01 });
      // scipy Nelder–Mead on the same likelihood (fixture):
      const ref = fixture.cdnow;
      if (ref) {
        expectClose(model.params.p, ref.mle.params.p, { rel: 1e-4 });
        expectClose(model.params.q, ref.mle.params.q, { rel: 1e-4 });
        expectClose(model.params.v, ref.mle.params.v, { rel: 1e-4 });
        expectClose(model.logLikelihood, ref.mle.logLikelihood, { abs: 1e-6 });
        expectClose(gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, rows), ref.logLikelihoodAtPublished, { rel: 1e-12 });
      }
      expect(model.standardErrors).not.toBeNull();
      expect(model.populationMeanSpend).toBeCloseTo((model.params.v * model.params.p) / (model.params.q - 1), 12);
    });
  });

  it("matches an independent scipy fit on a committed synthetic data set", () => {
    const s = fixture.synthetic;
    const model = fitGammaGamma({ frequency: s.frequency, monetaryValue: s.monetaryValue });
    expect(model.diagnostics.converged).toBe(true);
    expectClose(model.params.p, s.mle.params.p, { rel: 1e-4 });
    expectClose(model.params.q, s.mle.params.q, { rel: 1e-4 });
    expectClose(model.params.v, s.mle.params.v, { rel: 1e-4 });
    expectClose(model.logLikelihood, s.mle.logLikelihood, { abs: 1e-6 });
    expect(model.n).toBe(300);
  });

  it("recovers the parameters of simulated spend (10,000 customers) within 3 standard errors", () => {
    const truth = { p: 6.25, q: 3.74, v: 15.44 };
    const rng = createRng(11);
    const freq = Array.from({ length: 10_000 }, () => rng.geometric(0.3));
    const sim = simulateGammaGammaSpend(truth, freq, { seed: 12 });
    const model = fitGammaGamma(sim);
    expect(model.diagnostics.converged).toBe(true);
    const se = model.standardErrors;
    expect(se).not.toBeNull();
    for (const k of ["p", "q", "v"] as const) {
      expect(Math.abs(model.params[k] - truth[k]), k).toBeLessThan(3 * (se as { p: number; q: number; v: number })[k]);
      expectClose(model.params[k], truth[k], { rel: 0.2 }, k);
    }
  });

  it("weights equal repeated rows; columns equal rows", () => {
    const rows = fixture.synthetic.frequency
      .slice(0, 60)
      .map((x, i) => ({ frequency: x, monetaryValue: fixture.synthetic.monetaryValue[i] as number }));
    const doubled = fitGammaGamma([...rows, ...rows]);
    const weighted = fitGammaGamma(rows.map((r) => ({ ...r, weight: 2 })));
    expectClose(weighted.params.p, doubled.params.p, { rel: 1e-5 });
    expectClose(weighted.params.q, doubled.params.q, { rel: 1e-5 });
    expectClose(weighted.logLikelihood, doubled.logLikelihood, { rel: 1e-9 });
    expect(weighted.n).toBe(120);
    const cols = fitGammaGamma({
      frequency: Float64Array.from(rows.map((r) => r.frequency)),
      monetaryValue: rows.map((r) => r.monetaryValue),
    });
    const plain = fitGammaGamma(rows);
    expect(cols.params).toEqual(plain.params);
  });

  it("is invariant to the money unit (cents vs dollars scale v and shift the log-likelihood)", () => {
    const s = fixture.synthetic;
    const dollars = fitGammaGamma({ frequency: s.frequency, monetaryValue: s.monetaryValue });
    const cents = fitGammaGamma({ frequency: s.frequency, monetaryValue: s.monetaryValue.map((m) => m * 100) });
    expectClose(cents.params.p, dollars.params.p, { rel: 1e-5 });
    expectClose(cents.params.q, dollars.params.q, { rel: 1e-5 });
    expectClose(cents.params.v, dollars.params.v * 100, { rel: 1e-5 });
    expectClose(cents.logLikelihood, dollars.logLikelihood - 300 * Math.log(100), { rel: 1e-9 });
  });

  it("excludes non-positive spend with a count when asked, rejects it by default", () => {
    const rows = [
      { frequency: 2, monetaryValue: 0 },
      ...fixture.synthetic.frequency
        .slice(0, 50)
        .map((x, i) => ({ frequency: x, monetaryValue: fixture.synthetic.monetaryValue[i] as number })),
      { frequency: 3, monetaryValue: -4, weight: 2 },
    ];
    expectMetricsError(() => fitGammaGamma(rows), "out_of_range", [0, "monetaryValue"]);
    const model = fitGammaGamma(rows, { onNonPositiveSpend: "exclude" });
    expect(model.excluded.nonPositiveSpend).toBe(3);
    expect(model.n).toBe(50);
  });

  it("qConstraint keeps q above 1 and the penalizer shrinks the parameters", () => {
    const s = fixture.synthetic;
    const c = fitGammaGamma({ frequency: s.frequency, monetaryValue: s.monetaryValue }, { qConstraint: true });
    expect(c.qConstraint).toBe(true);
    expect(c.params.q).toBeGreaterThan(1);
    expectClose(c.params.q, s.mle.params.q, { rel: 1e-4 }); // the constraint is inactive here
    const pen = fitGammaGamma({ frequency: s.frequency, monetaryValue: s.monetaryValue }, { penalizer: 0.1 });
    expect(pen.penalizer).toBe(0.1);
    expect(pen.params.p).toBeLessThan(c.params.p);
    expect(pen.logLikelihood).toBeLessThan(c.logLikelihood);
  });

  it("reports non-convergence in diagnostics, or throws with strict", () => {
    const s = fixture.synthetic;
    const input = { frequency: s.frequency, monetaryValue: s.monetaryValue };
    const m = fitGammaGamma(input, {
      maxIterations: 1,
      minimizer: (f, x0, o) => ({ ...minimize(f, x0, { ...o, fallback: false }), converged: false }),
    });
    expect(m.diagnostics.converged).toBe(false);
    expect(m.diagnostics.message).toMatch(/did not converge/);
    expectMetricsError(
      () => fitGammaGamma(input, { strict: true, minimizer: (f, x0, o) => ({ ...minimize(f, x0, o), converged: false }) }),
      "not_converged",
    );
  });

  it("accepts initialParams", () => {
    const s = fixture.synthetic;
    const m = fitGammaGamma(
      { frequency: s.frequency, monetaryValue: s.monetaryValue },
      { initialParams: { p: 3, q: 2.7, v: 25 } },
    );
    expect(m.diagnostics.starts).toBe(1);
    expectClose(m.params.p, s.mle.params.p, { rel: 1e-4 });
  });

  it("rejects bad input with code and path", () => {
    expectMetricsError(() => fitGammaGamma([]), "empty_sample", []);
    expectMetricsError(() => fitGammaGamma({ frequency: [], monetaryValue: [] }), "empty_sample", ["frequency"]);
    expectMetricsError(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }]), "insufficient_data", []);
    expectMetricsError(() => fitGammaGamma([{ frequency: 1.5, monetaryValue: 3 }]), "not_integer", [0, "frequency"]);
    expectMetricsError(() => fitGammaGamma([{ frequency: -1, monetaryValue: 3 }]), "out_of_range", [0, "frequency"]);
    expectMetricsError(() => fitGammaGamma([{ frequency: "2" as never, monetaryValue: 3 }]), "invalid_type", [0, "frequency"]);
    expectMetricsError(() => fitGammaGamma([{ frequency: 2, monetaryValue: Number.NaN }]), "not_finite", [0, "monetaryValue"]);
    expectMetricsError(() => fitGammaGamma([{ frequency: 2, monetaryValue: Number.POSITIVE_INFINITY }]), "not_finite", [
      0,
      "monetaryValue",
    ]);
    expectMetricsError(() => fitGammaGamma([{ frequency: 2, monetaryValue: 5, weight: -1 }]), "out_of_range", [0, "weight"]);
    expectMetricsError(() => fitGammaGamma([null as never]), "invalid_type", [0]);
    expectMetricsError(() => fitGammaGamma({ frequency: [1, 2], monetaryValue: [3] }), "length_mismatch", ["monetaryValue"]);
    expectMetricsError(() => fitGammaGamma({ frequency: [1], monetaryValue: [-3] }), "out_of_range", ["monetaryValue", 0]);
    expectMetricsError(() => fitGammaGamma("rows" as never), "invalid_type", ["rows"]);
    const ok = [{ frequency: 2, monetaryValue: 5 }];
    expectMetricsError(() => fitGammaGamma(ok, { penalizer: -1 }), "out_of_range", ["options", "penalizer"]);
    expectMetricsError(() => fitGammaGamma(ok, { onNonPositiveSpend: "skip" as never }), "invalid_option", [
      "options",
      "onNonPositiveSpend",
    ]);
    expectMetricsError(() => fitGammaGamma(ok, { initialParams: { p: 1, q: 0.5, v: 1 }, qConstraint: true }), "invalid_option", [
      "options",
      "initialParams",
      "q",
    ]);
    expectMetricsError(() => fitGammaGamma(ok, { maxIterations: 0 }), "out_of_range", ["options", "maxIterations"]);
  });

  it("does not mutate its input and returns JSON-serializable results", () => {
    const rows = [
      { frequency: 1, monetaryValue: 20 },
      { frequency: 3, monetaryValue: 35 },
      { frequency: 2, monetaryValue: 12 },
      { frequency: 5, monetaryValue: 28 },
    ];
    const copy = structuredClone(rows);
    const m = fitGammaGamma(rows);
    expect(rows).toEqual(copy);
    expect(JSON.parse(JSON.stringify(m)).params).toEqual(m.params);
  });
});
