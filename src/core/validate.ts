import { type MetricsErrorCode, type MetricsIssue, MetricsError, formatPath, type PathSegment } from "./errors.js";

/**
 * The part of a zod schema that {@link parseWithSchema} uses. Any zod 4
 * schema satisfies it; importing this type never loads zod at runtime.
 *
 * @category Core
 */
export interface SafeParseable<T> {
  /** zod's `safeParse`: never throws; reports success with data or failure with issues. */
  safeParse(input: unknown): SafeParseResult<T>;
}

/**
 * The result shape of a zod `safeParse` call, as {@link parseWithSchema} reads it.
 *
 * @category Core
 */
export type SafeParseResult<T> = SafeParseSuccess<T> | SafeParseFailure;

/**
 * A successful parse.
 *
 * @category Core
 */
export interface SafeParseSuccess<T> {
  /** Always `true`. */
  readonly success: true;
  /** The parsed value. */
  readonly data: T;
}

/**
 * A failed parse.
 *
 * @category Core
 */
export interface SafeParseFailure {
  /** Always `false`. */
  readonly success: false;
  /** The error carrying the issues (a ZodError for zod schemas). */
  readonly error: {
    /** One entry per problem found. */
    readonly issues: readonly MetricsIssue[];
  };
}

function toPathSegments(path: ReadonlyArray<PropertyKey>): PathSegment[] {
  return path.map((p) => (typeof p === "number" ? p : String(p)));
}

function codeForIssue(code: string, message: string): MetricsErrorCode {
  if (code === "invalid_type") return "invalid_type";
  if (code === "too_small" || code === "too_big") return "out_of_range";
  if (code === "invalid_value" || code === "invalid_enum_value" || code === "invalid_union") return "invalid_option";
  if (code === "unrecognized_keys") return "invalid_input";
  if (/unsafe key/i.test(message)) return "unsafe_key";
  return "invalid_input";
}

/**
 * Runs a zod schema on untrusted input and returns the parsed value, or throws
 * one {@link MetricsError} that carries the first issue's path and every zod
 * issue.
 *
 * @remarks
 * The error's `code` maps zod's first issue: `invalid_type` → `invalid_type`,
 * `too_small`/`too_big` → `out_of_range`, `invalid_value` → `invalid_option`,
 * anything else → `invalid_input`. The `ZodError` is kept as `cause`.
 *
 * @param schema - A zod schema (or anything with a compatible `safeParse`).
 * @param input - Untrusted input.
 * @param fn - Name of the public function, used in the message.
 * @returns The parsed (typed) value.
 * @throws {@link MetricsError} as described above.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { parseWithSchema } from "customer-metrics/core";
 * const Schema = z.object({ score: z.number().int().min(0).max(10) });
 * parseWithSchema(Schema, { score: 9 }, "example"); // => { score: 9 }
 * ```
 *
 * @category Core
 */
export function parseWithSchema<T>(schema: SafeParseable<T>, input: unknown, fn: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: MetricsIssue[] = result.error.issues.map((i) => ({ code: i.code, path: [...i.path], message: i.message }));
  const first = issues[0];
  const path = first ? toPathSegments(first.path) : [];
  const code = first ? codeForIssue(first.code, first.message) : "invalid_input";
  const extra = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})` : "";
  throw new MetricsError({
    code,
    path,
    message: `${fn}: ${formatPath(path)} is invalid: ${first?.message ?? "schema validation failed"}${extra}`,
    cause: result.error,
    issues,
  });
}
