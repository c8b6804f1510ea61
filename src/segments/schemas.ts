import { z } from "zod";
import { isMetricsError } from "../core/errors.js";
import { parseWithSchema } from "../core/validate.js";
import { validateRfmSegmentMap } from "./_internal/segmentMap.js";

/**
 * An inclusive range `[min, max]` of scores.
 *
 * @category Segments
 */
export type RfmScoreRange = readonly [number, number];

/**
 * One row of an RFM segment table: the segment applies when every range
 * given holds (ranges left out match anything). Rows are tried in order; the
 * first match wins.
 *
 * @category Segments
 */
export interface RfmSegmentRule {
  /** Segment name, e.g. `"Champions"`. */
  readonly segment: string;
  /** Range of the recency score `r`. */
  readonly r?: RfmScoreRange | undefined;
  /** Range of the frequency score `f`. */
  readonly f?: RfmScoreRange | undefined;
  /** Range of the monetary score `m`. */
  readonly m?: RfmScoreRange | undefined;
  /** Range of `fm = (f + m) / 2` (may be a half: 3.5). */
  readonly fm?: RfmScoreRange | undefined;
}

/**
 * An ordered RFM segment table (see {@link DEFAULT_RFM_SEGMENT_MAP}).
 *
 * @category Segments
 */
export type RfmSegmentMap = readonly RfmSegmentRule[];

const RangeSchema = /* @__PURE__ */ z.tuple([z.number().finite(), z.number().finite()]);

/**
 * Schema of an {@link RfmSegmentRule}.
 *
 * @category Segments
 */
export const RfmSegmentRuleSchema: z.ZodType<RfmSegmentRule> = /* @__PURE__ */ z.strictObject({
  segment: z.string().min(1),
  r: RangeSchema.optional(),
  f: RangeSchema.optional(),
  m: RangeSchema.optional(),
  fm: RangeSchema.optional(),
});

/**
 * Schema of an {@link RfmSegmentMap} (with the table-level checks of
 * {@link parseRfmSegmentMap} as custom issues).
 *
 * @category Segments
 */
export const RfmSegmentMapSchema: z.ZodType<RfmSegmentMap> = /* @__PURE__ */ z
  .array(RfmSegmentRuleSchema)
  .superRefine((map, ctx) => {
    try {
      validateRfmSegmentMap(map, "RfmSegmentMapSchema", []);
    } catch (e) {
      if (!isMetricsError(e)) throw e;
      ctx.addIssue({ code: "custom", path: [...e.path], message: e.message, params: { metricsCode: e.code } });
    }
  });

/**
 * Validates an untrusted RFM segment table (e.g. from JSON).
 *
 * @param input - Anything, typically `JSON.parse` output.
 * @returns The validated table.
 * @throws {@link MetricsError} `invalid_type`, `invalid_input` (unknown keys), `empty_sample` (no rows), `not_finite`,
 * `out_of_range` (a range with max < min), `unsafe_key`.
 *
 * @example
 * ```ts
 * import { parseRfmSegmentMap } from "customer-metrics/segments";
 * parseRfmSegmentMap([{ segment: "Best", r: [4, 5], fm: [4, 5] }, { segment: "Rest" }]).length; // => 2
 * parseRfmSegmentMap([{ segment: "Best", r: [5, 4] }]); // throws out_of_range
 * ```
 *
 * @category Segments
 */
export function parseRfmSegmentMap(input: unknown): RfmSegmentMap {
  validateRfmSegmentMap(input, "parseRfmSegmentMap", []);
  return parseWithSchema(RfmSegmentMapSchema, input, "parseRfmSegmentMap");
}
