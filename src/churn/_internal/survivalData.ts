import { metricsError, type PathSegment } from "../../core/errors.js";
import { assertOneOf, isArrayLike } from "../../core/guards.js";
import { fromDayNumber } from "../../core/time.js";
import { readObject } from "./checks.js";
import { readDay } from "./dates.js";

/** Survival data in columns: durations from the origin, event flags, optional entry times. */
export interface SurvivalData {
  readonly n: number;
  readonly durations: Float64Array;
  readonly events: Uint8Array;
  /** Entry (left-truncation) times; -Infinity where a subject is observed from the origin. */
  readonly entries: Float64Array | null;
  /** Whether every duration (and entry) is an integer in [0, 2^30): enables counting sort. */
  readonly integerTimes: boolean;
  readonly maxTime: number;
}

/** Options the survival functions share for date-based records. */
export interface SurvivalDateOptions {
  readonly asOf?: unknown;
  readonly unit?: unknown;
}

const INT_LIMIT = 2 ** 30;

function readFlag(value: unknown, fn: string, path: PathSegment[]): 0 | 1 {
  if (value === true || value === 1) return 1;
  if (value === false || value === 0) return 0;
  throw metricsError(fn, "invalid_type", path, "a boolean (true = churned, false = still active / censored)", value);
}

function readTime(value: unknown, fn: string, path: PathSegment[], what: string): number {
  if (typeof value !== "number") throw metricsError(fn, "invalid_type", path, what, value);
  if (!Number.isFinite(value)) throw metricsError(fn, "not_finite", path, what, value);
  if (value < 0) throw metricsError(fn, "out_of_range", path, what, value);
  return value === 0 ? 0 : value;
}

/**
 * Reads `{ duration, churned, entry? }[]`, `{ start, end? }[]` (with `asOf`) or columns
 * `{ durations, churned, entries? }` into typed arrays, validating every value.
 */
export function readSurvivalData(
  input: unknown,
  options: SurvivalDateOptions,
  fn: string,
  basePath: PathSegment[] = [],
): SurvivalData {
  if (Array.isArray(input)) {
    if (input.length === 0) throw metricsError(fn, "empty_sample", basePath, "a non-empty array of records", input);
    const first = readObject(input[0], fn, [...basePath, 0], "an object { duration, churned, entry? } or { start, end? }");
    if (!("duration" in first) && "start" in first) return readDateRecords(input, options, fn, basePath);
    const n = input.length;
    const durations = new Float64Array(n);
    const events = new Uint8Array(n);
    let entries: Float64Array | null = null;
    for (let i = 0; i < n; i++) {
      const r = readObject(input[i], fn, [...basePath, i], "an object { duration, churned, entry? }");
      durations[i] = readTime(
        r["duration"],
        fn,
        [...basePath, i, "duration"],
        "a duration >= 0 (time from the origin, e.g. signup, to churn or censoring)",
      );
      events[i] = readFlag(r["churned"], fn, [...basePath, i, "churned"]);
      const e = r["entry"];
      if (e !== undefined && e !== null) {
        if (entries === null) entries = new Float64Array(n).fill(-Infinity);
        entries[i] = readTime(e, fn, [...basePath, i, "entry"], "an entry time >= 0 (on the same clock as duration)");
        if (!((entries[i] as number) < (durations[i] as number))) {
          throw metricsError(
            fn,
            "out_of_range",
            [...basePath, i, "entry"],
            `less than the duration (${durations[i]}): a subject is at risk on (entry, duration]`,
            e,
          );
        }
      }
    }
    return finish(n, durations, events, entries);
  }
  const cols = readObject(input, fn, basePath, "an array of records or columns { durations, churned, entries? }");
  const d = cols["durations"];
  const c = cols["churned"];
  const en = cols["entries"];
  if (!isArrayLike(d)) throw metricsError(fn, "invalid_type", [...basePath, "durations"], "an array of durations", d);
  if (!isArrayLike(c))
    throw metricsError(fn, "invalid_type", [...basePath, "churned"], "an array of churn flags (booleans or 0/1)", c);
  if (d.length === 0) throw metricsError(fn, "empty_sample", [...basePath, "durations"], "a non-empty array", d);
  if (c.length !== d.length)
    throw metricsError(fn, "length_mismatch", [...basePath, "churned"], `of length ${d.length} (one flag per duration)`, c);
  const n = d.length;
  const durations = new Float64Array(n);
  const events = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = d[i];
    if (typeof v !== "number" || !(v >= 0) || v === Infinity) {
      readTime(v, fn, [...basePath, "durations", i], "a duration >= 0");
    }
    durations[i] = v as number;
    const f = c[i];
    if (f === 1 || f === true) events[i] = 1;
    else if (f !== 0 && f !== false) readFlag(f, fn, [...basePath, "churned", i]);
  }
  let entries: Float64Array | null = null;
  if (en !== undefined && en !== null) {
    if (!isArrayLike(en)) throw metricsError(fn, "invalid_type", [...basePath, "entries"], "an array of entry times", en);
    if (en.length !== n)
      throw metricsError(fn, "length_mismatch", [...basePath, "entries"], `of length ${n} (one entry time per duration)`, en);
    entries = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = readTime(en[i], fn, [...basePath, "entries", i], "an entry time >= 0");
      if (!(v < (durations[i] as number))) {
        throw metricsError(fn, "out_of_range", [...basePath, "entries", i], `less than the duration (${durations[i]})`, v);
      }
      entries[i] = v;
    }
  }
  return finish(n, durations, events, entries);
}

