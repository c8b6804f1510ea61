import { expect } from "vitest";

/** Tolerance for {@link expectClose}: pass when |Δ| ≤ rel·max(|a|, |e|) + abs. */
export interface Tolerance {
  readonly rel?: number;
  readonly abs?: number;
}

/**
 * Asserts that `actual` equals `expected` exactly, or within
 * `rel·max(|actual|, |expected|) + abs`, and reports input, both values and the
 * tolerance on failure (STYLE.md §11).
 */
export function expectClose(actual: number, expected: number, tol: Tolerance = {}, label = ""): void {
  const rel = tol.rel ?? 0;
  const abs = tol.abs ?? 0;
  if (Object.is(actual, expected)) return;
  const diff = Math.abs(actual - expected);
  const allowed = rel * Math.max(Math.abs(actual), Math.abs(expected)) + abs;
  if (!(Number.isFinite(actual) && diff <= allowed)) {
    expect.fail(
      `${label ? `${label}: ` : ""}expected ${expected}, got ${actual} (|Δ| = ${diff.toExponential(3)}, allowed ${allowed.toExponential(3)} with rel ${rel}, abs ${abs})`,
    );
  }
}

/** Asserts that `fn` throws a MetricsError with this code (and path, when given). */
export function expectMetricsError(fn: () => unknown, code: string, path?: readonly (string | number)[]): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  if (caught === undefined) expect.fail(`expected a MetricsError with code ${code}, but nothing was thrown`);
  const err = caught as { name?: unknown; code?: unknown; path?: unknown; message?: unknown };
  expect(err.name, String(err.message)).toBe("MetricsError");
  expect(err.code, String(err.message)).toBe(code);
  if (path !== undefined) expect(err.path, String(err.message)).toEqual(path);
}
