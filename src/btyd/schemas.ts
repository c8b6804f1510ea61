import { z } from "zod";
import { isMetricsError } from "../core/errors.js";
import { toEpochMs } from "../core/time.js";
import { parseWithSchema } from "../core/validate.js";

function validDate(value: Date | string | number): boolean {
  try {
    toEpochMs(value);
    return true;
  } catch (e) {
    if (isMetricsError(e)) return false;
    throw e;
  }
}

const DateInputSchema = /* @__PURE__ */ z.union([z.date(), z.string(), z.number()]).refine(validDate, {
  message: 'a valid Date, ISO-8601 date string (e.g. "2024-03-05") or epoch milliseconds',
});

/**
 * One purchase `{ customerId, at, amount? }` as {@link summarizeTransactions} reads it.
 *
 * @category BTYD
 */
export const BtydTransactionSchema = /* @__PURE__ */ z.object({
  customerId: z.union([z.string(), z.number().finite()]),
  at: DateInputSchema,
  amount: z.number().finite().optional(),
});

/**
 * A purchase validated by {@link BtydTransactionSchema}.
 *
 * @category BTYD
 */
export type BtydTransactionData = z.infer<typeof BtydTransactionSchema>;

/**
 * A transaction log: a non-empty array of {@link BtydTransactionSchema}.
 *
 * @category BTYD
 */
export const BtydTransactionsSchema = /* @__PURE__ */ z.array(BtydTransactionSchema).min(1);

/**
 * A transaction log validated by {@link BtydTransactionsSchema}.
 *
 * @category BTYD
 */
export type BtydTransactionsData = z.infer<typeof BtydTransactionsSchema>;

/**
 * One continuous-time customer summary `{ frequency, recency, T, weight? }` as the fitters read it
 * (recency ≤ T, recency = 0 when frequency = 0).
 *
 * @category BTYD
 */
export const BtydSummaryRowSchema = /* @__PURE__ */ z
  .object({
    frequency: z.number().int().min(0),
    recency: z.number().finite().min(0),
    T: z.number().finite().min(0),
    weight: z.number().finite().min(0).optional(),
  })
  .refine((r) => r.recency <= r.T, { message: "recency must be at most T", path: ["recency"] })
  .refine((r) => r.frequency > 0 || r.recency === 0, { message: "recency must be 0 when frequency is 0", path: ["recency"] });

/**
 * A summary row validated by {@link BtydSummaryRowSchema}.
 *
 * @category BTYD
 */
export type BtydSummaryRowData = z.infer<typeof BtydSummaryRowSchema>;

/**
 * One discrete-time (BG/BB) row `{ frequency, recency, n, weight? }`.
 *
 * @category BTYD
 */
export const BtydDiscreteRowSchema = /* @__PURE__ */ z
  .object({
    frequency: z.number().int().min(0),
    recency: z.number().int().min(0),
    n: z.number().int().min(1),
    weight: z.number().finite().min(0).optional(),
  })
  .refine((r) => r.frequency <= r.n && r.recency <= r.n, {
    message: "frequency and recency must be at most n",
    path: ["recency"],
  })
  .refine((r) => (r.frequency === 0 ? r.recency === 0 : r.recency >= r.frequency), {
    message: "recency must be 0 when frequency is 0, and at least frequency otherwise",
    path: ["recency"],
  });

/**
 * A BG/BB row validated by {@link BtydDiscreteRowSchema}.
 *
 * @category BTYD
 */
export type BtydDiscreteRowData = z.infer<typeof BtydDiscreteRowSchema>;

/**
 * Options of {@link summarizeTransactions}.
 *
 * @category BTYD
 */
export const SummarizeTransactionsOptionsSchema = /* @__PURE__ */ z.object({
  asOf: DateInputSchema,
  unit: z.enum(["day", "week"]),
  calibrationEnd: DateInputSchema.optional(),
  includeFirstTransaction: z.boolean().optional(),
  unitMultiplier: z.number().finite().positive().optional(),
  strict: z.boolean().optional(),
});

/**
 * Summary options validated by {@link SummarizeTransactionsOptionsSchema}.
 *
 * @category BTYD
 */
export type SummarizeTransactionsOptionsData = z.infer<typeof SummarizeTransactionsOptionsSchema>;

/**
 * Validates an untrusted transaction log (e.g. parsed JSON) with {@link BtydTransactionsSchema}.
 *
 * @param input - Untrusted data.
 * @returns The typed transactions.
 * @throws {@link MetricsError} with the zod issues (first issue's path, e.g. `[3, "at"]`).
 *
 * @example
 * ```ts
 * import { parseBtydTransactions } from "customer-metrics/btyd";
 * parseBtydTransactions([{ customerId: "a", at: "2024-01-02", amount: 5 }]).length; // => 1
 * parseBtydTransactions([{ customerId: "a", at: "soon" }]); // throws invalid_input
 * ```
 *
 * @category BTYD
 */
export function parseBtydTransactions(input: unknown): BtydTransactionsData {
  return parseWithSchema(BtydTransactionsSchema, input, "parseBtydTransactions");
}

/**
 * Validates untrusted continuous-time summary rows with {@link BtydSummaryRowSchema}.
 *
 * @param input - Untrusted data.
 * @returns The typed rows.
 * @throws {@link MetricsError} with the zod issues.
 *
 * @example
 * ```ts
 * import { parseBtydSummaryRows } from "customer-metrics/btyd";
 * parseBtydSummaryRows([{ frequency: 2, recency: 30.43, T: 38.86 }]).length; // => 1
 * parseBtydSummaryRows([{ frequency: 2, recency: 40, T: 38.86 }]); // throws invalid_input
 * ```
 *
 * @category BTYD
 */
export function parseBtydSummaryRows(input: unknown): BtydSummaryRowData[] {
  return parseWithSchema(z.array(BtydSummaryRowSchema), input, "parseBtydSummaryRows");
}
