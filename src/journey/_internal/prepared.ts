import { metricsError, type PathSegment } from "../../core/errors.js";
import { fastIsoDay, toDayNumber, fromDayNumber, type DateInput } from "../../core/time.js";
import { isUnsafeKey, readCustomerId as readSharedCustomerId } from "../../core/guards.js";
import type { JourneyModel, JourneyRule, JourneyEventAggregate } from "../schemas.js";
import { validateJourneyModelInput } from "./validateModel.js";

/*
 * A validated model turned into an indexed tree of plain data nodes that a
 * small interpreter walks (a switch over the node kind). No code is generated
 * from the model: no eval, no Function, no closures built from rules.
 *
 * Signal values per customer live in a Float64Array: dates as UTC day numbers,
 * numbers as themselves, booleans as 0/1, and NaN for "missing" (NaN is an
 * internal marker only: signal values are validated finite, and no NaN ever
 * reaches a result).
 */

export const K_COND = 0;
export const K_ALL = 1;
export const K_ANY = 2;
export const K_NOT = 3;
export const K_STAGE = 4;

export const OP_EXISTS = 0;
export const OP_MISSING = 1;
export const OP_EQ = 2;
export const OP_NE = 3;
export const OP_GT = 4;
export const OP_GTE = 5;
export const OP_LT = 6;
export const OP_LTE = 7;

const OP_CODE: Readonly<Record<string, number>> = { exists: 0, missing: 1, eq: 2, ne: 3, gt: 4, gte: 5, lt: 6, lte: 7 };
const OP_SYMBOL = ["exists", "missing", "=", "!=", ">", ">=", "<", "<="];

export const T_DATE = 0;
export const T_NUMBER = 1;
export const T_BOOLEAN = 2;

/** One rule node. Every node has the same shape (monomorphic for the interpreter). */
export interface PNode {
  readonly k: number;
  /** Signal index (conditions). */
  readonly sig: number;
  readonly op: number;
  readonly val: number;
  /** Compare days since a date signal. */
  readonly days: boolean;
  readonly kids: readonly PNode[];
  /** Stage index (stage references). */
  readonly stage: number;
  /** Human-readable rendering of the node. */
  readonly text: string;
}

export interface PStage {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly entry: PNode;
  /** Signal index the window is counted from, or -1 without a window. */
  readonly since: number;
  readonly start: number;
  readonly end: number;
}

export interface PEventTarget {
  readonly signal: number;
  readonly aggregate: JourneyEventAggregate;
}

export interface PreparedModel {
  readonly model: JourneyModel;
  readonly signalIds: readonly string[];
  readonly signalTypes: Uint8Array;
  readonly signalMin: Float64Array;
  readonly signalMax: Float64Array;
  readonly signalInteger: Uint8Array;
  readonly signalIndex: ReadonlyMap<string, number>;
  readonly dateSignals: Int32Array;
  readonly anchor: number;
  readonly sequential: boolean;
  readonly stages: readonly PStage[];
  readonly stageIndex: ReadonlyMap<string, number>;
  readonly risks: ReadonlyArray<{ readonly id: string; readonly rule: PNode }>;
  readonly events: ReadonlyMap<string, readonly PEventTarget[]>;
  /** Reusable signal buffer for single-customer calls (see {@link borrowScratch}). */
  readonly scratch: Float64Array;
  /** Whether `scratch` is in use (guards against re-entrant calls from property getters). */
  scratchBusy: boolean;
}

const cache = new WeakMap<object, PreparedModel>();

function build(
  rule: JourneyRule,
  signalIndex: ReadonlyMap<string, number>,
  types: Uint8Array,
  stageIndex: ReadonlyMap<string, number>,
): PNode {
  const base = { sig: -1, op: -1, val: 0, days: false, kids: [] as PNode[], stage: -1 };
  if ("all" in rule || "any" in rule) {
    const isAll = "all" in rule;
    const kids = (isAll ? rule.all : (rule as { any: readonly JourneyRule[] }).any).map((r) =>
      build(r, signalIndex, types, stageIndex),
    );
    return { ...base, k: isAll ? K_ALL : K_ANY, kids, text: `${isAll ? "all" : "any"}(${kids.map((c) => c.text).join(", ")})` };
  }
  if ("not" in rule) {
    const kid = build(rule.not, signalIndex, types, stageIndex);
    return { ...base, k: K_NOT, kids: [kid], text: `not(${kid.text})` };
  }
  if ("stage" in rule) {
    return { ...base, k: K_STAGE, stage: stageIndex.get(rule.stage) as number, text: `stage ${rule.stage} reached` };
  }
  const sig = signalIndex.get(rule.signal) as number;
  const op = OP_CODE[rule.op] as number;
  const days = rule.measure === "daysSince";
  const val = typeof rule.value === "boolean" ? (rule.value ? 1 : 0) : (rule.value ?? 0);
  let text: string;
  if (op === OP_EXISTS || op === OP_MISSING) text = `${rule.signal} ${rule.op}`;
  else if (days) text = `days since ${rule.signal} ${OP_SYMBOL[op]} ${val}`;
  else text = `${rule.signal} ${OP_SYMBOL[op]} ${typeof rule.value === "boolean" ? String(rule.value) : val}`;
  return { ...base, k: K_COND, sig, op, val, days, text };
}

