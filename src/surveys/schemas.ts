import { z } from "zod";
import { isMetricsError, metricsError, type PathSegment } from "../core/errors.js";
import { parseWithSchema } from "../core/validate.js";
import { checkChecklist } from "./_internal/checkChecklist.js";
import { checkDefinition } from "./_internal/checkDefinition.js";

function refineWith(check: (value: never, fn: string) => unknown, fn: string) {
  return (value: unknown, ctx: { addIssue: (issue: { code: "custom"; path: PropertyKey[]; message: string }) => void }) => {
    try {
      check(value as never, fn);
    } catch (e) {
      if (!isMetricsError(e)) throw e;
      ctx.addIssue({
        code: "custom",
        path: [...e.path],
        message: e.code === "unsafe_key" ? `unsafe key: ${e.message}` : e.message,
      });
    }
  };
}

const UNSAFE_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);

/**
 * Rejects an own key `__proto__`, `constructor` or `prototype` anywhere in an
 * untrusted definition (JSON.parse makes `"__proto__"` an own key, which zod
 * would silently drop), as the journey and segment parsers do.
 */
function rejectUnsafeKeys(value: unknown, fn: string, path: PathSegment[], depth = 0): void {
  if (typeof value !== "object" || value === null || depth > 64) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) rejectUnsafeKeys(value[i], fn, [...path, i], depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    if (UNSAFE_KEYS.has(key))
      throw metricsError(fn, "unsafe_key", [...path, key], "a key other than __proto__, constructor or prototype", key);
    rejectUnsafeKeys((value as Record<string, unknown>)[key], fn, [...path, key], depth + 1);
  }
}

/**
 * A rating scale of a survey question: integer `min`..`max`, optional labels
 * (one per point, from min to max), which end is best, whether the item is
 * reverse-scored (negatively worded), and the top/bottom box thresholds.
 *
 * @remarks
 * Answers are coded so that higher is better before any statistic: they are
 * flipped (min + max − x) when `best` is `"min"` or `reverse` is `true` (both
 * together cancel out). `topBox` / `bottomBox` are thresholds on that coded
 * scale; by default the top and bottom two points on scales of 5+ points, one
 * point otherwise.
 *
 * @category Surveys
 */
export const SurveyScaleSchema = /* @__PURE__ */ z.object({
  min: z.number().int(),
  max: z.number().int(),
  labels: z.array(z.string()).optional(),
  best: z.enum(["max", "min"]).optional(),
  reverse: z.boolean().optional(),
  topBox: z.number().int().optional(),
  bottomBox: z.number().int().optional(),
});

/**
 * A question's rating scale (inferred from {@link SurveyScaleSchema}).
 *
 * @category Surveys
 */
export type SurveyScale = z.infer<typeof SurveyScaleSchema>;

/**
 * A survey question: a unique id, its text, its scale, and whether an answer
 * is required.
 *
 * @category Surveys
 */
export const SurveyQuestionSchema = /* @__PURE__ */ z.object({
  id: z.string().min(1),
  text: z.string(),
  scale: SurveyScaleSchema,
  required: z.boolean().optional(),
});

/**
 * A survey question (inferred from {@link SurveyQuestionSchema}).
 *
 * @category Surveys
 */
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

/**
 * How an index combines its questions for each respondent: `mean` (weighted
 * mean of coded answers, scale units), `normalized` (weighted mean on 0–100),
 * `topBox` / `bottomBox` (weighted share of answers in the box, 0–1), `net`
 * (top-box share − bottom-box share, −1..1).
 *
 * @category Surveys
 */
export const SurveyIndexMethodSchema = /* @__PURE__ */ z.enum(["mean", "net", "topBox", "bottomBox", "normalized"]);

/**
 * An index method (inferred from {@link SurveyIndexMethodSchema}).
 *
 * @category Surveys
 */
export type SurveyIndexMethod = z.infer<typeof SurveyIndexMethodSchema>;

/**
 * An index built from questions of the survey, with a method and optional
 * weights (one per question, ≥ 0, not all zero).
 *
 * @category Surveys
 */
export const SurveyIndexSchema = /* @__PURE__ */ z.object({
  id: z.string().min(1),
  label: z.string().optional(),
  questions: z.array(z.string()).min(1),
  method: SurveyIndexMethodSchema,
  weights: z.array(z.number()).optional(),
});

/**
 * A survey index (inferred from {@link SurveyIndexSchema}).
 *
 * @category Surveys
 */
export type SurveyIndex = z.infer<typeof SurveyIndexSchema>;

