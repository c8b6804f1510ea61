import { describe, expect, it } from "vitest";
import { informationCriteria } from "../../src/math/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Reference values: python3 `2*k - 2*ll` and `k*math.log(n) - 2*ll` with the
// standard library (test/fixtures/math/README.md, "informationCriteria").
describe("informationCriteria", () => {
  it("matches the closed forms", () => {
    expect(informationCriteria(-9582.4255605673934, 4, 2357)).toEqual({ aic: 19172.851121134787, bic: 19195.911700746532 });
    expect(informationCriteria(-100.5, 3, 50)).toEqual({ aic: 207, bic: 212.73606901628443 });
  });

  it("BIC equals AIC − 2k + k ln n", () => {
    const { aic, bic } = informationCriteria(-12.25, 2, 1000);
    expect(bic - aic).toBeCloseTo(2 * Math.log(1000) - 4, 12);
  });

  it("rejects bad input with code and path", () => {
    expectMetricsError(() => informationCriteria(NaN, 2, 10), "not_finite", ["logLikelihood"]);
    expectMetricsError(() => informationCriteria(-1, -1, 10), "out_of_range", ["parameters"]);
    expectMetricsError(() => informationCriteria(-1, 1.5, 10), "out_of_range", ["parameters"]);
    expectMetricsError(() => informationCriteria(-1, 2, 0), "out_of_range", ["observations"]);
    expectMetricsError(() => informationCriteria(-1, 2, 2.5), "out_of_range", ["observations"]);
    expectMetricsError(() => informationCriteria(-1, 2, Infinity), "not_finite", ["observations"]);
  });
});
