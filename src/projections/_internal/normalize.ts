import type { Decimal } from "decimal.js";
import { type PathSegment, metricsError } from "../../core/errors.js";
import {
  assertFinite,
  assertIntegerInRange,
  assertNonNegative,
  assertOneOf,
  assertProbability,
  isArrayLike,
} from "../../core/guards.js";
import { _MoneyDecimal, money } from "../../core/money.js";
import { PERIODS, type Period } from "../../core/time.js";

/** Largest horizon a projection may have. */
export const MAX_PERIODS = 2000;

/** The five named profit components, in display order. */
export const COMPONENT_NAMES = ["base", "spendGrowth", "costSavings", "referrals", "pricePremium"] as const;
/** Name of one profit component. */
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/**
 * A money amount per tenure, stored so that weighted sums over tenures need
 * one Decimal multiplication per distinct coefficient: value(k) = coefs[ids[k]] × g[k].
 */
export interface TenureCurve {
  /** Index into `coefs` for each tenure 0..length−1. */
  readonly ids: Int32Array;
  /** Integer multiplier per tenure (1 for curves and constants; the step count for increments). */
  readonly g: Float64Array;
  /** Distinct coefficients. */
  readonly coefs: readonly Decimal[];
  /** Exact value at each tenure. */
  readonly values: readonly Decimal[];
  /** Whether every value is zero (the component is absent). */
  readonly zero: boolean;
}

/** Retention, resolved to numbers. */
export type Retention =
  | { readonly kind: "constant"; readonly rate: number }
  | { readonly kind: "tenure"; readonly rates: Float64Array }
  | { readonly kind: "period"; readonly rates: Float64Array };

/** New customers, resolved. */
export type NewCustomers =
  | { readonly kind: "schedule"; readonly counts: Float64Array }
  | { readonly kind: "referral"; readonly rate: number; readonly base: number; readonly referredCost: Decimal };

/** Validated, normalized projection assumptions. */
export interface Normalized {
  /** Name of the public function, for errors raised while running. */
  readonly fn: string;
  readonly periods: number;
  readonly periodUnit: Period;
  readonly timing: "end" | "start";
  readonly curveExtension: "reject" | "last-value";
  /** Customers by tenure at the start of period 1. */
  readonly start: Float64Array;
  /** Number of tenures the curves cover (max tenure reached + 1). */
  readonly tenures: number;
  readonly newCustomers: NewCustomers;
  readonly retention: Retention;
  /** Where the retention came from (for error paths when it is shifted). */
  readonly retentionPath: readonly PathSegment[];
  readonly acquisitionCost: Decimal;
  readonly discountRate: number;
  readonly discount: Decimal;
  readonly components: Readonly<Record<ComponentName, TenureCurve>>;
  readonly revenue: TenureCurve | null;
}

type Need = "projection" | "tenure";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    !isArrayLike(v) &&
    !(typeof (v as { isFinite?: unknown }).isFinite === "function")
  );
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Collects `unit` tags and checks that they agree with each other and with `periodUnit`. */
class UnitTracker {
  private unit: Period | null;
  private readonly declared: boolean;
  private readonly fn: string;
  private firstPath: readonly PathSegment[] = [];

  constructor(fn: string, declared: Period | null) {
    this.fn = fn;
    this.unit = declared;
    this.declared = declared !== null;
    if (declared !== null) this.firstPath = ["periodUnit"];
  }

  tag(value: unknown, path: readonly PathSegment[], kind: "retention" | "interest" | "amount" = "retention"): void {
    if (value === undefined) return;
    const u = assertOneOf(value, PERIODS, this.fn, path);
    if (this.unit === null) {
      this.unit = u;
      this.firstPath = path;
      return;
    }
    if (u !== this.unit) {
      const where = this.declared ? "the projection's periodUnit" : `the unit at ${this.firstPath.join(".")}`;
      throw metricsError(
        this.fn,
        "unit_mismatch",
        path,
        `"${this.unit}" (${where}); convert first — ${
          kind === "amount"
            ? `scale amounts and counts by PERIOD_IN_YEARS["${this.unit}"] / PERIOD_IN_YEARS["${u}"]`
            : `convertRate(rate, { from: "${u}", to: "${this.unit}", kind: "${kind}" })`
        } from customer-metrics/core; units are never mixed silently`,
        u,
      );
    }
  }

  result(): Period {
    return this.unit ?? "year";
  }
}

