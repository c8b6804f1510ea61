import { describe, expect, it } from "vitest";
import {
  customerLifetimeValue,
  customerLifetimeValueInterval,
  fitGammaGamma,
  simulateGammaGammaSpend,
} from "../../src/btyd/index.js";
import { createRng } from "../../src/math/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

const bgnbd = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
// BG/NBD with standard errors (values of the CDNOW fit's order of magnitude; only their use is tested here)
const bgnbdWithSe = { ...bgnbd, standardErrors: { r: 0.0125, alpha: 0.378, a: 0.186, b: 0.704 } };
const customers = [
  { customerId: "a", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
  { customerId: "b", frequency: 10, recency: 38, T: 38.86, monetaryValue: 80 },
  { customerId: "c", frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
];
const rng = createRng(21);
const freq = Array.from({ length: 800 }, () => rng.geometric(0.3));
const spendModel = fitGammaGamma(simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, freq, { seed: 22 }));
const base = { purchaseModel: bgnbdWithSe, spendModel, customers, periods: 12, periodLength: 4.345, discountRate: 0.01 };

describe("customerLifetimeValueInterval", () => {
  it("brackets the point estimate, is deterministic per seed, and reports how draws were made", () => {
    const res = customerLifetimeValueInterval(base, { draws: 300, seed: 5 });
    expect(res.method).toBe("parametric-bootstrap");
    expect(res.spendModelUncertainty).toBe("correlated-lognormal");
    expect(res.purchaseModelUncertainty).toBe("independent-lognormal");
    expect(res.usedDraws).toBeGreaterThan(250);
    const point = customerLifetimeValue(base);
    res.rows.forEach((r, i) => {
      expect(r.value.eq(point[i]!.value)).toBe(true);
      expect(r.lower.lte(r.value)).toBe(true);
      expect(r.upper.gte(r.value)).toBe(true);
      expect(r.upper.gt(r.lower)).toBe(true);
      expect(r.standardError).toBeGreaterThan(0);
    });
    const again = customerLifetimeValueInterval(base, { draws: 300, seed: 5 });
    expect(again.rows.map((r) => r.lower.toString())).toEqual(res.rows.map((r) => r.lower.toString()));
  });

  it("a wider confidence gives a wider interval; fixed models give a point", () => {
    const narrow = customerLifetimeValueInterval(base, { draws: 200, confidence: 0.5, seed: 2 }).rows[0]!;
    const wide = customerLifetimeValueInterval(base, { draws: 200, confidence: 0.95, seed: 2 }).rows[0]!;
    expect(wide.upper.minus(wide.lower).gt(narrow.upper.minus(narrow.lower))).toBe(true);
    const fixed = customerLifetimeValueInterval(
      { ...base, purchaseModel: bgnbd, spendModel: { model: "gamma-gamma", params: spendModel.params } },
      { draws: 20 },
    );
    expect(fixed.purchaseModelUncertainty).toBe("fixed");
    expect(fixed.spendModelUncertainty).toBe("fixed");
    expect(fixed.rows[0]!.lower.eq(fixed.rows[0]!.upper)).toBe(true);
  });

  it("rejects bad options", () => {
    expectMetricsError(() => customerLifetimeValueInterval(base, { draws: 5 }), "invalid_option", ["options", "draws"]);
    expectMetricsError(() => customerLifetimeValueInterval(base, { confidence: 1 }), "invalid_option", ["options", "confidence"]);
    expectMetricsError(() => customerLifetimeValueInterval(base, { seed: Number.NaN }), "invalid_option", ["options", "seed"]);
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...customers[0]!, customerId: i }));
    expectMetricsError(() => customerLifetimeValueInterval({ ...base, customers: many }, { draws: 10_000 }), "out_of_range", [
      "customers",
    ]);
  });
});