/** Validates (once per model object) and prepares a model. */
export function prepareModel(model: JourneyModel, fn: string): PreparedModel {
  if (model !== null && typeof model === "object") {
    const hit = cache.get(model);
    if (hit !== undefined) return hit;
  }
  validateJourneyModelInput(model, fn);
  const signalIds = model.signals.map((s) => s.id);
  const n = signalIds.length;
  const signalTypes = new Uint8Array(n);
  const signalMin = new Float64Array(n).fill(-Infinity);
  const signalMax = new Float64Array(n).fill(Infinity);
  const signalInteger = new Uint8Array(n);
  const signalIndex = new Map<string, number>();
  const dates: number[] = [];
  model.signals.forEach((s, i) => {
    signalIndex.set(s.id, i);
    signalTypes[i] = s.type === "date" ? T_DATE : s.type === "number" ? T_NUMBER : T_BOOLEAN;
    if (s.type === "date") dates.push(i);
    if (s.min !== undefined) signalMin[i] = s.min;
    if (s.max !== undefined) signalMax[i] = s.max;
    if (s.integer === true) signalInteger[i] = 1;
  });
  const stageIndex = new Map<string, number>();
  model.stages.forEach((s, i) => stageIndex.set(s.id, i));
  const anchor = signalIndex.get(model.anchor) as number;
  const stages: PStage[] = model.stages.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description ?? "",
    entry: build(s.entry, signalIndex, signalTypes, stageIndex),
    since: s.window === undefined ? -1 : s.window.since === undefined ? anchor : (signalIndex.get(s.window.since) as number),
    start: s.window?.start ?? 0,
    end: s.window?.end ?? 0,
  }));
  const risks = (model.riskRules ?? []).map((r) => ({ id: r.id, rule: build(r.rule, signalIndex, signalTypes, stageIndex) }));
  const events = new Map<string, PEventTarget[]>();
  for (const e of model.eventMapping ?? []) {
    const list = events.get(e.event) ?? [];
    list.push({ signal: signalIndex.get(e.signal) as number, aggregate: e.aggregate });
    events.set(e.event, list);
  }
  const prepared: PreparedModel = {
    model,
    signalIds,
    signalTypes,
    signalMin,
    signalMax,
    signalInteger,
    signalIndex,
    dateSignals: Int32Array.from(dates),
    anchor,
    sequential: model.progression === "sequential",
    stages,
    stageIndex,
    risks,
    events,
    scratch: new Float64Array(signalIds.length),
    scratchBusy: false,
  };
  cache.set(model, prepared);
  return prepared;
}

/** Whether a rule holds for the customer's signal values at day `asOf`. */
export function holds(node: PNode, vals: Float64Array, asOf: number, stages: readonly PStage[]): boolean {
  switch (node.k) {
    case K_COND: {
      const v = vals[node.sig] as number;
      const op = node.op;
      if (op === OP_EXISTS) return v === v;
      if (op === OP_MISSING) return v !== v;
      if (v !== v) return false;
      const x = node.days ? asOf - v : v;
      const c = node.val;
      switch (op) {
        case OP_EQ:
          return x === c;
        case OP_NE:
          return x !== c;
        case OP_GT:
          return x > c;
        case OP_GTE:
          return x >= c;
        case OP_LT:
          return x < c;
        default:
          return x <= c;
      }
    }
    case K_ALL: {
      const kids = node.kids;
      for (let i = 0; i < kids.length; i++) if (!holds(kids[i] as PNode, vals, asOf, stages)) return false;
      return true;
    }
    case K_ANY: {
      const kids = node.kids;
      for (let i = 0; i < kids.length; i++) if (holds(kids[i] as PNode, vals, asOf, stages)) return true;
      return false;
    }
    case K_NOT:
      return !holds(node.kids[0] as PNode, vals, asOf, stages);
    default:
      return holds((stages[node.stage] as PStage).entry, vals, asOf, stages);
  }
}

/**
 * The day from which a rule that holds has held, as far as its dated
 * conditions tell (NaN = unknown). `all` takes the latest known date, `any`
 * the earliest known date among the sub-rules that hold.
 */
