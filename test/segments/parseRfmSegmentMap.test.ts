import { describe, expect, it } from "vitest";
import { DEFAULT_RFM_SEGMENT_MAP, RfmSegmentMapSchema, parseRfmSegmentMap } from "../../src/segments/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("parseRfmSegmentMap", () => {
  it("round-trips the default table through JSON", () => {
    expect(parseRfmSegmentMap(JSON.parse(JSON.stringify(DEFAULT_RFM_SEGMENT_MAP)))).toEqual(DEFAULT_RFM_SEGMENT_MAP);
    expect(RfmSegmentMapSchema.safeParse(JSON.parse(JSON.stringify(DEFAULT_RFM_SEGMENT_MAP))).success).toBe(true);
  });

  it("rejects bad tables with code and path", () => {
    expectMetricsError(() => parseRfmSegmentMap({}), "invalid_type", []);
    expectMetricsError(() => parseRfmSegmentMap([]), "empty_sample", []);
    expectMetricsError(() => parseRfmSegmentMap([{ segment: "" }]), "invalid_type", [0, "segment"]);
    expectMetricsError(() => parseRfmSegmentMap([{ segment: "a", r: [1] }]), "invalid_type", [0, "r"]);
    expectMetricsError(() => parseRfmSegmentMap([{ segment: "a", fm: [1, Number.NaN] }]), "not_finite", [0, "fm", 1]);
    expectMetricsError(() => parseRfmSegmentMap([{ segment: "a", fm: ["1", 2] }]), "invalid_type", [0, "fm", 0]);
    expectMetricsError(() => parseRfmSegmentMap([{ segment: "a", x: [1, 2] }]), "invalid_input", [0, "x"]);
    expectMetricsError(() => parseRfmSegmentMap([{ segment: "a" }, { segment: "b", m: [5, 1] }]), "out_of_range", [1, "m", 1]);
    expect(RfmSegmentMapSchema.safeParse([{ segment: "b", m: [5, 1] }]).success).toBe(false);
  });
});
