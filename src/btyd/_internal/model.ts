/** Validation of model specs and customer histories for the prediction functions. */
import { metricsError, type PathSegment } from "../../core/errors.js";
import type { BtydModelSpec, BtydModelTag } from "../modelTypes.js";

const PARAM_NAMES: Record<BtydModelTag, readonly string[]> = {
  "bg-nbd": ["r", "alpha", "a", "b"],
  "mbg-nbd": ["r", "alpha", "a", "b"],
  "pareto-nbd": ["r", "alpha", "s", "beta"],
  "bg-bb": ["alpha", "beta", "gamma", "delta"],
};

/** Checks `{ model, params }` (tag known, every parameter finite and > 0). */
export function checkModel(model: unknown, fn: string): BtydModelSpec {
  if (model === null || typeof model !== "object") {
    throw metricsError(fn, "invalid_model", ["model"], "a purchase model { model, params } (e.g. from fitBetaGeoNbd)", model);
  }
  const tag = (model as { model?: unknown }).model;
  if (typeof tag !== "string" || !Object.prototype.hasOwnProperty.call(PARAM_NAMES, tag)) {
    throw metricsError(fn, "invalid_model", ["model", "model"], 'one of "bg-nbd", "mbg-nbd", "pareto-nbd", "bg-bb"', tag);
  }
  const params = (model as { params?: unknown }).params;
  if (params === null || typeof params !== "object")
    throw metricsError(fn, "invalid_model", ["model", "params"], "an object of parameters", params);
  for (const name of PARAM_NAMES[tag as BtydModelTag]) {
    const v = (params as Record<string, unknown>)[name];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      throw metricsError(fn, "invalid_model", ["model", "params", name], "a finite number > 0", v);
    }
  }
  return model as BtydModelSpec;
}

export interface CustomerValues {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
}

function numberAt(v: unknown, fn: string, path: readonly PathSegment[], what: string): number {
  if (typeof v !== "number") throw metricsError(fn, "invalid_type", path, what, v);
  if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", path, what, v);
  return v === 0 ? 0 : v;
}

/** Validates one customer history; for BG/BB the third value is n (from `n`, else `T`). */
export function checkCustomerValues(
  fx: unknown,
  ftx: unknown,
  fT: unknown,
  discrete: boolean,
  fn: string,
  path: (field: string) => readonly PathSegment[],
): CustomerValues {
  const x = numberAt(fx, fn, path("frequency"), "a non-negative integer");
  if (!Number.isInteger(x)) throw metricsError(fn, "not_integer", path("frequency"), "a non-negative integer", x);
  if (x < 0) throw metricsError(fn, "out_of_range", path("frequency"), "a non-negative integer", x);
  const thirdName = discrete ? "n" : "T";
  const T = numberAt(fT, fn, path(thirdName), discrete ? "a positive integer number of opportunities" : "a finite number >= 0");
  const tx = numberAt(ftx, fn, path("recency"), "a finite number >= 0");
  if (discrete) {
    if (!Number.isInteger(T))
      throw metricsError(fn, "not_integer", path(thirdName), "a positive integer number of opportunities", T);
    if (T < 1) throw metricsError(fn, "out_of_range", path(thirdName), "a positive integer number of opportunities", T);
    if (!Number.isInteger(tx)) throw metricsError(fn, "not_integer", path("recency"), "an integer opportunity index", tx);
    if (x > T) throw metricsError(fn, "out_of_range", path("frequency"), `at most n (${T})`, x);
    if (x > 0 && tx < x) throw metricsError(fn, "out_of_range", path("recency"), `at least frequency (${x})`, tx);
  } else if (T < 0) {
    throw metricsError(fn, "out_of_range", path("T"), "a finite number >= 0", T);
  }
  if (tx < 0) throw metricsError(fn, "out_of_range", path("recency"), "a finite number >= 0", tx);
  if (tx > T) throw metricsError(fn, "out_of_range", path("recency"), `at most ${thirdName} (${T})`, tx);
  if (x === 0 && tx > 0) throw metricsError(fn, "invalid_input", path("recency"), "0 when frequency is 0", tx);
  return { x, tx, T };
}

/** Validates a single customer object for `model`. */
export function checkCustomer(customer: unknown, model: BtydModelSpec, fn: string): CustomerValues {
  if (customer === null || typeof customer !== "object") {
    throw metricsError(fn, "invalid_type", ["customer"], "a customer { frequency, recency, T }", customer);
  }
  const c = customer as Record<string, unknown>;
  const discrete = model.model === "bg-bb";
  const third = discrete ? (c["n"] !== undefined ? c["n"] : c["T"]) : c["T"];
  const thirdKey = discrete && c["n"] === undefined && c["T"] !== undefined ? "T" : discrete ? "n" : "T";
  return checkCustomerValues(c["frequency"], c["recency"], third, discrete, fn, (f) => ["customer", f === "n" ? thirdKey : f]);
}

/** Validates a horizon `t` (BG/BB: a whole number of opportunities). */
export function checkHorizon(t: unknown, model: BtydModelSpec, fn: string, path: readonly PathSegment[] = ["t"]): number {
  const v = numberAt(
    t,
    fn,
    path,
    model.model === "bg-bb" ? "a non-negative integer number of opportunities" : "a finite number >= 0",
  );
  if (v < 0) throw metricsError(fn, "out_of_range", path, "a finite number >= 0", v);
  if (model.model === "bg-bb" && !Number.isInteger(v))
    throw metricsError(fn, "not_integer", path, "a whole number of opportunities", v);
  return v;
}
