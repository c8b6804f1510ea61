import { metricsError, type PathSegment } from "../../core/errors.js";
import { assertIntegerInRange, readCustomerId } from "../../core/guards.js";

/** A customer count: an integer ≥ 0. */
export function readCount(value: unknown, fn: string, path: readonly PathSegment[]): number {
  return assertIntegerInRange(value, 0, Number.MAX_SAFE_INTEGER, fn, path);
}

/** An optional customer count (undefined stays undefined). */
export function readOptionalCount(value: unknown, fn: string, path: readonly PathSegment[]): number | undefined {
  return value === undefined ? undefined : readCount(value, fn, path);
}

/** A plain object (not null, not an array). */
export function readObject(
  value: unknown,
  fn: string,
  path: readonly PathSegment[],
  what = "an object",
): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw metricsError(fn, "invalid_type", path, what, value);
  }
  return value as Record<string, unknown>;
}

/** An array (not a typed array) of records. */
export function readRecordArray(value: unknown, fn: string, path: readonly PathSegment[], what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw metricsError(fn, "invalid_type", path, what, value);
  if (value.length === 0) throw metricsError(fn, "empty_sample", path, `a non-empty array (${what})`, value);
  return value;
}

/** A customer id: the shared policy in core/guards.ts (string or finite number, reserved keys rejected). */
export { readCustomerId };

/** Reads an options argument: undefined → {}, otherwise a plain object. */
export function readOptions<T extends object>(value: T | undefined, fn: string): T {
  if (value === undefined) return {} as T;
  readObject(value, fn, ["options"], "an options object");
  return value;
}
