import { Decimal } from "decimal.js";
import { z } from "zod";
import { parseWithSchema } from "../core/validate.js";
import { isUnsafeKey } from "../core/guards.js";
import type { ChurnRateInput } from "./churnRate.js";
import type { SubscriptionRecord } from "./customerMovements.js";
import type { ActivityEvent } from "./cohortRetentionTally.js";
import type { MrrRecord, RevenueMovements } from "./revenueRetention.js";
import type { SurvivalRecord } from "./kaplanMeier.js";
import type { SbgRow } from "./fitShiftedBetaGeometric.js";

/*
 * Zod schemas for the churn inputs, for validating untrusted input at the edge (forms, JSON,
 * CSV rows). The calculators never load zod: they validate with tight loops, and they also check
 * the cross-field rules (end after start, lost ≤ start, entry < duration) these schemas only
 * partly express.
 */

const Count = /* @__PURE__ */ (() => z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))();
const FiniteNonNegative = /* @__PURE__ */ (() => z.number().min(0).refine(Number.isFinite, "must be finite"))();
const CustomerId = /* @__PURE__ */ (() =>
  z.union([
    z
      .string()
      .min(1)
      .refine((s) => !isUnsafeKey(s), "unsafe key: __proto__, constructor and prototype are not allowed as ids"),
    z.number().refine(Number.isFinite, "must be finite"),
  ]))();
const DateInputSchema = /* @__PURE__ */ (() =>
  z.union([z.date(), z.string().min(1), z.number().refine(Number.isFinite, "must be finite")]))();
const MoneyInput = /* @__PURE__ */ (() =>
  z.union([
    z.number().refine(Number.isFinite, "must be finite"),
    z.string().regex(/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/, 'must be a decimal string such as "19.99"'),
    z.custom<Decimal>((v) => Decimal.isDecimal(v), "must be a Decimal"),
  ]))();

/**
 * Schema of {@link ChurnRateInput}: period counts (with an optional method) or `{ method: "daily-sum", daily }`.
 * The fields a method needs are checked; the calculator checks the cross-field rules.
 *
 * @category Churn
 */
export const ChurnRateInputSchema = /* @__PURE__ */ (() =>
  z
    .object({
      method: z.enum(["start", "average", "start-plus-new", "daily-sum"]).optional(),
      customersAtStart: Count.optional(),
      customersLost: Count.optional(),
      customersAtEnd: Count.optional(),
      newCustomers: Count.optional(),
      reactivatedCustomers: Count.optional(),
      customersJoinedAndLost: Count.optional(),
      daily: z
        .array(z.object({ customersAtStart: Count, customersLost: Count }))
        .min(1)
        .optional(),
    })
    .superRefine((v, ctx) => {
      const required = v.method === "daily-sum" ? (["daily"] as const) : (["customersAtStart", "customersLost"] as const);
      for (const key of required) {
        if (v[key] === undefined)
          ctx.addIssue({ code: "custom", path: [key], message: `is required for method "${v.method ?? "start"}"` });
      }
    }))();

/**
 * Input type inferred from {@link ChurnRateInputSchema}.
 *
 * @category Churn
 */
export type ChurnRateInputParsed = z.infer<typeof ChurnRateInputSchema>;

/**
 * Validates untrusted input for {@link churnRate} / {@link retentionRate}.
 *
 * @param input - Untrusted input (e.g. parsed JSON).
 * @returns The input, typed.
 * @throws {@link MetricsError} with the first zod issue's path (`invalid_type`, `out_of_range`, `invalid_option`, `invalid_input`).
 *
 * @example
 * ```ts
 * import { parseChurnRateInput } from "customer-metrics/churn";
 * parseChurnRateInput({ customersAtStart: 200, customersLost: 10 }).customersLost; // => 10
 * parseChurnRateInput({ customersAtStart: 200, customersLost: -1 }); // throws out_of_range
 * ```
 *
 * @category Churn
 */
export function parseChurnRateInput(input: unknown): ChurnRateInput {
  return parseWithSchema(ChurnRateInputSchema, input, "parseChurnRateInput") as ChurnRateInput;
}

