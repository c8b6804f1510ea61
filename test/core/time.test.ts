import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  bucketPeriod,
  fromDayNumber,
  periodIndex,
  periodLabel,
  periodStart,
  toDayNumber,
  toEpochMs,
} from "../../src/core/index.js";
import { fastIsoDay } from "../../src/core/time.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("toDayNumber / toEpochMs", () => {
  it("reads dates as UTC days since 1970-01-01", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("2000-03-01")).toBe(11017); // Date.UTC(2000, 2, 1) / 86400000
    expect(toDayNumber("2024-02-29")).toBe(19782);
    expect(toDayNumber("1969-12-31T23:59:59Z")).toBe(-1);
    expect(toDayNumber(new Date(Date.UTC(2024, 1, 29, 23)))).toBe(19782);
    expect(toDayNumber(Date.UTC(2024, 1, 29, 12))).toBe(19782);
    expect(toDayNumber("2024-03-01T18:00:00Z", { keepTime: true })).toBe(19783.75);
    expect(toDayNumber("2024-03-01T01:00:00+02:00")).toBe(19782); // 2024-02-29T23:00Z
    expect(toDayNumber("2024-03-01T10:00:00")).toBe(19783); // no offset: read as UTC
    expect(toEpochMs("2024-03-01T10:00:00.5Z")).toBe(Date.UTC(2024, 2, 1, 10, 0, 0, 500));
    expect(toEpochMs("2024-03-01T24:00:00Z")).toBe(Date.UTC(2024, 2, 2));
  });
  it("agrees with Date.UTC for any date in 1600–2400", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1600, max: 2400 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const iso = `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const day = toDayNumber(iso);
          return day === Date.UTC(y, m, d) / 86_400_000 && fromDayNumber(day) === iso;
        },
      ),
    );
  });
  it("rejects impossible, unparseable and non-finite dates with invalid_date", () => {
    for (const bad of [
      "2024-02-30",
      "2023-02-29",
      "2024-13-01",
      "2024-00-10",
      "yesterday",
      "",
      "2024/03/01",
      "03/01/2024",
      "2024-03-01T25:00:00Z",
      "2024-03-01T10:61Z",
    ]) {
      expectMetricsError(() => toDayNumber(bad, { fn: "f", path: [7, "at"] }), "invalid_date", [7, "at"]);
    }
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 9e15, new Date("nope"), null, undefined, {}, true]) {
      expectMetricsError(() => toDayNumber(bad as never), "invalid_date", []);
    }
  });
});

describe("periods", () => {
  it("buckets into ISO weeks (Monday–Sunday), months, quarters, years", () => {
    // 2024-03-04 is a Monday, 2024-03-10 a Sunday: ISO week 10 of 2024.
    const mon = toDayNumber("2024-03-04");
    const sun = toDayNumber("2024-03-10");
    expect(periodIndex(mon, "week")).toBe(periodIndex(sun, "week"));
    expect(periodIndex(sun + 1, "week")).toBe(periodIndex(mon, "week") + 1);
    expect(periodLabel(periodIndex(mon, "week"), "week")).toBe("2024-W10");
    // ISO week-year edge cases: 2021-01-03 belongs to 2020-W53; 2024-12-30 to 2025-W01.
    expect(bucketPeriod("2021-01-03", "week").label).toBe("2020-W53");
    expect(bucketPeriod("2024-12-30", "week").label).toBe("2025-W01");
    expect(bucketPeriod("1970-01-01", "week")).toEqual({ index: 0, label: "1970-W01", start: "1969-12-29" });
    expect(bucketPeriod("2024-03-07", "month")).toEqual({ index: 2024 * 12 + 2, label: "2024-03", start: "2024-03-01" });
    expect(bucketPeriod("2024-08-15", "quarter")).toEqual({ index: 2024 * 4 + 2, label: "2024-Q3", start: "2024-07-01" });
    expect(bucketPeriod("2024-08-15", "year")).toEqual({ index: 2024, label: "2024", start: "2024-01-01" });
    expect(bucketPeriod("2024-08-15", "day")).toEqual({ index: 19950, label: "2024-08-15", start: "2024-08-15" });
  });
  it("periodStart inverts periodIndex and consecutive periods have consecutive indices", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.constantFrom("day", "week", "month", "quarter", "year" as const),
        (day, p) => {
          const i = periodIndex(day, p);
          const s = periodStart(i, p);
          return s <= day && periodIndex(s, p) === i && periodIndex(s - 1, p) === i - 1;
        },
      ),
    );
  });
  it("rejects unknown periods", () => {
    expectMetricsError(() => bucketPeriod("2024-01-01", "fortnight" as "day"), "invalid_option", ["period"]);
  });
  it("fromDayNumber validates", () => {
    expectMetricsError(() => fromDayNumber(1.5), "not_integer", []);
    expectMetricsError(() => fromDayNumber(Number.NaN), "not_finite", []);
  });
});

describe("periodIndex / periodStart / periodLabel bad input", () => {
  it("throw instead of returning undefined or NaN", () => {
    const index = periodIndex as (d: unknown, p?: unknown) => number;
    const start = periodStart as (d: unknown, p?: unknown) => number;
    const label = periodLabel as (d: unknown, p?: unknown) => string;
    expectMetricsError(() => index(19787), "invalid_option", ["period"]);
    expectMetricsError(() => index(19787, "decade"), "invalid_option", ["period"]);
    expectMetricsError(() => index(Number.NaN, "day"), "not_finite", ["day"]);
    expectMetricsError(() => index(1.5, "week"), "not_integer", ["day"]);
    expectMetricsError(() => start("x", "month"), "invalid_type", ["index"]);
    expectMetricsError(() => start(24290), "invalid_option", ["period"]);
    expectMetricsError(() => label(null, "year"), "invalid_type", ["index"]);
    expectMetricsError(() => label(2024, "fortnight"), "invalid_option", ["period"]);
  });
});

describe("fastIsoDay (shared internal fast path)", () => {
  it("agrees with toDayNumber on plain YYYY-MM-DD dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const s = fromDayNumber(day);
        if (s.length === 10) expect(fastIsoDay(s)).toBe(toDayNumber(s));
      }),
    );
    expect(fastIsoDay("2024-02-29")).toBe(19782);
    expect(fastIsoDay("1970-01-01")).toBe(0);
  });
  it("returns NaN on a miss (the caller falls back to toDayNumber)", () => {
    for (const s of [
      "",
      "2024-2-01",
      "2024-02-30",
      "2023-02-29",
      "1900-02-29",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
      "2024-01-32",
      "2024/01/01",
      "2024-01-01T00:00:00Z",
      " 2024-01-01",
      "２０２４-01-01",
      "abcd-ef-gh",
    ]) {
      expect(fastIsoDay(s)).toBeNaN();
    }
  });
});
