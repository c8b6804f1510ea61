import { describe, expect, it } from "vitest";
import { btydLogLikelihood, type BtydModelSpec } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { ref, TAGS } from "./_models.js";

describe("btydLogLikelihood", () => {
  // Source: test/fixtures/btyd/models.json — mpmath (40 digits) from the defining integrals (reference.py).
  for (const tag of TAGS) {
    for (const set of ref[tag]) {
      it(`matches the mpmath reference per row (${tag}, ${set.name})`, () => {
        const model = { model: tag, params: set.params } as unknown as BtydModelSpec;
        for (const row of set.rows) {
          const r =
            tag === "bg-bb"
              ? { frequency: row.frequency, recency: row.recency, n: row.n as number }
              : { frequency: row.frequency, recency: row.recency, T: row.T as number };
          expectClose(btydLogLikelihood(model, [r] as never), row.logLikelihood, { rel: 1e-11, abs: 1e-11 }, JSON.stringify(r));
        }
      });
    }
  }

  it("sums weighted rows (weights = repeated rows)", () => {
    const model = { model: "pareto-nbd", params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as const;
    const one = btydLogLikelihood(model, [{ frequency: 2, recency: 30.43, T: 38.86 }]);
    expectClose(btydLogLikelihood(model, [{ frequency: 2, recency: 30.43, T: 38.86, weight: 3 }]), 3 * one, { rel: 1e-14 });
    expectClose(
      btydLogLikelihood(model, { frequency: [2, 2, 2], recency: [30.43, 30.43, 30.43], T: [38.86, 38.86, 38.86] }),
      3 * one,
      { rel: 1e-14 },
    );
  });

  it("rejects unknown models and bad parameters", () => {
    expectMetricsError(
      () => btydLogLikelihood({ model: "nope" } as never, [{ frequency: 0, recency: 0, T: 1 }]),
      "invalid_model",
      ["model", "model"],
    );
    expectMetricsError(
      () => btydLogLikelihood({ model: "bg-nbd", params: { r: 1, alpha: -1, a: 1, b: 1 } }, [{ frequency: 0, recency: 0, T: 1 }]),
      "invalid_model",
      ["model", "params", "alpha"],
    );
    expectMetricsError(() => btydLogLikelihood(null as never, []), "invalid_model", ["model"]);
    expect(() =>
      btydLogLikelihood({ model: "bg-bb", params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } }, [
        { frequency: 2, recency: 1, n: 6 },
      ]),
    ).toThrow(/recency/);
  });
});
