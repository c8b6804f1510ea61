import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortRetention, cohortRetentionTally, mergeCohortRetentionTallies, type ActivityEvent } from "../../src/churn/index.js";
import { fromDayNumber, periodIndex, toDayNumber } from "../../src/core/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

/** Naive oracle: Map<customer, Set<period>> then count by cohort and age. */
function naiveCounts(events: readonly { id: number | string; day: number }[], lastP: number) {
  const byCustomer = new Map<number | string, Set<number>>();
  for (const e of events) {
    const p = periodIndex(e.day, "month");
    let s = byCustomer.get(e.id);
    if (!s) byCustomer.set(e.id, (s = new Set()));
    s.add(p);
  }
  const cells = new Map<string, number>();
  for (const set of byCustomer.values()) {
    const first = Math.min(...set);
    if (first > lastP) continue;
    for (const p of set) if (p <= lastP) cells.set(`${first}/${p - first}`, (cells.get(`${first}/${p - first}`) ?? 0) + 1);
  }
  return cells;
}

const events: ActivityEvent[] = [
  { customerId: "a", at: "2024-01-05", amount: "10" },
  { customerId: "a", at: "2024-02-11", amount: "12.5" },
  { customerId: "a", at: "2024-02-12", amount: "2.5" },
  { customerId: "a", at: "2024-03-02", amount: "10" },
  { customerId: "b", at: "2024-01-17", amount: "20" },
  { customerId: "b", at: "2024-03-20", amount: "5" },
  { customerId: "c", at: "2024-02-08", amount: "30" },
  { customerId: "c", at: "2024-03-01", amount: "30" },
  { customerId: "d", at: "2024-04-03", amount: "8" },
];

