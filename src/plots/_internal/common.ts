import { metricsError, type PathSegment } from "../../core/errors.js";
import { assertKnownOptions } from "../../core/guards.js";
import type { PlotOptions, VegaLiteSpec } from "../types.js";

/** The option keys every plot function accepts. */
export const PLOT_OPTION_KEYS = ["title", "width", "height", "colorScheme"] as const;

/** Resolved common options. */
export interface ResolvedPlotOptions {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly colorScheme: string | undefined;
}

/** Checks the common options (unknown keys are errors) and fills defaults. */
export function plotOptions(options: PlotOptions | undefined, fn: string, defaultTitle: string): ResolvedPlotOptions {
  const o = assertKnownOptions(options, PLOT_OPTION_KEYS, fn);
  const size = (key: "width" | "height", dflt: number): number => {
    const v = o[key];
    if (v === undefined) return dflt;
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      throw metricsError(fn, "invalid_option", ["options", key], "a positive finite number of pixels", v);
    }
    return v;
  };
  if (o.title !== undefined && typeof o.title !== "string") {
    throw metricsError(fn, "invalid_option", ["options", "title"], "a string", o.title);
  }
  if (o.colorScheme !== undefined && (typeof o.colorScheme !== "string" || o.colorScheme === "")) {
    throw metricsError(fn, "invalid_option", ["options", "colorScheme"], "a Vega colour scheme name", o.colorScheme);
  }
  return { title: o.title ?? defaultTitle, width: size("width", 560), height: size("height", 280), colorScheme: o.colorScheme };
}

/** The rows array of a result (non-empty), or an error at `path`. */
export function rowsOf(value: unknown, key: string, fn: string): readonly Record<string, unknown>[] {
  if (value === null || typeof value !== "object") throw metricsError(fn, "invalid_type", [], "a result object", value);
  const rows = (value as Record<string, unknown>)[key];
  if (!Array.isArray(rows)) throw metricsError(fn, "invalid_type", [key], "an array", rows);
  if (rows.length === 0) throw metricsError(fn, "empty_sample", [key], "at least one row", rows);
  rows.forEach((r, i) => {
    if (r === null || typeof r !== "object") throw metricsError(fn, "invalid_type", [key, i], "an object", r);
  });
  return rows as readonly Record<string, unknown>[];
}

/** A finite number at `path`. */
export function num(value: unknown, fn: string, path: readonly PathSegment[]): number {
  if (typeof value !== "number") throw metricsError(fn, "invalid_type", path, "a number", value);
  if (!Number.isFinite(value)) throw metricsError(fn, "not_finite", path, "a finite number", value);
  return value;
}

/** A string at `path`. */
export function str(value: unknown, fn: string, path: readonly PathSegment[]): string {
  if (typeof value !== "string") throw metricsError(fn, "invalid_type", path, "a string", value);
  return value;
}

/** Colour scale with the optional scheme. */
export function colorScale(o: ResolvedPlotOptions, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return o.colorScheme === undefined ? extra : { ...extra, scheme: o.colorScheme };
}

/** The spec header shared by every plot. */
export function header(o: ResolvedPlotOptions): VegaLiteSpec {
  return { $schema: "https://vega.github.io/schema/vega-lite/v6.json", title: o.title, width: o.width, height: o.height };
}
