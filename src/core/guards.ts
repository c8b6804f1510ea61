import { type PathSegment, metricsError } from "./errors.js";

/**
 * Cheap input guards shared by every calculator. Each throws a
 * {@link MetricsError} with a stable code and the `path` you pass, and returns
 * the (normalised) value so it can be used inline. `-0` is read as `0`.
 *
 * Codes: a non-number is `invalid_type`; NaN or ±Infinity is `not_finite`;
 * a fractional value where an integer is required is `not_integer`; a finite
 * number outside the allowed interval is `out_of_range`.
 */

function checkNumber(value: unknown, fn: string, path: readonly PathSegment[], requirement: string): number {
  if (typeof value !== "number") throw metricsError(fn, "invalid_type", path, requirement, value);
  if (!Number.isFinite(value)) throw metricsError(fn, "not_finite", path, requirement, value);
  return value === 0 ? 0 : value;
}

/**
 * Asserts a finite number (not NaN, not ±Infinity, not a string) and returns it.
 *
 * @param value - The value to check.
 * @param fn - Name of the calling public function (used in the message).
 * @param path - Path to the value within the caller's input.
 * @returns The number, with `-0` normalised to `0`.
 * @throws {@link MetricsError} `invalid_type` for a non-number; `not_finite` for NaN or ±Infinity.
 *
 * @example
 * ```ts
 * import { assertFinite } from "customer-metrics/core";
 * assertFinite(2.5, "myMetric", ["x"]); // => 2.5
 * ```
 *
 * @category Core
 */
export function assertFinite(value: unknown, fn: string, path: readonly PathSegment[] = []): number {
  return checkNumber(value, fn, path, "a finite number");
}

/**
 * Asserts a number in `[min, max]` (each end inclusive unless told otherwise).
 *
 * @param value - The value to check.
 * @param min - Lower bound.
 * @param max - Upper bound.
 * @param fn - Name of the calling public function.
 * @param path - Path to the value.
 * @param options - `minExclusive` / `maxExclusive` make that end open. @defaultValue both `false`
 * @returns The number (`-0` read as `0`).
 * @throws {@link MetricsError} `invalid_type`, `not_finite`, or `out_of_range`.
 *
 * @example
 * ```ts
 * import { assertInRange } from "customer-metrics/core";
 * assertInRange(0.3, 0, 1, "myMetric", ["rate"]); // => 0.3
 * ```
 *
 * @category Core
 */
export function assertInRange(
  value: unknown,
  min: number,
  max: number,
  fn: string,
  path: readonly PathSegment[] = [],
  options: { minExclusive?: boolean; maxExclusive?: boolean } = {},
): number {
  const lo = options.minExclusive ? "(" : "[";
  const hi = options.maxExclusive ? ")" : "]";
  const requirement = `a number in ${lo}${min}, ${max}${hi}`;
  const v = checkNumber(value, fn, path, requirement);
  const below = options.minExclusive ? v <= min : v < min;
  const above = options.maxExclusive ? v >= max : v > max;
  if (below || above) throw metricsError(fn, "out_of_range", path, requirement, value);
  return v;
}

/**
 * Asserts a probability or rate as a fraction in `[0, 1]` (0.05, not 5).
 *
 * @param value - The value to check.
 * @param fn - Name of the calling public function.
 * @param path - Path to the value.
 * @param options - `allowZero` / `allowOne` close the ends (both default `true`).
 * @returns The probability.
 * @throws {@link MetricsError} `invalid_type`, `not_finite`, or `out_of_range`.
 *
 * @example
 * ```ts
 * import { assertProbability } from "customer-metrics/core";
 * assertProbability(0.05, "churnRate", ["rate"]); // => 0.05
 * ```
 *
 * @category Core
 */
export function assertProbability(
  value: unknown,
  fn: string,
  path: readonly PathSegment[] = [],
  options: { allowZero?: boolean; allowOne?: boolean } = {},
): number {
  const allowZero = options.allowZero ?? true;
  const allowOne = options.allowOne ?? true;
  const requirement = `a fraction in ${allowZero ? "[" : "("}0, 1${allowOne ? "]" : ")"} (e.g. 0.05 for 5%)`;
  const v = checkNumber(value, fn, path, requirement);
  if (v < 0 || v > 1 || (!allowZero && v === 0) || (!allowOne && v === 1)) {
    throw metricsError(fn, "out_of_range", path, requirement, value);
  }
  return v;
}

