import { z } from "zod";
import { parseWithSchema } from "../core/validate.js";
import { isMetricsError } from "../core/errors.js";
import { isUnsafeKey } from "../core/guards.js";
import { validateJourneyModelInput } from "./_internal/validateModel.js";

/*
 * Journey models are data: stages with entry rules that are conditions on
 * customer signals, combined with all/any/not. Nothing here is ever turned
 * into code (no eval, no Function): the classifier interprets the rule tree.
 *
 * The TypeScript types are written by hand (rules are recursive, and inputs are
 * readonly so `as const` models type-check); each schema is annotated with its
 * type, so `z.infer<typeof XSchema>` is that type.
 */

/**
 * A comparison operator in a {@link JourneySignalCondition}:
 * `eq` (=), `ne` (≠), `gt` (>), `gte` (≥), `lt` (<), `lte` (≤).
 *
 * @category Journey
 */
export type JourneyComparisonOp = "eq" | "ne" | "gt" | "gte" | "lt" | "lte";

/**
 * The operators of a {@link JourneySignalCondition}: `exists` / `missing`
 * (the signal is present / absent for the customer) and the comparisons.
 *
 * @category Journey
 */
export type JourneyConditionOp = "exists" | "missing" | JourneyComparisonOp;

/**
 * A condition on one customer signal, e.g. `{ signal: "referralCount", op: "gte", value: 1 }`
 * or `{ signal: "purchasedAt", measure: "daysSince", op: "gte", value: 30 }`.
 *
 * @remarks
 * - `exists` / `missing` take no `value`.
 * - A `number` signal is compared with a finite number `value`.
 * - A `boolean` signal takes `eq` / `ne` with a boolean `value`.
 * - A `date` signal is compared through `measure: "daysSince"`: whole UTC days
 *   from the date to `asOf`, against a number of days.
 * - A comparison on a missing signal is false (test absence with `missing`).
 *
 * @category Journey
 */
export interface JourneySignalCondition {
  /** Id of a signal declared in the model's `signals`. */
  readonly signal: string;
  /** The operator. */
  readonly op: JourneyConditionOp;
  /** The value compared with (numbers for `number` signals and `daysSince`, booleans for `boolean` signals). */
  readonly value?: number | boolean | undefined;
  /** What is compared: the signal's `value`, or for dates the `daysSince` it. @defaultValue `"value"` */
  readonly measure?: "value" | "daysSince" | undefined;
}

/**
 * A condition that holds when another stage's entry rule holds, e.g.
 * `{ stage: "adoption" }`. References must not form a cycle.
 *
 * @category Journey
 */
export interface JourneyStageCondition {
  /** Id of a stage of the same model. */
  readonly stage: string;
}

/**
 * Holds when every sub-rule holds.
 *
 * @category Journey
 */
export interface JourneyAllRule {
  /** The sub-rules (at least one). */
  readonly all: readonly JourneyRule[];
}

/**
 * Holds when at least one sub-rule holds.
 *
 * @category Journey
 */
export interface JourneyAnyRule {
  /** The sub-rules (at least one). */
  readonly any: readonly JourneyRule[];
}

/**
 * Holds when the sub-rule does not.
 *
 * @category Journey
 */
export interface JourneyNotRule {
  /** The negated rule. */
  readonly not: JourneyRule;
}

/**
 * An entry or risk rule: a signal condition, a stage reference, or an
 * `all` / `any` / `not` combination of rules. Plain JSON data.
 *
 * @category Journey
 */
export type JourneyRule = JourneySignalCondition | JourneyStageCondition | JourneyAllRule | JourneyAnyRule | JourneyNotRule;

/**
 * The type of a customer signal: a `date` (Date, ISO-8601 string or epoch ms,
 * read as a UTC day), a finite `number`, or a `boolean`.
 *
 * @category Journey
 */
export type JourneySignalType = "date" | "number" | "boolean";

/**
 * A declared customer signal.
 *
 * @category Journey
 */
export interface JourneySignal {
  /** Signal id, used as the key in customer snapshots (e.g. `"purchasedAt"`). `customerId` is reserved. */
  readonly id: string;
  /** Value type. */
  readonly type: JourneySignalType;
  /** What the signal means and where it comes from. */
  readonly description?: string | undefined;
  /** Smallest allowed value (`number` signals). */
  readonly min?: number | undefined;
  /** Largest allowed value (`number` signals). */
  readonly max?: number | undefined;
  /** Whether values must be whole numbers (`number` signals). @defaultValue `false` */
  readonly integer?: boolean | undefined;
}

/**
 * When a stage is expected to be reached: from `start` to `end` days after the
 * date in signal `since` (the model's `anchor`, usually the purchase, unless
 * set). A customer whose next stage is past its `end` is stalled.
 *
 * @category Journey
 */
