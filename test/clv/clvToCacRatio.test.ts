import { describe, expect, it } from "vitest";
import { clvFromRetention, clvToCacRatio } from "../../src/clv/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("clvToCacRatio", () => {
  it("LTV $240,000 justifies CAC $80,000 under a 3:1 benchmark", () => {
    // Source: https://abracalc.com/calculator/customer-lifetime-value-calculator/2000-arpa-60-margin-05-churn/
    const res = clvToCacRatio({ clv: "240000", cac: "80000" });
    expect(res.ratio).toBe(3);
    expect(res.netValue.toString()).toBe("160000");
    expect(res.clv.toString()).toBe("240000");
    expect(res.cac.toString()).toBe("80000");
  });

  it("takes a Decimal CLV from clvFromRetention", () => {
    const clv = clvFromRetention({ margin: "100", retentionRate: 0.8, discountRate: 0.1 }).value;
    expect(clvToCacRatio({ clv, cac: "100" }).ratio).toBeCloseTo(2.6666666666666665, 15);
  });

  it("a negative CLV gives a negative ratio", () => {
    expect(clvToCacRatio({ clv: "-50", cac: "100" }).ratio).toBe(-0.5);
    expect(clvToCacRatio({ clv: 0, cac: "100" }).ratio).toBe(0);
  });

  it("rejects zero, negative or malformed amounts", () => {
    expectMetricsError(() => clvToCacRatio({ clv: "100", cac: 0 }), "undefined_result", ["cac"]);
    expectMetricsError(() => clvToCacRatio({ clv: "100", cac: "-0" }), "undefined_result", ["cac"]);
    expectMetricsError(() => clvToCacRatio({ clv: "100", cac: "-10" }), "out_of_range", ["cac"]);
    expectMetricsError(() => clvToCacRatio({ clv: Number.NaN, cac: "10" }), "not_finite", ["clv"]);
    expectMetricsError(() => clvToCacRatio({ clv: "abc", cac: "10" }), "invalid_input", ["clv"]);
    expectMetricsError(() => clvToCacRatio({ clv: null as never, cac: "10" }), "invalid_type", ["clv"]);
    expectMetricsError(() => clvToCacRatio(undefined as never), "invalid_type", []);
  });
});
