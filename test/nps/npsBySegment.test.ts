import { describe, expect, it } from "vitest";
import { compareNps, nps, npsBySegment } from "../../src/nps/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

const rows = [
  { score: 10, region: "north" },
  { score: 9, region: "north" },
  { score: 3, region: "north" },
  { score: 8, region: "south" },
  { score: 0, region: "south" },
  { score: 10, region: null },
];

describe("npsBySegment", () => {
  it("scores each segment in order of first appearance (hand-computed)", () => {
    const r = npsBySegment(rows, "region");
    expect(r.segments.map((s) => [s.segment, s.nps.n])).toEqual([
      ["north", 3],
      ["south", 2],
    ]);
    expectClose(r.segments[0]?.nps.score as number, 100 / 3, { rel: 1e-12 });
    expect(r.segments[1]?.nps.score).toBe(-50);
    expect(r.unsegmented).toBe(1);
    expect(r.overall.score).toBe(nps([10, 9, 3, 8, 0]).score);
  });

  it("tests each segment against the rest", () => {
    const r = npsBySegment(rows, (x) => x.region);
    const expected = compareNps([10, 9, 3], [8, 0]);
    expectClose(r.segments[0]?.vsRest?.z as number, expected.z, { rel: 1e-12 });
    expectClose(r.segments[0]?.vsRest?.pValue as number, expected.pValue, { rel: 1e-12 });
    const single = npsBySegment([{ score: 9, g: "a" }], "g");
    expect(single.segments[0]?.vsRest).toBeNull();
    expect(npsBySegment(rows, "region", { compareToRest: false }).segments[0]?.vsRest).toBeNull();
  });

  it("uses a Map: keys like 'toString' or 'hasOwnProperty' are ordinary segments; numbers become strings", () => {
    const r = npsBySegment(
      [
        { score: 10, k: "toString" },
        { score: 0, k: "hasOwnProperty" },
        { score: 9, k: 42 },
      ],
      "k",
    );
    expect(r.segments.map((s) => s.segment)).toEqual(["toString", "hasOwnProperty", "42"]);
  });

  it("rejects unsafe keys and bad input", () => {
    expectMetricsError(() => npsBySegment([{ score: 9, k: "__proto__" }], "k"), "unsafe_key", [0, "segment"]);
    expectMetricsError(() => npsBySegment([{ score: 9, k: "constructor" }], "k"), "unsafe_key", [0, "segment"]);
    expectMetricsError(() => npsBySegment([{ score: 9 }], "__proto__" as never), "unsafe_key", ["segmentOf"]);
    expectMetricsError(() => npsBySegment([{ score: 9, k: { a: 1 } }], "k"), "invalid_type", [0, "segment"]);
    expectMetricsError(() => npsBySegment([{ score: 9, k: Number.NaN }], "k"), "not_finite", [0, "segment"]);
    expectMetricsError(() => npsBySegment([{ score: 12, k: "a" }], "k"), "out_of_range", [0, "score"]);
    expectMetricsError(() => npsBySegment([], "k" as never), "empty_sample", []);
    expectMetricsError(() => npsBySegment([{ score: 9, k: null }], "k"), "empty_sample", []);
  });

  it("skips invalid scores when asked", () => {
    const r = npsBySegment(
      [
        { score: 9, k: "a" },
        { score: Number.NaN, k: "a" },
      ],
      "k",
      { onInvalid: "skip" },
    );
    expect(r.segments[0]?.nps.n).toBe(1);
    expect(r.excluded.byReason.not_finite).toBe(1);
  });
});