function finish(n: number, durations: Float64Array, events: Uint8Array, entries: Float64Array | null): SurvivalData {
  let integerTimes = true;
  let maxTime = 0;
  for (let i = 0; i < n; i++) {
    const t = durations[i] as number;
    if (t > maxTime) maxTime = t;
    if (integerTimes && (t >= INT_LIMIT || Math.floor(t) !== t)) integerTimes = false;
  }
  if (entries !== null && integerTimes) {
    for (let i = 0; i < n; i++) {
      const t = entries[i] as number;
      if (t !== -Infinity && Math.floor(t) !== t) {
        integerTimes = false;
        break;
      }
    }
  }
  return { n, durations, events, entries, integerTimes, maxTime };
}

/** Date-based records: duration = (min(end, asOf) − start) in the chosen unit; churned when end ≤ asOf. */
function readDateRecords(
  input: readonly unknown[],
  options: SurvivalDateOptions,
  fn: string,
  basePath: PathSegment[],
): SurvivalData {
  if (options.asOf === undefined) {
    throw metricsError(
      fn,
      "invalid_date",
      ["options", "asOf"],
      "given for { start, end? } records: customers still active are censored at asOf",
      undefined,
    );
  }
  const asOf = readDay(options.asOf, fn, ["options", "asOf"]);
  const unit = assertOneOf(options.unit ?? "day", ["day", "week"] as const, fn, ["options", "unit"]);
  const scale = unit === "week" ? 7 : 1;
  const n = input.length;
  const durations = new Float64Array(n);
  const events = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = readObject(input[i], fn, [...basePath, i], "an object { start, end? }");
    const s = readDay(r["start"], fn, [...basePath, i, "start"]);
    if (s > asOf)
      throw metricsError(fn, "out_of_range", [...basePath, i, "start"], `on or before asOf (${fromDayNumber(asOf)})`, r["start"]);
    const rawEnd = r["end"];
    let stop = asOf;
    if (rawEnd !== undefined && rawEnd !== null) {
      const e = readDay(rawEnd, fn, [...basePath, i, "end"]);
      if (e < s)
        throw metricsError(fn, "out_of_range", [...basePath, i, "end"], `on or after start (${fromDayNumber(s)})`, rawEnd);
      if (e <= asOf) {
        stop = e;
        events[i] = 1;
      }
    }
    durations[i] = (stop - s) / scale;
  }
  return finish(n, durations, events, null);
}

/** Distinct observed times with counts, ascending. */
export interface RiskTable {
  readonly times: Float64Array;
  readonly atRisk: Float64Array;
  readonly events: Float64Array;
  readonly censored: Float64Array;
}

