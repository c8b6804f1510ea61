import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { repeatCustomerEconomics } from "../../src/loyalty/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

// Hand-computed and checked with python3 decimal (test/fixtures/loyalty/README.md).
const orders = [
  { customerId: "a", at: "2024-01-05", amount: "40.00" },
  { customerId: "a", at: "2024-02-09", amount: "60.00" },
  { customerId: "b", at: "2024-01-12", amount: "30.00" },
  { customerId: "c", at: "2024-02-20", amount: 0.1 },
  { customerId: "c", at: "2024-02-21", amount: 0.2 },
  { customerId: "c", at: "2024-04-02", amount: new Decimal("19.70") },
  { customerId: "d", at: "2024-05-01", amount: "999" },
];

describe("repeatCustomerEconomics", () => {
  it("revenue shares, average spend and order values (exact Decimal money)", () => {
    const r = repeatCustomerEconomics(orders, { asOf: "2024-04-30" });
    expect([r.customers, r.repeatCustomers, r.oneTimeCustomers, r.orders]).toEqual([3, 2, 1, 6]);
    expect(r.revenue.toString()).toBe("150");
    expect(r.repeatCustomerRevenue.toString()).toBe("120");
    expect(r.repeatOrderRevenue.toString()).toBe("79.9"); // 60 + 0.2 + 19.70
    expect(r.averageSpendRepeatCustomer?.toString()).toBe("60");
    expect(r.averageSpendOneTimeCustomer?.toString()).toBe("30");
    expect(r.spendRatio).toBe(2);
    expect(r.averageFirstOrderValue.toString()).toBe("23.3" + "6".repeat(116) + "7"); // (40 + 30 + 0.1)/3
    expect(r.averageRepeatOrderValue?.toString()).toBe("26.6" + "3".repeat(117)); // 79.9/3
    expectClose(r.repeatCustomerRevenueShare as number, 0.8, { rel: 1e-15 });
    expectClose(r.repeatOrderRevenueShare as number, 79.9 / 150, { rel: 1e-15 });
    expectClose(r.repeatCustomerShare, 2 / 3, { rel: 1e-15 });
    expectClose(r.orderValueRatio as number, 79.9 / 3 / (70.1 / 3), { rel: 1e-12 });
  });

  it("per period: new vs returning customers and repeat-order revenue", () => {
    const r = repeatCustomerEconomics(orders, { asOf: "2024-04-30", period: "month" });
    expect(
      r.periods?.map((p) => [
        p.label,
        p.orders,
        p.revenue.toString(),
        p.customers,
        p.newCustomers,
        p.returningCustomers,
        p.repeatOrderRevenue.toString(),
      ]),
    ).toEqual([
      ["2024-01", 2, "70", 2, 2, 0, "0"],
      ["2024-02", 3, "60.3", 2, 1, 1, "60.2"],
      ["2024-03", 0, "0", 0, 0, 0, "0"],
      ["2024-04", 1, "19.7", 1, 0, 1, "19.7"],
    ]);
    expect(r.periods?.[2]?.repeatOrderRevenueShare).toBeNull();
  });

  it("zero revenue gives null shares, never NaN", () => {
    const r = repeatCustomerEconomics([{ customerId: 1, at: "2024-01-01", amount: 0 }], { asOf: "2024-01-01" });
    expect([r.repeatCustomerRevenueShare, r.spendRatio, r.averageSpendRepeatCustomer, r.orderValueRatio]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("rejects bad input", () => {
    expectMetricsError(() => repeatCustomerEconomics(orders, {} as never), "invalid_input", ["options", "asOf"]);
    expectMetricsError(() => repeatCustomerEconomics(orders, undefined as never), "invalid_input", ["options", "asOf"]);
    expectMetricsError(() => repeatCustomerEconomics([], { asOf: "2024-01-01" }), "empty_sample", []);
    expectMetricsError(() => repeatCustomerEconomics(orders, { asOf: "2023-01-01" }), "empty_sample", []);
    expectMetricsError(
      () => repeatCustomerEconomics([{ customerId: "a", at: "2024-01-01", amount: "-5" }], { asOf: "2024-02-01" }),
      "out_of_range",
      [0, "amount"],
    );
    expectMetricsError(
      () => repeatCustomerEconomics([{ customerId: "a", at: "2024-01-01", amount: "ten" }], { asOf: "2024-02-01" }),
      "invalid_input",
      [0, "amount"],
    );
    expectMetricsError(
      () => repeatCustomerEconomics([{ customerId: "a", at: "2024-01-01", amount: Number.NaN }], { asOf: "2024-02-01" }),
      "not_finite",
      [0, "amount"],
    );
    expectMetricsError(
      () => repeatCustomerEconomics([{ customerId: "a", at: "2024-01-01", amount: null }] as never, { asOf: "2024-02-01" }),
      "invalid_type",
      [0, "amount"],
    );
  });

  it("does not mutate inputs (including Decimal amounts)", () => {
    const before = orders.map((o) => String(o.amount));
    repeatCustomerEconomics(orders, { asOf: "2024-12-31", period: "quarter" });
    expect(orders.map((o) => String(o.amount))).toEqual(before);
  });
});