/**
 * Asserts a finite number ≥ 0.
 *
 * @param value - The value to check.
 * @param fn - Name of the calling public function.
 * @param path - Path to the value.
 * @returns The number (`-0` read as `0`).
 * @throws {@link MetricsError} `invalid_type`, `not_finite`, or `out_of_range`.
 *
 * @example
 * ```ts
 * import { assertNonNegative } from "customer-metrics/core";
 * assertNonNegative(0, "f", ["count"]); // => 0
 * ```
 *
 * @category Core
 */
export function assertNonNegative(value: unknown, fn: string, path: readonly PathSegment[] = []): number {
  const v = checkNumber(value, fn, path, "a finite number >= 0");
  if (v < 0) throw metricsError(fn, "out_of_range", path, "a finite number >= 0", value);
  return v;
}

/**
 * Asserts a finite number > 0.
 *
 * @param value - The value to check.
 * @param fn - Name of the calling public function.
 * @param path - Path to the value.
 * @returns The number.
 * @throws {@link MetricsError} `invalid_type`, `not_finite`, or `out_of_range` (including 0 and -0).
 *
 * @example
 * ```ts
 * import { assertPositive } from "customer-metrics/core";
 * assertPositive(3, "f", ["alpha"]); // => 3
 * ```
 *
 * @category Core
 */
export function assertPositive(value: unknown, fn: string, path: readonly PathSegment[] = []): number {
  const v = checkNumber(value, fn, path, "a finite number > 0");
  if (!(v > 0)) throw metricsError(fn, "out_of_range", path, "a finite number > 0", value);
  return v;
}

/**
 * Asserts an integer in `[min, max]`.
 *
 * @param value - The value to check.
 * @param min - Smallest allowed integer. @defaultValue `-Number.MAX_SAFE_INTEGER`
 * @param max - Largest allowed integer. @defaultValue `Number.MAX_SAFE_INTEGER`
 * @param fn - Name of the calling public function.
 * @param path - Path to the value.
 * @returns The integer (`-0` read as `0`).
 * @throws {@link MetricsError} `invalid_type`, `not_finite`, `not_integer`, or `out_of_range`.
 *
 * @example
 * ```ts
 * import { assertIntegerInRange } from "customer-metrics/core";
 * assertIntegerInRange(9, 0, 10, "nps", [0]); // => 9
 * ```
 *
 * @category Core
 */
export function assertIntegerInRange(
  value: unknown,
  min: number,
  max: number,
  fn: string,
  path: readonly PathSegment[] = [],
): number {
  const requirement =
    min <= -Number.MAX_SAFE_INTEGER && max >= Number.MAX_SAFE_INTEGER
      ? "an integer"
      : max >= Number.MAX_SAFE_INTEGER
        ? `an integer >= ${min}`
        : `an integer from ${min} to ${max}`;
  const v = checkNumber(value, fn, path, requirement);
  if (!Number.isInteger(v)) throw metricsError(fn, "not_integer", path, requirement, value);
  if (v < min || v > max) throw metricsError(fn, "out_of_range", path, requirement, value);
  return v;
}

/**
 * Asserts an array (or array-like, e.g. a typed array) with at least one element.
 *
 * @param value - The collection to check.
 * @param fn - Name of the calling public function.
 * @param path - Path to the collection.
 * @returns The collection, typed as array-like.
 * @throws {@link MetricsError} `invalid_type` when not array-like; `empty_sample` when empty.
 *
 * @example
 * ```ts
 * import { assertNonEmpty } from "customer-metrics/core";
 * assertNonEmpty([1, 2], "f", ["scores"]).length; // => 2
 * ```
 *
 * @category Core
 */
export function assertNonEmpty<T>(value: ArrayLike<T> | unknown, fn: string, path: readonly PathSegment[] = []): ArrayLike<T> {
  if (!isArrayLike(value)) throw metricsError(fn, "invalid_type", path, "an array", value);
  if (value.length === 0) throw metricsError(fn, "empty_sample", path, "a non-empty array", value);
  return value as ArrayLike<T>;
}

