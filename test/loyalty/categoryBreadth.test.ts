import { describe, expect, it } from "vitest";
import { categoryBreadth } from "../../src/loyalty/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

const rows = [
  { customerId: 1, category: "shoes", at: "2024-01-02" },
  { customerId: 1, category: "bags", at: "2024-01-09" },
  { customerId: 1, category: "shoes", at: "2024-03-01" },
  { customerId: 2, category: "shoes", at: "2024-01-15" },
  { customerId: 3, category: "hats", at: "2024-03-04" },
  { customerId: 3, category: "bags", at: "2024-03-05" },
  { customerId: 3, category: "shoes", at: "2024-03-06" },
];

describe("categoryBreadth", () => {
  it("distinct categories per customer (hand-computed)", () => {
    const r = categoryBreadth(rows);
    expect(r.perCustomer).toEqual([
      { customerId: "1", categories: 2 },
      { customerId: "2", categories: 1 },
      { customerId: "3", categories: 3 },
    ]);
    expect([r.customers, r.mean, r.median, r.max, r.multiCategoryShare]).toEqual([3, 2, 2, 3, 2 / 3]);
    expect(r.distribution).toEqual([
      { categories: 1, customers: 1 },
      { categories: 2, customers: 1 },
      { categories: 3, customers: 1 },
    ]);
  });

  it("per period, within each period; empty periods are null", () => {
    const r = categoryBreadth(rows, { period: "month" });
    expect(r.periods?.map((p) => [p.label, p.customers, p.mean, p.multiCategoryShare])).toEqual([
      ["2024-01", 2, 1.5, 0.5],
      ["2024-02", 0, null, null],
      ["2024-03", 2, 2, 0.5],
    ]);
  });

  it("asOf needs dates and filters", () => {
    expect(categoryBreadth(rows, { asOf: "2024-01-31" }).mean).toBe(1.5);
    expectMetricsError(() => categoryBreadth([{ customerId: 1, category: "x" }], { period: "month" }), "invalid_date", [0, "at"]);
  });

  it("rejects bad input", () => {
    expectMetricsError(() => categoryBreadth([]), "empty_sample", []);
    expectMetricsError(() => categoryBreadth([{ customerId: 1, category: "" }]), "invalid_type", [0, "category"]);
    expectMetricsError(() => categoryBreadth([{ customerId: 1, category: "constructor" }]), "unsafe_key", [0, "category"]);
    expectMetricsError(() => categoryBreadth([{ customerId: 1, category: { a: 1 } }] as never), "invalid_type", [0, "category"]);
  });
});
