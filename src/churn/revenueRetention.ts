import type { Decimal } from "decimal.js";
import { metricsError, type PathSegment } from "../core/errors.js";
import { money, type DecimalInput } from "../core/money.js";
import { periodIndex, periodLabel, type DateInput, type Period } from "../core/time.js";
import { readCustomerId, readObject, readRecordArray } from "./_internal/checks.js";
import { readDay, readPeriod } from "./_internal/dates.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * A period's MRR movements, as a billing dashboard reports them. Every amount is a magnitude ≥ 0
 * (write churn as `"10"`, not `"-10"`).
 *
 * @category Churn
 */
export interface RevenueMovements {
  /** MRR at the start of the period (> 0). */
  readonly startingMrr: DecimalInput;
  /** MRR from customers who were never customers before. @defaultValue `0` */
  readonly newMrr?: DecimalInput | undefined;
  /** MRR added by existing customers (upgrades, seats). @defaultValue `0` */
  readonly expansionMrr?: DecimalInput | undefined;
  /** MRR removed by existing customers who stayed (downgrades). @defaultValue `0` */
  readonly contractionMrr?: DecimalInput | undefined;
  /** MRR of customers who left. @defaultValue `0` */
  readonly churnedMrr?: DecimalInput | undefined;
  /** MRR from former customers who came back. @defaultValue `0` */
  readonly reactivationMrr?: DecimalInput | undefined;
}

/**
 * One customer's MRR in one period (e.g. one line of a monthly MRR export). Several records of the
 * same customer in the same period add up.
 *
 * @category Churn
 */
export interface MrrRecord {
  /** The customer's id (a non-empty string or a number). */
  readonly customerId: string | number;
  /** Any date inside the period the MRR belongs to (UTC). */
  readonly at: DateInput;
  /** Monthly recurring revenue (≥ 0). */
  readonly mrr: DecimalInput;
}

/**
 * Options for {@link revenueRetention} on per-customer records.
 *
 * @category Churn
 */
export interface RevenueRetentionOptions {
  /** Calendar period the records are bucketed into. @defaultValue `"month"` */
  readonly period?: Period;
  /** A date in the starting period: its paying customers are the locked cohort. */
  readonly from: DateInput;
  /** A date in the ending period (after `from`'s period): 1 period later for monthly movements, 12 for annual NRR. */
  readonly to: DateInput;
}

/**
 * Customer counts behind a {@link RevenueRetentionResult} computed from records.
 *
 * @category Churn
 */
export interface RevenueRetentionCustomers {
  /** Customers paying in the starting period (the locked cohort). */
  readonly starting: number;
  /** Cohort customers still paying in the ending period. */
  readonly retained: number;
  /** Retained customers paying more. */
  readonly expanded: number;
  /** Retained customers paying less. */
  readonly contracted: number;
  /** Cohort customers paying nothing in the ending period. */
  readonly churned: number;
  /** Customers paying in the ending period who never paid before the starting period, nor in it. */
  readonly new: number;
  /** Customers paying in the ending period who paid before the starting period but not in it. */
  readonly reactivated: number;
}

/**
 * Revenue retention metrics. Money fields are Decimal; rates are fractions (0.2 = 20%).
 *
 * @category Churn
 */