/**
 * Schema of one {@link SubscriptionRecord}.
 *
 * @category Churn
 */
export const SubscriptionRecordSchema = /* @__PURE__ */ (() =>
  z.object({ customerId: CustomerId, start: DateInputSchema, end: DateInputSchema.nullable().optional() }))();

/**
 * Type inferred from {@link SubscriptionRecordSchema}.
 *
 * @category Churn
 */
export type SubscriptionRecordParsed = z.infer<typeof SubscriptionRecordSchema>;

/**
 * Validates an untrusted array of subscription records for {@link customerMovements} / {@link cohortRetention}.
 *
 * @param input - Untrusted input (e.g. rows of a CSV export).
 * @returns The records, typed.
 * @throws {@link MetricsError} with the path of the first bad field, e.g. `[3, "customerId"]`.
 *
 * @example
 * ```ts
 * import { parseSubscriptionRecords } from "customer-metrics/churn";
 * parseSubscriptionRecords([{ customerId: "a", start: "2024-01-01", end: null }]).length; // => 1
 * parseSubscriptionRecords([{ customerId: "", start: "2024-01-01" }]); // throws out_of_range
 * ```
 *
 * @category Churn
 */
export function parseSubscriptionRecords(input: unknown): SubscriptionRecord[] {
  return parseWithSchema(z.array(SubscriptionRecordSchema).min(1), input, "parseSubscriptionRecords") as SubscriptionRecord[];
}

/**
 * Schema of one {@link ActivityEvent}.
 *
 * @category Churn
 */
export const ActivityEventSchema = /* @__PURE__ */ (() =>
  z.object({ customerId: CustomerId, at: DateInputSchema, amount: MoneyInput.optional() }))();

/**
 * Type inferred from {@link ActivityEventSchema}.
 *
 * @category Churn
 */
export type ActivityEventParsed = z.infer<typeof ActivityEventSchema>;

/**
 * Validates an untrusted array of activity events for {@link cohortRetention}.
 *
 * @param input - Untrusted input.
 * @returns The events, typed.
 * @throws {@link MetricsError} with the path of the first bad field.
 *
 * @example
 * ```ts
 * import { parseActivityEvents } from "customer-metrics/churn";
 * parseActivityEvents([{ customerId: 7, at: "2024-03-05", amount: "19.99" }])[0].customerId; // => 7
 * ```
 *
 * @category Churn
 */
export function parseActivityEvents(input: unknown): ActivityEvent[] {
  return parseWithSchema(z.array(ActivityEventSchema).min(1), input, "parseActivityEvents") as ActivityEvent[];
}

/**
 * Schema of {@link RevenueMovements} (amounts are magnitudes ≥ 0).
 *
 * @category Churn
 */
export const RevenueMovementsSchema = /* @__PURE__ */ (() => {
  const amount = MoneyInput.refine((v) => !new Decimal(v as Decimal.Value).isNegative(), "must be >= 0 (a magnitude)");
  return z
    .object({
      startingMrr: amount,
      newMrr: amount.optional(),
      expansionMrr: amount.optional(),
      contractionMrr: amount.optional(),
      churnedMrr: amount.optional(),
      reactivationMrr: amount.optional(),
    })
    .strict();
})();

/**
 * Type inferred from {@link RevenueMovementsSchema}.
 *
 * @category Churn
 */
export type RevenueMovementsParsed = z.infer<typeof RevenueMovementsSchema>;

/**
 * Validates untrusted MRR movements for {@link revenueRetention}.
 *
 * @param input - Untrusted input.
 * @returns The movements, typed.
 * @throws {@link MetricsError} with the path of the first bad field.
 *
 * @example
 * ```ts
 * import { parseRevenueMovements } from "customer-metrics/churn";
 * parseRevenueMovements({ startingMrr: "100", churnedMrr: "10" }).churnedMrr; // => "10"
 * parseRevenueMovements({ startingMrr: "100", churnedMrr: "-10" }); // throws invalid_input
 * ```
 *
 * @category Churn
 */