export function heldSince(node: PNode, vals: Float64Array, asOf: number, stages: readonly PStage[], types: Uint8Array): number {
  switch (node.k) {
    case K_COND: {
      if (types[node.sig] !== T_DATE) return NaN;
      const v = vals[node.sig] as number;
      if (node.op === OP_EXISTS) return v;
      if (!node.days) return NaN;
      switch (node.op) {
        case OP_GTE:
          return v + Math.max(0, Math.ceil(node.val));
        case OP_GT:
          return v + Math.max(0, Math.floor(node.val) + 1);
        case OP_EQ:
          return v + node.val;
        case OP_LT:
        case OP_LTE:
          return v;
        default:
          return NaN;
      }
    }
    case K_ALL: {
      let best = NaN;
      for (const kid of node.kids) {
        const d = heldSince(kid, vals, asOf, stages, types);
        if (d === d && !(best >= d)) best = d;
      }
      return best;
    }
    case K_ANY: {
      let best = NaN;
      for (const kid of node.kids) {
        if (!holds(kid, vals, asOf, stages)) continue;
        const d = heldSince(kid, vals, asOf, stages, types);
        if (d === d && !(best <= d)) best = d;
      }
      return best;
    }
    case K_NOT:
      return NaN;
    default:
      return heldSince((stages[node.stage] as PStage).entry, vals, asOf, stages, types);
  }
}

/** The unmet parts of a rule, as text (empty when it holds). */
export function unmet(node: PNode, vals: Float64Array, asOf: number, stages: readonly PStage[], out: string[]): string[] {
  if (node.k === K_ALL) {
    for (const kid of node.kids) unmet(kid, vals, asOf, stages, out);
  } else if (!holds(node, vals, asOf, stages)) out.push(node.text);
  return out;
}

/** Index of the stage the customer is in (-1: none holds). */
export function stageOf(p: PreparedModel, vals: Float64Array, asOf: number): number {
  const stages = p.stages;
  if (p.sequential) {
    let i = 0;
    while (i < stages.length && holds((stages[i] as PStage).entry, vals, asOf, stages)) i++;
    return i - 1;
  }
  for (let i = stages.length - 1; i >= 0; i--) if (holds((stages[i] as PStage).entry, vals, asOf, stages)) return i;
  return -1;
}

/** Days the next stage is overdue (> 0 means stalled), or NaN when it has no window or its date signal is missing. */
export function overdueDays(p: PreparedModel, stage: number, vals: Float64Array, asOf: number): number {
  const next = p.stages[stage + 1];
  if (next === undefined || next.since < 0) return NaN;
  const d = vals[next.since] as number;
  if (d !== d) return NaN;
  return asOf - d - next.end;
}

const MS_PER_DAY = 86_400_000;
const MAX_MS = 8.64e15;

/** Takes the model's scratch buffer (or a fresh one when it is busy); give it back with {@link releaseScratch}. */
export function borrowScratch(p: PreparedModel): Float64Array {
  if (p.scratchBusy) return new Float64Array(p.signalIds.length);
  p.scratchBusy = true;
  return p.scratch;
}

/** Returns the scratch buffer taken by {@link borrowScratch}. */
export function releaseScratch(p: PreparedModel, buf: Float64Array): void {
  if (buf === p.scratch) p.scratchBusy = false;
}

// One-entry memo of the last asOf string/number (per-customer calls usually repeat it).
let lastAsOfKey: string | number | undefined;
let lastAsOfDay = 0;

/** Reads `asOf` (required) as a UTC day number. */
export function readAsOf(
  options: { readonly asOf?: DateInput } | undefined,
  fn: string,
  path: readonly PathSegment[] = ["options", "asOf"],
): number {
  const asOf = options?.asOf;
  if (asOf === undefined)
    throw metricsError(fn, "invalid_date", path, "a date (asOf is required: the library has no clock)", asOf);
  if ((typeof asOf === "string" || typeof asOf === "number") && asOf === lastAsOfKey) return lastAsOfDay;
  const day = toDayNumber(asOf, { fn, path });
  if (typeof asOf === "string" || typeof asOf === "number") {
    lastAsOfKey = asOf;
    lastAsOfDay = day;
  }
  return day;
}

// Bounded cache of ISO strings per day number (results repeat the same few hundred days).
const isoCache = new Map<number, string>();

/** The ISO date of a day number (cached). */
export function isoDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = fromDayNumber(day);
    if (isoCache.size >= 20_000) isoCache.clear();
    isoCache.set(day, s);
  }
  return s;
}

const NO_PREFIX: readonly PathSegment[] = [];

