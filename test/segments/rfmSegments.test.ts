import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_RFM_SEGMENT_MAP, rfmScores, rfmSegments } from "../../src/segments/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// The documented grid (docs/segments.md and DEFAULT_RFM_SEGMENT_MAP's doc comment), written out
// independently: rows r = 5..1, columns fm rounded half up = 1..5.
const GRID: Record<number, string[]> = {
  5: ["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"],
  4: ["Promising", "Potential loyalist", "Potential loyalist", "Loyal", "Champions"],
  3: ["About to sleep", "About to sleep", "Need attention", "Loyal", "Loyal"],
  2: ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose them"],
  1: ["Lost", "Lost", "At risk", "At risk", "Can't lose them"],
};

function documented(r: number, f: number, m: number): string {
  if (f === 1 && r === 5) return "New";
  if (f === 1 && r === 4) return "Promising";
  const col = Math.floor((f + m) / 2 + 0.5); // round half up
  return (GRID[r] as string[])[col - 1] as string;
}

describe("rfmSegments", () => {
  it("maps all 125 score combinations as documented", () => {
    const scores = [];
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) scores.push({ customerId: `${r}${f}${m}`, r, f, m });
    const got = rfmSegments(scores);
    for (const row of got) expect(row.segment, row.customerId as string).toBe(documented(row.r, row.f, row.m));
    expect(new Set(got.map((s) => s.segment))).toEqual(
      new Set([
        "Champions",
        "Loyal",
        "Potential loyalist",
        "New",
        "Promising",
        "Need attention",
        "About to sleep",
        "At risk",
        "Can't lose them",
        "Hibernating",
        "Lost",
      ]),
    );
    expect(got[0]).toEqual({ customerId: "111", segment: "Lost", r: 1, f: 1, m: 1, fm: 1 });
  });

  it("takes rfmScores output directly", () => {
    const scores = rfmScores([
      { customerId: "a", frequency: 9, recency: 300, T: 301, monetaryValue: 500 },
      { customerId: "b", frequency: 0, recency: 0, T: 400, monetaryValue: 0 },
    ]);
    // Two customers, 5 bins: the better one scores 1 + floor(5 · 1 / 2) = 3 everywhere (333), the other 111.
    expect(rfmSegments(scores).map((s) => s.segment)).toEqual(["Need attention", "Lost"]);
  });

  it("uses a custom table in order, with a fallback", () => {
    const map = [
      { segment: "VIP", m: [5, 5] as const },
      { segment: "Recent", r: [4, 5] as const },
    ];
    const rows = rfmSegments(
      [
        { customerId: 1, r: 1, f: 1, m: 5 },
        { customerId: 2, r: 5, f: 1, m: 5 },
        { customerId: 3, r: 5, f: 1, m: 1 },
        { customerId: 4, r: 2, f: 7, m: 1 },
      ],
      { segmentMap: map, fallback: "Everyone else" },
    );
    expect(rows.map((r) => r.segment)).toEqual(["VIP", "VIP", "Recent", "Everyone else"]);
    expect(rfmSegments([{ customerId: 4, r: 2, f: 2, m: 1 }], { segmentMap: map })[0]?.segment).toBe("Other");
  });

  it("assigns exactly one default segment to every valid score (property)", () => {
    const score = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.record({ r: score, f: score, m: score }), { minLength: 1, maxLength: 30 }), (rs) => {
        const segs = rfmSegments(rs.map((s, i) => ({ customerId: i, ...s })));
        return segs.length === rs.length && segs.every((s) => s.segment !== "Other" && s.segment === documented(s.r, s.f, s.m));
      }),
    );
  });

  it("has a frozen default table", () => {
    expect(Object.isFrozen(DEFAULT_RFM_SEGMENT_MAP)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RFM_SEGMENT_MAP[0])).toBe(true);
  });

  it("rejects bad scores and tables with code and path", () => {
    expectMetricsError(() => rfmSegments([]), "empty_sample", ["scores"]);
    expectMetricsError(() => rfmSegments([{ customerId: 1, r: 6, f: 1, m: 1 }]), "out_of_range", [0, "r"]);
    expectMetricsError(() => rfmSegments([{ customerId: 1, r: 0, f: 1, m: 1 }]), "out_of_range", [0, "r"]);
    expectMetricsError(() => rfmSegments([{ customerId: 1, r: 1, f: 2.5, m: 1 }]), "not_integer", [0, "f"]);
    expectMetricsError(() => rfmSegments([{ customerId: 1, r: 1, f: 1, m: Number.NaN }]), "not_finite", [0, "m"]);
    expectMetricsError(() => rfmSegments([{ customerId: 1, r: 1, f: 1, m: "5" as never }]), "invalid_type", [0, "m"]);
    expectMetricsError(() => rfmSegments([null as never]), "invalid_type", [0]);
    expectMetricsError(() => rfmSegments([{ customerId: 1, r: 1, f: 1, m: 1 }], { segmentMap: [] }), "empty_sample", [
      "options",
      "segmentMap",
    ]);
    expectMetricsError(
      () => rfmSegments([{ customerId: 1, r: 1, f: 1, m: 1 }], { segmentMap: [{ segment: "x", r: [3, 1] }] }),
      "out_of_range",
      ["options", "segmentMap", 0, "r", 1],
    );
    expectMetricsError(
      () =>
        rfmSegments([{ customerId: 1, r: 1, f: 1, m: 1 }], {
          segmentMap: JSON.parse('[{"segment":"x","__proto__":{}}]') as never,
        }),
      "unsafe_key",
      ["options", "segmentMap", 0, "__proto__"],
    );
    expectMetricsError(() => rfmSegments([{ customerId: 1, r: 1, f: 1, m: 1 }], { fallback: "" }), "invalid_type", [
      "options",
      "fallback",
    ]);
  });
});
