import { describe, expect, it } from "vitest";
import { repeatPurchaseRate } from "../../src/loyalty/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

const purchases = [
  { customerId: "a", at: "2024-01-03" },
  { customerId: "a", at: "2024-02-10" },
  { customerId: "b", at: "2024-01-20" },
  { customerId: "c", at: "2024-02-01" },
  { customerId: 7, at: "2024-04-02" },
  { customerId: 7, at: "2024-04-30" },
];

describe("repeatPurchaseRate", () => {
  it("share of customers with 2+ purchases (hand-computed) with a Wilson interval (scipy)", () => {
    const r = repeatPurchaseRate(purchases);
    expect([r.customers, r.repeatCustomers, r.purchases]).toEqual([4, 2, 6]);
    expect(r.rate).toBe(0.5);
    // scipy.stats.binomtest(2, 4).proportion_ci(method="wilson") → (0.15003898915214953, 0.8499610108478505)
    expectClose(r.confidenceInterval[0], 0.15003898915214953, { rel: 1e-9 });
    expectClose(r.confidenceInterval[1], 0.8499610108478505, { rel: 1e-9 });
  });

  it("per period: buyers who have bought at least twice by the period's end; empty months are null", () => {
    const r = repeatPurchaseRate(purchases, { period: "month" });
    expect(r.periods?.map((p) => [p.label, p.customers, p.repeatCustomers, p.rate])).toEqual([
      ["2024-01", 2, 0, 0],
      ["2024-02", 2, 1, 0.5],
      ["2024-03", 0, 0, null],
      ["2024-04", 1, 1, 1],
    ]);
    expect(r.periods?.[2]?.start).toBe("2024-03-01");
  });

  it("leaves out purchases after asOf", () => {
    const r = repeatPurchaseRate(purchases, { asOf: "2024-02-05" });
    expect([r.customers, r.repeatCustomers]).toEqual([3, 0]);
  });

  it("rejects bad input", () => {
    expectMetricsError(() => repeatPurchaseRate([]), "empty_sample", []);
    expectMetricsError(() => repeatPurchaseRate(purchases, { asOf: "2023-01-01" }), "empty_sample", []);
    expectMetricsError(() => repeatPurchaseRate([{ customerId: "__proto__", at: "2024-01-01" }]), "unsafe_key", [
      0,
      "customerId",
    ]);
    expectMetricsError(() => repeatPurchaseRate([{ customerId: null, at: "2024-01-01" }] as never), "invalid_type", [
      0,
      "customerId",
    ]);
    expectMetricsError(() => repeatPurchaseRate([{ customerId: Number.NaN, at: "2024-01-01" }]), "not_finite", [0, "customerId"]);
    expectMetricsError(() => repeatPurchaseRate([{ customerId: "a", at: "2024-13-01" }]), "invalid_date", [0, "at"]);
    expectMetricsError(() => repeatPurchaseRate([null] as never), "invalid_type", [0]);
    expectMetricsError(() => repeatPurchaseRate(purchases, { period: "decade" as never }), "invalid_option", [
      "options",
      "period",
    ]);
    expectMetricsError(() => repeatPurchaseRate(purchases, { asOf: "soon" }), "invalid_date", ["options", "asOf"]);
  });

  it("does not mutate its input", () => {
    const copy = JSON.parse(JSON.stringify(purchases)) as typeof purchases;
    repeatPurchaseRate(purchases, { period: "week" });
    expect(purchases).toEqual(copy);
  });
});