export interface RevenueRetentionResult {
  /** MRR at the start. */
  readonly startingMrr: Decimal;
  /** New MRR. */
  readonly newMrr: Decimal;
  /** Expansion MRR. */
  readonly expansionMrr: Decimal;
  /** Contraction MRR (magnitude). */
  readonly contractionMrr: Decimal;
  /** Churned MRR (magnitude). */
  readonly churnedMrr: Decimal;
  /** Reactivation MRR. */
  readonly reactivationMrr: Decimal;
  /** start + new + expansion + reactivation − contraction − churned. */
  readonly endingMrr: Decimal;
  /** endingMrr − startingMrr. */
  readonly netNewMrr: Decimal;
  /** (churned + contraction) ÷ start, in [0, 1]. */
  readonly grossMrrChurnRate: number;
  /** (churned + contraction − expansion − reactivation) ÷ start; negative means net expansion ("negative churn"). */
  readonly netMrrChurnRate: number;
  /** GRR = (start − contraction − churned) ÷ start, in [0, 1]. */
  readonly grossRevenueRetention: number;
  /** NRR = (start + expansion − contraction − churned) ÷ start, ≥ 0 (new and reactivated revenue excluded). */
  readonly netRevenueRetention: number;
  /** (new + expansion) ÷ (churned + contraction); `null` when nothing was lost. */
  readonly quickRatio: number | null;
  /** (new + expansion + reactivation) ÷ (churned + contraction); `null` when nothing was lost. */
  readonly quickRatioWithReactivation: number | null;
  /** Label of the starting period (records form only). */
  readonly from?: string;
  /** Label of the ending period (records form only). */
  readonly to?: string;
  /** Customer counts (records form only). */
  readonly customers?: RevenueRetentionCustomers;
}

const FN = "revenueRetention";

/**
 * Gross and net MRR churn, gross and net revenue retention (GRR, NRR) and the SaaS quick ratio —
 * from a period's MRR movements, or from per-customer MRR records between two periods.
 *
 * - Gross MRR churn = (churned + contraction) ÷ starting MRR (ChartMogul).
 * - Net MRR churn = (churned + contraction − expansion − reactivation) ÷ starting MRR (ChartMogul).
 * - GRR = (starting − contraction − churned) ÷ starting; NRR = (starting + expansion − contraction −
 *   churned) ÷ starting, both on the locked starting cohort (new customers excluded); GRR ≤ 1.
 * - Quick ratio = (new + expansion) ÷ (churned + contraction) (Baremetrics); some tools add
 *   reactivation to the numerator: `quickRatioWithReactivation`.
 *
 * @see ChartMogul, "MRR Churn Rate": https://help.chartmogul.com/hc/en-us/articles/203359341-Metric-MRR-Churn-Rate
 * @see Baremetrics, quick ratio: https://changelog.baremetrics.com/new-quick-ratio-metric-4ohZDy
 *
 * @remarks
 * Vendors differ: ChartMogul's net MRR churn subtracts reactivation, NRR does not include it (a
 * reactivated customer is not in the starting cohort), and Baremetrics' NRR has no separate
 * contraction term — so compare like with like. From records, each customer's MRR in the `from`
 * and `to` periods is compared: more is expansion, less contraction, nothing churn; customers
 * paying only at `to` are reactivations if they paid in some period before `from`, else new.
 * Arithmetic is exact (Decimal); rates are converted to float64 at the end.
 *
 * @param input - A period's movements ({@link RevenueMovements}); see the other signature for per-customer records.
 * @returns A {@link RevenueRetentionResult}.
 * @throws {@link MetricsError} `invalid_type` / `invalid_input` / `not_finite` for a bad amount;
 * `out_of_range` for a negative amount, contraction + churn above the starting MRR, or `to` not
 * after `from`; `empty_sample` for a starting MRR of 0 or no records; `invalid_date` for a bad or
 * missing date.
 *
 * @example
 * ```ts
 * import { revenueRetention } from "customer-metrics/churn";
 * // ChartMogul's documented example: $100 start, $10 churn, $10 contraction, $10 expansion.
 * const r = revenueRetention({ startingMrr: "100", churnedMrr: "10", contractionMrr: "10", expansionMrr: "10" });
 * r.grossMrrChurnRate; // => 0.2
 * r.netMrrChurnRate; // => 0.1
 * r.grossRevenueRetention; // => 0.8
 * r.netRevenueRetention; // => 0.9
 * r.endingMrr.toString(); // => "90"
 * ```
 *
 * @category Churn
 */
