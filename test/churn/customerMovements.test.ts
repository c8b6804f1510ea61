import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerMovements, type SubscriptionRecord } from "../../src/churn/index.js";
import { fromDayNumber, periodIndex, toDayNumber } from "../../src/core/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

/** Brute-force oracle: classify every customer in every period by scanning days one by one. */
function bruteForce(
  subs: readonly { customerId: number; start: number; end?: number }[],
  asOf: number,
  period: "week" | "month",
) {
  const firstStart = Math.min(...subs.map((s) => s.start));
  const ids = [...new Set(subs.map((s) => s.customerId))];
  const active = (id: number, d: number) => subs.some((s) => s.customerId === id && s.start <= d && d < (s.end ?? Infinity));
  const first = (id: number) => Math.min(...subs.filter((s) => s.customerId === id).map((s) => s.start));
  const p0 = periodIndex(firstStart, period);
  const p1 = periodIndex(asOf, period);
  const rows = [];
  for (let p = p0; p <= p1; p++) {
    let d0 = firstStart;
    while (periodIndex(d0, period) < p) d0++;
    while (periodIndex(d0 - 1, period) === p) d0--;
    let d1 = d0;
    while (periodIndex(d1 + 1, period) === p && d1 + 1 <= asOf) d1++;
    const row = { start: 0, fresh: 0, back: 0, lost: 0, transient: 0, end: 0 };
    for (const id of ids) {
      const s0 = active(id, d0 - 1);
      const s1 = active(id, d1);
      let inside = false;
      for (let d = d0; d <= d1; d++) if (active(id, d)) inside = true;
      if (s0) row.start++;
      if (s1) row.end++;
      if (s0 && !s1) row.lost++;
      if (!s0 && s1) {
        if (first(id) >= d0) row.fresh++;
        else row.back++;
      }
      if (!s0 && !s1 && inside) row.transient++;
    }
    rows.push(row);
  }
  return rows;
}

