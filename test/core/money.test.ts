import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { allocateMoney, isMoney, money, roundMoney, sumMoney } from "../../src/core/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("money", () => {
  it("converts strings, numbers and Decimals exactly", () => {
    expect(money("19.99").toString()).toBe("19.99");
    expect(money(0.1).plus(money(0.2)).toString()).toBe("0.3");
    expect(money(new Decimal("1.005")).toString()).toBe("1.005");
    expect(money("-3").toString()).toBe("-3");
    expect(money("1e3").toString()).toBe("1000");
    expect(Object.is(money(-0).toNumber(), 0)).toBe(true);
  });
  it("keeps 120 significant digits, independent of the caller's global Decimal settings", () => {
    const saved = Decimal.precision;
    Decimal.set({ precision: 5 });
    try {
      expect(money("1").div(3).toString()).toBe("0." + "3".repeat(120));
      expect(new Decimal(1).div(3).toString()).toBe("0.33333"); // the caller's settings untouched
    } finally {
      Decimal.set({ precision: saved });
    }
  });
  it("rejects bad input with codes and paths", () => {
    expectMetricsError(() => money("twelve"), "invalid_input", []);
    expectMetricsError(() => money("1,000.00", "f", ["amount"]), "invalid_input", ["amount"]);
    expectMetricsError(() => money(""), "invalid_input", []);
    expectMetricsError(() => money(Number.NaN, "f", [2, "amount"]), "not_finite", [2, "amount"]);
    expectMetricsError(() => money(Number.POSITIVE_INFINITY), "not_finite", []);
    expectMetricsError(() => money(new Decimal(Number.NaN)), "not_finite", []);
    expectMetricsError(() => money(null as unknown as string), "invalid_type", []);
    expectMetricsError(() => money({} as unknown as string), "invalid_type", []);
  });
  it("isMoney recognises Decimals", () => {
    expect(isMoney(money(1))).toBe(true);
    expect(isMoney(new Decimal(1))).toBe(true);
    expect(isMoney("1")).toBe(false);
  });
});

describe("roundMoney", () => {
  it("rounds half-even by default and half-up (away from zero) on request", () => {
    // Ties: 2.345 → 2.34 (even) vs 2.35 (up); 2.355 → 2.36 in both.
    expect(roundMoney("2.345").toString()).toBe("2.34");
    expect(roundMoney("2.355").toString()).toBe("2.36");
    expect(roundMoney("2.345", { mode: "half-up" }).toString()).toBe("2.35");
    expect(roundMoney("-2.345", { mode: "half-up" }).toString()).toBe("-2.35");
    expect(roundMoney("-2.345").toString()).toBe("-2.34");
    expect(roundMoney("0.5", { decimals: 0 }).toString()).toBe("0");
    expect(roundMoney("1.5", { decimals: 0 }).toString()).toBe("2");
    expect(roundMoney("-0.001").toString()).toBe("0");
    expect(roundMoney("1.23456", { decimals: 4 }).toString()).toBe("1.2346");
  });
  it("validates options", () => {
    expectMetricsError(() => roundMoney("1", { decimals: 2.5 }), "not_integer", ["options", "decimals"]);
    expectMetricsError(() => roundMoney("1", { decimals: -1 }), "out_of_range", ["options", "decimals"]);
    expectMetricsError(() => roundMoney("1", { mode: "bankers" as "half-up" }), "invalid_option", ["options", "mode"]);
    expectMetricsError(() => roundMoney(Number.NaN), "not_finite", ["value"]);
  });
  it("half-even is unbiased on ties: the rounded sum of all x.5 cents equals the exact sum", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100000, max: 100000 }), { minLength: 1, maxLength: 200 }), (ints) => {
        // Values k + 0.5 (ties at 0 decimals) for consecutive k: half-even rounds half up, half down.
        const values = ints.map((_, i) => new Decimal(i).plus(0.5));
        const exact = values.reduce((a, b) => a.plus(b), new Decimal(0));
        const rounded = values.reduce((a, v) => a.plus(roundMoney(v, { decimals: 0 })), new Decimal(0));
        return rounded.minus(exact).abs().lte(0.5);
      }),
    );
  });
});

describe("allocateMoney", () => {
  it("splits exactly (largest remainder)", () => {
    expect(allocateMoney("100", [1, 1, 1]).map(String)).toEqual(["33.34", "33.33", "33.33"]);
    expect(allocateMoney("0.05", [1, 1]).map(String)).toEqual(["0.03", "0.02"]);
    expect(allocateMoney("-10", [1, 2]).map(String)).toEqual(["-3.33", "-6.67"]);
    expect(allocateMoney("10", [0, 1]).map(String)).toEqual(["0", "10"]);
  });
  it("never loses a minor unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 4 }),
        (cents, weights, decimals) => {
          const total = new Decimal(cents).div(100);
          const parts = allocateMoney(total, weights, { decimals });
          const sum = parts.reduce((a, b) => a.plus(b), new Decimal(0));
          return sum.eq(roundMoney(total, { decimals })) && parts.every((p) => p.decimalPlaces() <= decimals);
        },
      ),
    );
  });
  it("rejects bad weights", () => {
    expectMetricsError(() => allocateMoney("1", []), "empty_sample", ["weights"]);
    expectMetricsError(() => allocateMoney("1", [0, 0]), "out_of_range", ["weights"]);
    expectMetricsError(() => allocateMoney("1", [1, -1]), "out_of_range", ["weights", 1]);
    expectMetricsError(() => allocateMoney("1", [1, Number.NaN]), "not_finite", ["weights", 1]);
    expectMetricsError(() => allocateMoney("1", [1, "2" as unknown as number]), "invalid_type", ["weights", 1]);
  });
});

describe("sumMoney", () => {
  it("sums exactly and reports the bad index", () => {
    expect(sumMoney(["0.10", "0.20", 0.3]).toString()).toBe("0.6");
    expect(sumMoney([]).toString()).toBe("0");
    expectMetricsError(() => sumMoney(["1", "x"]), "invalid_input", [1]);
  });
});

describe("sumMoney input type", () => {
  it("rejects a non-array instead of throwing a TypeError or summing a string's characters", () => {
    const sum = sumMoney as (v: unknown) => Decimal;
    expectMetricsError(() => sum(null), "invalid_type", []);
    expectMetricsError(() => sum(undefined), "invalid_type", []);
    expectMetricsError(() => sum("12"), "invalid_type", []);
    expectMetricsError(() => sum({}), "invalid_type", []);
  });
});