export function revenueRetention(input: RevenueMovements): RevenueRetentionResult;
/**
 * Revenue retention between two periods from per-customer MRR records: each customer's MRR in the
 * `from` period is compared with the `to` period (more: expansion; less: contraction; nothing:
 * churn); customers paying only at `to` are reactivations if they paid before `from`, else new.
 * The metrics are those of the movements signature.
 *
 * @param input - Per-customer MRR records `{ customerId, at, mrr }` (several per customer and period add up).
 * @param options - `{ period = "month", from, to }`: `to` one period after `from` for monthly movements, twelve months after for annual NRR.
 * @returns A {@link RevenueRetentionResult} with `from`, `to` and `customers` counts.
 * @throws {@link MetricsError} `empty_sample` for no records or no MRR in the `from` period;
 * `out_of_range` for a negative MRR or `to` not after `from`; `invalid_date` for a bad date;
 * `invalid_type` / `unsafe_key` for a bad customer id.
 *
 * @example
 * ```ts
 * import { revenueRetention } from "customer-metrics/churn";
 * const mrr = [
 *   { customerId: "a", at: "2024-01-01", mrr: "100" }, { customerId: "b", at: "2024-01-01", mrr: "50" },
 *   { customerId: "a", at: "2024-02-01", mrr: "120" }, { customerId: "c", at: "2024-02-01", mrr: "30" },
 * ];
 * const feb = revenueRetention(mrr, { from: "2024-01-15", to: "2024-02-15" });
 * feb.expansionMrr.toString(); // => "20"
 * feb.churnedMrr.toString(); // => "50"
 * feb.netRevenueRetention; // => 0.8
 * ```
 *
 * @category Churn
 */
export function revenueRetention(input: readonly MrrRecord[], options: RevenueRetentionOptions): RevenueRetentionResult;
export function revenueRetention(
  input: RevenueMovements | readonly MrrRecord[],
  options?: RevenueRetentionOptions,
): RevenueRetentionResult {
  assertKnownOptions(options, ["from", "period", "to"], "revenueRetention");
  if (Array.isArray(input)) return fromRecords(input, options);
  const m = readObject(input, FN, [], "an object of MRR movements or an array of { customerId, at, mrr } records");
  const read = (key: string, required = false): Decimal => {
    const v = m[key];
    if (v === undefined) {
      if (required) throw metricsError(FN, "invalid_input", [key], "given", v);
      return money(0);
    }
    return readAmount(v, [key]);
  };
  return compute(
    {
      startingMrr: read("startingMrr", true),
      newMrr: read("newMrr"),
      expansionMrr: read("expansionMrr"),
      contractionMrr: read("contractionMrr"),
      churnedMrr: read("churnedMrr"),
      reactivationMrr: read("reactivationMrr"),
    },
    [],
  );
}

interface Movements {
  startingMrr: Decimal;
  newMrr: Decimal;
  expansionMrr: Decimal;
  contractionMrr: Decimal;
  churnedMrr: Decimal;
  reactivationMrr: Decimal;
}

function readAmount(value: unknown, path: PathSegment[]): Decimal {
  const d = money(value as DecimalInput, FN, path);
  if (d.isNegative())
    throw metricsError(FN, "out_of_range", path, "an amount >= 0 (a magnitude: write churn as 10, not -10)", d.toString());
  return d;
}

function ratio(num: Decimal, den: Decimal): number {
  return num.div(den).toNumber();
}

function compute(m: Movements, pathPrefix: PathSegment[]): RevenueRetentionResult {
  const start = m.startingMrr;
  if (start.isZero())
    throw metricsError(
      FN,
      "empty_sample",
      [...pathPrefix, "startingMrr"],
      "above 0 (retention rates are shares of the starting MRR)",
      "0",
    );
  if (m.contractionMrr.gt(start))
    throw metricsError(
      FN,
      "out_of_range",
      [...pathPrefix, "contractionMrr"],
      `at most startingMrr (${start.toString()})`,
      m.contractionMrr.toString(),
    );
  const lost = m.churnedMrr.plus(m.contractionMrr);
  if (lost.gt(start))
    throw metricsError(
      FN,
      "out_of_range",
      [...pathPrefix, "churnedMrr"],
      `at most startingMrr - contractionMrr (${start.minus(m.contractionMrr).toString()})`,
      m.churnedMrr.toString(),
    );
  const ending = start.plus(m.newMrr).plus(m.expansionMrr).plus(m.reactivationMrr).minus(lost);
  const gained = m.newMrr.plus(m.expansionMrr);
  return {
    ...m,
    endingMrr: ending,
    netNewMrr: ending.minus(start),
    grossMrrChurnRate: ratio(lost, start),
    netMrrChurnRate: ratio(lost.minus(m.expansionMrr).minus(m.reactivationMrr), start),
    grossRevenueRetention: ratio(start.minus(lost), start),
    netRevenueRetention: ratio(start.plus(m.expansionMrr).minus(lost), start),
    quickRatio: lost.isZero() ? null : ratio(gained, lost),
    quickRatioWithReactivation: lost.isZero() ? null : ratio(gained.plus(m.reactivationMrr), lost),
  };
}

