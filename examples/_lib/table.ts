/** Tiny helpers for notebook-style examples: aligned text tables and headings. */

export type Cell = string | number | boolean | null | undefined | { toString(): string };

function render(v: Cell, digits: number): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "number") {
    if (Number.isInteger(v)) return v.toLocaleString("en-US");
    return v.toFixed(digits);
  }
  return String(v);
}

/**
 * Formats rows as an aligned text table. Numbers are right-aligned, integers
 * get thousands separators, other numbers `digits` decimals.
 */
export function table(
  rows: readonly Record<string, Cell>[],
  options: { columns?: readonly string[]; digits?: number } = {},
): string {
  if (rows.length === 0) return "(no rows)";
  const columns = options.columns ?? Object.keys(rows[0] as object);
  const digits = options.digits ?? 2;
  const cells = rows.map((r) => columns.map((c) => render(r[c], digits)));
  const numeric = columns.map((c) => rows.every((r) => typeof r[c] === "number" || r[c] === null || r[c] === undefined));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((row) => (row[j] as string).length)));
  const pad = (s: string, j: number) => (numeric[j] ? s.padStart(widths[j] as number) : s.padEnd(widths[j] as number));
  const head = columns.map((c, j) => pad(c, j)).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [head, rule, ...cells.map((row) => row.map((s, j) => pad(s, j)).join("  "))].join("\n");
}

/** A section heading for printed reports. */
export function heading(title: string): string {
  return `\n${title}\n${"═".repeat(title.length)}`;
}

/** Formats a fraction as a percentage string, e.g. 0.1234 → "12.3%". */
export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}
