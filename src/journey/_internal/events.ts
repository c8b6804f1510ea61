import { metricsError, type PathSegment } from "../../core/errors.js";
import { assertOneOf } from "../../core/guards.js";
import { fromDayNumber, toEpochMs, type DateInput } from "../../core/time.js";
import type { PreparedModel } from "./prepared.js";

/*
 * Turning raw events into signal values through the model's declared event
 * mapping. One accumulator per customer: for each signal, a primary and a
 * secondary number (min/second-min dates, count, sum, latest value and its time).
 */

export interface EventAccumulator {
  /** Primary value per signal (NaN: nothing yet). */
  readonly a: Float64Array;
  /** Secondary value per signal (second-earliest day; time of the latest value). */
  readonly b: Float64Array;
}

export function newAccumulator(p: PreparedModel): EventAccumulator {
  const n = p.signalIds.length;
  return { a: new Float64Array(n).fill(NaN), b: new Float64Array(n).fill(NaN) };
}

const MS_PER_DAY = 86_400_000;

/** Adds one event; returns false when its type is unknown and ignored. */
export function addEvent(
  p: PreparedModel,
  acc: EventAccumulator,
  event: unknown,
  i: number,
  asOf: number,
  fn: string,
  ignoreUnknown: boolean,
  prefix: readonly PathSegment[],
): void {
  if (event === null || typeof event !== "object")
    throw metricsError(fn, "invalid_type", [...prefix, i], "an event object { type, at, value? }", event);
  const e = event as { type?: unknown; at?: unknown; value?: unknown };
  if (typeof e.type !== "string") throw metricsError(fn, "invalid_type", [...prefix, i, "type"], "an event type string", e.type);
  const targets = p.events.get(e.type);
  if (targets === undefined) {
    if (ignoreUnknown) return;
    throw metricsError(
      fn,
      "unknown_reference",
      [...prefix, i, "type"],
      'an event type declared in the model\'s eventMapping (or pass onUnknownEvent: "ignore")',
      e.type,
    );
  }
  const ms = toEpochMs(e.at as DateInput, fn, [...prefix, i, "at"]);
  const day = Math.floor(ms / MS_PER_DAY);
  if (day > asOf)
    throw metricsError(fn, "invalid_date", [...prefix, i, "at"], `a date on or before asOf (${fromDayNumber(asOf)})`, e.at);
  for (const t of targets) {
    const s = t.signal;
    const a = acc.a[s] as number;
    switch (t.aggregate) {
      case "first":
        if (!(a <= day)) acc.a[s] = day;
        break;
      case "second": {
        const b = acc.b[s] as number;
        if (!(a <= day)) {
          acc.b[s] = a;
          acc.a[s] = day;
        } else if (!(b <= day)) acc.b[s] = day;
        break;
      }
      case "last":
        if (!(a >= day)) acc.a[s] = day;
        break;
      case "count":
        acc.a[s] = (a === a ? a : 0) + 1;
        break;
      case "flag":
        acc.a[s] = 1;
        break;
      default: {
        const v = e.value;
        if (typeof v !== "number")
          throw metricsError(
            fn,
            "invalid_type",
            [...prefix, i, "value"],
            `a number (events of type "${e.type}" feed a ${t.aggregate} signal)`,
            v,
          );
        if (!Number.isFinite(v)) throw metricsError(fn, "not_finite", [...prefix, i, "value"], "a finite number", v);
        if (t.aggregate === "sum") acc.a[s] = (a === a ? a : 0) + v;
        else if (!((acc.b[s] as number) > ms)) {
          acc.a[s] = v;
          acc.b[s] = ms;
        }
      }
    }
  }
}

/** The snapshot object (signal id → value) from an accumulator. */
export function toSnapshot(
  p: PreparedModel,
  acc: EventAccumulator,
  fed: ReadonlyMap<number, string>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [s, aggregate] of fed) {
    const id = p.signalIds[s] as string;
    const a = acc.a[s] as number;
    switch (aggregate) {
      case "second": {
        const b = acc.b[s] as number;
        if (b === b) out[id] = fromDayNumber(b);
        break;
      }
      case "first":
      case "last":
        if (a === a) out[id] = fromDayNumber(a);
        break;
      case "count":
      case "sum":
        out[id] = a === a ? a : 0;
        break;
      case "flag":
        out[id] = a === 1;
        break;
      default:
        if (a === a) out[id] = a;
    }
  }
  return out;
}

/** Signal index → aggregate, for the signals the mapping feeds. */
export function fedSignals(p: PreparedModel): Map<number, string> {
  const fed = new Map<number, string>();
  for (const targets of p.events.values()) for (const t of targets) fed.set(t.signal, t.aggregate);
  return fed;
}

/** Reads `onUnknownEvent`. */
export function readUnknownPolicy(value: unknown, fn: string): boolean {
  if (value === undefined) return false;
  return assertOneOf(value, ["throw", "ignore"] as const, fn, ["options", "onUnknownEvent"]) === "ignore";
}