/** Whether `value` is an object with a numeric `length` (an ArrayLike, strings excluded). */
function hasLength(value: unknown): value is ArrayLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { length?: unknown }).length === "number";
}

/**
 * Asserts two collections have the same length.
 *
 * @param a - First collection.
 * @param b - Second collection.
 * @param fn - Name of the calling public function.
 * @param pathB - Path to the second collection (reported as the offender).
 * @returns The common length.
 * @throws {@link MetricsError} `invalid_type` when either is not array-like; `length_mismatch` when the lengths differ.
 *
 * @example
 * ```ts
 * import { assertSameLength } from "customer-metrics/core";
 * assertSameLength([1, 2, 3], [0.5, 1, 1], "npsTally", ["weights"]); // => 3
 * ```
 *
 * @category Core
 */
export function assertSameLength(
  a: ArrayLike<unknown>,
  b: ArrayLike<unknown>,
  fn: string,
  pathB: readonly PathSegment[] = [],
): number {
  if (!hasLength(a)) throw metricsError(fn, "invalid_type", [], "an array", a);
  if (!hasLength(b)) throw metricsError(fn, "invalid_type", pathB, "an array", b);
  if (a.length !== b.length) {
    throw metricsError(fn, "length_mismatch", pathB, `of length ${a.length} (one entry per item)`, b);
  }
  return a.length;
}

/**
 * Asserts that an option is one of the allowed string values.
 *
 * @param value - The option value.
 * @param allowed - The allowed values.
 * @param fn - Name of the calling public function.
 * @param path - Path to the option, e.g. `["options", "method"]`.
 * @returns The value, narrowed to the allowed union.
 * @throws {@link MetricsError} `invalid_option` for anything else (and for any value when `allowed` is not an array).
 *
 * @example
 * ```ts
 * import { assertOneOf } from "customer-metrics/core";
 * assertOneOf("wald", ["wald", "adjusted-wald"] as const, "nps", ["options", "interval"]); // => "wald"
 * ```
 *
 * @category Core
 */
export function assertOneOf<const T extends string>(
  value: unknown,
  allowed: readonly T[],
  fn: string,
  path: readonly PathSegment[] = [],
): T {
  if (!Array.isArray(allowed))
    throw metricsError(fn, "invalid_option", path, "one of the allowed values (none were given)", value);
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw metricsError(fn, "invalid_option", path, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
  }
  return value as T;
}

const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Whether a key is one of the reserved names that must never be used as a
 * property key built from user input: `__proto__`, `constructor` or
 * `prototype`. The single source of truth for every unsafe-key check in the
 * library ({@link assertSafeKey}, schemas, model and id validation).
 *
 * @param key - Anything; only the three reserved strings give `true`.
 * @returns `true` for `"__proto__"`, `"constructor"` and `"prototype"`.
 *
 * @example
 * ```ts
 * import { isUnsafeKey } from "customer-metrics/core";
 * isUnsafeKey("__proto__"); // => true
 * isUnsafeKey("q1"); // => false
 * ```
 *
 * @category Core
 */
export function isUnsafeKey(key: unknown): boolean {
  return typeof key === "string" && UNSAFE_KEYS.has(key);
}

/**
 * Asserts a user-supplied key (id, signal name, question id) is a non-empty
 * string and not `__proto__`, `constructor` or `prototype`.
 *
 * @param value - The key.
 * @param fn - Name of the calling public function.
 * @param path - Path to the key.
 * @returns The key.
 * @throws {@link MetricsError} `invalid_type` for a non-string or empty string; `unsafe_key` for the reserved names.
 *
 * @example
 * ```ts
 * import { assertSafeKey } from "customer-metrics/core";
 * assertSafeKey("q1", "scoreSurvey", ["questions", 0, "id"]); // => "q1"
 * ```
 *
 * @category Core
 */
export function assertSafeKey(value: unknown, fn: string, path: readonly PathSegment[] = []): string {
  if (typeof value !== "string" || value.length === 0) {
    throw metricsError(fn, "invalid_type", path, "a non-empty string", value);
  }
  if (isUnsafeKey(value)) {
    throw metricsError(fn, "unsafe_key", path, "a key other than __proto__, constructor or prototype", value);
  }
  return value;
}