export interface JourneyStageWindow {
  /** Date signal the days are counted from. @defaultValue the model's `anchor` */
  readonly since?: string | undefined;
  /** First day (inclusive) on which the stage is typically reached. */
  readonly start: number;
  /** Last day (inclusive) by which the stage should be reached. */
  readonly end: number;
}

/**
 * One stage of a journey model.
 *
 * @category Journey
 */
export interface JourneyStage {
  /** Stage id (unique within the model), e.g. `"activation"`. */
  readonly id: string;
  /** Display name, e.g. `"Activation"`. */
  readonly name: string;
  /** What the stage means for the customer. */
  readonly description?: string | undefined;
  /** The rule that says the customer has reached this stage. */
  readonly entry: JourneyRule;
  /** Expected window for reaching the stage; without one the stage never makes a customer stalled. */
  readonly window?: JourneyStageWindow | undefined;
}

/**
 * A named at-risk rule: when it holds, its id is listed in a classification's `atRisk`.
 *
 * @category Journey
 */
export interface JourneyRiskRule {
  /** Reason id, e.g. `"detractor"` (`"stalled"` is reserved). */
  readonly id: string;
  /** What the reason means. */
  readonly description?: string | undefined;
  /** When the customer is at risk for this reason. */
  readonly rule: JourneyRule;
}

/**
 * How a group of raw events becomes one signal:
 * `first` / `second` / `last` (earliest / second-earliest / latest `at`, for
 * `date` signals; `second` turns order events into a repeat-purchase date),
 * `count` (number of events) / `sum` (sum of `value`) / `latestValue`
 * (`value` of the latest event) for `number` signals, `flag` (true when any
 * event occurred) for `boolean` signals.
 *
 * @category Journey
 */
export type JourneyEventAggregate = "first" | "second" | "last" | "count" | "sum" | "latestValue" | "flag";

/**
 * Maps events of one type to one signal.
 *
 * @category Journey
 */
export interface JourneyEventMapping {
  /** The event `type`, e.g. `"order_placed"`. */
  readonly event: string;
  /** The signal it feeds. */
  readonly signal: string;
  /** How the events become the signal value. */
  readonly aggregate: JourneyEventAggregate;
}

/**
 * How the classifier picks the stage: `"furthest"` is the last stage (in
 * order) whose entry rule holds, even if an earlier one does not (it is then
 * listed in `skippedStages`); `"sequential"` walks the stages in order and
 * stops before the first whose rule fails.
 *
 * @category Journey
 */
export type JourneyProgression = "furthest" | "sequential";

/**
 * A journey model: ordered stages with entry rules on declared signals,
 * expected windows, at-risk rules and an optional mapping from raw events.
 * Stored and edited as JSON; validated by {@link parseJourneyModel}.
 *
 * @category Journey
 */
export interface JourneyModel {
  /** Model id, e.g. `"coleman"`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** What the model describes, its source and caveats. */
  readonly description?: string | undefined;
  /** Date signal that starts the clock for stage windows (e.g. `"purchasedAt"`). */
  readonly anchor: string;
  /** How the stage is picked. @defaultValue `"furthest"` */
  readonly progression?: JourneyProgression | undefined;
  /** The signals the rules may use. */
  readonly signals: readonly JourneySignal[];
  /** The stages in journey order (at least one). */
  readonly stages: readonly JourneyStage[];
  /** At-risk rules. @defaultValue `[]` */
  readonly riskRules?: readonly JourneyRiskRule[] | undefined;
  /** How raw events map to signals. @defaultValue `[]` */
  readonly eventMapping?: readonly JourneyEventMapping[] | undefined;
}

const SafeIdSchema = /* @__PURE__ */ z
  .string()
  .min(1)
  .refine((s) => !isUnsafeKey(s), { message: "unsafe key: __proto__, constructor and prototype are reserved" });

const FiniteSchema = /* @__PURE__ */ z.number().finite();

/**
 * Schema of a {@link JourneySignalCondition}.
 *
 * @category Journey
 */
export const JourneySignalConditionSchema: z.ZodType<JourneySignalCondition> = /* @__PURE__ */ z.strictObject({
  signal: SafeIdSchema,
  op: z.enum(["exists", "missing", "eq", "ne", "gt", "gte", "lt", "lte"]),
  value: z.union([FiniteSchema, z.boolean()]).optional(),
  measure: z.enum(["value", "daysSince"]).optional(),
});

/**
 * Schema of a {@link JourneyStageCondition}.
 *
 * @category Journey
 */
export const JourneyStageConditionSchema: z.ZodType<JourneyStageCondition> = /* @__PURE__ */ z.strictObject({
  stage: SafeIdSchema,
});

/**
 * Schema of a {@link JourneyRule} (recursive).
 *
 * @category Journey
 */