function readNumberArray(
  value: unknown,
  fn: string,
  path: readonly PathSegment[],
  check: (v: unknown, p: readonly PathSegment[]) => number,
): number[] {
  if (!isArrayLike(value)) throw metricsError(fn, "invalid_type", path, "an array", value);
  if (value.length === 0) throw metricsError(fn, "empty_sample", path, "a non-empty array", value);
  const out: number[] = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = check(value[i], [...path, i]);
  return out;
}

function fitLength<T>(
  arr: readonly T[],
  needed: number,
  extension: "reject" | "last-value",
  fn: string,
  path: readonly PathSegment[],
  what: string,
): T[] {
  if (arr.length >= needed) return arr.slice(0, needed);
  if (extension === "reject") {
    throw metricsError(
      fn,
      "length_mismatch",
      path,
      `a curve with at least ${needed} values (one per ${what}); curves shorter than the horizon are rejected, not extended — add values, or set curveExtension: "last-value" to repeat the last one`,
      `an array of length ${arr.length}`,
    );
  }
  const out = arr.slice();
  const last = arr[arr.length - 1] as T;
  while (out.length < needed) out.push(last);
  return out;
}

function buildCurve(values: readonly Decimal[]): TenureCurve {
  const ids = new Int32Array(values.length);
  const coefs: Decimal[] = [];
  const seen = new Map<string, number>();
  let zero = true;
  const ones = new Float64Array(values.length).fill(1);
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as Decimal;
    if (!v.isZero()) zero = false;
    const key = v.toString();
    let id = seen.get(key);
    if (id === undefined) {
      id = coefs.length;
      coefs.push(v);
      seen.set(key, id);
    }
    ids[k] = id;
  }
  return { ids, g: ones, coefs, values, zero };
}

function incrementCurve(inc: Decimal, startTenure: number, maxTenure: number | null, tenures: number): TenureCurve {
  const g = new Float64Array(tenures);
  const values: Decimal[] = new Array<Decimal>(tenures);
  for (let k = 0; k < tenures; k++) {
    const capped = maxTenure === null ? k : Math.min(k, maxTenure);
    const steps = Math.max(0, capped - startTenure + 1);
    g[k] = steps;
    values[k] = steps === 0 ? new _MoneyDecimal(0) : inc.times(steps);
  }
  const zero = inc.isZero() || values.every((v) => v.isZero());
  return { ids: new Int32Array(tenures), g, coefs: [inc], values, zero };
}

function zeroCurve(tenures: number): TenureCurve {
  const z = new _MoneyDecimal(0);
  return {
    ids: new Int32Array(tenures),
    g: new Float64Array(tenures).fill(1),
    coefs: [z],
    values: new Array<Decimal>(tenures).fill(z),
    zero: true,
  };
}

/** Reads one profit component (amount, `{ curve }` or `{ increment }`) into a per-tenure curve. */
export function readComponent(
  value: unknown,
  fn: string,
  path: readonly PathSegment[],
  tenures: number,
  extension: "reject" | "last-value",
): TenureCurve {
  if (
    typeof value === "number" ||
    typeof value === "string" ||
    (typeof value === "object" && value !== null && typeof (value as { isFinite?: unknown }).isFinite === "function")
  ) {
    const v = money(value as never, fn, path);
    const values = new Array<Decimal>(tenures).fill(v);
    return { ids: new Int32Array(tenures), g: new Float64Array(tenures).fill(1), coefs: [v], values, zero: v.isZero() };
  }
  if (!isPlainObject(value)) {
    throw metricsError(fn, "invalid_type", path, "a money amount, { curve: [...] } or { increment }", value);
  }
  const curve = own(value, "curve");
  const increment = own(value, "increment");
  if (curve !== undefined && increment !== undefined) {
    throw metricsError(fn, "invalid_input", path, "either { curve } or { increment }, not both", value);
  }
  if (curve !== undefined) {
    if (!isArrayLike(curve)) throw metricsError(fn, "invalid_type", [...path, "curve"], "an array of money amounts", curve);
    if (curve.length === 0)
      throw metricsError(fn, "empty_sample", [...path, "curve"], "a non-empty array of money amounts", curve);
    const vals: Decimal[] = [];
    for (let i = 0; i < curve.length; i++) vals.push(money(curve[i] as never, fn, [...path, "curve", i]));
    const fitted = fitLength(vals, tenures, extension, fn, [...path, "curve"], `tenure 0..${tenures - 1}`);
    return buildCurve(fitted);
  }
  if (increment !== undefined) {
    const inc = money(increment as never, fn, [...path, "increment"]);
    const startRaw = own(value, "startTenure");
    const startTenure =
      startRaw === undefined ? 1 : assertIntegerInRange(startRaw, 0, Number.MAX_SAFE_INTEGER, fn, [...path, "startTenure"]);
    const maxRaw = own(value, "maxTenure");
    let maxTenure: number | null = null;
    if (maxRaw !== undefined) {
      maxTenure = assertIntegerInRange(maxRaw, 0, Number.MAX_SAFE_INTEGER, fn, [...path, "maxTenure"]);
      if (maxTenure < startTenure) {
        throw metricsError(fn, "out_of_range", [...path, "maxTenure"], `an integer >= startTenure (${startTenure})`, maxRaw);
      }
    }
    return incrementCurve(inc, startTenure, maxTenure, tenures);
  }
  throw metricsError(fn, "invalid_input", path, "a money amount, { curve: [...] } or { increment }", value);
}

