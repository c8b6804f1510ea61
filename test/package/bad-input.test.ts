import { describe, expect, it } from "vitest";
import * as btyd from "../../src/btyd/index.js";
import * as churn from "../../src/churn/index.js";
import * as clv from "../../src/clv/index.js";
import * as core from "../../src/core/index.js";
import { isMetricsError } from "../../src/core/errors.js";
import * as journey from "../../src/journey/index.js";
import * as loyalty from "../../src/loyalty/index.js";
import * as math from "../../src/math/index.js";
import * as nps from "../../src/nps/index.js";
import * as plots from "../../src/plots/index.js";
import * as projections from "../../src/projections/index.js";
import * as segments from "../../src/segments/index.js";
import * as surveys from "../../src/surveys/index.js";

// The library's contract (DESIGN.md, STYLE.md): every public function either
// returns a finite value or throws a MetricsError — never a TypeError/RangeError
// from inside, never NaN/±Infinity in a result. Here every exported function of
// every area barrel gets a battery of bad FIRST arguments (other arguments
// omitted); a returned value must not be `undefined` at the top level. `math`
// is skipped (its numerics follow IEEE rules by design) except
// `createRng`; classes, constants and zod schemas (`*Schema`) are skipped.

const AREA_MODULES: Record<string, Record<string, unknown>> = {
  core,
  math: { createRng: math.createRng },
  nps,
  surveys,
  loyalty,
  churn,
  clv,
  btyd,
  projections,
  journey,
  segments,
  plots,
};

const isClass = (f: unknown): boolean => typeof f === "function" && /^class[\s{]/.test(Function.prototype.toString.call(f));

interface FnCase {
  readonly name: string;
  readonly fn: (...args: unknown[]) => unknown;
}

const FUNCTIONS: FnCase[] = [];
for (const [area, mod] of Object.entries(AREA_MODULES)) {
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value !== "function" || isClass(value) || name.endsWith("Schema")) continue;
    FUNCTIONS.push({ name: `${area}.${name}`, fn: value as (...args: unknown[]) => unknown });
  }
}

interface BadInput {
  readonly label: string;
  /** A factory, so each call gets a fresh value (a function may not mutate our fixtures). */
  readonly make: () => unknown;
}

const BAD_INPUTS: BadInput[] = [
  { label: "undefined", make: () => undefined },
  { label: "null", make: () => null },
  { label: "NaN", make: () => Number.NaN },
  { label: "Infinity", make: () => Number.POSITIVE_INFINITY },
  { label: "-1", make: () => -1 },
  { label: '"x"', make: () => "x" },
  { label: "{}", make: () => ({}) },
  { label: "[]", make: () => [] },
  { label: "[NaN]", make: () => [Number.NaN] },
  { label: "[null]", make: () => [null] },
  { label: "{ __proto__: null }", make: () => ({ __proto__: null }) },
  { label: "[{}]", make: () => [{}] },
];

/** Whether `value` looks like a decimal.js Decimal (from any copy of the package). */
const isDecimalLike = (value: object): value is { isFinite(): boolean } =>
  typeof (value as { isFinite?: unknown }).isFinite === "function" && "d" in value && "e" in value && "s" in value;

/** Paths (like `$.rows[3].se`) to every NaN / ±Infinity / non-finite Decimal inside `value`. */
function nonFinitePaths(value: unknown): string[] {
  const bad: string[] = [];
  const seen = new WeakSet<object>();
  const visit = (v: unknown, path: string): void => {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) bad.push(`${path} = ${v}`);
      return;
    }
    if (typeof v === "bigint" || v === null || typeof v !== "object") return;
    if (seen.has(v)) return;
    seen.add(v);
    if (isDecimalLike(v)) {
      if (!v.isFinite()) bad.push(`${path} = Decimal(${String(v)})`);
      return;
    }
    if (typeof (v as { then?: unknown }).then === "function") {
      bad.push(`${path} is a thenable (the library is synchronous)`);
      return;
    }
    if (ArrayBuffer.isView(v)) {
      const arr = v as unknown as ArrayLike<number | bigint>;
      for (let i = 0; i < arr.length; i++) visit(arr[i], `${path}[${i}]`);
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) {
        visit(k, `${path}.key(${String(k)})`);
        visit(x, `${path}.get(${String(k)})`);
      }
      return;
    }
    if (v instanceof Set) {
      let i = 0;
      for (const x of v) visit(x, `${path}.set[${i++}]`);
      return;
    }
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) bad.push(`${path} = Invalid Date`);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`));
      return;
    }
    for (const key of Reflect.ownKeys(v)) {
      const desc = Object.getOwnPropertyDescriptor(v, key);
      if (desc === undefined || !("value" in desc)) continue;
      visit(desc.value, `${path}.${String(key)}`);
    }
  };
  visit(value, "$");
  return bad;
}

/**
 * Guards that validate only the container and hand back the very value they were
 * given (documented: `assertNonEmpty` checks array-ness and length, not the
 * elements). For these a returned value must be the input itself.
 */
const RETURNS_ITS_INPUT = new Set(["core.assertNonEmpty"]);

/** Calls `fn(input)` and asserts the contract: a MetricsError, or a finite result. */
function checkContract(name: string, fn: (...args: unknown[]) => unknown, input: unknown): void {
  let result: unknown;
  try {
    result = fn(input);
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    expect(isMetricsError(e), `threw a non-MetricsError: ${detail}`).toBe(true);
    return;
  }
  if (RETURNS_ITS_INPUT.has(name)) {
    expect(result, "a pass-through guard returns its input").toBe(input);
    return;
  }
  expect(result, "returned undefined instead of a value or a MetricsError").not.toBeUndefined();
  expect(nonFinitePaths(result), "returned a result holding non-finite numbers").toEqual([]);
}

describe("every public function rejects bad input with a MetricsError or returns a finite result", () => {
  it("finds the functions to check", () => {
    expect(FUNCTIONS.length).toBeGreaterThan(100);
    for (const area of Object.keys(AREA_MODULES)) {
      expect(
        FUNCTIONS.some((f) => f.name.startsWith(`${area}.`)),
        area,
      ).toBe(true);
    }
  });

  it("has a deep scan that catches NaN, Infinity and non-finite Decimals", () => {
    expect(nonFinitePaths({ a: [1, { b: Number.NaN }] })).toEqual(["$.a[1].b = NaN"]);
    expect(nonFinitePaths(new Float64Array([1, Number.NEGATIVE_INFINITY]))).toEqual(["$[1] = -Infinity"]);
    expect(nonFinitePaths({ m: core.money(1).div(0) })).toEqual(["$.m = Decimal(Infinity)"]);
    expect(nonFinitePaths(new Map([["k", Number.NaN]]))).toEqual(["$.get(k) = NaN"]);
    expect(nonFinitePaths({ ok: core.money("1.5"), n: 0, s: "x", u: undefined })).toEqual([]);
  });

  describe.each(FUNCTIONS)("$name", ({ name, fn }) => {
    it.each(BAD_INPUTS)("first argument $label", ({ make }) => {
      checkContract(name, fn, make());
    });
  });
});
