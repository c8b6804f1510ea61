import { metricsError, type PathSegment } from "../../core/errors.js";
import { assertSafeKey, isUnsafeKey } from "../../core/guards.js";
import type { JourneyModel } from "../schemas.js";

/*
 * Hand-written validation of a journey model (structure + semantics), used by
 * every calculator (which must not load zod) and by parseJourneyModel. Nothing
 * is evaluated: rules are only inspected.
 */

type Path = readonly PathSegment[];

const OPS = new Set(["exists", "missing", "eq", "ne", "gt", "gte", "lt", "lte"]);
const COMPARISONS = new Set(["eq", "ne", "gt", "gte", "lt", "lte"]);
const SIGNAL_TYPES = new Set(["date", "number", "boolean"]);
const AGGREGATES: ReadonlyMap<string, string> = new Map([
  ["first", "date"],
  ["second", "date"],
  ["last", "date"],
  ["count", "number"],
  ["sum", "number"],
  ["latestValue", "number"],
  ["flag", "boolean"],
]);
/** Deepest rule nesting accepted (guards the recursive interpreter's stack). */
export const MAX_RULE_DEPTH = 64;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function checkObject(v: unknown, allowed: readonly string[], fn: string, path: Path, what: string): Record<string, unknown> {
  if (!isPlainObject(v)) throw metricsError(fn, "invalid_type", path, `a plain object (${what})`, v);
  for (const key of Object.keys(v)) {
    if (isUnsafeKey(key))
      throw metricsError(fn, "unsafe_key", [...path, key], "a key other than __proto__, constructor or prototype", key);
    if (!allowed.includes(key)) {
      throw metricsError(fn, "invalid_input", [...path, key], `one of the fields of ${what} (${allowed.join(", ")})`, key);
    }
  }
  return v;
}

function checkArray(v: unknown, fn: string, path: Path): readonly unknown[] {
  if (!Array.isArray(v)) throw metricsError(fn, "invalid_type", path, "an array", v);
  return v;
}

function checkText(v: unknown, fn: string, path: Path, optional: boolean): void {
  if (v === undefined && optional) return;
  if (typeof v !== "string" || (!optional && v.length === 0)) {
    throw metricsError(fn, "invalid_type", path, optional ? "a string" : "a non-empty string", v);
  }
}

function checkFinite(v: unknown, fn: string, path: Path, integer = false): number {
  if (typeof v !== "number")
    throw metricsError(fn, "invalid_type", path, integer ? "an integer number of days" : "a finite number", v);
  if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", path, "a finite number", v);
  if (integer && !Number.isInteger(v)) throw metricsError(fn, "not_integer", path, "an integer number of days", v);
  return v;
}

interface Ctx {
  readonly fn: string;
  readonly signals: ReadonlyMap<string, string>;
  readonly stages: ReadonlyMap<string, number>;
  /** Stage references found in entry rules: [from stage, to stage, path]. */
  readonly refs: Array<[number, number, Path]>;
}

