import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { convertRate, PERIODS } from "../../src/core/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

describe("convertRate", () => {
  it("compounds churn, retention and interest", () => {
    // Foundation issue: monthly churn 5% ↔ annual 1 − 0.95^12 (python: 1 - 0.95**12 = 0.45963991233736334).
    expectClose(convertRate(0.05, { from: "month", to: "year" }), 0.45963991233736334, { rel: 1e-14 });
    expectClose(convertRate(0.45963991233736334, { from: "year", to: "month" }), 0.05, { rel: 1e-13 });
    // python: 1.1**(1/12) - 1 = 0.007974140428903764
    expectClose(convertRate(0.1, { from: "year", to: "month", kind: "interest" }), 0.007974140428903764, { rel: 1e-13 });
    // python: 0.9**0.25 = 0.9740037464252967
    expectClose(convertRate(0.9, { from: "year", to: "quarter", kind: "retention" }), 0.9740037464252967, { rel: 1e-14 });
    // 1 week = 7 days: daily churn 1% → weekly 1 − 0.99^7 (python: 0.06793465209301)
    expectClose(convertRate(0.01, { from: "day", to: "week" }), 0.06793465209301, { rel: 1e-12 });
    expect(convertRate(0, { from: "month", to: "year" })).toBe(0);
    expect(convertRate(1, { from: "month", to: "year" })).toBe(1);
    expect(convertRate(0.3, { from: "month", to: "month" })).toBe(0.3);
    expect(convertRate(0, { from: "month", to: "year", kind: "retention" })).toBe(0);
  });
  it("round-trips for every pair of periods and kind", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0001, max: 0.9999, noNaN: true }),
        fc.constantFrom(...PERIODS),
        fc.constantFrom(...PERIODS),
        fc.constantFrom("churn" as const, "retention" as const, "interest" as const),
        (rate, from, to, kind) => {
          const there = convertRate(rate, { from, to, kind });
          // Near 0 or 1 the inverse is ill-conditioned (1 − (1 − c)^k loses digits to cancellation),
          // so only well-conditioned round trips are compared to 1e-9.
          if (kind !== "interest" && (there <= 1e-6 || there >= 1 - 1e-6)) return true;
          const back = convertRate(there, { from: to, to: from, kind });
          return Math.abs(back - rate) <= 1e-9 * Math.max(1, rate);
        },
      ),
    );
  });
  it("is monotone in the rate", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return convertRate(lo, { from: "month", to: "year" }) <= convertRate(hi, { from: "month", to: "year" });
      }),
    );
  });
  it("rejects bad input", () => {
    expectMetricsError(() => convertRate(5, { from: "month", to: "year" }), "out_of_range", ["rate"]);
    expectMetricsError(() => convertRate(Number.NaN, { from: "month", to: "year" }), "not_finite", ["rate"]);
    expectMetricsError(() => convertRate("0.05" as unknown as number, { from: "month", to: "year" }), "invalid_type", ["rate"]);
    expectMetricsError(() => convertRate(-1, { from: "month", to: "year", kind: "interest" }), "out_of_range", ["rate"]);
    expectMetricsError(() => convertRate(0.1, { from: "fortnight" as "day", to: "year" }), "invalid_option", ["options", "from"]);
    expectMetricsError(() => convertRate(0.1, { from: "day", to: "year", kind: "simple" as "churn" }), "invalid_option", [
      "options",
      "kind",
    ]);
  });
});

describe("convertRate options", () => {
  it("rejects missing options with invalid_type instead of a TypeError", () => {
    const convert = convertRate as (rate: unknown, options?: unknown) => number;
    expectMetricsError(() => convert(0.1), "invalid_type", ["options"]);
    expectMetricsError(() => convert(0.1, null), "invalid_type", ["options"]);
  });
});
