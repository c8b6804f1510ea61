import { type PathSegment, metricsError } from "./errors.js";
import { assertIntegerInRange, assertOneOf } from "./guards.js";

/**
 * A point in time as callers may pass it: a `Date`, an ISO-8601 string
 * (`"2024-03-05"`, `"2024-03-05T10:30:00Z"`, with an optional offset; a
 * date-time without an offset is read as UTC), or epoch milliseconds.
 *
 * @category Core
 */
export type DateInput = Date | string | number;

/**
 * Calendar periods used for bucketing and rate conversion. Weeks are ISO weeks
 * (Monday to Sunday, the same as pandas' `W-SUN` periods).
 *
 * @category Core
 */
export type Period = "day" | "week" | "month" | "quarter" | "year";

/** The periods, in increasing length. @category Core */
export const PERIODS: readonly Period[] = ["day", "week", "month", "quarter", "year"];

const MS_PER_DAY = 86_400_000;
/** Largest |epoch ms| a JavaScript Date can hold. */
const MAX_MS = 8.64e15;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Days from 1970-01-01 to a proleptic Gregorian civil date (Howard Hinnant's
 * algorithm). Month is 1..12.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link daysFromCivil}: `[year, month (1..12), day]` of an integer day number. */
export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Longest length of each month (February 29; the leap-year check follows). */
const MAX_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Fast path for a plain `"YYYY-MM-DD"` string: its day number (UTC), or NaN
 * when the string is not exactly that shape or not a calendar date (the caller
 * then falls back to {@link toDayNumber}, which gives the proper error or reads
 * the other ISO forms). No regex, no allocation; shared by the hot loops of
 * btyd and journey. Internal: not re-exported from the core barrel.
 */
export function fastIsoDay(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    y = y * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > (MAX_MONTH_DAYS[m - 1] as number)) return NaN;
  if (m === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return NaN;
  return daysFromCivil(y, m, d);
}

/**
 * Converts a {@link DateInput} to epoch milliseconds (UTC), validating it.
 *
 * @param date - A Date, ISO-8601 string or epoch milliseconds.
 * @param fn - Name of the calling function, for the error. @defaultValue `"toEpochMs"`
 * @param path - Path to the value, for the error.
 * @returns Milliseconds since 1970-01-01T00:00:00Z.
 * @throws {@link MetricsError} `invalid_date` for an invalid Date, NaN, a non-ISO string (`"yesterday"`) or an impossible calendar date (`"2024-02-30"`).
 *
 * @example
 * ```ts
 * import { toEpochMs } from "customer-metrics/core";
 * toEpochMs("1970-01-02"); // => 86400000
 * toEpochMs("1970-01-01T01:00:00+01:00"); // => 0
 * ```
 *
 * @category Core
 */
export function toEpochMs(date: DateInput, fn = "toEpochMs", path: readonly PathSegment[] = []): number {
  const requirement = 'a valid Date, an ISO-8601 date string (e.g. "2024-03-05") or epoch milliseconds';
  if (typeof date === "number") {
    if (!Number.isFinite(date) || Math.abs(date) > MAX_MS) throw metricsError(fn, "invalid_date", path, requirement, date);
    return date === 0 ? 0 : date;
  }
  if (Object.prototype.toString.call(date) === "[object Date]") {
    // Not `instanceof`: a Date from another realm (a vm context, an iframe) is
    // a Date too. getTime through the prototype checks the brand; a fake with
    // Symbol.toStringTag "Date" throws there and is invalid_date as well.
    let t: number;
    try {
      t = Date.prototype.getTime.call(date);
    } catch {
      throw metricsError(fn, "invalid_date", path, requirement, String(Object.prototype.toString.call(date)));
    }
    if (!Number.isFinite(t) || Math.abs(t) > MAX_MS) throw metricsError(fn, "invalid_date", path, requirement, date);
    return t === 0 ? 0 : t;
  }
  if (typeof date === "string") {
    const m = ISO_RE.exec(date.trim());
    if (!m) throw metricsError(fn, "invalid_date", path, requirement, date);
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw metricsError(fn, "invalid_date", path, requirement, date);
    const hh = m[4] === undefined ? 0 : Number(m[4]);
    const mi = m[5] === undefined ? 0 : Number(m[5]);
    const ss = m[6] === undefined ? 0 : Number(m[6]);
    const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
    if (hh > 24 || mi > 59 || ss > 59 || (hh === 24 && (mi > 0 || ss > 0 || frac > 0))) {
      throw metricsError(fn, "invalid_date", path, requirement, date);
    }
    let offsetMin = 0;
    const tz = m[8];
    if (tz !== undefined && tz !== "Z") {
      const sign = tz[0] === "-" ? -1 : 1;
      const digits = tz.slice(1).replace(":", "");
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2, 4));
      if (oh > 23 || om > 59) throw metricsError(fn, "invalid_date", path, requirement, date);
      offsetMin = sign * (oh * 60 + om);
    }
    const days = daysFromCivil(y, mo, d);
    return days * MS_PER_DAY + ((hh * 60 + mi - offsetMin) * 60 + ss + frac) * 1000;
  }
  throw metricsError(fn, "invalid_date", path, requirement, date);
}

