import type { Decimal } from "decimal.js";
import { _MoneyDecimal } from "../core/money.js";
import { clean, relativeChange, toFloat } from "./_internal/engine.js";
import { type CxNormalized, readCxRevenueImpactInput } from "./_internal/cxInput.js";
import type { CxRevenueImpactInput } from "./schemas.js";
import type { ProjectionPlotPoint } from "./types.js";

/**
 * One year of a CX revenue-impact projection.
 *
 * @category Projections
 */
export interface CxImpactYear {
  /** Year 1..years. */
  readonly year: number;
  /** Customers at the end of the year without the improvement. */
  readonly baselineCustomers: number;
  /** Customers at the end of the year with the improvement. */
  readonly customers: number;
  /** Revenue without the improvement. */
  readonly baselineRevenue: Decimal;
  /** Revenue with the improvement. */
  readonly revenue: Decimal;
  /** `revenue − baselineRevenue`. */
  readonly impact: Decimal;
  /** Running sum of `impact`. */
  readonly cumulativeImpact: Decimal;
  /** `impact / (1 + discountRate)^year`. */
  readonly discountedImpact: Decimal;
}

/**
 * The impact split by driver: each driver alone (the others at baseline), and
 * the interaction (total minus the three), since the effects compound.
 *
 * @category Projections
 */
export interface CxImpactDrivers {
  /** Impact of the retention change alone. */
  readonly retention: Decimal;
  /** Impact of the spend change alone. */
  readonly spend: Decimal;
  /** Impact of the referral change alone. */
  readonly referral: Decimal;
  /** Total impact minus the three single-driver impacts. */
  readonly interaction: Decimal;
}

/**
 * Result of {@link cxRevenueImpact}.
 *
 * @category Projections
 */
export interface CxRevenueImpactResult {
  /** One row per year. */
  readonly years: readonly CxImpactYear[];
  /** Totals over the horizon. */
  readonly totals: {
    /** Σ baseline revenue. */
    readonly baselineRevenue: Decimal;
    /** Σ revenue with the improvement. */
    readonly revenue: Decimal;
    /** Σ impact: the headline "additional revenue over N years". */
    readonly impact: Decimal;
    /** `impact / baselineRevenue` as a fraction, or `null` when the baseline revenue is 0. */
    readonly impactRelative: number | null;
    /** Σ discounted impact (equals `impact` with no discount rate). */
    readonly discountedImpact: Decimal;
  };
  /** The impact split by driver (undiscounted). */
  readonly drivers: CxImpactDrivers;
  /** The loyalty rates the improvement produces. */
  readonly improvedRates: {
    /** Baseline retention + retention elasticity × improvement. */
    readonly retentionRate: number;
    /** Baseline referral rate + referral elasticity × improvement. */
    readonly referralRate: number;
    /** 1 + spend elasticity × improvement: revenue per customer relative to baseline. */
    readonly spendMultiplier: number;
  };
  /** Always `"loyalty-behaviours"`: the improvement acts on retention, spend and referrals. */
  readonly method: "loyalty-behaviours";
  /**
   * Plot-ready series: x = year for `"baseline revenue"`, `"revenue with CX
   * improvement"` and `"impact"` (money); x = driver name for `"impact by driver"`.
   */
  readonly series: readonly ProjectionPlotPoint[];
}

interface Path {
  customers: Decimal[];
  revenue: Decimal[];
}

function simulate(c: CxNormalized, retention: Decimal, referral: Decimal, spend: Decimal): Path {
  const perCustomer = c.revenue.div(c.customers);
  const carry = retention.plus(referral);
  const customers: Decimal[] = [];
  const revenue: Decimal[] = [];
  let n = c.customers;
  for (let t = 1; t <= c.years; t++) {
    n = n.times(carry).plus(c.newCustomers);
    customers.push(n);
    revenue.push(n.times(perCustomer).times(spend));
  }
  return { customers, revenue };
}

function total(p: Path, base: Path): Decimal {
  let s = new _MoneyDecimal(0);
  for (let i = 0; i < p.revenue.length; i++) s = s.plus((p.revenue[i] as Decimal).minus(base.revenue[i] as Decimal));
  return clean(s);
}