/**
 * Reads a customer id, the one policy shared by every area (internal: not
 * re-exported from the core barrel): a finite number (`-0` read as `0`) or a
 * non-empty string that is not `__proto__`, `constructor` or `prototype`.
 *
 * @returns The id, unchanged apart from `-0`.
 * @throws {@link MetricsError} `not_finite` for NaN or ±Infinity; `unsafe_key`
 * for the reserved names; `invalid_type` for an empty string or anything else.
 */
export function readCustomerId(value: unknown, fn: string, path: readonly PathSegment[]): string | number {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw metricsError(fn, "not_finite", path, "a finite number or a non-empty string", value);
    return value === 0 ? 0 : value;
  }
  if (typeof value === "string") {
    if (value.length === 0) throw metricsError(fn, "invalid_type", path, "a non-empty string or a finite number", value);
    if (isUnsafeKey(value))
      throw metricsError(fn, "unsafe_key", path, "a key other than __proto__, constructor or prototype", value);
    return value;
  }
  throw metricsError(fn, "invalid_type", path, "a non-empty string or a finite number", value);
}

/**
 * Whether a value is array-like (an array or a typed array).
 *
 * @param value - Anything.
 * @returns `true` for arrays and typed arrays of numbers; `false` for
 * everything else, including `BigInt64Array`/`BigUint64Array` (bigints are not
 * numbers), a `DataView` and a revoked `Proxy` (never a raw `TypeError`).
 *
 * @example
 * ```ts
 * import { isArrayLike } from "customer-metrics/core";
 * isArrayLike(new BigInt64Array(3)); // => false
 * isArrayLike(new Uint8Array(3)); // => true
 * isArrayLike("abc"); // => false
 * ```
 *
 * @category Core
 */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  try {
    if (Array.isArray(value)) return true;
  } catch {
    return false; // a revoked Proxy: Array.isArray throws a TypeError
  }
  return (
    ArrayBuffer.isView(value) &&
    !(value instanceof DataView) &&
    // BigInt64Array / BigUint64Array hold bigints, not numbers.
    !(typeof BigInt64Array !== "undefined" && (value instanceof BigInt64Array || value instanceof BigUint64Array))
  );
}

/**
 * Reads an options argument: `undefined` gives an empty object; anything but a
 * plain object, or an object with a key outside `known`, is an error. Every
 * public function that takes options calls this first, so a misspelt option
 * (`{ confidnce: 0.9 }`) fails loudly instead of being ignored.
 *
 * @param options - The caller's options argument.
 * @param known - The option names the function accepts.
 * @param fn - Name of the calling public function.
 * @returns The options object (a frozen empty object when `options` is `undefined`).
 * @throws {@link MetricsError} `invalid_option` at `["options"]` for a non-object, at `["options", key]` for an unknown key.
 *
 * @example
 * ```ts
 * import { assertKnownOptions } from "customer-metrics/core";
 * assertKnownOptions({ confidence: 0.9 }, ["confidence", "interval"], "nps"); // => { confidence: 0.9 }
 * assertKnownOptions({ confidnce: 0.9 }, ["confidence", "interval"], "nps"); // throws invalid_option
 * ```
 *
 * @category Core
 */
export function assertKnownOptions<T extends object>(options: T | undefined, known: readonly string[], fn: string): Partial<T> {
  if (options === undefined) return EMPTY_OPTIONS as Partial<T>;
  if (options === null || typeof options !== "object" || Array.isArray(options) || ArrayBuffer.isView(options)) {
    throw metricsError(fn, "invalid_option", ["options"], "an options object", options);
  }
  let keys: string[];
  try {
    keys = Object.keys(options);
  } catch {
    throw metricsError(fn, "invalid_option", ["options"], "a readable options object", "unreadable object");
  }
  for (const key of keys) {
    if (!known.includes(key) || isUnsafeKey(key)) {
      const allowed = known.length === 0 ? "no options" : `one of ${known.map((k) => JSON.stringify(k)).join(", ")}`;
      throw metricsError(fn, "invalid_option", ["options", key], `a known option (${allowed})`, key);
    }
  }
  return options;
}

const EMPTY_OPTIONS: object = Object.freeze({});