export const JourneyRuleSchema: z.ZodType<JourneyRule> = /* @__PURE__ */ z.lazy(() =>
  z.union([
    JourneySignalConditionSchema,
    JourneyStageConditionSchema,
    z.strictObject({ all: z.array(JourneyRuleSchema) }),
    z.strictObject({ any: z.array(JourneyRuleSchema) }),
    z.strictObject({ not: JourneyRuleSchema }),
  ]),
);

/**
 * Schema of a {@link JourneySignal}.
 *
 * @category Journey
 */
export const JourneySignalSchema: z.ZodType<JourneySignal> = /* @__PURE__ */ z.strictObject({
  id: SafeIdSchema,
  type: z.enum(["date", "number", "boolean"]),
  description: z.string().optional(),
  min: FiniteSchema.optional(),
  max: FiniteSchema.optional(),
  integer: z.boolean().optional(),
});

/**
 * Schema of a {@link JourneyStageWindow}.
 *
 * @category Journey
 */
export const JourneyStageWindowSchema: z.ZodType<JourneyStageWindow> = /* @__PURE__ */ z.strictObject({
  since: SafeIdSchema.optional(),
  start: FiniteSchema,
  end: FiniteSchema,
});

/**
 * Schema of a {@link JourneyStage}.
 *
 * @category Journey
 */
export const JourneyStageSchema: z.ZodType<JourneyStage> = /* @__PURE__ */ z.strictObject({
  id: SafeIdSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  entry: JourneyRuleSchema,
  window: JourneyStageWindowSchema.optional(),
});

/**
 * Schema of a {@link JourneyRiskRule}.
 *
 * @category Journey
 */
export const JourneyRiskRuleSchema: z.ZodType<JourneyRiskRule> = /* @__PURE__ */ z.strictObject({
  id: SafeIdSchema,
  description: z.string().optional(),
  rule: JourneyRuleSchema,
});

/**
 * Schema of a {@link JourneyEventMapping}.
 *
 * @category Journey
 */
export const JourneyEventMappingSchema: z.ZodType<JourneyEventMapping> = /* @__PURE__ */ z.strictObject({
  event: SafeIdSchema,
  signal: SafeIdSchema,
  aggregate: z.enum(["first", "second", "last", "count", "sum", "latestValue", "flag"]),
});

/**
 * Schema of a {@link JourneyModel}: the structure, plus the model-level checks
 * (unique ids, known references, no cycles, at least one stage, types that
 * fit their operators), reported as custom issues.
 *
 * @remarks
 * Use {@link parseJourneyModel} to get a `MetricsError` with the library's
 * codes (`duplicate_id`, `unknown_reference`, `invalid_model`, `unsafe_key`, …);
 * this schema is for composing with your own zod schemas.
 *
 * @category Journey
 */
export const JourneyModelSchema: z.ZodType<JourneyModel> = /* @__PURE__ */ z
  .strictObject({
    id: SafeIdSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    anchor: SafeIdSchema,
    progression: z.enum(["furthest", "sequential"]).optional(),
    signals: z.array(JourneySignalSchema),
    stages: z.array(JourneyStageSchema),
    riskRules: z.array(JourneyRiskRuleSchema).optional(),
    eventMapping: z.array(JourneyEventMappingSchema).optional(),
  })
  .superRefine((model, ctx) => {
    try {
      validateJourneyModelInput(model, "JourneyModelSchema");
    } catch (e) {
      if (!isMetricsError(e)) throw e;
      ctx.addIssue({ code: "custom", path: [...e.path], message: e.message, params: { metricsCode: e.code } });
    }
  });

/**
 * Validates an untrusted journey model (e.g. parsed from JSON) and returns it typed.
 *
 * @remarks
 * Runs the library's own model checks first, so the error carries a precise
 * code and path, then the zod schema. Keys `__proto__`, `constructor` and
 * `prototype` anywhere in the model are rejected.
 *
 * @param input - Anything, typically `JSON.parse` output.
 * @returns The validated model (a fresh object; the input is not modified).
 * @throws {@link MetricsError} `invalid_type`, `invalid_input` (unknown keys), `invalid_option` (unknown operator or type), `not_finite`,
 * `unsafe_key`, `duplicate_id` (stage, signal, risk-rule ids), `unknown_reference` (a rule naming an unknown signal or stage),
 * `out_of_range` (a window ending before it starts), `invalid_model` (no stages, a cycle of stage references, an operator that does not fit the signal's type).
 *
 * @example
 * ```ts
 * import { parseJourneyModel, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * parseJourneyModel(JSON.parse(JSON.stringify(COLEMAN_JOURNEY))).stages.length; // => 8
 * parseJourneyModel({ ...COLEMAN_JOURNEY, stages: [] }); // throws invalid_model
 * ```
 *
 * @category Journey
 */
export function parseJourneyModel(input: unknown): JourneyModel {
  validateJourneyModelInput(input, "parseJourneyModel");
  return parseWithSchema(JourneyModelSchema, input, "parseJourneyModel");
}
