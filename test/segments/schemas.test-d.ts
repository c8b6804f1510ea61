import { expectTypeOf, test } from "vitest";
import type { z } from "zod";
import {
  rfmSegments,
  type RfmSegmentMap,
  type RfmSegmentMapSchema,
  type RfmSegmentRule,
  type RfmSegmentRuleSchema,
} from "../../src/segments/index.js";

test("schema-inferred types are the exported types", () => {
  expectTypeOf<z.infer<typeof RfmSegmentMapSchema>>().toEqualTypeOf<RfmSegmentMap>();
  expectTypeOf<z.infer<typeof RfmSegmentRuleSchema>>().toEqualTypeOf<RfmSegmentRule>();
});

test("segment tables are typed", () => {
  rfmSegments([{ customerId: 1, r: 1, f: 1, m: 1 }], { segmentMap: [{ segment: "All", r: [1, 5] }] });
  // @ts-expect-error a range is a pair
  rfmSegments([{ customerId: 1, r: 1, f: 1, m: 1 }], { segmentMap: [{ segment: "All", r: [1, 2, 3] }] });
});
