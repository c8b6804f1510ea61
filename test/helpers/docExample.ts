/**
 * Runtime assertions used by the modules generated from doc examples
 * (see scripts/extract-examples.ts).
 */
function decimalsOf(literal: string): number | null {
  const m = /^-?\d+\.(\d+)$/.exec(literal.trim());
  return m ? (m[1] as string).length : null;
}

function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "object") {
    const maybe = value as { toJSON?: () => unknown; constructor?: { name?: string } };
    if (typeof (value as { isFinite?: unknown }).isFinite === "function" && typeof maybe.toJSON === "function") {
      return maybe.toJSON(); // Decimal → string
    }
    if (value instanceof Date) return value.toISOString();
    if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
    if (value instanceof Map) return [...value.entries()].map(([k, v]) => [k, normalize(v)]);
    if (Array.isArray(value)) return value.map(normalize);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v);
    return out;
  }
  return value;
}

function close(actual: unknown, expected: unknown, decimals: number | null): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Object.is(actual, expected)) return true;
    if (!Number.isFinite(actual)) return false;
    if (Number.isInteger(expected) && decimals === null) {
      return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    }
    const d = decimals ?? String(expected).split(".")[1]?.length ?? 0;
    return Math.abs(actual - expected) <= 0.5 * 10 ** -d + 1e-12 * Math.abs(expected);
  }
  if (typeof expected === "number" && typeof actual === "string" && /^-?\d/.test(actual)) {
    return close(Number(actual), expected, decimals);
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => close(actual[i], e, null));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    const ek = Object.keys(expected);
    const ak = Object.keys(actual as object).filter((k) => (actual as Record<string, unknown>)[k] !== undefined);
    if (ek.length !== ak.length) return false;
    return ek.every((k) => close((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], null));
  }
  return Object.is(actual, expected);
}

export function __expectDoc(actual: unknown, expected: unknown, where: string, literal: string): void {
  const a = normalize(actual);
  if (!close(a, expected, decimalsOf(literal))) {
    throw new Error(`${where}: documented result ${literal} but got ${JSON.stringify(a)}`);
  }
}

export function __expectDocThrows(fn: () => unknown, code: string, where: string): void {
  try {
    fn();
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    if (err.name === "MetricsError" && err.code === code) return;
    throw new Error(`${where}: expected MetricsError ${code}, got ${err.name} ${err.code ?? ""}: ${err.message ?? ""}`);
  }
  throw new Error(`${where}: expected MetricsError ${code}, but nothing was thrown`);
}
