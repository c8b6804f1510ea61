import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { METRICS_ERROR_CODES, MetricsError, isMetricsError, metricsError } from "../../src/core/index.js";

describe("MetricsError", () => {
  it("carries code, path, message, cause and issues", () => {
    const cause = new Error("inner");
    const e = new MetricsError({
      code: "invalid_input",
      path: [3, "score"],
      message: "bad",
      cause,
      issues: [{ code: "x", path: [3], message: "m" }],
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("MetricsError");
    expect(e.code).toBe("invalid_input");
    expect(e.path).toEqual([3, "score"]);
    expect(e.message).toBe("bad");
    expect(e.cause).toBe(cause);
    expect(e.issues).toHaveLength(1);
    expect(Object.isFrozen(e.path)).toBe(true);
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: "MetricsError",
      code: "invalid_input",
      path: [3, "score"],
      message: "bad",
    });
  });

  it("defaults path to [] and omits cause when absent", () => {
    const e = new MetricsError({ code: "empty_sample", message: "none" });
    expect(e.path).toEqual([]);
    expect("cause" in e).toBe(false);
  });

  it("metricsError follows the message template", () => {
    expect(metricsError("nps", "out_of_range", [2], "an integer from 0 to 10", 11).message).toBe(
      "nps: [2] must be an integer from 0 to 10; received 11",
    );
    expect(metricsError("f", "invalid_type", ["options", "weights", 4], "a number", "9").message).toBe(
      'f: options.weights[4] must be a number; received "9"',
    );
    expect(metricsError("f", "empty_sample", [], "a non-empty array").message).toBe("f: input must be a non-empty array");
    expect(metricsError("f", "not_finite", [], "finite", Number.NaN).message).toContain("received NaN");
    expect(metricsError("f", "not_finite", [], "finite", -0).message).toContain("received -0");
    expect(metricsError("f", "invalid_type", [], "x", null).message).toContain("received null");
    expect(metricsError("f", "invalid_type", [], "x", undefined).message).toContain("received undefined");
    expect(metricsError("f", "invalid_type", [], "x", [1, 2]).message).toContain("an array of length 2");
    expect(metricsError("f", "invalid_type", [], "x", "y".repeat(100)).message).toContain("...");
  });
});

describe("isMetricsError", () => {
  it("recognises MetricsErrors by name and shape, also across copies", () => {
    expect(isMetricsError(new MetricsError({ code: "invalid_input", message: "x" }))).toBe(true);
    const foreign = Object.assign(new Error("x"), { name: "MetricsError", code: "invalid_input", path: [] });
    expect(isMetricsError(foreign)).toBe(true);
    expect(isMetricsError(new Error("x"))).toBe(false);
    expect(isMetricsError({ name: "MetricsError", code: "x", path: [] })).toBe(false);
    expect(isMetricsError(null)).toBe(false);
  });
});

describe("docs/errors.md", () => {
  // Every code must be documented (STYLE.md §4), and nothing undocumented may be listed.
  const doc = readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8");
  const listed = [...(doc.split("## Codes")[1] ?? "").matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
  it("lists every code exactly once", () => {
    expect([...listed].sort()).toEqual([...METRICS_ERROR_CODES].sort());
  });
});

describe("metricsError with missing or mistyped arguments (a JS caller)", () => {
  it("still builds a MetricsError instead of throwing a TypeError", () => {
    const e = (metricsError as (...a: unknown[]) => MetricsError)(Object.create(null), "invalid_input");
    expect(isMetricsError(e)).toBe(true);
    expect(e.code).toBe("invalid_input");
    expect(e.path).toEqual([]);
    expect(e.message).toBe("an object: input must be undefined");
  });
});