/**
 * Options for {@link toDayNumber}.
 *
 * @category Core
 */
export interface DayNumberOptions {
  /** Keep the time of day as a fraction of a day. @defaultValue `false` */
  readonly keepTime?: boolean;
  /** Name of the calling function, for the error message. @defaultValue `"toDayNumber"` */
  readonly fn?: string;
  /** Path to the value, for the error. @defaultValue `[]` */
  readonly path?: readonly PathSegment[];
}

/**
 * The UTC day number of a date: whole days since 1970-01-01 (negative before).
 *
 * @param date - A Date, ISO-8601 string or epoch milliseconds (read as UTC).
 * @param options - See {@link DayNumberOptions}.
 * @returns The day number (an integer unless `keepTime`).
 * @throws {@link MetricsError} `invalid_date` (see {@link toEpochMs}).
 *
 * @example
 * ```ts
 * import { toDayNumber } from "customer-metrics/core";
 * toDayNumber("1970-01-11"); // => 10
 * toDayNumber("2024-03-01T18:00:00Z", { keepTime: true }); // => 19783.75
 * toDayNumber(new Date(Date.UTC(1969, 11, 31))); // => -1
 * ```
 *
 * @category Core
 */
export function toDayNumber(date: DateInput, options: DayNumberOptions = {}): number {
  const ms = toEpochMs(date, options.fn ?? "toDayNumber", options.path ?? []);
  const days = ms / MS_PER_DAY;
  const r = options.keepTime ? days : Math.floor(days);
  return r === 0 ? 0 : r;
}

/**
 * The ISO date string (`YYYY-MM-DD`) of a UTC day number.
 *
 * @param day - An integer day number (days since 1970-01-01).
 * @returns The calendar date, e.g. `"2024-03-05"`.
 * @throws {@link MetricsError} `not_integer` / `not_finite` for a bad day number.
 *
 * @example
 * ```ts
 * import { fromDayNumber } from "customer-metrics/core";
 * fromDayNumber(19787); // => "2024-03-05"
 * ```
 *
 * @category Core
 */