/** Reads a bare value or a `{ value, unit }` tag. */
function untag(
  raw: unknown,
  units: UnitTracker,
  path: readonly PathSegment[],
  kind: "retention" | "interest" | "amount",
): { value: unknown; path: readonly PathSegment[] } {
  if (isPlainObject(raw) && own(raw, "value") !== undefined && own(raw, "type") === undefined) {
    units.tag(own(raw, "unit"), [...path, "unit"], kind);
    return { value: own(raw, "value"), path: [...path, "value"] };
  }
  return { value: raw, path };
}

/**
 * Validates projection assumptions with the core guards (no zod) and resolves
 * them into arrays the engine can run on. `need` says how many tenures the
 * curves must cover: a full projection (starting tenure mix + horizon) or a
 * single cohort followed for `periods` periods.
 */
export function readProjectionAssumptions(input: unknown, fn: string, need: Need): Normalized {
  if (!isPlainObject(input)) throw metricsError(fn, "invalid_type", [], "an assumptions object", input);
  const a = input;
  const periods = assertIntegerInRange(own(a, "periods"), 1, MAX_PERIODS, fn, ["periods"]);
  const declaredUnit = own(a, "periodUnit") === undefined ? null : assertOneOf(own(a, "periodUnit"), PERIODS, fn, ["periodUnit"]);
  const units = new UnitTracker(fn, declaredUnit);
  const timing = assertOneOf(own(a, "timing") ?? "end", ["end", "start"] as const, fn, ["timing"]);
  const curveExtension = assertOneOf(own(a, "curveExtension") ?? "reject", ["reject", "last-value"] as const, fn, [
    "curveExtension",
  ]);

  // starting customers (with their tenure mix)
  const sc = own(a, "startingCustomers");
  let start: Float64Array;
  if (sc === undefined) start = new Float64Array(1);
  else if (isPlainObject(sc)) {
    const bt = own(sc, "byTenure");
    if (bt === undefined)
      throw metricsError(fn, "invalid_type", ["startingCustomers", "byTenure"], "an array of customer counts by tenure", bt);
    start = Float64Array.from(readNumberArray(bt, fn, ["startingCustomers", "byTenure"], (v, p) => assertNonNegative(v, fn, p)));
  } else start = Float64Array.of(assertNonNegative(sc, fn, ["startingCustomers"]));
  if (start.length > MAX_PERIODS) {
    throw metricsError(
      fn,
      "out_of_range",
      ["startingCustomers", "byTenure"],
      `at most ${MAX_PERIODS} tenures`,
      `an array of length ${start.length}`,
    );
  }
  const tenures = need === "projection" ? start.length - 1 + periods : periods;

  // discount rate
  const dRaw = own(a, "discountRate");
  let discountRate = 0;
  if (dRaw !== undefined) {
    const d = untag(dRaw, units, ["discountRate"], "interest");
    discountRate = assertFinite(d.value, fn, d.path);
    if (discountRate < 0)
      throw metricsError(fn, "out_of_range", d.path, "a discount rate >= 0 (a fraction per period, e.g. 0.1)", d.value);
  }

  // retention
  const rRaw = own(a, "retentionRate");
  let retention: Retention;
  let retentionPath: readonly PathSegment[] = ["retentionRate"];
  if (isPlainObject(rRaw) && own(rRaw, "type") !== undefined) {
    const type = assertOneOf(own(rRaw, "type"), ["per-tenure", "per-period"] as const, fn, ["retentionRate", "type"]);
    units.tag(own(rRaw, "unit"), ["retentionRate", "unit"]);
    retentionPath = ["retentionRate", "rates"];
    const rates = readNumberArray(own(rRaw, "rates"), fn, ["retentionRate", "rates"], (v, p) => assertProbability(v, fn, p));
    if (type === "per-tenure") {
      retention = {
        kind: "tenure",
        rates: Float64Array.from(fitLength(rates, tenures, curveExtension, fn, retentionPath, `tenure 0..${tenures - 1}`)),
      };
    } else {
      retention = {
        kind: "period",
        rates: Float64Array.from(fitLength(rates, periods, curveExtension, fn, retentionPath, `period 1..${periods}`)),
      };
    }
  } else {
    if (rRaw === undefined)
      throw metricsError(fn, "invalid_type", ["retentionRate"], "a retention rate (a fraction in [0, 1], e.g. 0.85)", rRaw);
    const r = untag(rRaw, units, ["retentionRate"], "retention");
    retentionPath = r.path;
    retention = { kind: "constant", rate: assertProbability(r.value, fn, r.path) };
  }

  // acquisition cost
  const acRaw = own(a, "acquisitionCost");
  const acquisitionCost = acRaw === undefined ? new _MoneyDecimal(0) : money(acRaw as never, fn, ["acquisitionCost"]);
  if (acquisitionCost.isNegative() && !acquisitionCost.isZero()) {
    throw metricsError(fn, "out_of_range", ["acquisitionCost"], "a money amount >= 0", acquisitionCost.toString());
  }

  // new customers
  const nRaw = own(a, "newCustomersPerPeriod");
  let newCustomers: NewCustomers;
  if (nRaw === undefined) newCustomers = { kind: "schedule", counts: new Float64Array(periods) };
  else if (isPlainObject(nRaw) && own(nRaw, "type") !== undefined) {
    const type = assertOneOf(own(nRaw, "type"), ["growing", "referral", "per-period"] as const, fn, [
      "newCustomersPerPeriod",
      "type",
    ]);
    units.tag(own(nRaw, "unit"), ["newCustomersPerPeriod", "unit"], "amount");
    const p = ["newCustomersPerPeriod"];
    if (type === "growing") {
      const initial = assertNonNegative(own(nRaw, "initial"), fn, [...p, "initial"]);
      const g = assertFinite(own(nRaw, "growthRate"), fn, [...p, "growthRate"]);
      if (g <= -1)
        throw metricsError(fn, "out_of_range", [...p, "growthRate"], "a growth rate greater than -1 (a fraction per period)", g);
      const counts = new Float64Array(periods);
      let c = initial;
      for (let t = 0; t < periods; t++) {
        counts[t] = c;
        c *= 1 + g;
      }
      if (!counts.every(Number.isFinite)) {
        throw metricsError(
          fn,
          "out_of_range",
          [...p, "growthRate"],
          "a growth rate that keeps the number of new customers finite over the horizon",
          g,
        );
      }
      newCustomers = { kind: "schedule", counts };
    } else if (type === "referral") {
      const rate = assertNonNegative(own(nRaw, "referralsPerCustomer"), fn, [...p, "referralsPerCustomer"]);
      const baseRaw = own(nRaw, "base");
      const base = baseRaw === undefined ? 0 : assertNonNegative(baseRaw, fn, [...p, "base"]);
      const costRaw = own(nRaw, "acquisitionCost");
      const referredCost = costRaw === undefined ? acquisitionCost : money(costRaw as never, fn, [...p, "acquisitionCost"]);
      if (referredCost.isNegative() && !referredCost.isZero()) {
        throw metricsError(fn, "out_of_range", [...p, "acquisitionCost"], "a money amount >= 0", referredCost.toString());
      }
      newCustomers = { kind: "referral", rate, base, referredCost };
    } else {
      const counts = readNumberArray(own(nRaw, "counts"), fn, [...p, "counts"], (v, q) => assertNonNegative(v, fn, q));
      newCustomers = {
        kind: "schedule",
        counts: Float64Array.from(fitLength(counts, periods, curveExtension, fn, [...p, "counts"], `period 1..${periods}`)),
      };
    }
  } else {
    const n = untag(nRaw, units, ["newCustomersPerPeriod"], "amount");
    const count = assertNonNegative(n.value, fn, n.path);
    newCustomers = { kind: "schedule", counts: new Float64Array(periods).fill(count) };
  }

  // profit per customer
  const pRaw = own(a, "profitPerCustomer");
  if (!isPlainObject(pRaw))
    throw metricsError(fn, "invalid_type", ["profitPerCustomer"], 'an object with at least a base profit ({ base: "40" })', pRaw);
  units.tag(own(pRaw, "unit"), ["profitPerCustomer", "unit"], "amount");
  if (own(pRaw, "base") === undefined) {
    throw metricsError(
      fn,
      "invalid_type",
      ["profitPerCustomer", "base"],
      "a money amount, { curve: [...] } or { increment }",
      undefined,
    );
  }
  const components = {} as Record<ComponentName, TenureCurve>;
  for (const name of COMPONENT_NAMES) {
    const c = own(pRaw, name);
    components[name] =
      c === undefined ? zeroCurve(tenures) : readComponent(c, fn, ["profitPerCustomer", name], tenures, curveExtension);
  }
  const revRaw = own(a, "revenuePerCustomer");
  const revenue = revRaw === undefined ? null : readComponent(revRaw, fn, ["revenuePerCustomer"], tenures, curveExtension);

  return {
    fn,
    periods,
    periodUnit: units.result(),
    timing,
    curveExtension,
    start,
    tenures,
    newCustomers,
    retention,
    retentionPath,
    acquisitionCost: acquisitionCost.isZero() ? new _MoneyDecimal(0) : acquisitionCost,
    discountRate,
    discount: new _MoneyDecimal(discountRate),
    components,
    revenue,
  };
}

