import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assertFinite,
  assertInRange,
  assertKnownOptions,
  assertIntegerInRange,
  assertNonEmpty,
  assertNonNegative,
  assertOneOf,
  assertPositive,
  assertProbability,
  assertSafeKey,
  assertSameLength,
  isArrayLike,
  isUnsafeKey,
} from "../../src/core/index.js";
import { readCustomerId } from "../../src/core/guards.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// The bad-input battery every numeric guard must reject (foundation issue, "Bad input").
const NON_NUMBERS: unknown[] = ["9", null, undefined, true, {}, [], 1n];
const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe("assertFinite", () => {
  it("returns finite numbers and normalises -0", () => {
    expect(assertFinite(2.5, "f")).toBe(2.5);
    expect(Object.is(assertFinite(-0, "f"), 0)).toBe(true);
  });
  it("rejects non-numbers and non-finite numbers with code and path", () => {
    for (const v of NON_NUMBERS) expectMetricsError(() => assertFinite(v, "f", ["x", 1]), "invalid_type", ["x", 1]);
    for (const v of NON_FINITE) expectMetricsError(() => assertFinite(v, "f", ["x"]), "not_finite", ["x"]);
  });
});

describe("assertInRange", () => {
  it("honours inclusive and exclusive ends", () => {
    expect(assertInRange(0, 0, 1, "f")).toBe(0);
    expect(assertInRange(1, 0, 1, "f")).toBe(1);
    expectMetricsError(() => assertInRange(0, 0, 1, "f", ["r"], { minExclusive: true }), "out_of_range", ["r"]);
    expectMetricsError(() => assertInRange(1, 0, 1, "f", ["r"], { maxExclusive: true }), "out_of_range", ["r"]);
    expectMetricsError(() => assertInRange(1.5, 0, 1, "f", ["r"]), "out_of_range", ["r"]);
    expectMetricsError(() => assertInRange(Number.NaN, 0, 1, "f", ["r"]), "not_finite", ["r"]);
    expectMetricsError(() => assertInRange("0.5", 0, 1, "f", ["r"]), "invalid_type", ["r"]);
    expect(Object.is(assertInRange(-0, 0, 1, "f"), 0)).toBe(true);
  });
});

describe("assertProbability", () => {
  it("accepts [0, 1] and rejects percentages", () => {
    expect(assertProbability(0.05, "f")).toBe(0.05);
    expect(assertProbability(-0, "f")).toBe(0);
    expectMetricsError(() => assertProbability(5, "f", ["rate"]), "out_of_range", ["rate"]);
    expectMetricsError(() => assertProbability(-0.01, "f", ["rate"]), "out_of_range", ["rate"]);
    expectMetricsError(() => assertProbability(0, "f", ["rate"], { allowZero: false }), "out_of_range", ["rate"]);
    expectMetricsError(() => assertProbability(1, "f", ["rate"], { allowOne: false }), "out_of_range", ["rate"]);
    for (const v of NON_NUMBERS) expectMetricsError(() => assertProbability(v, "f", ["p"]), "invalid_type", ["p"]);
    for (const v of NON_FINITE) expectMetricsError(() => assertProbability(v, "f", ["p"]), "not_finite", ["p"]);
  });
});

describe("assertNonNegative / assertPositive", () => {
  it("treat -0 as zero", () => {
    expect(Object.is(assertNonNegative(-0, "f"), 0)).toBe(true);
    expectMetricsError(() => assertPositive(-0, "f", ["a"]), "out_of_range", ["a"]);
    expectMetricsError(() => assertPositive(0, "f", ["a"]), "out_of_range", ["a"]);
    expectMetricsError(() => assertNonNegative(-1e-300, "f", ["a"]), "out_of_range", ["a"]);
    expect(assertPositive(1e-300, "f")).toBe(1e-300);
    for (const v of NON_FINITE) expectMetricsError(() => assertPositive(v, "f", ["a"]), "not_finite", ["a"]);
    for (const v of NON_NUMBERS) expectMetricsError(() => assertNonNegative(v, "f", ["a"]), "invalid_type", ["a"]);
  });
});

describe("assertIntegerInRange", () => {
  it("distinguishes fractional, out-of-range and non-finite", () => {
    expect(assertIntegerInRange(10, 0, 10, "nps", [0])).toBe(10);
    expect(Object.is(assertIntegerInRange(-0, 0, 10, "nps", [0]), 0)).toBe(true);
    expectMetricsError(() => assertIntegerInRange(7.5, 0, 10, "nps", [3]), "not_integer", [3]);
    expectMetricsError(() => assertIntegerInRange(11, 0, 10, "nps", [4]), "out_of_range", [4]);
    expectMetricsError(() => assertIntegerInRange(-1, 0, 10, "nps", [5]), "out_of_range", [5]);
    expectMetricsError(() => assertIntegerInRange(Number.NaN, 0, 10, "nps", [6]), "not_finite", [6]);
    expectMetricsError(() => assertIntegerInRange("9", 0, 10, "nps", [7]), "invalid_type", [7]);
    expectMetricsError(() => assertIntegerInRange(null, 0, 10, "nps", [8]), "invalid_type", [8]);
  });
});