export function fromDayNumber(day: number): string {
  if (typeof day !== "number" || !Number.isFinite(day))
    throw metricsError("fromDayNumber", "not_finite", [], "a finite integer day number", day);
  if (!Number.isInteger(day)) throw metricsError("fromDayNumber", "not_integer", [], "an integer day number", day);
  const [y, m, d] = civilFromDays(day);
  const yy = y < 0 ? `-${String(-y).padStart(4, "0")}` : String(y).padStart(4, "0");
  return `${yy}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Throws `invalid_option` for a period outside {@link PERIODS} (the `default` of each switch). */
function unknownPeriod(period: unknown, fn: string): never {
  assertOneOf(period, PERIODS, fn, ["period"]);
  throw metricsError(fn, "invalid_option", ["period"], `one of ${PERIODS.join(", ")}`, period);
}

/**
 * The index of the calendar period containing a day number: consecutive
 * integers for consecutive periods, so `index(b) − index(a)` counts periods.
 *
 * @remarks
 * `day`: the day number itself. `week`: ISO weeks (Monday–Sunday), counted
 * from the week of 1969-12-29. `month`: `year·12 + month − 1`. `quarter`:
 * `year·4 + quarter − 1`. `year`: the year. Fast (no Date objects); use it in
 * hot loops.
 *
 * @param day - An integer day number (from {@link toDayNumber}).
 * @param period - The period.
 * @returns The period index.
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `not_integer` (path `["day"]`) for a `day` that is not an integer; `invalid_option` (path `["period"]`) for an unknown period.
 *
 * @example
 * ```ts
 * import { periodIndex, toDayNumber } from "customer-metrics/core";
 * periodIndex(toDayNumber("2024-03-05"), "month"); // => 24290
 * periodIndex(toDayNumber("2024-03-04"), "week") === periodIndex(toDayNumber("2024-03-10"), "week"); // => true
 * ```
 *
 * @category Core
 */
export function periodIndex(day: number, period: Period): number {
  if (!Number.isInteger(day))
    assertIntegerInRange(day, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, "periodIndex", ["day"]);
  switch (period) {
    case "day":
      return day;
    case "week":
      return Math.floor((day + 3) / 7);
    case "month": {
      const [y, m] = civilFromDays(day);
      return y * 12 + m - 1;
    }
    case "quarter": {
      const [y, m] = civilFromDays(day);
      return y * 4 + Math.floor((m - 1) / 3);
    }
    case "year":
      return civilFromDays(day)[0];
    default:
      throw unknownPeriod(period, "periodIndex");
  }
}

/**
 * The first day number of a period index (inverse of {@link periodIndex}).
 *
 * @param index - A period index.
 * @param period - The period.
 * @returns The day number of the period's first day (a Monday for weeks).
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `not_integer` (path `["index"]`) for a `index` that is not an integer; `invalid_option` (path `["period"]`) for an unknown period.
 *
 * @example
 * ```ts
 * import { periodStart, fromDayNumber } from "customer-metrics/core";
 * fromDayNumber(periodStart(24290, "month")); // => "2024-03-01"
 * ```
 *
 * @category Core
 */
export function periodStart(index: number, period: Period): number {
  if (!Number.isInteger(index))
    assertIntegerInRange(index, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, "periodStart", ["index"]);
  switch (period) {
    case "day":
      return index;
    case "week":
      return index * 7 - 3;
    case "month":
      return daysFromCivil(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1);
    case "quarter":
      return daysFromCivil(Math.floor(index / 4), (((index % 4) + 4) % 4) * 3 + 1, 1);
    case "year":
      return daysFromCivil(index, 1, 1);
    default:
      throw unknownPeriod(period, "periodStart");
  }
}

/**
 * A human-readable label for a period index: `"2024-03-05"` (day),
 * `"2024-W10"` (ISO week), `"2024-03"` (month), `"2024-Q1"` (quarter), `"2024"` (year).
 *
 * @param index - A period index.
 * @param period - The period.
 * @returns The label.
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `not_integer` (path `["index"]`) for a `index` that is not an integer; `invalid_option` (path `["period"]`) for an unknown period.
 *
 * @example
 * ```ts
 * import { periodLabel, periodIndex, toDayNumber } from "customer-metrics/core";
 * periodLabel(periodIndex(toDayNumber("2024-03-05"), "week"), "week"); // => "2024-W10"
 * periodLabel(periodIndex(toDayNumber("2024-03-05"), "quarter"), "quarter"); // => "2024-Q1"
 * ```
 *
 * @category Core
 */
export function periodLabel(index: number, period: Period): string {
  if (!Number.isInteger(index))
    assertIntegerInRange(index, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, "periodLabel", ["index"]);
  switch (period) {
    case "day":
      return fromDayNumber(index);
    case "week": {
      const monday = periodStart(index, "week");
      const thursday = monday + 3; // ISO week-year is the year of the week's Thursday
      const [y] = civilFromDays(thursday);
      const week = Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
      return `${y}-W${String(week).padStart(2, "0")}`;
    }
    case "month":
      return fromDayNumber(periodStart(index, "month")).slice(0, 7);
    case "quarter":
      return `${Math.floor(index / 4)}-Q${(((index % 4) + 4) % 4) + 1}`;
    case "year":
      return String(index);
    default:
      throw unknownPeriod(period, "periodLabel");
  }
}

/**
 * One date's calendar period: index, label and first day.
 *
 * @category Core
 */
export interface PeriodBucket {
  /** Period index (see {@link periodIndex}). */
  readonly index: number;
  /** Human-readable label (see {@link periodLabel}). */
  readonly label: string;
  /** ISO date of the period's first day. */
  readonly start: string;
}

/**
 * The calendar period a date falls in.
 *
 * @param date - A Date, ISO-8601 string or epoch milliseconds (UTC).
 * @param period - `"day" | "week" | "month" | "quarter" | "year"`.
 * @returns `{ index, label, start }`.
 * @throws {@link MetricsError} `invalid_date`; `invalid_option` for an unknown period.
 *
 * @example
 * ```ts
 * import { bucketPeriod } from "customer-metrics/core";
 * bucketPeriod("2024-03-07", "week"); // => { index: 2827, label: "2024-W10", start: "2024-03-04" }
 * ```
 *
 * @category Core
 */
export function bucketPeriod(date: DateInput, period: Period): PeriodBucket {
  const p = assertOneOf(period, PERIODS, "bucketPeriod", ["period"]);
  const day = toDayNumber(date, { fn: "bucketPeriod", path: ["date"] });
  const index = periodIndex(day, p);
  return { index, label: periodLabel(index, p), start: fromDayNumber(periodStart(index, p)) };
}
