/** Uniform access to customer histories given as rows or as columns. */
import { metricsError, type PathSegment } from "../../core/errors.js";
import { isArrayLike } from "../../core/guards.js";

export interface CustomerAccessor {
  readonly length: number;
  readonly x: (i: number) => unknown;
  readonly tx: (i: number) => unknown;
  readonly T: (i: number) => unknown;
  readonly path: (i: number, field: string) => readonly PathSegment[];
}

export function customerAccessor(customers: unknown, discrete: boolean, fn: string): CustomerAccessor {
  if (Array.isArray(customers)) {
    const rows = customers as readonly Record<string, unknown>[];
    if (rows.length === 0) throw metricsError(fn, "empty_sample", ["customers"], "a non-empty array of customers", rows);
    const row = (i: number): Record<string, unknown> => {
      const r = rows[i];
      if (r === null || typeof r !== "object")
        throw metricsError(fn, "invalid_type", [i], "a customer { frequency, recency, T }", r);
      return r;
    };
    const thirdOf = (r: Record<string, unknown>): unknown => (discrete && r["n"] !== undefined ? r["n"] : r["T"]);
    return {
      length: rows.length,
      x: (i) => row(i)["frequency"],
      tx: (i) => row(i)["recency"],
      T: (i) => thirdOf(row(i)),
      path: (i, f) => [i, f === "n" && (rows[i] as Record<string, unknown>)["n"] === undefined ? "T" : f],
    };
  }
  if (customers !== null && typeof customers === "object") {
    const cols = customers as Record<string, unknown>;
    const thirdName = discrete && isArrayLike(cols["n"]) ? "n" : "T";
    for (const name of ["frequency", "recency", thirdName]) {
      if (!isArrayLike(cols[name])) throw metricsError(fn, "invalid_type", [name], "an array", cols[name]);
    }
    const fx = cols["frequency"] as ArrayLike<unknown>;
    const fr = cols["recency"] as ArrayLike<unknown>;
    const fT = cols[thirdName] as ArrayLike<unknown>;
    if (fx.length === 0) throw metricsError(fn, "empty_sample", ["frequency"], "a non-empty array", fx);
    if (fr.length !== fx.length)
      throw metricsError(fn, "length_mismatch", ["recency"], `of length ${fx.length} (like frequency)`, fr.length);
    if (fT.length !== fx.length)
      throw metricsError(fn, "length_mismatch", [thirdName], `of length ${fx.length} (like frequency)`, fT.length);
    return {
      length: fx.length,
      x: (i) => fx[i],
      tx: (i) => fr[i],
      T: (i) => fT[i],
      path: (i, f) => [f === "n" ? thirdName : f, i],
    };
  }
  throw metricsError(fn, "invalid_type", ["customers"], "an array of customers or an object of columns", customers);
}