/**
 * Collapses survival data to distinct times (every event or censoring time, like survfit) with
 * the number at risk (entry < t ≤ duration), events and censorings at each.
 */
export function riskTable(data: SurvivalData): RiskTable {
  const { n, durations, events, entries } = data;
  if (data.integerTimes && data.maxTime <= 16 * n + 4096) {
    // Counting sort on integer times: O(n + max time).
    const size = data.maxTime + 1;
    const ev = new Int32Array(size);
    const ce = new Int32Array(size);
    for (let i = 0; i < n; i++) {
      const t = durations[i] as number;
      if (events[i] === 1) ev[t] = (ev[t] as number) + 1;
      else ce[t] = (ce[t] as number) + 1;
    }
    let enteredAfter: Int32Array | null = null; // # entries >= t, as a suffix count
    if (entries !== null) {
      const en = new Int32Array(size + 1);
      for (let i = 0; i < n; i++) {
        const t = entries[i] as number;
        if (t !== -Infinity) en[t] = (en[t] as number) + 1;
      }
      for (let t = size - 1; t >= 0; t--) en[t] = (en[t] as number) + (en[t + 1] as number);
      enteredAfter = en;
    }
    let m = 0;
    for (let t = 0; t < size; t++) if ((ev[t] as number) + (ce[t] as number) > 0) m++;
    const times = new Float64Array(m);
    const atRisk = new Float64Array(m);
    const evOut = new Float64Array(m);
    const ceOut = new Float64Array(m);
    let remaining = n;
    let k = 0;
    for (let t = 0; t < size; t++) {
      const e = ev[t] as number;
      const c = ce[t] as number;
      if (e + c === 0) continue;
      times[k] = t;
      atRisk[k] = remaining - (enteredAfter === null ? 0 : (enteredAfter[t] as number));
      evOut[k] = e;
      ceOut[k] = c;
      remaining -= e + c;
      k++;
    }
    return { times, atRisk, events: evOut, censored: ceOut };
  }
  // General case: sort event and censoring times separately (numeric typed-array sort), then merge.
  let nEv = 0;
  for (let i = 0; i < n; i++) nEv += events[i] as number;
  const evT = new Float64Array(nEv);
  const ceT = new Float64Array(n - nEv);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (events[i] === 1) evT[a++] = durations[i] as number;
    else ceT[b++] = durations[i] as number;
  }
  evT.sort();
  ceT.sort();
  let enT: Float64Array | null = null;
  if (entries !== null) {
    let m = 0;
    for (let i = 0; i < n; i++) if ((entries[i] as number) !== -Infinity) m++;
    enT = new Float64Array(m);
    for (let i = 0, k = 0; i < n; i++) if ((entries[i] as number) !== -Infinity) enT[k++] = entries[i] as number;
    enT.sort();
  }
  const times = new Float64Array(n);
  const atRisk = new Float64Array(n);
  const evOut = new Float64Array(n);
  const ceOut = new Float64Array(n);
  let m = 0;
  let i = 0;
  let j = 0;
  let q = 0; // entries < t
  let remaining = n;
  while (i < evT.length || j < ceT.length) {
    const te = i < evT.length ? (evT[i] as number) : Infinity;
    const tc = j < ceT.length ? (ceT[j] as number) : Infinity;
    const t = te < tc ? te : tc;
    let e = 0;
    let c = 0;
    while (i < evT.length && evT[i] === t) {
      e++;
      i++;
    }
    while (j < ceT.length && ceT[j] === t) {
      c++;
      j++;
    }
    let notYet = 0;
    if (enT !== null) {
      while (q < enT.length && (enT[q] as number) < t) q++;
      notYet = enT.length - q;
    }
    times[m] = t;
    atRisk[m] = remaining - notYet;
    evOut[m] = e;
    ceOut[m] = c;
    m++;
    remaining -= e + c;
  }
  return {
    times: times.subarray(0, m),
    atRisk: atRisk.subarray(0, m),
    events: evOut.subarray(0, m),
    censored: ceOut.subarray(0, m),
  };
}