describe("assertNonEmpty / assertSameLength / isArrayLike", () => {
  it("accepts arrays and typed arrays", () => {
    expect(assertNonEmpty([1], "f").length).toBe(1);
    expect(assertNonEmpty(new Float64Array(2), "f").length).toBe(2);
    expect(isArrayLike(new Uint8Array(1))).toBe(true);
    expect(isArrayLike(new DataView(new ArrayBuffer(1)))).toBe(false);
    expect(isArrayLike({ length: 1 })).toBe(false);
  });
  it("rejects empty and non-arrays", () => {
    expectMetricsError(() => assertNonEmpty([], "f", ["scores"]), "empty_sample", ["scores"]);
    expectMetricsError(() => assertNonEmpty(new Uint8Array(0), "f", ["scores"]), "empty_sample", ["scores"]);
    expectMetricsError(() => assertNonEmpty(null, "f", ["scores"]), "invalid_type", ["scores"]);
    expectMetricsError(() => assertNonEmpty("abc", "f", ["scores"]), "invalid_type", ["scores"]);
  });
  it("detects mismatched lengths", () => {
    expect(assertSameLength([1, 2], [3, 4], "f")).toBe(2);
    expectMetricsError(() => assertSameLength([1, 2], [3], "f", ["weights"]), "length_mismatch", ["weights"]);
  });
});

describe("assertOneOf / assertSafeKey", () => {
  it("validates options", () => {
    expect(assertOneOf("a", ["a", "b"] as const, "f")).toBe("a");
    expectMetricsError(() => assertOneOf("c", ["a", "b"] as const, "f", ["options", "m"]), "invalid_option", ["options", "m"]);
    expectMetricsError(() => assertOneOf(1, ["a"] as const, "f", ["o"]), "invalid_option", ["o"]);
  });
  it("rejects prototype-polluting keys", () => {
    for (const k of ["__proto__", "constructor", "prototype"])
      expectMetricsError(() => assertSafeKey(k, "f", ["id"]), "unsafe_key", ["id"]);
    expectMetricsError(() => assertSafeKey("", "f", ["id"]), "invalid_type", ["id"]);
    expectMetricsError(() => assertSafeKey(5, "f", ["id"]), "invalid_type", ["id"]);
    expect(assertSafeKey("toString", "f")).toBe("toString");
  });
  it("isUnsafeKey is true exactly for the three reserved names", () => {
    for (const k of ["__proto__", "constructor", "prototype"]) expect(isUnsafeKey(k)).toBe(true);
    for (const k of ["", "q1", "toString", "__PROTO__", " __proto__", 5, null, undefined, {}]) expect(isUnsafeKey(k)).toBe(false);
  });
});

describe("guards (properties)", () => {
  it("assertFinite is the identity on finite doubles (up to -0)", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => assertFinite(x, "f") === x));
  });
});

describe("assertSameLength / assertOneOf with a missing argument (a JS caller)", () => {
  it("throws a MetricsError, not a TypeError", () => {
    const sameLength = assertSameLength as (...a: unknown[]) => number;
    expectMetricsError(() => sameLength(undefined, [1], "f", ["b"]), "invalid_type", []);
    expectMetricsError(() => sameLength([1], null, "f", ["b"]), "invalid_type", ["b"]);
    expectMetricsError(() => sameLength("ab", [1, 2], "f", ["b"]), "invalid_type", []);
    expect(sameLength(new Float64Array(2), [1, 2], "f", ["b"])).toBe(2);
    const oneOf = assertOneOf as (...a: unknown[]) => string;
    expectMetricsError(() => oneOf("x", undefined, "f", ["kind"]), "invalid_option", ["kind"]);
  });
});

describe("assertKnownOptions", () => {
  it("returns the options, or an empty object for undefined", () => {
    const o = { confidence: 0.9 };
    expect(assertKnownOptions(o, ["confidence"], "nps")).toBe(o);
    expect(assertKnownOptions(undefined, ["confidence"], "nps")).toEqual({});
  });
  it("rejects an unknown key at ['options', key]", () => {
    expectMetricsError(() => assertKnownOptions({ confidnce: 0.9 } as object, ["confidence"], "nps"), "invalid_option", [
      "options",
      "confidnce",
    ]);
    expectMetricsError(
      () => assertKnownOptions(JSON.parse('{"__proto__": 1}') as object, ["confidence"], "nps"),
      "invalid_option",
      ["options", "__proto__"],
    );
  });
  it("rejects a non-object at ['options']", () => {
    for (const bad of [null, 3, "x", [1], new Uint8Array(1)]) {
      expectMetricsError(() => assertKnownOptions(bad as never, ["a"], "nps"), "invalid_option", ["options"]);
    }
  });
});

describe("readCustomerId (the one customer-id policy of churn, loyalty and journey)", () => {
  it("accepts strings and finite numbers, -0 read as 0", () => {
    expect(readCustomerId("c1", "f", ["id"])).toBe("c1");
    expect(readCustomerId(42, "f", ["id"])).toBe(42);
    expect(Object.is(readCustomerId(-0, "f", ["id"]), 0)).toBe(true);
    expect(readCustomerId("toString", "f", ["id"])).toBe("toString");
  });
  it("rejects reserved, empty, non-finite and non-id values with code and path", () => {
    for (const k of ["__proto__", "constructor", "prototype"])
      expectMetricsError(() => readCustomerId(k, "f", [3, "customerId"]), "unsafe_key", [3, "customerId"]);
    for (const v of [NaN, Infinity, -Infinity]) expectMetricsError(() => readCustomerId(v, "f", ["id"]), "not_finite", ["id"]);
    for (const v of ["", null, undefined, true, {}, [], 1n])
      expectMetricsError(() => readCustomerId(v, "f", ["id"]), "invalid_type", ["id"]);
  });
});