/**
 * A survey: its questions and the indices built from them. Besides the shape,
 * the schema checks meaning: ids are unique and safe (no `__proto__`,
 * `constructor`, `prototype`), scales have min < max, labels match the scale,
 * and indices reference existing questions with valid weights.
 *
 * @category Surveys
 */
export const SurveyDefinitionSchema = /* @__PURE__ */ z
  .object({
    id: z.string().min(1).optional(),
    title: z.string().optional(),
    questions: z.array(SurveyQuestionSchema).min(1),
    indices: z.array(SurveyIndexSchema).optional(),
  })
  .superRefine(refineWith(checkDefinition, "SurveyDefinitionSchema"));

/**
 * A survey definition (inferred from {@link SurveyDefinitionSchema}).
 *
 * @category Surveys
 */
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

/**
 * Validates an untrusted survey definition (e.g. JSON from a survey tool).
 *
 * @param input - Anything.
 * @returns The definition, typed.
 * @throws {@link MetricsError} `unsafe_key` for an own key `__proto__`, `constructor` or `prototype` anywhere in the input (at its path); otherwise the first issue's code and path (`invalid_type`, `out_of_range`, `invalid_option`, `unsafe_key`; cross-field problems such as duplicate ids or unknown question references are `invalid_input`).
 *
 * @example
 * ```ts
 * import { parseSurveyDefinition } from "customer-metrics/surveys";
 * parseSurveyDefinition({ questions: [{ id: "q1", text: "Overall?", scale: { min: 1, max: 5 } }] }).questions.length; // => 1
 * parseSurveyDefinition({ questions: [{ id: "__proto__", text: "x", scale: { min: 1, max: 5 } }] }); // throws unsafe_key
 * ```
 *
 * @category Surveys
 */
export function parseSurveyDefinition(input: unknown): SurveyDefinition {
  rejectUnsafeKeys(input, "parseSurveyDefinition", []);
  return parseWithSchema(SurveyDefinitionSchema, input, "parseSurveyDefinition");
}

/**
 * One yes/no item of a checklist, with an optional weight (≥ 0).
 *
 * @category Surveys
 */
export const ChecklistItemSchema = /* @__PURE__ */ z.object({
  id: z.string().min(1),
  text: z.string(),
  weight: z.number().optional(),
});

/**
 * A checklist item (inferred from {@link ChecklistItemSchema}).
 *
 * @category Surveys
 */
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/**
 * A titled group of checklist items.
 *
 * @category Surveys
 */
export const ChecklistSectionSchema = /* @__PURE__ */ z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  items: z.array(ChecklistItemSchema).min(1),
});

/**
 * A checklist section (inferred from {@link ChecklistSectionSchema}).
 *
 * @category Surveys
 */
export type ChecklistSection = z.infer<typeof ChecklistSectionSchema>;

/**
 * A yes/no self-assessment: sections of items, the share of "yes" needed to
 * recommend (`threshold`, a fraction; `rule: "above"` means strictly above,
 * "most answers are yes", `"at-least"` means at or above), and the
 * recommendation texts.
 *
 * @category Surveys
 */
export const ChecklistDefinitionSchema = /* @__PURE__ */ z
  .object({
    id: z.string().min(1).optional(),
    title: z.string().optional(),
    sections: z.array(ChecklistSectionSchema).min(1),
    threshold: z.number().min(0).max(1).optional(),
    rule: z.enum(["above", "at-least"]).optional(),
    recommendation: z.object({ met: z.string(), notMet: z.string() }).optional(),
  })
  .superRefine(refineWith(checkChecklist, "ChecklistDefinitionSchema"));

/**
 * A checklist definition (inferred from {@link ChecklistDefinitionSchema}).
 *
 * @category Surveys
 */
export type ChecklistDefinition = z.infer<typeof ChecklistDefinitionSchema>;

/**
 * Validates an untrusted checklist definition.
 *
 * @param input - Anything.
 * @returns The definition, typed.
 * @throws {@link MetricsError} `unsafe_key` for an own key `__proto__`, `constructor` or `prototype` anywhere in the input; otherwise the first issue's code and path.
 *
 * @example
 * ```ts
 * import { parseChecklistDefinition } from "customer-metrics/surveys";
 * parseChecklistDefinition({ sections: [{ id: "s", items: [{ id: "a", text: "Do we?" }] }] }).sections.length; // => 1
 * parseChecklistDefinition({ sections: [], threshold: 0.5 }); // throws out_of_range
 * ```
 *
 * @category Surveys
 */
export function parseChecklistDefinition(input: unknown): ChecklistDefinition {
  rejectUnsafeKeys(input, "parseChecklistDefinition", []);
  return parseWithSchema(ChecklistDefinitionSchema, input, "parseChecklistDefinition");
}
