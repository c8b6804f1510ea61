import { describe, expect, it } from "vitest";
import { repeatPurchaseRate } from "../../src/loyalty/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Issue 13: a confidence so close to 1 that z is infinite is an error, not an Infinity.
describe("loyalty hostile inputs (issue 13)", () => {
  const orders = [
    { customerId: "a", at: "2024-01-03" },
    { customerId: "a", at: "2024-02-10" },
    { customerId: "b", at: "2024-01-20" },
  ];
  it("repeatPurchaseRate: confidence 0.9999999999999999 is out_of_range", () => {
    expectMetricsError(() => repeatPurchaseRate(orders, { confidence: 0.9999999999999999 }), "out_of_range", [
      "options",
      "confidence",
    ]);
    // 1 repeat customer of 2 (hand-counted).
    expect(repeatPurchaseRate(orders, { confidence: 0.999999999 }).rate).toBe(0.5);
  });
});
