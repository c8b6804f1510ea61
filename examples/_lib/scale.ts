/**
 * The warehouse scale path, shared by examples/scale-duckdb.ts and
 * test/scale/duckdb.test.ts: a seeded simulator for a large transaction log
 * and survey, loading into DuckDB, and the plain SQL that computes the
 * sufficient statistics the library's fitters and merges consume.
 *
 * The SQL strings here are the ones printed in docs/scaling.md (a test checks
 * that the guide quotes them verbatim).
 */
import { DuckDBDataChunk, DOUBLE, INTEGER, VARCHAR, type DuckDBConnection, type DuckDBType } from "@duckdb/node-api";
import { createRng } from "customer-metrics/math";
import { toDayNumber } from "customer-metrics/core";
import type { CohortRetentionTally } from "customer-metrics/churn";

/** A transaction log in columns (one entry per purchase). */
export interface PurchaseColumns {
  /** Customer id per purchase (0-based integers). */
  readonly customer: Int32Array;
  /** UTC day number of each purchase. */
  readonly day: Int32Array;
  /** Amount of each purchase: multiples of 0.25, so float sums are exact in any order. */
  readonly amount: Float64Array;
  /** Number of customers generated. */
  readonly customers: number;
}

/** First and last day of the simulated data, and the analysis date. */
export const SCALE_START = "2024-01-01";
/** The observation end (`asOf`) used by the SQL and the in-process path. */
export const SCALE_AS_OF = "2025-12-31";

/**
 * Simulates exactly `target` purchases from a BG/NBD-like population: each
 * customer joins on a uniform day of 2024, buys as a Poisson process with a
 * Gamma-distributed daily rate, may drop out after each purchase with a
 * Beta-distributed probability, and spends Gamma-distributed amounts rounded
 * to quarter units. Seeded: the same data on every machine.
 */
export function simulatePurchases(target: number, seed = 2026): PurchaseColumns {
  const rng = createRng(seed);
  const start = toDayNumber(SCALE_START);
  const end = toDayNumber(SCALE_AS_OF);
  const customer = new Int32Array(target);
  const day = new Int32Array(target);
  const amount = new Float64Array(target);
  let n = 0;
  let c = 0;
  while (n < target) {
    const joined = start + rng.int(366);
    const rate = rng.gamma(0.6, 1 / 25); // purchases per day, mean 0.024
    const dropout = rng.beta(1.2, 6); // P(leave after a purchase), mean 0.17
    const spend = rng.gamma(6, 5); // the customer's mean spend, mean 30
    let t = joined;
    for (;;) {
      customer[n] = c;
      day[n] = t;
      amount[n] = Math.max(1, Math.round(rng.gamma(4, spend / 4) * 4)) / 4;
      n++;
      if (n === target || rng.next() < dropout) break;
      t += Math.max(0, Math.floor(rng.exponential(rate)));
      if (t > end) break;
    }
    c++;
  }
  return { customer, day, amount, customers: c };
}

/** NPS survey answers in columns. */
export interface SurveyColumns {
  /** Region of the respondent (a segment). */
  readonly region: readonly string[];
  /** 0–10 answer. */
  readonly score: Int32Array;
}

/** The regions of the simulated survey. */
export const SCALE_REGIONS = ["north", "south", "east", "west"] as const;

/** Simulates `n` NPS answers from four regions with different score mixes. Seeded. */
export function simulateSurvey(n: number, seed = 2027): SurveyColumns {
  const rng = createRng(seed);
  const region: string[] = new Array<string>(n);
  const score = new Int32Array(n);
  // Per region: P(promoter), P(passive); the rest are detractors (scores 0–6).
  const mix = [
    [0.52, 0.3],
    [0.45, 0.3],
    [0.4, 0.33],
    [0.48, 0.27],
  ] as const;
  for (let i = 0; i < n; i++) {
    const r = rng.int(4);
    const [pp, pa] = mix[r] as readonly [number, number];
    const u = rng.next();
    region[i] = SCALE_REGIONS[r] as string;
    score[i] = u < pp ? 9 + rng.int(2) : u < pp + pa ? 7 + rng.int(2) : rng.int(7);
  }
  return { region, score };
}