function pathOf(prefix: readonly PathSegment[], index: number, key: string): PathSegment[] {
  return index < 0 ? [...prefix, key] : [...prefix, index, key];
}

function readDate(v: unknown, fn: string, prefix: readonly PathSegment[], index: number, key: string, asOf: number): number {
  let day: number;
  if (typeof v === "number") {
    if (!(v === v) || v > MAX_MS || v < -MAX_MS)
      throw metricsError(fn, "invalid_date", pathOf(prefix, index, key), "a valid date", v);
    day = Math.floor(v / MS_PER_DAY);
  } else if (v instanceof Date) {
    const t = v.getTime();
    if (t !== t) throw metricsError(fn, "invalid_date", pathOf(prefix, index, key), "a valid date", v);
    day = Math.floor(t / MS_PER_DAY);
  } else {
    day = typeof v === "string" ? fastIsoDay(v) : NaN;
    if (day !== day) day = toDayNumber(v as DateInput, { fn, path: pathOf(prefix, index, key) });
  }
  if (day > asOf) {
    throw metricsError(fn, "invalid_date", pathOf(prefix, index, key), `a date on or before asOf (${isoDay(asOf)})`, v);
  }
  return day === 0 ? 0 : day;
}

/**
 * Reads one customer's signals into `vals` (NaN = missing), validating each
 * declared signal. `index` is the customer's position in a batch (-1: single);
 * error paths are `[...prefix, index, signal]`.
 */
export function readSignals(
  p: PreparedModel,
  customer: unknown,
  asOf: number,
  vals: Float64Array,
  fn: string,
  index: number,
  prefix: readonly PathSegment[] = NO_PREFIX,
): void {
  if (customer === null || typeof customer !== "object") {
    throw metricsError(
      fn,
      "invalid_type",
      index < 0 ? [...prefix] : [...prefix, index],
      "a customer object of signals",
      customer,
    );
  }
  const c = customer as Record<string, unknown>;
  const ids = p.signalIds;
  const types = p.signalTypes;
  for (let i = 0; i < ids.length; i++) {
    const key = ids[i] as string;
    const v = c[key];
    if (v === undefined || v === null) {
      vals[i] = NaN;
      continue;
    }
    const t = types[i];
    if (t === T_DATE) {
      vals[i] = readDate(v, fn, prefix, index, key, asOf);
    } else if (t === T_NUMBER) {
      if (typeof v !== "number") throw metricsError(fn, "invalid_type", pathOf(prefix, index, key), "a number", v);
      if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", pathOf(prefix, index, key), "a finite number", v);
      if (v < (p.signalMin[i] as number) || v > (p.signalMax[i] as number)) {
        throw metricsError(
          fn,
          "out_of_range",
          pathOf(prefix, index, key),
          `a number in [${p.signalMin[i]}, ${p.signalMax[i]}]`,
          v,
        );
      }
      if (p.signalInteger[i] === 1 && !Number.isInteger(v))
        throw metricsError(fn, "not_integer", pathOf(prefix, index, key), "an integer", v);
      vals[i] = v === 0 ? 0 : v;
    } else {
      if (typeof v !== "boolean") throw metricsError(fn, "invalid_type", pathOf(prefix, index, key), "a boolean", v);
      vals[i] = v ? 1 : 0;
    }
  }
}

/** Earliest present date signal (NaN when none). */
export function earliestDate(p: PreparedModel, vals: Float64Array): number {
  let best = NaN;
  const ds = p.dateSignals;
  for (let i = 0; i < ds.length; i++) {
    const v = vals[ds[i] as number] as number;
    if (v === v && !(best <= v)) best = v;
  }
  return best;
}

/** Checks a batch input is a non-empty array. */
export function checkCustomers(customers: unknown, fn: string, path: readonly PathSegment[] = ["customers"]): readonly unknown[] {
  if (!Array.isArray(customers)) throw metricsError(fn, "invalid_type", path, "an array of customers", customers);
  if (customers.length === 0) throw metricsError(fn, "empty_sample", path, "a non-empty array of customers", customers);
  return customers;
}

/** Reads a customer's id with the shared policy of core/guards.ts (string or finite number, reserved keys rejected). */
export function readCustomerId(
  customer: unknown,
  fn: string,
  index: number,
  prefix: readonly PathSegment[] = NO_PREFIX,
): string | number {
  const id = (customer as { customerId?: unknown }).customerId;
  // The path is only built on the error path (no allocation per customer).
  if (typeof id === "number" ? Number.isFinite(id) : typeof id === "string" && id.length > 0 && !isUnsafeKey(id))
    return id === 0 ? 0 : (id as string | number);
  return readSharedCustomerId(id, fn, [...prefix, index, "customerId"]);
}