function checkRule(rule: unknown, ctx: Ctx, path: Path, fromStage: number, depth: number): void {
  const { fn } = ctx;
  if (depth > MAX_RULE_DEPTH)
    throw metricsError(fn, "invalid_model", path, `a rule nested at most ${MAX_RULE_DEPTH} levels deep`);
  if (!isPlainObject(rule))
    throw metricsError(
      fn,
      "invalid_type",
      path,
      "a rule object ({ signal, op } | { stage } | { all } | { any } | { not })",
      rule,
    );
  if ("all" in rule || "any" in rule) {
    const key = "all" in rule ? "all" : "any";
    checkObject(rule, [key], fn, path, `an "${key}" rule`);
    const kids = checkArray(rule[key], fn, [...path, key]);
    if (kids.length === 0) throw metricsError(fn, "invalid_model", [...path, key], `a non-empty list of rules`, kids);
    kids.forEach((kid, i) => checkRule(kid, ctx, [...path, key, i], fromStage, depth + 1));
    return;
  }
  if ("not" in rule) {
    checkObject(rule, ["not"], fn, path, 'a "not" rule');
    checkRule(rule["not"], ctx, [...path, "not"], fromStage, depth + 1);
    return;
  }
  if ("stage" in rule) {
    checkObject(rule, ["stage"], fn, path, "a stage condition");
    const id = assertSafeKey(rule["stage"], fn, [...path, "stage"]);
    const to = ctx.stages.get(id);
    if (to === undefined) throw metricsError(fn, "unknown_reference", [...path, "stage"], "the id of a stage of this model", id);
    if (fromStage >= 0) ctx.refs.push([fromStage, to, [...path, "stage"]]);
    return;
  }
  if (!("signal" in rule)) {
    throw metricsError(fn, "invalid_model", path, "a rule with one of the keys signal, stage, all, any, not", rule);
  }
  checkObject(rule, ["signal", "op", "value", "measure"], fn, path, "a signal condition");
  const signal = assertSafeKey(rule["signal"], fn, [...path, "signal"]);
  const type = ctx.signals.get(signal);
  if (type === undefined)
    throw metricsError(
      fn,
      "unknown_reference",
      [...path, "signal"],
      "the id of a signal declared in the model's signals",
      signal,
    );
  const op = rule["op"];
  if (typeof op !== "string" || !OPS.has(op)) {
    throw metricsError(
      fn,
      "invalid_option",
      [...path, "op"],
      'one of "exists", "missing", "eq", "ne", "gt", "gte", "lt", "lte"',
      op,
    );
  }
  const measure = rule["measure"];
  if (measure !== undefined && measure !== "value" && measure !== "daysSince") {
    throw metricsError(fn, "invalid_option", [...path, "measure"], 'one of "value", "daysSince"', measure);
  }
  const value = rule["value"];
  if (!COMPARISONS.has(op)) {
    if (value !== undefined)
      throw metricsError(fn, "invalid_model", [...path, "value"], `absent for the operator "${op}"`, value);
    if (measure === "daysSince")
      throw metricsError(fn, "invalid_model", [...path, "measure"], `absent for the operator "${op}"`, measure);
    return;
  }
  if (type === "date") {
    if (measure !== "daysSince") {
      throw metricsError(
        fn,
        "invalid_model",
        [...path, "measure"],
        `"daysSince" to compare the date signal "${signal}"`,
        measure,
      );
    }
    checkFinite(value, fn, [...path, "value"]);
    return;
  }
  if (measure === "daysSince") {
    throw metricsError(
      fn,
      "invalid_model",
      [...path, "measure"],
      `used only with date signals ("${signal}" is a ${type} signal)`,
      measure,
    );
  }
  if (type === "boolean") {
    if (op !== "eq" && op !== "ne")
      throw metricsError(fn, "invalid_model", [...path, "op"], `"eq" or "ne" for the boolean signal "${signal}"`, op);
    if (typeof value !== "boolean") throw metricsError(fn, "invalid_type", [...path, "value"], "a boolean", value);
    return;
  }
  checkFinite(value, fn, [...path, "value"]);
}

/**
 * Validates a journey model and returns it typed. Throws the first problem
 * found as a MetricsError with its path inside the model.
 */
