/**
 * The stable error codes a {@link MetricsError} can carry. Codes never change
 * meaning within a major version; new codes may be added. Every code is
 * explained in `docs/errors.md`.
 *
 * @category Core
 */
export const METRICS_ERROR_CODES = [
  "invalid_input",
  "invalid_type",
  "not_finite",
  "out_of_range",
  "not_integer",
  "empty_sample",
  "length_mismatch",
  "invalid_date",
  "invalid_option",
  "duplicate_id",
  "unsafe_key",
  "unknown_reference",
  "unsorted",
  "not_monotone",
  "undefined_result",
  "insufficient_data",
  "not_converged",
  "unit_mismatch",
  "currency_mismatch",
  "invalid_model",
] as const;

/**
 * Union of every error code (see {@link METRICS_ERROR_CODES}).
 *
 * @category Core
 */
export type MetricsErrorCode = (typeof METRICS_ERROR_CODES)[number];

/**
 * One step of a path to the offending value: an object key or an array index.
 *
 * @category Core
 */
export type PathSegment = string | number;

/**
 * A zod-compatible issue, kept when a {@link MetricsError} comes from a schema.
 *
 * @category Core
 */
export interface MetricsIssue {
  /** The zod issue code, e.g. `"too_big"`. */
  readonly code: string;
  /** Path to the offending value within the parsed input. */
  readonly path: readonly PropertyKey[];
  /** zod's message for the issue. */
  readonly message: string;
}

/**
 * The JSON form of a {@link MetricsError} (what `JSON.stringify` writes).
 *
 * @category Core
 */
export interface MetricsErrorJSON {
  /** Always `"MetricsError"`. */
  readonly name: "MetricsError";
  /** Stable machine-readable code. */
  readonly code: MetricsErrorCode;
  /** Path to the offending value. */
  readonly path: readonly PathSegment[];
  /** The human-readable message. */
  readonly message: string;
}

/**
 * What {@link MetricsError}'s constructor takes.
 *
 * @category Core
 */
export interface MetricsErrorInit {
  /** Stable machine-readable code. */
  readonly code: MetricsErrorCode;
  /** Path to the offending value, e.g. `[1042, "score"]`. @defaultValue `[]` */
  readonly path?: readonly PathSegment[];
  /** A message a person can act on. */
  readonly message: string;
  /** The underlying error (e.g. a ZodError), if any. */
  readonly cause?: unknown;
  /** Zod issues, when the error came from a schema. */
  readonly issues?: readonly MetricsIssue[];
}

/**
 * The one error type customer-metrics throws. Every rejected input becomes a
 * `MetricsError` with a stable {@link MetricsErrorCode}, a `path` to the
 * offending value, a message a person can act on and, where there is one, the
 * `cause` and the zod `issues`.
 *
 * @remarks
 * Test for it with {@link isMetricsError} rather than `instanceof`: an app can
 * end up with two copies of the library (ESM and CJS builds), and the check by
 * `name` works across both.
 *
 * @example
 * ```ts
 * import { MetricsError } from "customer-metrics/core";
 * const e = new MetricsError({ code: "out_of_range", path: [3, "score"], message: "score must be 0-10" });
 * e.code; // => "out_of_range"
 * e.path; // => [3, "score"]
 * ```
 *
 * @category Core
 */
export class MetricsError extends Error {
  /** Always `"MetricsError"`. */
  override readonly name = "MetricsError" as const;
  /** Stable machine-readable code. */
  readonly code: MetricsErrorCode;
  /** Path to the offending value (array indices and object keys). */
  readonly path: readonly PathSegment[];
  /** Zod issues, when the error came from a schema. */
  declare readonly issues?: readonly MetricsIssue[];

  constructor(init: MetricsErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.path = Object.freeze([...(init.path ?? [])]);
    if (init.issues !== undefined) this.issues = init.issues;
  }

  /** A plain, JSON-friendly view of the error. */
  toJSON(): MetricsErrorJSON {
    return { name: this.name, code: this.code, path: this.path, message: this.message };
  }
}

/**
 * Whether `value` is a {@link MetricsError} (from any copy of the library).
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` when `value` is an Error named `"MetricsError"` with a string `code`.
 *
 * @example
 * ```ts
 * import { isMetricsError, money } from "customer-metrics/core";
 * let caught: unknown;
 * try { money("twelve"); } catch (e) { caught = e; }
 * isMetricsError(caught); // => true
 * isMetricsError(new Error("x")); // => false
 * ```
 *
 * @category Core
 */
export function isMetricsError(value: unknown): value is MetricsError {
  return (
    value instanceof Error &&
    value.name === "MetricsError" &&
    typeof (value as { code?: unknown }).code === "string" &&
    Array.isArray((value as { path?: unknown }).path)
  );
}

/** Short, safe rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "number") {
    if (Object.is(value, -0)) return "-0";
    return String(value);
  }
  if (typeof value === "string") {
    const s = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(s);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "boolean" || typeof value === "symbol") return String(value);
  if (typeof value === "function") return "a function";
  // Describing must never throw: a revoked Proxy throws in Array.isArray, a
  // fake or foreign Date in instanceof-based reads.
  try {
    if (Array.isArray(value)) return `an array of length ${value.length}`;
    if (Object.prototype.toString.call(value) === "[object Date]") {
      const t = Date.prototype.getTime.call(value);
      return Number.isNaN(t) ? "Invalid Date" : new Date(t).toISOString();
    }
  } catch {
    return "an object";
  }
  return "an object";
}

/** Formats a path like `[3].score` / `responses[3].score` for messages. */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return "input";
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out === "" ? seg : `.${seg}`;
  return out;
}

/**
 * Builds a {@link MetricsError} with the library's message template:
 * "`fn`: `path` must be `requirement`; received `value`".
 *
 * @param fn - Name of the public function that rejects the input.
 * @param code - Stable error code.
 * @param path - Path to the offending value.
 * @param requirement - What the value must be, e.g. "an integer from 0 to 10".
 * @param received - The value received (rendered safely).
 * @returns The error, for the caller to `throw`.
 *
 * @example
 * ```ts
 * import { metricsError } from "customer-metrics/core";
 * const e = metricsError("nps", "out_of_range", [2], "an integer from 0 to 10", 11);
 * e.message; // => "nps: [2] must be an integer from 0 to 10; received 11"
 * ```
 *
 * @category Core
 */
export function metricsError(
  fn: string,
  code: MetricsErrorCode,
  path: readonly PathSegment[],
  requirement: string,
  received?: unknown,
  cause?: unknown,
): MetricsError {
  const tail = arguments.length >= 5 ? `; received ${describeValue(received)}` : "";
  // Robust to a JS caller that omits or mistypes the arguments: never a TypeError from here.
  const at: readonly PathSegment[] = Array.isArray(path) ? path : [];
  const name = typeof fn === "string" ? fn : describeValue(fn);
  const req = typeof requirement === "string" ? requirement : describeValue(requirement);
  return new MetricsError({
    code,
    path: at,
    message: `${name}: ${formatPath(at)} must be ${req}${tail}`,
    cause,
  });
}