function fromRecords(records: readonly unknown[], options: RevenueRetentionOptions | undefined): RevenueRetentionResult {
  const opts = readObject(options, FN, ["options"], "an options object { period?, from, to } for per-customer records");
  const period = readPeriod(opts["period"], FN);
  const fromP = periodIndex(readDay(opts["from"], FN, ["options", "from"]), period);
  const toP = periodIndex(readDay(opts["to"], FN, ["options", "to"]), period);
  if (toP <= fromP)
    throw metricsError(FN, "out_of_range", ["options", "to"], `a date in a later ${period} than from`, opts["to"]);
  readRecordArray(records, FN, [], "an array of { customerId, at, mrr } records");

  const zero = money(0);
  const acc = new Map<string | number, { from: Decimal; to: Decimal; before: boolean }>();
  for (let i = 0; i < records.length; i++) {
    const r = readObject(records[i], FN, [i], "an object { customerId, at, mrr }");
    const id = readCustomerId(r["customerId"], FN, [i, "customerId"]);
    const p = periodIndex(readDay(r["at"], FN, [i, "at"]), period);
    const mrr = readAmount(r["mrr"], [i, "mrr"]);
    if (p !== fromP && p !== toP && p >= fromP) continue;
    let c = acc.get(id);
    if (c === undefined) {
      c = { from: zero, to: zero, before: false };
      acc.set(id, c);
    }
    if (p === fromP) c.from = c.from.plus(mrr);
    else if (p === toP) c.to = c.to.plus(mrr);
    else if (!mrr.isZero()) c.before = true;
  }
  const m: Movements = {
    startingMrr: zero,
    newMrr: zero,
    expansionMrr: zero,
    contractionMrr: zero,
    churnedMrr: zero,
    reactivationMrr: zero,
  };
  const n = { starting: 0, retained: 0, expanded: 0, contracted: 0, churned: 0, new: 0, reactivated: 0 };
  for (const c of acc.values()) {
    if (c.from.gt(0)) {
      n.starting++;
      m.startingMrr = m.startingMrr.plus(c.from);
      if (c.to.isZero()) {
        n.churned++;
        m.churnedMrr = m.churnedMrr.plus(c.from);
      } else {
        n.retained++;
        if (c.to.gt(c.from)) {
          n.expanded++;
          m.expansionMrr = m.expansionMrr.plus(c.to.minus(c.from));
        } else if (c.to.lt(c.from)) {
          n.contracted++;
          m.contractionMrr = m.contractionMrr.plus(c.from.minus(c.to));
        }
      }
    } else if (c.to.gt(0)) {
      if (c.before) {
        n.reactivated++;
        m.reactivationMrr = m.reactivationMrr.plus(c.to);
      } else {
        n.new++;
        m.newMrr = m.newMrr.plus(c.to);
      }
    }
  }
  if (m.startingMrr.isZero()) {
    throw metricsError(
      FN,
      "empty_sample",
      ["options", "from"],
      `a ${period} in which some customer pays (no MRR found in ${periodLabel(fromP, period)})`,
      opts["from"],
    );
  }
  return { ...compute(m, []), from: periodLabel(fromP, period), to: periodLabel(toP, period), customers: n };
}
