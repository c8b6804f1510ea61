import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerLifetimeValue, topCustomersByValue } from "../../src/btyd/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("topCustomersByValue", () => {
  it("ranks rows by Decimal value with shares of the total (hand-computed)", () => {
    const top = topCustomersByValue(
      [
        { customerId: "a", value: "10" },
        { customerId: "b", value: "70" },
        { customerId: "c", value: "20" },
      ],
      2,
    );
    expect(top.map((r) => [r.rank, r.customerId, r.value.toString()])).toEqual([
      [1, "b", "70"],
      [2, "c", "20"],
    ]);
    expect(top.map((r) => r.share)).toEqual([0.7, 0.2]);
    expect(top[1]!.cumulativeShare).toBe(0.9);
  });

  it("keeps input order on ties and returns everyone when k exceeds n", () => {
    const top = topCustomersByValue(
      [
        { customerId: 1, value: 5 },
        { customerId: 2, value: "5.00" },
        { customerId: 3, value: 7 },
      ],
      10,
    );
    expect(top.map((r) => r.customerId)).toEqual([3, 1, 2]);
    expect(top[2]!.cumulativeShare).toBe(1);
  });

  it("ranks columns (e.g. batch output) the same way as rows", () => {
    const cols = { customerId: ["a", "b", "c", "d"], value: Float64Array.from([3.5, 9.25, 0, 9.25]) };
    const top = topCustomersByValue(cols, 3);
    expect(top.map((r) => r.customerId)).toEqual(["b", "d", "a"]);
    expect(top[0]!.value.toString()).toBe("9.25");
    expect(top[0]!.share).toBeCloseTo(9.25 / 22, 15);
  });

  it("takes customerLifetimeValue rows", () => {
    const rows = customerLifetimeValue({
      purchaseModel: { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
      spendModel: { model: "gamma-gamma", params: { p: 6.25, q: 3.74, v: 15.44 } },
      periods: 12,
      periodLength: 4.345,
      discountRate: 0.01,
      customers: [
        { customerId: "low", frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
        { customerId: "high", frequency: 10, recency: 38, T: 38.86, monetaryValue: 80 },
      ],
    });
    expect(topCustomersByValue(rows, 1)[0]!.customerId).toBe("high");
  });

  it("property: equals a full sort", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 70 }),
        (vals, k) => {
          const rows = vals.map((v, i) => ({ customerId: i, value: v }));
          const expected = rows
            .slice()
            .sort((a, b) => b.value - a.value || a.customerId - b.customerId)
            .slice(0, k)
            .map((r) => r.customerId);
          return JSON.stringify(topCustomersByValue(rows, k).map((r) => r.customerId)) === JSON.stringify(expected);
        },
      ),
    );
  });

  it("rejects bad input", () => {
    expectMetricsError(() => topCustomersByValue([], 3), "empty_sample", []);
    expectMetricsError(() => topCustomersByValue([{ customerId: "a", value: 1 }], 0), "out_of_range", ["k"]);
    expectMetricsError(() => topCustomersByValue([{ customerId: "a", value: 1 }], 1.5), "not_integer", ["k"]);
    expectMetricsError(() => topCustomersByValue([{ customerId: "a", value: Number.NaN }], 1), "not_finite", [0, "value"]);
    expectMetricsError(() => topCustomersByValue([{ customerId: "a", value: "1,0" }], 1), "invalid_input", [0, "value"]);
    expectMetricsError(() => topCustomersByValue([{ customerId: null as never, value: 1 }], 1), "invalid_type", [
      0,
      "customerId",
    ]);
    expectMetricsError(() => topCustomersByValue({ customerId: ["a"], value: [1, 2] }, 1), "length_mismatch", ["value"]);
    expectMetricsError(() => topCustomersByValue({ customerId: ["a"], value: [Number.POSITIVE_INFINITY] }, 1), "not_finite", [
      "value",
      0,
    ]);
  });
});