async function appendColumns(
  con: DuckDBConnection,
  table: string,
  types: readonly DuckDBType[],
  columns: readonly ArrayLike<number | string>[],
): Promise<void> {
  const appender = await con.createAppender(table);
  const n = columns[0]?.length ?? 0;
  const size = 2048;
  for (let off = 0; off < n; off += size) {
    const m = Math.min(size, n - off);
    const chunk = DuckDBDataChunk.create([...types], m);
    chunk.setColumns(columns.map((col) => Array.from({ length: m }, (_, i) => col[off + i] as number | string)));
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

/**
 * Creates and fills the tables the SQL reads:
 * `transactions(customer_id INTEGER, purchased_at DATE, amount DOUBLE)` and
 * `responses(region VARCHAR, score INTEGER)`.
 */
export async function loadIntoDuckDB(con: DuckDBConnection, purchases: PurchaseColumns, survey: SurveyColumns): Promise<void> {
  await con.run("CREATE OR REPLACE TABLE staging (customer_id INTEGER, day_number INTEGER, amount DOUBLE)");
  await appendColumns(con, "staging", [INTEGER, INTEGER, DOUBLE], [purchases.customer, purchases.day, purchases.amount]);
  await con.run(
    "CREATE OR REPLACE TABLE transactions AS SELECT customer_id, CAST(DATE '1970-01-01' + day_number AS DATE) AS purchased_at, amount FROM staging",
  );
  await con.run("DROP TABLE staging");
  await con.run("CREATE OR REPLACE TABLE responses (region VARCHAR, score INTEGER)");
  await appendColumns(con, "responses", [VARCHAR, INTEGER], [survey.region, survey.score]);
}

/**
 * Per-customer summaries with btyd's `summarizeTransactions` semantics for
 * `unit: "week"` (lifetimes' `summary_data_from_transaction_data` with
 * `freq="W"`): Monday–Sunday weeks, purchases in one week count once and their
 * amounts add up; frequency = purchase weeks − 1, recency = last − first
 * purchase week, T = as-of week − first purchase week, monetary_value = mean
 * weekly total over the repeat weeks (0 without repeats). The week number is
 * whole weeks since Monday 1969-12-29; `asOf` counts up to the end of its week
 * (Sunday), as in summarizeTransactions. Runs unchanged on DuckDB and
 * PostgreSQL (`date - date` is a number of days); docs/scaling.md has the
 * Spark SQL and BigQuery spellings.
 */
export const SUMMARY_SQL = `-- customer_summaries: one row per customer (frequency, recency, T, monetary_value) in weeks
WITH weekly AS (          -- purchases in the same Monday–Sunday week count once; amounts add up
  SELECT customer_id,
         FLOOR((purchased_at - DATE '1969-12-29') / 7) AS week,
         SUM(amount)                               AS amount
  FROM transactions
  WHERE purchased_at <= DATE '2026-01-04'      -- asOf = 2025-12-31: its whole week counts
  GROUP BY 1, 2
), marked AS (
  SELECT customer_id, week, amount,
         MIN(week) OVER (PARTITION BY customer_id) AS first_week
  FROM weekly
)
SELECT customer_id,
       COUNT(*) - 1                                                      AS frequency,
       MAX(week) - MIN(week)                                             AS recency,
       FLOOR((DATE '2025-12-31' - DATE '1969-12-29') / 7) - MIN(week)   AS T,
       COALESCE(SUM(CASE WHEN week > first_week THEN amount END)
                / NULLIF(COUNT(*) - 1, 0), 0)                            AS monetary_value
FROM marked
GROUP BY customer_id
ORDER BY customer_id`;

/**
 * The sufficient statistics of a BG/NBD or Pareto/NBD fit: customers with the
 * same (frequency, recency, T) collapsed into one row with a weight. A million
 * customers become a few tens of thousands of rows.
 */
export const FIT_INPUT_SQL = `-- fit_input: identical summaries collapsed, with their count as weight
SELECT frequency, recency, T, COUNT(*) AS weight
FROM customer_summaries
GROUP BY frequency, recency, T
ORDER BY frequency, recency, T`;

/** Gamma-Gamma input: repeat buyers only (frequency > 0), collapsed the same way. */
export const SPEND_INPUT_SQL = `-- spend_input: repeat buyers' (frequency, monetary_value), with weights
SELECT frequency, monetary_value, COUNT(*) AS weight
FROM customer_summaries
WHERE frequency > 0
GROUP BY frequency, monetary_value
ORDER BY frequency, monetary_value`;

/** NPS tallies per segment: counts of promoters (9–10), passives (7–8), detractors (0–6). */
export const NPS_TALLY_SQL = `-- nps_tallies: one mergeable tally per region
SELECT region,
       SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END)              AS promoters,
       SUM(CASE WHEN score IN (7, 8) THEN 1 ELSE 0 END)         AS passives,
       SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END)              AS detractors
FROM responses
WHERE score BETWEEN 0 AND 10
GROUP BY region
ORDER BY region`;

/**
 * Cohort counts: customers active per cohort (calendar month of the first
 * purchase) and age (months since), the cells of a cohort retention table.
 * The month number is `year·12 + month − 1`, the library's `periodIndex(day, "month")`.
 */
export const COHORT_SQL = `-- cohort_counts: distinct active customers per (cohort month, age in months)
WITH activity AS (        -- one row per customer and calendar month with a purchase
  SELECT DISTINCT customer_id,
         EXTRACT(YEAR FROM purchased_at) * 12 + EXTRACT(MONTH FROM purchased_at) - 1 AS month
  FROM transactions
  WHERE purchased_at <= DATE '2025-12-31'
), cohorts AS (
  SELECT customer_id, MIN(month) AS cohort FROM activity GROUP BY customer_id
)
SELECT c.cohort, a.month - c.cohort AS age, COUNT(*) AS active
FROM activity a JOIN cohorts c ON a.customer_id = c.customer_id
GROUP BY c.cohort, a.month - c.cohort
ORDER BY c.cohort, age`;

/** Transactions counted by the cohort table (on or before asOf) and those after it. */
export const EVENT_COUNT_SQL = `SELECT SUM(CASE WHEN purchased_at <= DATE '2025-12-31' THEN 1 ELSE 0 END) AS events,
       SUM(CASE WHEN purchased_at >  DATE '2025-12-31' THEN 1 ELSE 0 END) AS ignored_events
FROM transactions`;

/** Reads a query's result as plain JS columns (BIGINT → number, exact below 2^53). */
export async function queryColumns(con: DuckDBConnection, sql: string): Promise<Record<string, (number | string)[]>> {
  const reader = await con.runAndReadAll(sql);
  const names = reader.columnNames();
  const cols = reader.getColumns();
  const out: Record<string, (number | string)[]> = {};
  names.forEach((name, j) => {
    out[name] = (cols[j] ?? []).map((v) => {
      if (typeof v === "bigint") {
        if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
          throw new Error(`${name}: ${v} exceeds 2^53`);
        return Number(v);
      }
      if (typeof v === "number" || typeof v === "string") return v;
      throw new Error(`${name}: unexpected SQL value ${String(v)}`);
    });
  });
  return out;
}

/** Turns the rows of {@link COHORT_SQL} into the churn area's mergeable cohort tally. */
export function cohortTallyFromSql(
  rows: Record<string, (number | string)[]>,
  counts: { readonly events: number; readonly ignoredEvents: number },
): CohortRetentionTally {
  const byCohort = new Map<number, number[]>();
  const cohort = rows["cohort"] ?? [];
  for (let i = 0; i < cohort.length; i++) {
    const c = Number(cohort[i]);
    const age = Number(rows["age"]?.[i]);
    const active = byCohort.get(c) ?? [];
    while (active.length <= age) active.push(0);
    active[age] = Number(rows["active"]?.[i]);
    byCohort.set(c, active);
  }
  const cohorts = [...byCohort.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([periodIndex, active]) => ({ periodIndex, size: active[0] ?? 0, active }));
  return {
    kind: "cohort-retention-tally",
    period: "month",
    mode: "customers",
    asOf: SCALE_AS_OF,
    cohorts,
    customers: cohorts.reduce((s, c) => s + c.size, 0),
    events: counts.events,
    ignoredEvents: counts.ignoredEvents,
  };
}
