import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gammaGammaLogLikelihood } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// mpmath (40 digits) values of eq. 1a of Hardie note 025 (test/fixtures/btyd/gammaGamma_reference.py).
const fixture = JSON.parse(readFileSync(new URL("../fixtures/btyd/gammaGamma.json", import.meta.url), "utf8")) as {
  small: {
    rows: { frequency: number; monetaryValue: number; weight: number }[];
    logLikelihood: { params: { p: number; q: number; v: number }; value: string }[];
  };
};

describe("gammaGammaLogLikelihood", () => {
  it("matches an independent mpmath evaluation at fixed parameters", () => {
    for (const c of fixture.small.logLikelihood) {
      expectClose(
        gammaGammaLogLikelihood(c.params, fixture.small.rows),
        Number(c.value),
        { rel: 1e-13 },
        JSON.stringify(c.params),
      );
    }
  });

  it("skips one-time buyers and weights rows", () => {
    const params = { p: 6.25, q: 3.74, v: 15.44 };
    const one = gammaGammaLogLikelihood(params, [{ frequency: 2, monetaryValue: 22.35 }]);
    expectClose(one, -3.5513167597317047, { rel: 1e-14 }); // mpmath, see the README
    expectClose(
      gammaGammaLogLikelihood(params, [
        { frequency: 2, monetaryValue: 22.35, weight: 3 },
        { frequency: 0, monetaryValue: 0 },
      ]),
      3 * one,
      { rel: 1e-14 },
    );
  });

  it("rejects invalid parameters and rows", () => {
    expectMetricsError(
      () => gammaGammaLogLikelihood({ p: 0, q: 1, v: 1 }, [{ frequency: 1, monetaryValue: 1 }]),
      "invalid_model",
      ["params", "p"],
    );
    expectMetricsError(() => gammaGammaLogLikelihood(null as never, [{ frequency: 1, monetaryValue: 1 }]), "invalid_model", [
      "params",
    ]);
    expectMetricsError(
      () => gammaGammaLogLikelihood({ p: 1, q: 1, v: 1 }, [{ frequency: 1, monetaryValue: 0 }]),
      "out_of_range",
      [0, "monetaryValue"],
    );
    expectMetricsError(() => gammaGammaLogLikelihood({ p: 1, q: 1, v: 1 }, []), "empty_sample", []);
  });

  it("does not mutate its input", () => {
    const rows = structuredClone(fixture.small.rows);
    gammaGammaLogLikelihood({ p: 1, q: 2, v: 3 }, rows);
    expect(rows).toEqual(fixture.small.rows);
  });
});
