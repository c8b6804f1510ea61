import { z } from "zod";
import { isMetricsError } from "../core/errors.js";
import { toEpochMs } from "../core/time.js";
import { parseWithSchema } from "../core/validate.js";

/**
 * One answer to the 0–10 recommend question: an integer from 0 to 10.
 *
 * @category NPS
 */
export const NpsScoreSchema = /* @__PURE__ */ z.number().int().min(0).max(10);

/**
 * An answer to the 0–10 recommend question (inferred from {@link NpsScoreSchema}).
 *
 * @category NPS
 */
export type NpsScore = z.infer<typeof NpsScoreSchema>;

function validDate(value: Date | string | number): boolean {
  try {
    toEpochMs(value);
    return true;
  } catch (e) {
    if (isMetricsError(e)) return false;
    throw e;
  }
}

/**
 * A dated, optionally weighted NPS response, as {@link npsTrend} reads it.
 *
 * @category NPS
 */
export const NpsResponseSchema = /* @__PURE__ */ z.object({
  score: NpsScoreSchema,
  at: z.union([z.date(), z.string(), z.number()]).refine(validDate, {
    message: 'a valid Date, ISO-8601 date string (e.g. "2024-03-05") or epoch milliseconds',
  }),
  weight: z.number().finite().nonnegative().optional(),
});

/**
 * A dated NPS response (inferred from {@link NpsResponseSchema}).
 *
 * @category NPS
 */
export type NpsResponse = z.infer<typeof NpsResponseSchema>;

const NpsResponsesSchema = /* @__PURE__ */ z.array(NpsResponseSchema);

/**
 * Validates untrusted NPS responses (e.g. a JSON upload) with
 * {@link NpsResponseSchema}.
 *
 * @param input - Anything.
 * @returns The responses, typed.
 * @throws {@link MetricsError} with the first issue's code and path (e.g. `out_of_range` at `[3, "score"]`) and every zod issue in `issues`.
 *
 * @example
 * ```ts
 * import { parseNpsResponses } from "customer-metrics/nps";
 * parseNpsResponses([{ score: 9, at: "2024-03-05" }]).length; // => 1
 * parseNpsResponses([{ score: 11, at: "2024-03-05" }]); // throws out_of_range
 * ```
 *
 * @category NPS
 */
export function parseNpsResponses(input: unknown): NpsResponse[] {
  return parseWithSchema(NpsResponsesSchema, input, "parseNpsResponses");
}
