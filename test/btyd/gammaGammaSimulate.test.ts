import { describe, expect, it } from "vitest";
import { simulateGammaGammaSpend } from "../../src/btyd/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

describe("simulateGammaGammaSpend", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, [1, 2, 3, 0], { seed: 5 });
    const b = simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, [1, 2, 3, 0], { seed: 5 });
    const c = simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, [1, 2, 3, 0], { seed: 6 });
    expect(Array.from(a.monetaryValue)).toEqual(Array.from(b.monetaryValue));
    expect(Array.from(a.monetaryValue)).not.toEqual(Array.from(c.monetaryValue));
    expect(a.monetaryValue[3]).toBe(0);
    expect(Array.from(a.frequency)).toEqual([1, 2, 3, 0]);
  });

  it("has the model's moments: E[p/ν] = v·p/(q − 1) and E[m̄ | ν] = p/ν", () => {
    const n = 200_000;
    const sim = simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, new Float64Array(n).fill(4), { seed: 9 });
    let meanTrue = 0;
    let meanObs = 0;
    for (let i = 0; i < n; i++) {
      meanTrue += (sim.trueMeanSpend[i] as number) / n;
      meanObs += (sim.monetaryValue[i] as number) / n;
    }
    const pop = (15.44 * 6.25) / 2.74; // 35.22
    // sd of p/ν is pop/sqrt(q − 2) ≈ 26.7, so the standard error of the mean is ≈ 0.06
    expectClose(meanTrue, pop, { abs: 0.3 });
    expectClose(meanObs, pop, { abs: 0.3 });
  });

  it("rejects bad input", () => {
    expectMetricsError(() => simulateGammaGammaSpend({ p: -1, q: 1, v: 1 }, [1]), "invalid_model", ["params", "p"]);
    expectMetricsError(() => simulateGammaGammaSpend({ p: 1, q: 1, v: 1 }, [1.5]), "not_integer", ["frequencies", 0]);
    expectMetricsError(() => simulateGammaGammaSpend({ p: 1, q: 1, v: 1 }, [-1]), "out_of_range", ["frequencies", 0]);
    expectMetricsError(() => simulateGammaGammaSpend({ p: 1, q: 1, v: 1 }, "12" as never), "invalid_type", ["frequencies"]);
    expectMetricsError(() => simulateGammaGammaSpend({ p: 1, q: 1, v: 1 }, [1], { seed: Number.NaN }), "not_finite", [
      "options",
      "seed",
    ]);
  });
});
