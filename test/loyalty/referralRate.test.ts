import { describe, expect, it } from "vitest";
import { referralRate } from "../../src/loyalty/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

describe("referralRate", () => {
  it("from counts (hand-computed; Wilson from scipy)", () => {
    const r = referralRate({ customers: 200, referringCustomers: 30, referrals: 45 });
    expect([r.rate, r.referralsPerCustomer]).toEqual([0.15, 0.225]);
    // scipy.stats.binomtest(30, 200).proportion_ci(method="wilson") → (0.10713593562241996, 0.20605579284166664)
    expectClose(r.confidenceInterval[0], 0.10713593562241996, { rel: 1e-9 });
    expectClose(r.confidenceInterval[1], 0.20605579284166664, { rel: 1e-9 });
    expect(referralRate({ customers: 10, referringCustomers: 0 }).referrals).toBeNull();
  });

  it("from events, overall and per period", () => {
    const input = {
      customers: [
        { customerId: "a", since: "2024-01-01" },
        { customerId: "b", since: "2024-01-20" },
        { customerId: "c", since: "2024-02-15" },
        { customerId: "d", since: "2024-03-01" },
      ],
      referrals: [
        { referrerId: "a", at: "2024-01-10" },
        { referrerId: "a", at: "2024-02-02" },
        { referrerId: "c", at: "2024-02-20" },
        { referrerId: "c", at: "2024-02-21" },
      ],
    };
    const r = referralRate(input, { period: "month" });
    expect([r.customers, r.referringCustomers, r.referrals, r.rate]).toEqual([4, 2, 4, 0.5]);
    expect(r.periods?.map((p) => [p.label, p.customers, p.referringCustomers, p.referrals, p.rate])).toEqual([
      ["2024-01", 2, 1, 1, 0.5],
      ["2024-02", 3, 2, 3, 2 / 3],
      ["2024-03", 4, 0, 0, 0],
    ]);
    const early = referralRate(input, { asOf: "2024-01-31" });
    expect([early.customers, early.referringCustomers]).toEqual([2, 1]);
  });

  it("rejects bad input", () => {
    expectMetricsError(() => referralRate({ customers: 10, referringCustomers: 11 }), "out_of_range", ["referringCustomers"]);
    expectMetricsError(() => referralRate({ customers: 10.5, referringCustomers: 1 }), "not_integer", ["customers"]);
    expectMetricsError(() => referralRate({ customers: 0, referringCustomers: 0 }), "empty_sample", ["customers"]);
    expectMetricsError(() => referralRate({ customers: 10, referringCustomers: 3, referrals: 2 }), "out_of_range", ["referrals"]);
    expectMetricsError(() => referralRate({ customers: -1, referringCustomers: 0 }), "out_of_range", ["customers"]);
    expectMetricsError(() => referralRate({ customers: 10, referringCustomers: 1 }, { period: "month" }), "invalid_option", [
      "options",
      "period",
    ]);
    expectMetricsError(
      () => referralRate({ customers: [{ customerId: "a" }], referrals: [{ referrerId: "z" }] }),
      "unknown_reference",
      ["referrals", 0, "referrerId"],
    );
    expectMetricsError(
      () => referralRate({ customers: [{ customerId: "a" }, { customerId: "a" }], referrals: [] }),
      "duplicate_id",
      ["customers", 1, "customerId"],
    );
    expectMetricsError(() => referralRate({ customers: [], referrals: [] }), "empty_sample", ["customers"]);
    expectMetricsError(
      () => referralRate({ customers: [{ customerId: "a" }], referrals: [{ referrerId: "a" }] }, { period: "month" }),
      "invalid_date",
      ["customers", 0, "since"],
    );
  });
});