/**
 * Revenue impact of a customer-experience improvement, in the spirit of
 * Temkin Group's "ROI of Customer Experience" model: better experience raises
 * loyalty behaviours — customers stay (repurchase), spend more, and
 * recommend — and each behaviour is valued in revenue over N years.
 *
 * Revenue per customer s = revenue / customers. With baseline retention r,
 * referral rate q (new customers per customer per year) and other new
 * customers A per year, the customer count evolves as N_t = N_{t−1}(r + q) + A
 * (A defaults to N(1 − r − q), which keeps the baseline flat). The improvement
 * x moves r to r + e_r·x, q to q + e_q·x and spend to s(1 + e_s·x), effective
 * from year 1; revenue_t = N_t · s · (1 + e_s·x). The impact is improved minus
 * baseline revenue, year by year.
 *
 * @see Temkin Group, "ROI of Customer Experience" (annual insight reports, 2012–2018): a modest CX improvement is worth $775 million over three years to a $1 billion company (2018 edition, average over 20 industries).
 * @see Temkin's five steps: establish CX metrics; set loyalty objectives; group customers by CX; relate CX to loyalty; value the loyalty change.
 *
 * @remarks
 * Read `improvement` and the elasticities in one unit: points of your CX
 * index (elasticity = change in the loyalty rate per point), or the share of
 * customers moved from a poor to a good experience (elasticity = the
 * difference in the behaviour rate between the two groups, e.g. Temkin's
 * 18-point gap in repurchase intent). Published headlines rest on assumptions
 * like these; the assumptions below reproduce "$775 million over three years
 * for a $1 billion company" (see docs/projections.md). Survey intent is not
 * behaviour: calibrate elasticities on observed retention and spend by CX
 * group. Computed in Decimal (rates enter from their shortest decimal strings).
 *
 * @param input - See {@link CxRevenueImpactInput}.
 * @returns Year-by-year revenue with and without the improvement, totals, the split by driver and plot-ready series.
 * @throws {@link MetricsError} `undefined_result` when customer counts or amounts leave float64 range (e.g. absurd referral rates compounding); `out_of_range` for revenue ≤ 0, customers ≤ 0, a retention outside [0, 1], negative rates, an improvement < 0, years outside 1..100, or elasticities that push retention outside [0, 1], referrals below 0 or spend to ≤ 0; `invalid_type`/`not_finite`/`not_integer`/`invalid_input` for malformed values.
 *
 * @example
 * ```ts
 * import { cxRevenueImpact } from "customer-metrics/projections";
 * // A $1B company, 1M customers, 80% retention, 2% referrals; a 10-point CX improvement
 * const r = cxRevenueImpact({
 *   revenue: "1000000000", customers: 1000000,
 *   baseline: { retentionRate: 0.8, referralRate: 0.02 },
 *   improvement: 10, elasticities: { retention: 0.01, spend: 0.004, referral: 0.001 },
 *   years: 3,
 * });
 * r.totals.impact.toString(); // => "774928560"
 * r.improvedRates; // => { retentionRate: 0.9, referralRate: 0.03, spendMultiplier: 1.04 }
 * ```
 *
 * @category Projections
 */
export function cxRevenueImpact(input: CxRevenueImpactInput): CxRevenueImpactResult {
  const fn = "cxRevenueImpact";
  const c = readCxRevenueImpactInput(input, fn);
  const one = new _MoneyDecimal(1);
  const base = simulate(c, c.retention, c.referral, one);
  const improved = simulate(c, c.improvedRetention, c.improvedReferral, c.spendFactor);
  const onePlusD = c.discountRate.plus(1);
  const years: CxImpactYear[] = [];
  let cum = new _MoneyDecimal(0);
  let disc = new _MoneyDecimal(0);
  let baseTotal = new _MoneyDecimal(0);
  let revTotal = new _MoneyDecimal(0);
  for (let i = 0; i < c.years; i++) {
    const b = base.revenue[i] as Decimal;
    const m = improved.revenue[i] as Decimal;
    const impact = clean(m.minus(b));
    const discounted = c.discountRate.isZero() ? impact : clean(impact.div(onePlusD.pow(i + 1)));
    cum = clean(cum.plus(impact));
    disc = clean(disc.plus(discounted));
    baseTotal = baseTotal.plus(b);
    revTotal = revTotal.plus(m);
    years.push({
      year: i + 1,
      baselineCustomers: toFloat(base.customers[i] as Decimal, fn, "customer counts"),
      customers: toFloat(improved.customers[i] as Decimal, fn, "customer counts"),
      baselineRevenue: b,
      revenue: m,
      impact,
      cumulativeImpact: cum,
      discountedImpact: discounted,
    });
  }
  const onlyRetention = total(simulate(c, c.improvedRetention, c.referral, one), base);
  const onlySpend = total(simulate(c, c.retention, c.referral, c.spendFactor), base);
  const onlyReferral = total(simulate(c, c.retention, c.improvedReferral, one), base);
  const drivers: CxImpactDrivers = {
    retention: onlyRetention,
    spend: onlySpend,
    referral: onlyReferral,
    interaction: clean(cum.minus(onlyRetention).minus(onlySpend).minus(onlyReferral)),
  };
  const series: ProjectionPlotPoint[] = [];
  for (const y of years)
    series.push({ x: y.year, y: toFloat(y.baselineRevenue, fn, "the plot series"), series: "baseline revenue" });
  for (const y of years)
    series.push({ x: y.year, y: toFloat(y.revenue, fn, "the plot series"), series: "revenue with CX improvement" });
  for (const y of years) series.push({ x: y.year, y: toFloat(y.impact, fn, "the plot series"), series: "impact" });
  for (const k of ["retention", "spend", "referral", "interaction"] as const) {
    series.push({ x: k, y: toFloat(drivers[k], fn, "the plot series"), series: "impact by driver" });
  }
  return {
    years,
    totals: {
      baselineRevenue: clean(baseTotal),
      revenue: clean(revTotal),
      impact: cum,
      impactRelative: relativeChange(baseTotal, revTotal),
      discountedImpact: disc,
    },
    drivers,
    improvedRates: {
      retentionRate: toFloat(c.improvedRetention, fn, "the improved rates"),
      referralRate: toFloat(c.improvedReferral, fn, "the improved rates"),
      spendMultiplier: toFloat(c.spendFactor, fn, "the improved rates"),
    },
    method: "loyalty-behaviours",
    series,
  };
}