describe("cohortRetention", () => {
  it("customers: counts, shares of start and of previous period; unreached ages are null, never 0 (hand-checked)", () => {
    const t = cohortRetention(events, { period: "month", asOf: "2024-04-10" });
    expect(t.lastPeriod).toBe("2024-03"); // April is not over: excluded by default
    expect(t.ages).toBe(3);
    expect(t.customers).toBe(3);
    expect(t.events).toBe(9);
    expect(t.cohorts.map((c) => c.cohort)).toEqual(["2024-01", "2024-02"]);
    const [jan, feb] = t.cohorts;
    expect(jan!.size).toBe(2);
    expect(jan!.active).toEqual([2, 1, 2]);
    expect(jan!.retention).toEqual([1, 0.5, 1]);
    expect(jan!.periodOverPeriod).toEqual([null, 0.5, 2]);
    expect(jan!.observable).toEqual([true, true, true]);
    expect(feb!.active).toEqual([1, 1, null]);
    expect(feb!.retention).toEqual([1, 1, null]);
    expect(feb!.observable).toEqual([true, true, false]);
    expect(t.average).toEqual([
      { age: 0, retention: 1, cohorts: 2, customers: 3 },
      { age: 1, retention: 2 / 3, cohorts: 2, customers: 3 },
      { age: 2, retention: 1, cohorts: 1, customers: 2 },
    ]);
  });

  it("includeIncomplete adds the current period; an asOf on the period's last day needs no flag", () => {
    const inc = cohortRetention(events, { asOf: "2024-04-10", includeIncomplete: true });
    expect(inc.lastPeriod).toBe("2024-04");
    expect(inc.cohorts.map((c) => c.active)).toEqual([
      [2, 1, 2, 0],
      [1, 1, 0, null],
      [1, null, null, null],
    ]);
    expect(cohortRetention(events, { asOf: "2024-04-30" }).lastPeriod).toBe("2024-04");
  });

  it("revenue mode: exact Decimal sums, revenue retention can exceed 1", () => {
    const t = cohortRetention(events, { asOf: "2024-03-31", mode: "revenue" });
    const jan = t.cohorts[0]!;
    expect(jan.revenue!.map((d) => d!.toString())).toEqual(["30", "15", "15"]);
    expect(jan.retention).toEqual([1, 0.5, 0.5]);
    expect(jan.active).toEqual([2, 1, 2]);
    const feb = t.cohorts[1]!;
    expect(feb.revenue!.map((d) => d?.toString() ?? null)).toEqual(["30", "30", null]);
    // Average, revenue-weighted: age 1 = (15 + 30) / (30 + 30); age 2 = 15 / 30.
    expect(t.average.map((r) => r.retention)).toEqual([1, 0.75, 0.5]);
    const up = cohortRetention(
      [
        { customerId: 1, at: "2024-01-01", amount: "10" },
        { customerId: 1, at: "2024-02-01", amount: "25" },
      ],
      { asOf: "2024-02-29", mode: "revenue" },
    );
    expect(up.cohorts[0]!.retention).toEqual([1, 2.5]);
  });

  it("columns (typed arrays) give the same table as records; Map ids and direct ids agree", () => {
    const ids = new Int32Array([0, 0, 0, 0, 1, 1, 2, 2, 3]);
    const days = Float64Array.from(events.map((e) => toDayNumber(e.at)));
    const fromCols = cohortRetention({ customerIds: ids, days }, { asOf: "2024-04-10" });
    const fromRecords = cohortRetention(events, { asOf: "2024-04-10" });
    expect(fromCols).toEqual(fromRecords);
    const bigIds = Array.from(ids, (i) => 1e12 + i);
    expect(cohortRetention({ customerIds: bigIds, days }, { asOf: "2024-04-10" })).toEqual(fromRecords);
    const strIds = Array.from(ids, (i) => `c${i}`);
    expect(cohortRetention({ customerIds: strIds, days }, { asOf: "2024-04-10" })).toEqual(fromRecords);
  });

  it("subscription intervals: active in every period they overlap", () => {
    const t = cohortRetention(
      [
        { customerId: "x", start: "2024-01-15", end: "2024-03-01" },
        { customerId: "y", start: "2024-01-20" },
        { customerId: "y", start: "2023-12-31", end: "2024-01-02" },
        { customerId: "z", start: "2024-02-10", end: "2024-02-20" },
      ],
      { asOf: "2024-04-30" },
    );
    // y's cohort is December (first start); x is January; z February.
    expect(t.cohorts.map((c) => [c.cohort, c.active])).toEqual([
      ["2023-12", [1, 1, 1, 1, 1]],
      ["2024-01", [1, 1, 0, 0, null]],
      ["2024-02", [1, 0, 0, null, null]],
    ]);
  });

  it("matches a naive Map/Set oracle on random events", () => {
    const base = toDayNumber("2023-01-01");
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.integer({ min: 0, max: 30 }), day: fc.integer({ min: 0, max: 400 }) }), {
          minLength: 1,
          maxLength: 200,
        }),
        (raw) => {
          const evs = raw.map((r) => ({ id: r.id, day: base + r.day }));
          const asOf = base + 365; // 2024-01-01: December 2023 complete
          const lastP = periodIndex(asOf, "month") - 1;
          const firstP = Math.min(...evs.map((e) => periodIndex(e.day, "month")));
          if (firstP > lastP) return;
          const t = cohortRetention(
            { customerIds: evs.map((e) => e.id), days: evs.map((e) => e.day) },
            { asOf: fromDayNumber(asOf) },
          );
          const oracle = naiveCounts(
            evs.filter((e) => e.day <= asOf),
            lastP,
          );
          for (const c of t.cohorts) {
            c.active.forEach((v, age) => {
              if (c.observable[age]) expect(v).toBe(oracle.get(`${c.periodIndex}/${age}`) ?? 0);
              else {
                expect(v).toBeNull();
                expect(c.periodIndex + age).toBeGreaterThan(lastP);
              }
            });
          }
          const total = t.cohorts.reduce((s, c) => s + c.size, 0);
          expect(total).toBe(t.customers);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("property: merged tallies of a customer partition equal the table of the union (also through JSON)", () => {
    const base = toDayNumber("2023-06-01");
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.integer({ min: 0, max: 40 }),
            day: fc.integer({ min: 0, max: 300 }),
            cents: fc.integer({ min: 0, max: 10_000 }),
          }),
          { minLength: 1, maxLength: 150 },
        ),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom("customers" as const, "revenue" as const),
        (raw, parts, mode) => {
          const asOf = fromDayNumber(base + 300);
          const evs = raw.map((r) => ({ customerId: r.id, at: base + r.day, amount: (r.cents / 100).toFixed(2) }));
          const cols = (list: typeof evs) => ({
            customerIds: list.map((e) => e.customerId),
            days: list.map((e) => e.at),
            amounts: list.map((e) => e.amount),
          });
          const whole = cohortRetentionTally(cols(evs), { asOf, mode });
          // Empty partitions are skipped: an empty input is an empty_sample error.
          const partitions = Array.from({ length: parts }, (_, k) => evs.filter((e) => e.customerId % parts === k)).filter(
            (p) => p.length > 0,
          );
          const tallies = partitions.map((p) => cohortRetentionTally(cols(p), { asOf, mode }));
          const merged = mergeCohortRetentionTallies(...tallies.map((t) => JSON.parse(JSON.stringify(t))));
          expect(cohortRetention(merged, { includeIncomplete: true })).toEqual(
            cohortRetention(whole, { includeIncomplete: true }),
          );
          expect(mergeCohortRetentionTallies(whole)).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("rejects bad input with code and path", () => {
    const asOf = "2024-04-10";
    expectMetricsError(() => cohortRetention([], { asOf }), "empty_sample", []);
    expectMetricsError(() => cohortRetention(events, {} as never), "invalid_date", ["options", "asOf"]);
    expectMetricsError(() => cohortRetention(events, { asOf: "2023-12-31" }), "out_of_range", ["options", "asOf"]);
    expectMetricsError(() => cohortRetention(events, { asOf: "2024-01-20" }), "insufficient_data", ["options", "asOf"]);
    expectMetricsError(() => cohortRetention([{ customerId: "a", at: "2024-13-01" }], { asOf }), "invalid_date", [0, "at"]);
    expectMetricsError(() => cohortRetention([{ customerId: "__proto__", at: "2024-01-01" }], { asOf }), "unsafe_key", [
      0,
      "customerId",
    ]);
    expectMetricsError(() => cohortRetention({ customerIds: [1, 2], days: [19000] }, { asOf }), "length_mismatch", ["days"]);
    expectMetricsError(() => cohortRetention({ customerIds: [1], days: [19000.5] }, { asOf }), "not_integer", ["days", 0]);
    expectMetricsError(() => cohortRetention({ customerIds: [1], days: [Number.NaN] }, { asOf }), "not_finite", ["days", 0]);
    expectMetricsError(
      () => cohortRetention({ customerIds: [1], days: ["19000" as unknown as number] }, { asOf }),
      "invalid_type",
      ["days", 0],
    );
    expectMetricsError(() => cohortRetention({ customerIds: [1], days: [1.7e12] }, { asOf }), "out_of_range", ["days", 0]);
    expectMetricsError(() => cohortRetention({ customerIds: [Number.NaN], days: [19800] }, { asOf }), "not_finite", [
      "customerIds",
      0,
    ]);
    expectMetricsError(() => cohortRetention([{ customerId: 1, at: "2024-01-01" }], { asOf, mode: "revenue" }), "invalid_input", [
      0,
      "amount",
    ]);
    expectMetricsError(
      () => cohortRetention([{ customerId: 1, at: "2024-01-01", amount: "x" }], { asOf, mode: "revenue" }),
      "invalid_input",
      [0, "amount"],
    );
    expectMetricsError(() => cohortRetention(events, { asOf, mode: "profit" as never }), "invalid_option", ["options", "mode"]);
    expectMetricsError(() => cohortRetention(events, { asOf, includeIncomplete: "yes" as never }), "invalid_option", [
      "options",
      "includeIncomplete",
    ]);
    expectMetricsError(() => cohortRetentionTally([{ customerId: 1, start: "2024-01-01" }]), "invalid_input", [
      "options",
      "asOf",
    ]);
    expectMetricsError(
      () => cohortRetentionTally([{ customerId: 1, start: "2024-02-01", end: "2024-01-01" }], { asOf }),
      "out_of_range",
      [0, "end"],
    );
    const tally = cohortRetentionTally(events, { asOf });
    expectMetricsError(() => cohortRetention(tally, { asOf: "2024-04-11" }), "invalid_option", ["options", "asOf"]);
    expectMetricsError(() => cohortRetention(cohortRetentionTally(events)), "invalid_date", ["options", "asOf"]);
    expectMetricsError(() => mergeCohortRetentionTallies(), "empty_sample", []);
    expectMetricsError(
      () => mergeCohortRetentionTallies(tally, cohortRetentionTally(events, { asOf, period: "week" })),
      "invalid_option",
      [1, "period"],
    );
    expectMetricsError(
      () => mergeCohortRetentionTallies(tally, cohortRetentionTally(events, { asOf, mode: "revenue" })),
      "invalid_option",
      [1, "mode"],
    );
    expectMetricsError(() => mergeCohortRetentionTallies({ kind: "other" } as never), "invalid_input", [0, "kind"]);
  });

  it("ignores events after asOf and does not mutate its input", () => {
    const frozen = Object.freeze(events.map((e) => Object.freeze({ ...e })));
    const copy = JSON.stringify(frozen);
    const t = cohortRetention(frozen, { asOf: "2024-03-31" });
    expect(t.ignoredEvents).toBe(1);
    expect(JSON.stringify(frozen)).toBe(copy);
    const ids = new Int32Array([5, 6]);
    const days = new Int32Array([19800, 19830]);
    cohortRetention({ customerIds: ids, days }, { asOf: "2024-12-31" });
    expect(Array.from(ids)).toEqual([5, 6]);
    expect(Array.from(days)).toEqual([19800, 19830]);
  });
});
