import { metricsError } from "../../../core/errors.js";
import type { GammaGammaParams } from "../types.js";

/** Checks a Gamma-Gamma model (or bare params) and returns its parameters. */
export function readGammaGammaParams(
  model: unknown,
  fn: string,
  path: readonly (string | number)[] = ["spendModel"],
): GammaGammaParams {
  if (model === null || typeof model !== "object") {
    throw metricsError(
      fn,
      "invalid_model",
      path,
      'a Gamma-Gamma model from fitGammaGamma (or { model: "gamma-gamma", params: { p, q, v } })',
      model,
    );
  }
  const m = model as { model?: unknown; params?: unknown };
  if (m.model !== "gamma-gamma") {
    throw metricsError(fn, "invalid_model", [...path, "model"], 'a Gamma-Gamma model (model: "gamma-gamma")', m.model);
  }
  const params = m.params as Record<string, unknown> | null | undefined;
  if (params === null || typeof params !== "object")
    throw metricsError(fn, "invalid_model", [...path, "params"], "an object { p, q, v }", params);
  for (const k of ["p", "q", "v"]) {
    const v = params[k];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      throw metricsError(fn, "invalid_model", [...path, "params", k], "a finite number > 0", v);
    }
  }
  return { p: params["p"] as number, q: params["q"] as number, v: params["v"] as number };
}