export function validateJourneyModelInput(input: unknown, fn: string): JourneyModel {
  const m = checkObject(
    input,
    ["id", "name", "description", "anchor", "progression", "signals", "stages", "riskRules", "eventMapping"],
    fn,
    [],
    "a journey model",
  );
  assertSafeKey(m["id"], fn, ["id"]);
  checkText(m["name"], fn, ["name"], false);
  checkText(m["description"], fn, ["description"], true);
  const progression = m["progression"];
  if (progression !== undefined && progression !== "furthest" && progression !== "sequential") {
    throw metricsError(fn, "invalid_option", ["progression"], 'one of "furthest", "sequential"', progression);
  }

  // Signals.
  const signals = new Map<string, string>();
  const signalList = checkArray(m["signals"], fn, ["signals"]);
  signalList.forEach((s, i) => {
    const path: Path = ["signals", i];
    const sig = checkObject(s, ["id", "type", "description", "min", "max", "integer"], fn, path, "a signal");
    const id = assertSafeKey(sig["id"], fn, [...path, "id"]);
    if (id === "customerId")
      throw metricsError(
        fn,
        "invalid_model",
        [...path, "id"],
        'a signal id other than "customerId" (reserved for customer ids)',
        id,
      );
    if (signals.has(id)) throw metricsError(fn, "duplicate_id", [...path, "id"], "a signal id not used before in signals", id);
    const type = sig["type"];
    if (typeof type !== "string" || !SIGNAL_TYPES.has(type)) {
      throw metricsError(fn, "invalid_option", [...path, "type"], 'one of "date", "number", "boolean"', type);
    }
    checkText(sig["description"], fn, [...path, "description"], true);
    for (const key of ["min", "max", "integer"] as const) {
      if (sig[key] !== undefined && type !== "number") {
        throw metricsError(fn, "invalid_model", [...path, key], `absent: only number signals take ${key}`, sig[key]);
      }
    }
    const min = sig["min"] === undefined ? undefined : checkFinite(sig["min"], fn, [...path, "min"]);
    const max = sig["max"] === undefined ? undefined : checkFinite(sig["max"], fn, [...path, "max"]);
    if (min !== undefined && max !== undefined && max < min)
      throw metricsError(fn, "out_of_range", [...path, "max"], `a number >= min (${min})`, max);
    if (sig["integer"] !== undefined && typeof sig["integer"] !== "boolean") {
      throw metricsError(fn, "invalid_type", [...path, "integer"], "a boolean", sig["integer"]);
    }
    signals.set(id, type);
  });

  const anchor = assertSafeKey(m["anchor"], fn, ["anchor"]);
  const anchorType = signals.get(anchor);
  if (anchorType === undefined)
    throw metricsError(fn, "unknown_reference", ["anchor"], "the id of a declared date signal", anchor);
  if (anchorType !== "date")
    throw metricsError(fn, "invalid_model", ["anchor"], `a date signal ("${anchor}" is a ${anchorType} signal)`, anchor);

  // Stages: ids first (rules may reference any stage), then rules and windows.
  const stageList = checkArray(m["stages"], fn, ["stages"]);
  if (stageList.length === 0) throw metricsError(fn, "invalid_model", ["stages"], "a non-empty list of stages", stageList);
  const stages = new Map<string, number>();
  stageList.forEach((s, i) => {
    const path: Path = ["stages", i];
    const st = checkObject(s, ["id", "name", "description", "entry", "window"], fn, path, "a stage");
    const id = assertSafeKey(st["id"], fn, [...path, "id"]);
    if (stages.has(id)) throw metricsError(fn, "duplicate_id", [...path, "id"], "a stage id not used before in stages", id);
    stages.set(id, i);
  });
  const ctx: Ctx = { fn, signals, stages, refs: [] };
  stageList.forEach((s, i) => {
    const path: Path = ["stages", i];
    const st = s as Record<string, unknown>;
    checkText(st["name"], fn, [...path, "name"], false);
    checkText(st["description"], fn, [...path, "description"], true);
    if (st["entry"] === undefined) throw metricsError(fn, "invalid_type", [...path, "entry"], "a rule object", undefined);
    checkRule(st["entry"], ctx, [...path, "entry"], i, 0);
    if (st["window"] !== undefined) {
      const wPath: Path = [...path, "window"];
      const w = checkObject(st["window"], ["since", "start", "end"], fn, wPath, "a stage window");
      if (w["since"] !== undefined) {
        const since = assertSafeKey(w["since"], fn, [...wPath, "since"]);
        const t = signals.get(since);
        if (t === undefined)
          throw metricsError(fn, "unknown_reference", [...wPath, "since"], "the id of a declared date signal", since);
        if (t !== "date")
          throw metricsError(fn, "invalid_model", [...wPath, "since"], `a date signal ("${since}" is a ${t} signal)`, since);
      }
      const start = checkFinite(w["start"], fn, [...wPath, "start"], true);
      const end = checkFinite(w["end"], fn, [...wPath, "end"], true);
      if (end < start) throw metricsError(fn, "out_of_range", [...wPath, "end"], `a day >= start (${start})`, end);
    }
  });

  // Cycles among stage references (depth-first search, colouring).
  const edges: Array<Array<[number, Path]>> = stageList.map(() => []);
  for (const [from, to, path] of ctx.refs) edges[from]?.push([to, path]);
  const colour = new Uint8Array(stageList.length); // 0 new, 1 on stack, 2 done
  const visit = (v: number): void => {
    colour[v] = 1;
    for (const [to, path] of edges[v] ?? []) {
      if (colour[to] === 1) {
        throw metricsError(
          fn,
          "invalid_model",
          path,
          "a stage reference that does not lead back to this stage (stage references form a cycle)",
          (stageList[to] as { id: string }).id,
        );
      }
      if (colour[to] === 0) visit(to);
    }
    colour[v] = 2;
  };
  for (let v = 0; v < stageList.length; v++) if (colour[v] === 0) visit(v);

  // Risk rules.
  if (m["riskRules"] !== undefined) {
    const ids = new Set<string>();
    checkArray(m["riskRules"], fn, ["riskRules"]).forEach((r, i) => {
      const path: Path = ["riskRules", i];
      const rr = checkObject(r, ["id", "description", "rule"], fn, path, "a risk rule");
      const id = assertSafeKey(rr["id"], fn, [...path, "id"]);
      if (id === "stalled")
        throw metricsError(fn, "invalid_model", [...path, "id"], 'a risk id other than "stalled" (reserved)', id);
      if (ids.has(id)) throw metricsError(fn, "duplicate_id", [...path, "id"], "a risk-rule id not used before", id);
      ids.add(id);
      checkText(rr["description"], fn, [...path, "description"], true);
      if (rr["rule"] === undefined) throw metricsError(fn, "invalid_type", [...path, "rule"], "a rule object", undefined);
      checkRule(rr["rule"], ctx, [...path, "rule"], -1, 0);
    });
  }

  // Event mapping.
  if (m["eventMapping"] !== undefined) {
    const fed = new Map<string, string>();
    const pairs = new Set<string>();
    checkArray(m["eventMapping"], fn, ["eventMapping"]).forEach((e, i) => {
      const path: Path = ["eventMapping", i];
      const em = checkObject(e, ["event", "signal", "aggregate"], fn, path, "an event mapping");
      const event = assertSafeKey(em["event"], fn, [...path, "event"]);
      const signal = assertSafeKey(em["signal"], fn, [...path, "signal"]);
      const t = signals.get(signal);
      if (t === undefined)
        throw metricsError(fn, "unknown_reference", [...path, "signal"], "the id of a declared signal", signal);
      const agg = em["aggregate"];
      const aggType = typeof agg === "string" ? AGGREGATES.get(agg) : undefined;
      if (aggType === undefined) {
        throw metricsError(
          fn,
          "invalid_option",
          [...path, "aggregate"],
          `one of ${[...AGGREGATES.keys()].map((k) => `"${k}"`).join(", ")}`,
          agg,
        );
      }
      if (aggType !== t)
        throw metricsError(
          fn,
          "invalid_model",
          [...path, "aggregate"],
          `an aggregate producing a ${t} (for signal "${signal}")`,
          agg,
        );
      const pair = JSON.stringify([event, signal]);
      if (pairs.has(pair))
        throw metricsError(
          fn,
          "duplicate_id",
          [...path, "signal"],
          `an (event, signal) pair mapped once ("${event}" -> "${signal}" appears twice)`,
          signal,
        );
      pairs.add(pair);
      const before = fed.get(signal);
      if (before !== undefined && before !== agg) {
        throw metricsError(
          fn,
          "invalid_model",
          [...path, "aggregate"],
          `"${before}", the aggregate other mappings use for signal "${signal}"`,
          agg,
        );
      }
      fed.set(signal, agg as string);
    });
  }
  return input as JourneyModel;
}