describe("customerMovements", () => {
  const subs: SubscriptionRecord[] = [
    { customerId: "a", start: "2024-01-10" },
    { customerId: "b", start: "2024-01-15", end: "2024-02-20" },
    { customerId: "c", start: "2024-02-03", end: "2024-02-10" },
    { customerId: "b", start: "2024-03-05" },
    { customerId: "d", start: "2024-01-20", end: "2024-03-01" },
    { customerId: "e", start: "2024-02-01", end: "2024-02-15" },
    { customerId: "e", start: "2024-02-20", end: "2024-04-10" },
  ];

  it("classifies new, reactivated, lost and joined-and-lost customers (hand-checked)", () => {
    const res = customerMovements(subs, { period: "month", asOf: "2024-04-15" });
    expect(res.customers).toBe(5);
    expect(res.ignoredRecords).toBe(0);
    expect(res.asOf).toBe("2024-04-15");
    const rows = res.rows.map((r) => [
      r.period,
      r.customersAtStart,
      r.newCustomers,
      r.reactivatedCustomers,
      r.customersLost,
      r.customersJoinedAndLost,
      r.customersAtEnd,
      r.complete,
    ]);
    expect(rows).toEqual([
      // Jan: a, b, d join.
      ["2024-01", 0, 3, 0, 0, 0, 3, true],
      // Feb: b leaves (Feb 20); c joins and leaves; e joins (gap Feb 15-20 inside Feb, active at end).
      ["2024-02", 3, 1, 0, 1, 1, 3, true],
      // Mar: d's end is Mar 1 (first day without service) → lost in March; b comes back.
      ["2024-03", 3, 0, 1, 1, 0, 3, true],
      // Apr (to Apr 15): e leaves on Apr 10.
      ["2024-04", 3, 0, 0, 1, 0, 2, false],
    ]);
    expect(res.rows[3]!.end).toBe("2024-04-15");
    expect(res.rows[0]!.start).toBe("2024-01-01");
  });

  it("agrees with a day-by-day brute force on random subscriptions (weeks and months)", () => {
    const base = toDayNumber("2023-11-01");
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            customerId: fc.integer({ min: 1, max: 8 }),
            start: fc.integer({ min: 0, max: 150 }),
            len: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom("week" as const, "month" as const),
        (raw, asOfOffset, period) => {
          const seen = new Set<string>();
          const recs = raw
            .map((r) => ({
              customerId: r.customerId,
              start: base + r.start,
              ...(r.len === undefined ? {} : { end: base + r.start + r.len }),
            }))
            .filter((r) => {
              const key = `${r.customerId}/${r.start}/${r.end ?? ""}`;
              if (seen.has(key)) return false;
              seen.add(key);
              return true;
            });
          const asOf = base + asOfOffset;
          const kept = recs.filter((r) => r.start <= asOf);
          if (kept.length === 0) return;
          const input = recs.map((r) => ({
            customerId: r.customerId,
            start: fromDayNumber(r.start),
            ...(r.end === undefined ? {} : { end: fromDayNumber(r.end) }),
          }));
          const res = customerMovements(input, { period, asOf: fromDayNumber(asOf) });
          const expected = bruteForce(kept, asOf, period);
          expect(
            res.rows.map((r) => ({
              start: r.customersAtStart,
              fresh: r.newCustomers,
              back: r.reactivatedCustomers,
              lost: r.customersLost,
              transient: r.customersJoinedAndLost,
              end: r.customersAtEnd,
            })),
          ).toEqual(expected);
          for (const r of res.rows)
            expect(r.customersAtEnd).toBe(r.customersAtStart + r.newCustomers + r.reactivatedCustomers - r.customersLost);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("from: starts later and counts customers already active", () => {
    const res = customerMovements(subs, { period: "month", asOf: "2024-03-31", from: "2024-02-10" });
    expect(res.rows.map((r) => r.period)).toEqual(["2024-02", "2024-03"]);
    expect(res.rows[0]!.customersAtStart).toBe(3);
  });

  it("merges overlapping subscriptions of one customer; ignores records after asOf", () => {
    const res = customerMovements(
      [
        { customerId: 1, start: "2024-01-01", end: "2024-03-01" },
        { customerId: 1, start: "2024-02-01", end: "2024-05-01" },
        { customerId: 2, start: "2024-06-01" },
      ],
      { asOf: "2024-04-30" },
    );
    expect(res.ignoredRecords).toBe(1);
    expect(res.customers).toBe(1);
    expect(res.rows.map((r) => r.customersAtEnd)).toEqual([1, 1, 1, 1]);
    expect(res.rows.every((r) => r.customersLost === 0)).toBe(true);
  });

  it("rejects bad input with code and path", () => {
    const asOf = "2024-03-31";
    expectMetricsError(() => customerMovements([], { asOf }), "empty_sample", []);
    expectMetricsError(
      () => customerMovements([{ customerId: 1, start: "2024-02-01", end: "2024-01-01" }], { asOf }),
      "out_of_range",
      [0, "end"],
    );
    expectMetricsError(
      () => customerMovements([{ customerId: 1, start: "2024-02-01", end: "2024-02-01" }], { asOf }),
      "out_of_range",
      [0, "end"],
    );
    expectMetricsError(() => customerMovements([{ customerId: 1, start: "nope" }], { asOf }), "invalid_date", [0, "start"]);
    expectMetricsError(() => customerMovements([{ customerId: 1, start: Number.NaN }], { asOf }), "invalid_date", [0, "start"]);
    expectMetricsError(() => customerMovements([{ customerId: "__proto__", start: "2024-01-01" }], { asOf }), "unsafe_key", [
      0,
      "customerId",
    ]);
    expectMetricsError(
      () => customerMovements([{ customerId: null as unknown as string, start: "2024-01-01" }], { asOf }),
      "invalid_type",
      [0, "customerId"],
    );
    expectMetricsError(() => customerMovements([{ customerId: 1, start: "2024-05-01" }], { asOf }), "out_of_range", [
      "options",
      "asOf",
    ]);
    expectMetricsError(() => customerMovements([{ customerId: 1, start: "2024-01-01" }], {} as never), "invalid_date", [
      "options",
      "asOf",
    ]);
    expectMetricsError(
      () => customerMovements([{ customerId: 1, start: "2024-01-01" }], { asOf, period: "fortnight" as never }),
      "invalid_option",
      ["options", "period"],
    );
    expectMetricsError(
      () => customerMovements([{ customerId: 1, start: "2024-01-01" }], { asOf, from: "2024-05-01" }),
      "out_of_range",
      ["options", "from"],
    );
    expectMetricsError(
      () =>
        customerMovements(
          [
            { customerId: 1, start: "2024-01-01", end: "2024-02-01" },
            { customerId: 2, start: "2024-01-01" },
            { customerId: 1, start: "2024-01-01", end: "2024-02-01" },
          ],
          { asOf },
        ),
      "duplicate_id",
      [2],
    );
  });

  it("does not mutate its input", () => {
    const input = subs.map((s) => Object.freeze({ ...s }));
    const copy = JSON.stringify(input);
    customerMovements(Object.freeze(input), { asOf: "2024-04-15" });
    expect(JSON.stringify(input)).toBe(copy);
  });
});
