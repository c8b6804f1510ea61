import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { allocateMoney, money, roundMoney, sumMoney } from "../../src/core/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Issue 13: hostile inputs. Each reproducer is a MetricsError or a finite, exact result.
describe("money hostile inputs (issue 13)", () => {
  it("an amount beyond decimal.js's exponent range is out_of_range, not ±Infinity or 0", () => {
    expectMetricsError(() => money("1e9000000000000001"), "out_of_range", []);
    expectMetricsError(() => money("-1e9000000000000001"), "out_of_range", []);
    expectMetricsError(() => money("1e-9000000000000001"), "out_of_range", []);
    expectMetricsError(() => roundMoney("1e9000000000000001"), "out_of_range", ["value"]);
    expect(money("0e9000000000000001").toString()).toBe("0");
    expect(money("1e900").eq(new Decimal(10).pow(900))).toBe(true);
  });

  it("surrounding whitespace is invalid_input, as other stray characters", () => {
    expectMetricsError(() => money(" 5"), "invalid_input", []);
    expectMetricsError(() => money("5 "), "invalid_input", []);
    expectMetricsError(() => money("\n12.50\t", "f", ["amount"]), "invalid_input", ["amount"]);
  });

  it("40-digit amounts add exactly (120 significant digits)", () => {
    // Hand-checked: 2 × 1234567890123456789012345678901234567890.
    const big = "1234567890123456789012345678901234567890";
    expect(money(big).plus(big).toFixed()).toBe("2469135780246913578024691357802469135780");
    // 10^40 + 0.01: 43 significant digits, rounded by a 34-digit Decimal.
    expect(money("1e40").plus("0.01").toFixed()).toBe("1" + "0".repeat(40) + ".01");
    expect(money("1e40").plus("0.01").minus("1e40").toString()).toBe("0.01");
  });

  it("more than 120 significant digits is out_of_range", () => {
    expect(money("1" + "0".repeat(118) + "1").precision()).toBe(120);
    expectMetricsError(() => money("1" + "0".repeat(119) + "1"), "out_of_range", []);
    expectMetricsError(() => money("0." + "1".repeat(121)), "out_of_range", []);
    expectMetricsError(() => money(new Decimal("1" + "0".repeat(130) + "1")), "out_of_range", []);
  });

  it("allocateMoney of a huge total: the parts sum to the total", () => {
    const parts = allocateMoney("1e40", [1, 1, 1]);
    expect(sumMoney(parts).eq("1e40")).toBe(true);
    // 1e42 cents / 3 = 333…333.33 + 1 cent to the first (largest remainder, lowest index).
    expect(parts[0]!.toFixed()).toBe("3".repeat(40) + ".34");
    expect(parts[1]!.toFixed()).toBe("3".repeat(40) + ".33");
    expect(sumMoney(allocateMoney("-1e40", [3, 2, 2])).eq("-1e40")).toBe(true);
    // 100 digits of cents is the limit.
    expect(sumMoney(allocateMoney("9".repeat(98) + ".99", [1, 2])).toFixed()).toBe("9".repeat(98) + ".99");
    expectMetricsError(() => allocateMoney("1e100", [1, 1]), "out_of_range", ["total"]);
  });
});
