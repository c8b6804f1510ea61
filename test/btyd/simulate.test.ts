import { describe, expect, it } from "vitest";
import { expectedPurchases, simulateBetaGeoNbd, simulateParetoNbd, summarizeTransactionColumns } from "../../src/btyd/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("simulateBetaGeoNbd / simulateParetoNbd", () => {
  it("are deterministic for a seed and differ across seeds", () => {
    const p = { r: 0.25, alpha: 30, a: 0.8, b: 2.4 };
    const o = { customers: 500, seed: 3, observationDays: 200 };
    const a = simulateBetaGeoNbd(p, o);
    const b = simulateBetaGeoNbd(p, o);
    const c = simulateBetaGeoNbd(p, { ...o, seed: 4 });
    expect(Array.from(a.day)).toEqual(Array.from(b.day));
    expect(Array.from(a.day)).not.toEqual(Array.from(c.day));
    expect(a.start).toBe("2024-01-01");
    expect(a.asOf).toBe("2024-07-18");
  });

  it("match the model's E[X(t)] on average (single cohort, 50,000 customers)", () => {
    // Mean repeat purchases of a cohort acquired on day 0 over t days ≈ expectedPurchases(t) (days, so a small
    // downward bias from several purchases on one day counting once).
    const bg = { r: 0.25, alpha: 30, a: 0.8, b: 2.4 };
    const log = simulateBetaGeoNbd(bg, { customers: 50_000, seed: 11, observationDays: 365 });
    const mean = (log.transactions - log.customers) / log.customers;
    const e = expectedPurchases({ model: "bg-nbd", params: bg }, 365);
    expect(Math.abs(mean - e) / e).toBeLessThan(0.03);
    const pn = { r: 0.55, alpha: 75, s: 0.6, beta: 80 };
    const logp = simulateParetoNbd(pn, { customers: 50_000, seed: 12, observationDays: 365 });
    const ep = expectedPurchases({ model: "pareto-nbd", params: pn }, 365);
    expect(Math.abs((logp.transactions - logp.customers) / logp.customers - ep) / ep).toBeLessThan(0.03);
    const s = summarizeTransactionColumns(logp, { asOf: logp.asOf, unit: "day" });
    expect(s.n).toBe(50_000);
  });

  it("reject bad parameters and options", () => {
    expectMetricsError(
      () => simulateBetaGeoNbd({ r: -1, alpha: 1, a: 1, b: 1 }, { customers: 1, seed: 1, observationDays: 10 }),
      "invalid_model",
      ["model", "params", "r"],
    );
    expectMetricsError(
      () => simulateParetoNbd({ r: 1, alpha: 1, s: 1, beta: 1 }, { customers: 0, seed: 1, observationDays: 10 }),
      "invalid_option",
      ["options", "customers"],
    );
    expectMetricsError(
      () => simulateParetoNbd({ r: 1, alpha: 1, s: 1, beta: 1 }, { customers: 1, seed: 1.5, observationDays: 10 }),
      "not_integer",
      ["options", "seed"],
    );
    expectMetricsError(
      () =>
        simulateBetaGeoNbd({ r: 1, alpha: 1, a: 1, b: 1 }, { customers: 1, seed: 1, observationDays: 10, acquisitionDays: 10 }),
      "out_of_range",
      ["options", "acquisitionDays"],
    );
  });
});
