/**
 * The engine behind customerLifetimeValue and its siblings: lifetimes' discounted cash-flow convention
 * CLV = Σ_{k=1..K} E[Z] · (C(k·L) − C((k−1)·L)) / (1 + d)^k, with C(t) the purchase model's conditional
 * expected purchases in (T, T + t] and E[Z] the Gamma-Gamma expected spend.
 *
 * "grouped" evaluation uses the identity C(t | x, t_x, T) = P(alive | x, t_x, T) · C(t | alive, x, T) of the
 * continuous-time models (BG/NBD, MBG/NBD, Pareto/NBD: given alive at T, the future depends on x and T
 * only), so the K expectations are evaluated once per distinct (x, T) and each customer costs one P(alive).
 */
import { MetricsError, isMetricsError, metricsError, type PathSegment } from "../../../core/errors.js";
import { isArrayLike } from "../../../core/guards.js";
import { checkCustomerValues, checkHorizon, checkModel } from "../../_internal/model.js";
import { conditionalExpectedPurchasesOf, probabilityAliveOf } from "../../_internal/dispatch.js";
import type { BtydModelSpec } from "../../modelTypes.js";
import type { GammaGammaParams } from "../types.js";
import { readGammaGammaParams } from "./validateModel.js";

/** Validated customer columns. */
export interface ClvData {
  readonly n: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly m: Float64Array;
  readonly ids: (string | number)[] | null;
}

export interface ClvSettings {
  readonly model: BtydModelSpec;
  readonly spend: GammaGammaParams;
  readonly periods: number;
  readonly periodLength: number;
  readonly discountRate: number;
  readonly method: "grouped" | "per-customer";
}

/** Re-roots a MetricsError thrown by a shared validator at `prefix` (e.g. ["purchaseModel"]). */
function reroot<T>(f: () => T, from: string, prefix: readonly PathSegment[], fn: string): T {
  try {
    return f();
  } catch (e) {
    if (isMetricsError(e) && e.path[0] === from) {
      const path = [...prefix, ...e.path.slice(1)];
      throw new MetricsError({
        code: e.code,
        path,
        message: e.message.replace(/^\w+: \S+/, `${fn}: ${path.join(".")}`),
        cause: e,
      });
    }
    throw e;
  }
}

/** Validates the shared inputs (models, horizon, rate, method). */
export function readSettings(input: unknown, fn: string): ClvSettings {
  if (input === null || typeof input !== "object" || Array.isArray(input))
    throw metricsError(fn, "invalid_type", [], "an input object", input);
  const o = input as Record<string, unknown>;
  const model = reroot(() => checkModel(o["purchaseModel"], fn), "model", ["purchaseModel"], fn);
  const spend = readGammaGammaParams(o["spendModel"], fn, ["spendModel"]);
  if (!(spend.q > 1)) {
    throw metricsError(
      fn,
      "undefined_result",
      ["spendModel", "params", "q"],
      "> 1 for a finite mean spend (refit with qConstraint: true)",
      spend.q,
    );
  }
  const periods = o["periods"];
  if (typeof periods !== "number") throw metricsError(fn, "invalid_type", ["periods"], "an integer from 1 to 10000", periods);
  if (!Number.isFinite(periods)) throw metricsError(fn, "not_finite", ["periods"], "an integer from 1 to 10000", periods);
  if (!Number.isInteger(periods)) throw metricsError(fn, "not_integer", ["periods"], "an integer from 1 to 10000", periods);
  if (periods < 1 || periods > 10_000) throw metricsError(fn, "out_of_range", ["periods"], "an integer from 1 to 10000", periods);
  const periodLength = reroot(() => checkHorizon(o["periodLength"], model, fn), "t", ["periodLength"], fn);
  if (!(periodLength > 0))
    throw metricsError(
      fn,
      "out_of_range",
      ["periodLength"],
      "a period length > 0 in the purchase model's time unit",
      periodLength,
    );
  const d = o["discountRate"];
  if (typeof d !== "number")
    throw metricsError(fn, "invalid_type", ["discountRate"], "a discount rate per period >= 0 (a fraction)", d);
  if (!Number.isFinite(d))
    throw metricsError(fn, "not_finite", ["discountRate"], "a discount rate per period >= 0 (a fraction)", d);
  if (d < 0) throw metricsError(fn, "out_of_range", ["discountRate"], "a discount rate per period >= 0 (a fraction)", d);
  const method = o["method"] ?? "grouped";
  if (method !== "grouped" && method !== "per-customer")
    throw metricsError(fn, "invalid_option", ["method"], 'one of "grouped", "per-customer"', method);
  return { model, spend, periods, periodLength, discountRate: d === 0 ? 0 : d, method };
}

