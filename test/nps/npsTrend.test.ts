import { describe, expect, it } from "vitest";
import { compareNps, nps, npsTrend, mergeNpsTallies } from "../../src/nps/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

const responses = [
  { score: 10, at: "2024-01-05" },
  { score: 9, at: "2024-01-15" },
  { score: 3, at: "2024-01-31T23:59:59Z" },
  { score: 8, at: "2024-03-01" },
  { score: 0, at: "2024-03-20" },
  { score: 10, at: "2024-04-02" },
];

describe("npsTrend", () => {
  it("reports every period, empty ones as empty (not 0)", () => {
    const t = npsTrend(responses, { period: "month" });
    expect(t.periods.map((p) => p.label)).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(t.periods.map((p) => p.n)).toEqual([3, 0, 2, 1]);
    const feb = t.periods[1];
    expect(feb?.empty).toBe(true);
    expect(feb?.nps).toBeNull();
    expect(feb?.start).toBe("2024-02-01");
    // Hand-computed: Jan 2 promoters 1 detractor of 3 → 33.3; Mar 0 promoters 1 detractor of 2 → −50; Apr → 100.
    expectClose(t.periods[0]?.nps?.score as number, 100 / 3, { rel: 1e-12 });
    expect(t.periods[2]?.nps?.score).toBe(-50);
    expect(t.periods[3]?.nps?.score).toBe(100);
    expect(t.overall.n).toBe(6);
    expect(t.overall.score).toBe(nps(responses.map((r) => r.score)).score);
  });

  it("tests each change against the previous non-empty period, like compareNps", () => {
    const t = npsTrend(responses, { period: "month" });
    expect(t.changes.map((c) => [c.from, c.to, c.periodsApart])).toEqual([
      ["2024-01", "2024-03", 2],
      ["2024-03", "2024-04", 1],
    ]);
    const expected = compareNps([8, 0], [10, 9, 3]);
    const c0 = t.changes[0];
    expectClose(c0?.difference as number, expected.difference, { abs: 1e-12 });
    expectClose(c0?.z as number, expected.z, { rel: 1e-12 });
    expectClose(c0?.pValue as number, expected.pValue, { rel: 1e-12 });
    expect(c0?.significant).toBe(expected.significant);
  });

  it("buckets ISO weeks and quarters, in UTC", () => {
    const w = npsTrend(
      [
        { score: 10, at: "2024-03-04" }, // Monday of 2024-W10
        { score: 10, at: "2024-03-10T23:00:00Z" }, // Sunday, same ISO week
        { score: 0, at: "2024-03-11T00:30:00+01:00" }, // 2024-03-10T23:30Z: still W10 in UTC
      ],
      { period: "week" },
    );
    expect(w.periods.map((p) => [p.label, p.n])).toEqual([["2024-W10", 3]]);
    const q = npsTrend(
      [
        { score: 9, at: "2024-03-31" },
        { score: 9, at: "2024-04-01" },
      ],
      { period: "quarter" },
    );
    expect(q.periods.map((p) => p.label)).toEqual(["2024-Q1", "2024-Q2"]);
  });

  it("extends the range with from/to", () => {
    const t = npsTrend([{ score: 9, at: "2024-02-10" }], { period: "month", from: "2023-12-01", to: "2024-03-31" });
    expect(t.periods.map((p) => [p.label, p.empty])).toEqual([
      ["2023-12", true],
      ["2024-01", true],
      ["2024-02", false],
      ["2024-03", true],
    ]);
    expect(t.changes).toEqual([]);
  });

  it("period tallies merge back to the overall tally", () => {
    const t = npsTrend(responses, { period: "month" });
    const merged = mergeNpsTallies(...t.periods.map((p) => p.tally));
    expect(nps(merged).score).toBe(t.overall.score);
    expect(merged.n).toBe(t.overall.n);
  });

  it("supports weights and skipping invalid scores", () => {
    const t = npsTrend(
      [
        { score: 10, at: "2024-01-01", weight: 3 },
        { score: 0, at: "2024-01-02", weight: 1 },
        { score: null, at: "2024-01-03" },
        { score: 7.5, at: "not a date" },
      ],
      { period: "year", onInvalid: "skip" },
    );
    expect(t.overall.score).toBe(50);
    expect(t.overall.weighted).toBe(true);
    expect(t.excluded.count).toBe(2);
    expect(t.excluded.byReason.missing).toBe(1);
    expect(t.excluded.byReason.not_integer).toBe(1);
  });

  it("rejects bad input", () => {
    expectMetricsError(() => npsTrend([], { period: "month" }), "empty_sample", []);
    expectMetricsError(() => npsTrend(responses, { period: "fortnight" as never }), "invalid_option", ["options", "period"]);
    expectMetricsError(() => npsTrend(responses, undefined as never), "invalid_type", ["options"]);
    expectMetricsError(() => npsTrend([{ score: 9, at: "2024-02-30" }], { period: "month" }), "invalid_date", [0, "at"]);
    expectMetricsError(
      () =>
        npsTrend(
          [
            { score: 9, at: "2024-02-01" },
            { score: 11, at: "2024-02-01" },
          ],
          { period: "month" },
        ),
      "out_of_range",
      [1, "score"],
    );
    expectMetricsError(() => npsTrend([{ score: "9", at: "2024-02-01" }] as never, { period: "month" }), "invalid_type", [
      0,
      "score",
    ]);
    expectMetricsError(() => npsTrend([{ score: 9, at: "2024-02-01", weight: -1 }], { period: "month" }), "out_of_range", [
      0,
      "weight",
    ]);
    expectMetricsError(() => npsTrend([null] as never, { period: "month" }), "invalid_type", [0]);
    expectMetricsError(
      () => npsTrend([{ score: null, at: "2024-01-01" }], { period: "month", onInvalid: "skip" }),
      "empty_sample",
      [],
    );
    expectMetricsError(() => npsTrend([{ score: 9, at: "2024-02-01" }], { period: "day", from: "1700-01-01" }), "out_of_range", [
      "options",
      "period",
    ]);
  });

  it("does not mutate its input", () => {
    const copy = JSON.parse(JSON.stringify(responses)) as typeof responses;
    npsTrend(responses, { period: "month" });
    expect(responses).toEqual(copy);
  });
});
