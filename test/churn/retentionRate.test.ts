import { describe, expect, it } from "vitest";
import { retentionRate } from "../../src/churn/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("retentionRate", () => {
  it("is 1 − churn with the same method and counts (hand-computed)", () => {
    // 190 of 200 customers kept: 0.95.
    expect(retentionRate({ customersAtStart: 200, customersLost: 10 })).toEqual({
      rate: 0.95,
      churnRate: 0.05,
      method: "start",
      customersLost: 10,
      denominator: 200,
    });
    const daily = retentionRate({ method: "daily-sum", daily: [{ customersAtStart: 50, customersLost: 1 }] });
    expect(daily.rate).toBe(0.98);
    expect(daily.method).toBe("daily-sum");
  });

  it("errors name retentionRate and carry the path", () => {
    expectMetricsError(() => retentionRate({ customersAtStart: 3, customersLost: 4 }), "out_of_range", ["customersLost"]);
    let message = "";
    try {
      retentionRate({ customersAtStart: 3, customersLost: 4 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.startsWith("retentionRate:")).toBe(true);
  });
});