export function parseRevenueMovements(input: unknown): RevenueMovements {
  return parseWithSchema(RevenueMovementsSchema, input, "parseRevenueMovements") as RevenueMovements;
}

/**
 * Schema of one {@link MrrRecord}.
 *
 * @category Churn
 */
export const MrrRecordSchema = /* @__PURE__ */ (() =>
  z.object({
    customerId: CustomerId,
    at: DateInputSchema,
    mrr: MoneyInput.refine((v) => !new Decimal(v as Decimal.Value).isNegative(), "must be >= 0"),
  }))();

/**
 * Type inferred from {@link MrrRecordSchema}.
 *
 * @category Churn
 */
export type MrrRecordParsed = z.infer<typeof MrrRecordSchema>;

/**
 * Validates an untrusted array of per-customer MRR records for {@link revenueRetention}.
 *
 * @param input - Untrusted input.
 * @returns The records, typed.
 * @throws {@link MetricsError} with the path of the first bad field.
 *
 * @example
 * ```ts
 * import { parseMrrRecords } from "customer-metrics/churn";
 * parseMrrRecords([{ customerId: "a", at: "2024-01-01", mrr: 49 }])[0].mrr; // => 49
 * ```
 *
 * @category Churn
 */
export function parseMrrRecords(input: unknown): MrrRecord[] {
  return parseWithSchema(z.array(MrrRecordSchema).min(1), input, "parseMrrRecords") as MrrRecord[];
}

/**
 * Schema of one {@link SurvivalRecord} (the calculator also checks entry < duration).
 *
 * @category Churn
 */
export const SurvivalRecordSchema = /* @__PURE__ */ (() =>
  z.object({ duration: FiniteNonNegative, churned: z.boolean(), entry: FiniteNonNegative.optional() }))();

/**
 * Type inferred from {@link SurvivalRecordSchema}.
 *
 * @category Churn
 */
export type SurvivalRecordParsed = z.infer<typeof SurvivalRecordSchema>;

/**
 * Validates an untrusted array of lifetimes for {@link kaplanMeier} / {@link logRankTest}.
 *
 * @param input - Untrusted input.
 * @returns The records, typed.
 * @throws {@link MetricsError} with the path of the first bad field.
 *
 * @example
 * ```ts
 * import { parseSurvivalRecords } from "customer-metrics/churn";
 * parseSurvivalRecords([{ duration: 12, churned: true }]).length; // => 1
 * parseSurvivalRecords([{ duration: -1, churned: true }]); // throws out_of_range
 * ```
 *
 * @category Churn
 */
export function parseSurvivalRecords(input: unknown): SurvivalRecord[] {
  return parseWithSchema(z.array(SurvivalRecordSchema).min(1), input, "parseSurvivalRecords") as SurvivalRecord[];
}

/**
 * Schema of one {@link SbgRow} (the fitter also checks recency ≤ T).
 *
 * @category Churn
 */
export const SbgRowSchema = /* @__PURE__ */ (() =>
  z.object({ recency: z.number().int().min(1), T: z.number().int().min(1), count: FiniteNonNegative.optional() }))();

/**
 * Type inferred from {@link SbgRowSchema}.
 *
 * @category Churn
 */
export type SbgRowParsed = z.infer<typeof SbgRowSchema>;

/**
 * Validates untrusted sBG rows for {@link fitShiftedBetaGeometric}.
 *
 * @param input - Untrusted input.
 * @returns The rows, typed.
 * @throws {@link MetricsError} with the path of the first bad field.
 *
 * @example
 * ```ts
 * import { parseSbgRows } from "customer-metrics/churn";
 * parseSbgRows([{ recency: 3, T: 8, count: 90 }]).length; // => 1
 * parseSbgRows([{ recency: 0, T: 8 }]); // throws out_of_range
 * ```
 *
 * @category Churn
 */
export function parseSbgRows(input: unknown): SbgRow[] {
  return parseWithSchema(z.array(SbgRowSchema).min(1), input, "parseSbgRows") as SbgRow[];
}
