import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedAverageSpend, fitGammaGamma } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// mpmath values of eq. 5 of Hardie note 025 (test/fixtures/btyd/gammaGamma_reference.py).
const fixture = JSON.parse(readFileSync(new URL("../fixtures/btyd/gammaGamma.json", import.meta.url), "utf8")) as {
  small: {
    expectedAverageSpend: {
      params: { p: number; q: number; v: number };
      frequency: number;
      monetaryValue: number;
      value: string;
    }[];
  };
  synthetic: { frequency: number[]; monetaryValue: number[] };
};

describe("expectedAverageSpend", () => {
  it("matches eq. 5 of Hardie note 025 (mpmath) for every fixture case", () => {
    for (const c of fixture.small.expectedAverageSpend) {
      const got = expectedAverageSpend(
        { model: "gamma-gamma", params: c.params },
        { frequency: c.frequency, monetaryValue: c.monetaryValue },
      );
      expectClose(got, Number(c.value), { rel: 1e-14 }, JSON.stringify(c));
    }
  });

  it("equals the population mean v·p/(q − 1) for a customer without repeat purchases", () => {
    const spend = { model: "gamma-gamma", params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
    expectClose(expectedAverageSpend(spend, { frequency: 0, monetaryValue: 0 }), (15.44 * 6.25) / 2.74, { rel: 1e-15 });
    // monetaryValue is ignored when frequency is 0
    expect(expectedAverageSpend(spend, { frequency: 0, monetaryValue: 99 })).toBe(
      expectedAverageSpend(spend, { frequency: 0, monetaryValue: 0 }),
    );
  });

  it("accepts a fitted model", () => {
    const s = fixture.synthetic;
    const model = fitGammaGamma({ frequency: s.frequency, monetaryValue: s.monetaryValue });
    const e = expectedAverageSpend(model, { frequency: 3, monetaryValue: 40 });
    const { p, q, v } = model.params;
    expectClose(e, (p * (v + 3 * 40)) / (p * 3 + q - 1), { rel: 1e-15 });
  });

  it("property: a weighted average between the population mean and the customer's own mean, moving towards the latter with frequency", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 1.05, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (p, q, v, x, m) => {
          const spend = { model: "gamma-gamma" as const, params: { p, q, v } };
          const pop = (v * p) / (q - 1);
          const e1 = expectedAverageSpend(spend, { frequency: x, monetaryValue: m });
          const e2 = expectedAverageSpend(spend, { frequency: x + 1, monetaryValue: m });
          const lo = Math.min(pop, m) * (1 - 1e-12);
          const hi = Math.max(pop, m) * (1 + 1e-12);
          return e1 >= lo && e1 <= hi && Math.abs(e2 - m) <= Math.abs(e1 - m) * (1 + 1e-12);
        },
      ),
    );
  });

  it("rejects q ≤ 1 (infinite mean) and invalid models or customers", () => {
    expectMetricsError(
      () => expectedAverageSpend({ model: "gamma-gamma", params: { p: 1, q: 0.9, v: 1 } }, { frequency: 1, monetaryValue: 1 }),
      "undefined_result",
      ["spendModel", "params", "q"],
    );
    const spend = { model: "gamma-gamma", params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
    expectMetricsError(
      () => expectedAverageSpend({ model: "bg-nbd", params: { p: 1, q: 2, v: 1 } } as never, { frequency: 1, monetaryValue: 1 }),
      "invalid_model",
      ["spendModel", "model"],
    );
    expectMetricsError(
      () =>
        expectedAverageSpend({ model: "gamma-gamma", params: { p: Number.NaN, q: 2, v: 1 } }, { frequency: 1, monetaryValue: 1 }),
      "invalid_model",
      ["spendModel", "params", "p"],
    );
    expectMetricsError(() => expectedAverageSpend(null as never, { frequency: 1, monetaryValue: 1 }), "invalid_model", [
      "spendModel",
    ]);
    expectMetricsError(() => expectedAverageSpend(spend, { frequency: 1.5, monetaryValue: 1 }), "not_integer", [
      "customer",
      "frequency",
    ]);
    expectMetricsError(() => expectedAverageSpend(spend, { frequency: -1, monetaryValue: 1 }), "out_of_range", [
      "customer",
      "frequency",
    ]);
    expectMetricsError(() => expectedAverageSpend(spend, { frequency: 1, monetaryValue: -1 }), "out_of_range", [
      "customer",
      "monetaryValue",
    ]);
    expectMetricsError(() => expectedAverageSpend(spend, { frequency: 1, monetaryValue: Number.NaN }), "not_finite", [
      "customer",
      "monetaryValue",
    ]);
    expectMetricsError(() => expectedAverageSpend(spend, { frequency: "1" as never, monetaryValue: 1 }), "invalid_type", [
      "customer",
      "frequency",
    ]);
    expectMetricsError(() => expectedAverageSpend(spend, null as never), "invalid_type", ["customer"]);
  });
});