function num(v: unknown, fn: string, path: readonly PathSegment[], what: string): number {
  if (typeof v !== "number") throw metricsError(fn, "invalid_type", path, what, v);
  if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", path, what, v);
  return v === 0 ? 0 : v;
}

/** Reads customers (rows with optional ids, or columns) into typed arrays, validating each value. */
export function readClvCustomers(customers: unknown, model: BtydModelSpec, fn: string, needIds: boolean): ClvData {
  const discrete = model.model === "bg-bb";
  const third = discrete ? "n" : "T";
  if (Array.isArray(customers)) {
    const rows = customers as readonly unknown[];
    const n = rows.length;
    if (n === 0) throw metricsError(fn, "empty_sample", ["customers"], "a non-empty array of customers", rows);
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    const m = new Float64Array(n);
    const ids: (string | number)[] | null = needIds ? new Array<string | number>(n) : null;
    const seen = needIds ? new Set<string | number>() : null;
    for (let i = 0; i < n; i++) {
      const r = rows[i] as Record<string, unknown> | null;
      if (r === null || typeof r !== "object")
        throw metricsError(
          fn,
          "invalid_type",
          ["customers", i],
          "a customer { customerId, frequency, recency, T, monetaryValue }",
          r,
        );
      const thirdKey = discrete && r["n"] === undefined ? "T" : third;
      const c = checkCustomerValues(r["frequency"], r["recency"], r[thirdKey], discrete, fn, (f) => [
        "customers",
        i,
        f === "n" ? thirdKey : f,
      ]);
      x[i] = c.x;
      tx[i] = c.tx;
      T[i] = c.T;
      const mv = num(r["monetaryValue"], fn, ["customers", i, "monetaryValue"], "a mean purchase value >= 0");
      if (mv < 0) throw metricsError(fn, "out_of_range", ["customers", i, "monetaryValue"], "a mean purchase value >= 0", mv);
      m[i] = mv;
      if (ids && seen) {
        const id = r["customerId"];
        if (typeof id === "number") {
          if (!Number.isFinite(id))
            throw metricsError(fn, "not_finite", ["customers", i, "customerId"], "a string or finite number id", id);
        } else if (typeof id !== "string" || id.length === 0) {
          throw metricsError(fn, "invalid_type", ["customers", i, "customerId"], "a non-empty string or a number", id);
        }
        if (seen.has(id)) throw metricsError(fn, "duplicate_id", ["customers", i, "customerId"], "unique", id);
        seen.add(id);
        ids[i] = id;
      }
    }
    return { n, x, tx, T, m, ids };
  }
  if (customers !== null && typeof customers === "object") {
    const cols = customers as Record<string, unknown>;
    const thirdName = discrete && isArrayLike(cols["n"]) ? third : "T";
    const names = ["frequency", "recency", thirdName, "monetaryValue"];
    for (const name of names)
      if (!isArrayLike(cols[name])) throw metricsError(fn, "invalid_type", ["customers", name], "an array", cols[name]);
    const fx = cols["frequency"] as ArrayLike<unknown>;
    const n = fx.length;
    if (n === 0) throw metricsError(fn, "empty_sample", ["customers", "frequency"], "a non-empty array", fx);
    for (const name of names.slice(1)) {
      const c = cols[name] as ArrayLike<unknown>;
      if (c.length !== n)
        throw metricsError(fn, "length_mismatch", ["customers", name], `of length ${n} (like frequency)`, c.length);
    }
    const fr = cols["recency"] as ArrayLike<unknown>;
    const fT = cols[thirdName] as ArrayLike<unknown>;
    const fm = cols["monetaryValue"] as ArrayLike<unknown>;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    const m = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const xi = fx[i];
      const ti = fr[i];
      const Ti = fT[i];
      // Fast path for well-formed numeric continuous data; the shared validator otherwise (exact errors).
      if (
        !discrete &&
        typeof xi === "number" &&
        typeof ti === "number" &&
        typeof Ti === "number" &&
        Number.isInteger(xi) &&
        xi >= 0 &&
        ti >= 0 &&
        ti <= Ti &&
        Ti < Number.POSITIVE_INFINITY &&
        (xi > 0 || ti === 0)
      ) {
        x[i] = xi;
        tx[i] = ti === 0 ? 0 : ti;
        T[i] = Ti;
      } else {
        const c = checkCustomerValues(xi, ti, Ti, discrete, fn, (f) => ["customers", f === "n" ? thirdName : f, i]);
        x[i] = c.x;
        tx[i] = c.tx;
        T[i] = c.T;
      }
      const mv = fm[i];
      if (typeof mv === "number" && mv >= 0 && mv < Number.POSITIVE_INFINITY) m[i] = mv === 0 ? 0 : mv;
      else {
        const v = num(mv, fn, ["customers", "monetaryValue", i], "a mean purchase value >= 0");
        throw metricsError(fn, "out_of_range", ["customers", "monetaryValue", i], "a mean purchase value >= 0", v);
      }
    }
    return { n, x, tx, T, m, ids: null };
  }
  throw metricsError(fn, "invalid_type", ["customers"], "an array of customers or an object of columns", customers);
}

