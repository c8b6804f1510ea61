import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { runInNewContext } from "node:vm";
import { allocateMoney, isArrayLike, money, roundMoney, sumMoney, toDayNumber, toEpochMs } from "../../src/core/index.js";
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

describe("dates and foreign values (issue 13)", () => {
  it("a Date whose time is out of range is invalid_date", () => {
    expectMetricsError(() => toEpochMs(new Date(8.64e15 + 1), "f", ["at"]), "invalid_date", ["at"]);
    expectMetricsError(() => toDayNumber(new Date(Number.NaN)), "invalid_date");
    // A fake that only claims to be a Date.
    const fake = { [Symbol.toStringTag]: "Date", getTime: () => 0 };
    expectMetricsError(() => toEpochMs(fake as never), "invalid_date", []);
    // A subclass overriding getTime is read through the real Date slot.
    class Liar extends Date {
      override getTime(): number {
        return Number.POSITIVE_INFINITY;
      }
    }
    expect(toEpochMs(new Liar(86_400_000))).toBe(86_400_000);
  });

  it("a Date from another realm is a Date", () => {
    const d = runInNewContext("new Date(86400000)") as Date;
    expect(d instanceof Date).toBe(false);
    expect(toEpochMs(d)).toBe(86_400_000);
    expect(toDayNumber(d)).toBe(1);
    expectMetricsError(() => toEpochMs(runInNewContext("new Date(NaN)") as Date), "invalid_date", []);
  });

  it("isArrayLike: bigint arrays and revoked proxies are not number arrays", () => {
    expect(isArrayLike(new BigInt64Array(2))).toBe(false);
    expect(isArrayLike(new BigUint64Array(2))).toBe(false);
    const p = Proxy.revocable([], {});
    p.revoke();
    expect(isArrayLike(p.proxy)).toBe(false);
    expect(isArrayLike(new Float64Array(2))).toBe(true);
    expect(isArrayLike(runInNewContext("[1, 2]"))).toBe(true);
  });
});