/** Retention of customers with tenure k in period t (1-based). */
export function retentionAt(r: Retention, t: number, k: number): number {
  switch (r.kind) {
    case "constant":
      return r.rate;
    case "tenure":
      return r.rates[k] as number;
    case "period":
      return r.rates[t - 1] as number;
  }
}

/**
 * Returns `n` with every retention rate shifted by `delta` (exact decimal
 * addition of the rates' shortest strings). Rates leaving [0, 1] are an
 * `out_of_range` error at `deltaPath`, or are capped when `clamp` is set.
 */
export function shiftRetention(
  n: Normalized,
  delta: number,
  clamp: boolean,
  fn: string,
  deltaPath: readonly PathSegment[],
): Normalized {
  if (delta === 0) return n;
  const d = new _MoneyDecimal(delta);
  const shift = (r: number, where: string): number => {
    const v = new _MoneyDecimal(r).plus(d).toNumber();
    if (v >= 0 && v <= 1) return v;
    if (clamp) return v < 0 ? 0 : 1;
    throw metricsError(
      fn,
      "out_of_range",
      deltaPath,
      `a change that keeps every retention rate in [0, 1] (${where} = ${r} becomes ${v}); pass clamp: true to cap rates at 0 and 1`,
      delta,
    );
  };
  const base = n.retentionPath.join(".");
  let retention: Retention;
  switch (n.retention.kind) {
    case "constant":
      retention = { kind: "constant", rate: shift(n.retention.rate, base) };
      break;
    case "tenure":
    case "period": {
      const src = n.retention.rates;
      const rates = new Float64Array(src.length);
      for (let i = 0; i < src.length; i++) rates[i] = shift(src[i] as number, `${base}[${i}]`);
      retention = { kind: n.retention.kind, rates };
      break;
    }
  }
  return { ...n, retention };
}

/** Returns `n` with a constant retention rate. */
export function withConstantRetention(n: Normalized, rate: number): Normalized {
  return { ...n, retention: { kind: "constant", rate } };
}

/** Returns `n` with a different discount rate. */
export function withDiscountRate(n: Normalized, rate: number): Normalized {
  return { ...n, discountRate: rate, discount: new _MoneyDecimal(rate) };
}

function scaleCurve(c: TenureCurve, m: Decimal): TenureCurve {
  if (c.zero) return c;
  return {
    ids: c.ids,
    g: c.g,
    coefs: c.coefs.map((x) => x.times(m)),
    values: c.values.map((x) => x.times(m)),
    zero: m.isZero(),
  };
}

/** Returns `n` with every profit component multiplied by `multiplier` (revenue and acquisition cost unchanged). */
export function withMarginMultiplier(n: Normalized, multiplier: number): Normalized {
  if (multiplier === 1) return n;
  const m = new _MoneyDecimal(multiplier);
  const components = {} as Record<ComponentName, TenureCurve>;
  for (const name of COMPONENT_NAMES) components[name] = scaleCurve(n.components[name], m);
  return { ...n, components };
}