/** Per-customer outputs, filled by {@link computeClv}. */
export interface ClvOutputs {
  readonly value: Float64Array;
  readonly purchases: Float64Array | null;
  readonly spend: Float64Array | null;
  readonly alive: Float64Array | null;
}

/** Computes the CLV (float64 money) of every customer into `out`; returns the number of curve evaluations. */
export function computeClv(s: ClvSettings, d: ClvData, out: ClvOutputs, fn: string): { curves: number } {
  const K = s.periods;
  const L = s.periodLength;
  const m = s.model;
  const df = new Float64Array(K + 1);
  for (let k = 1; k <= K; k++) df[k] = Math.pow(1 + s.discountRate, -k);
  const { p, q, v } = s.spend;
  const grouped = s.method === "grouped" && m.model !== "bg-bb";
  const C = new Float64Array(K + 1);

  // Discounted (S) and undiscounted (U) expected purchases over the horizon for one history.
  let S = 0;
  let U = 0;
  const curve = (x: number, tx: number, T: number): void => {
    S = 0;
    C[0] = 0;
    for (let k = 1; k <= K; k++) {
      const c = conditionalExpectedPurchasesOf(m, x, tx, T, k * L);
      C[k] = c;
      S += (df[k] as number) * (c - (C[k - 1] as number));
    }
    U = C[K] as number;
  };

  let curves = 0;
  // Group index + 1 by T, then by x (0: not seen); the last T's table is kept, as data often come sorted.
  const byT = new Map<number, number[]>();
  let lastT = Number.NaN;
  let lastTable: number[] = [];
  const gH: number[] = [];
  const gU: number[] = [];
  for (let i = 0; i < d.n; i++) {
    const x = d.x[i] as number;
    const tx = d.tx[i] as number;
    const T = d.T[i] as number;
    let value: number;
    let purchases: number;
    let alive = Number.NaN;
    let done = false;
    if (grouped) {
      if (T !== lastT) {
        let table = byT.get(T);
        if (table === undefined) {
          table = [];
          byT.set(T, table);
        }
        lastT = T;
        lastTable = table;
      }
      let g = (lastTable[x] ?? 0) - 1;
      if (g < 0) {
        g = gH.length;
        lastTable[x] = g + 1;
        const txRep = x > 0 ? T : 0;
        const paRep = probabilityAliveOf(m, x, txRep, T);
        curve(x, txRep, T);
        curves++;
        const ok = paRep > 1e-300 && Number.isFinite(S) && Number.isFinite(U);
        gH.push(ok ? S / paRep : Number.NaN);
        gU.push(ok ? U / paRep : Number.NaN);
      }
      const H = gH[g] as number;
      if (H === H) {
        alive = probabilityAliveOf(m, x, tx, T);
        value = alive * H;
        purchases = alive * (gU[g] as number);
        done = Number.isFinite(value);
      } else {
        value = 0;
        purchases = 0;
      }
    } else {
      value = 0;
      purchases = 0;
    }
    if (!done) {
      curve(x, tx, T);
      curves++;
      value = S;
      purchases = U;
      if (out.alive) alive = probabilityAliveOf(m, x, tx, T);
    }
    const spend = (p * (v + x * (d.m[i] as number))) / (p * x + q - 1);
    const clv = spend * value;
    if (!Number.isFinite(clv)) {
      throw metricsError(
        fn,
        "undefined_result",
        d.ids ? ["customers", i] : ["customers", "frequency", i],
        "a history for which the expected purchases are finite",
        x,
      );
    }
    out.value[i] = clv > 0 ? clv : 0;
    if (out.purchases) out.purchases[i] = purchases > 0 ? purchases : 0;
    if (out.spend) out.spend[i] = spend;
    if (out.alive) out.alive[i] = Math.min(1, Math.max(0, alive));
  }
  return { curves };
}
