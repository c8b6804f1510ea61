/**
 * The scale path, for real: 1,000,000 simulated transactions and 200,000 survey
 * answers go into DuckDB; plain SQL computes per-customer summaries, NPS tallies
 * and cohort counts; the library's merge / finalize / fit functions consume them
 * and give the same results as the in-process path on the raw rows.
 *
 * Not part of `npm test` (it needs a few seconds and ~1 GB): `npm run test:scale`, run by .ci/run.
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance, type DuckDBConnection, type DuckDBInstance as Instance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fitBetaGeoNbd, fitGammaGamma, summarizeTransactionColumns, type TransactionColumnsSummary } from "customer-metrics/btyd";
import { cohortRetention, cohortRetentionTally, mergeCohortRetentionTallies } from "customer-metrics/churn";
import { mergeNpsTallies, nps, npsTally } from "customer-metrics/nps";
import {
  COHORT_SQL,
  EVENT_COUNT_SQL,
  FIT_INPUT_SQL,
  NPS_TALLY_SQL,
  SCALE_AS_OF,
  SCALE_REGIONS,
  SPEND_INPUT_SQL,
  SUMMARY_SQL,
  cohortTallyFromSql,
  loadIntoDuckDB,
  queryColumns,
  simulatePurchases,
  simulateSurvey,
  type PurchaseColumns,
  type SurveyColumns,
} from "../../examples/_lib/scale.js";

const N_TRANSACTIONS = 1_000_000;
const N_RESPONSES = 200_000;

let instance: Instance;
let con: DuckDBConnection;
let purchases: PurchaseColumns;
let survey: SurveyColumns;

beforeAll(async () => {
  purchases = simulatePurchases(N_TRANSACTIONS);
  survey = simulateSurvey(N_RESPONSES);
  instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  con = await instance.connect();
  await loadIntoDuckDB(con, purchases, survey);
  await con.run(`CREATE TABLE customer_summaries AS ${SUMMARY_SQL}`);
});

afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
});

describe("DuckDB holds the raw rows", () => {
  it("has 1,000,000 transactions and 200,000 answers", async () => {
    const t = await queryColumns(con, "SELECT COUNT(*) AS n, COUNT(DISTINCT customer_id) AS customers FROM transactions");
    expect(t["n"]).toEqual([N_TRANSACTIONS]);
    expect(t["customers"]).toEqual([purchases.customers]);
    const r = await queryColumns(con, "SELECT COUNT(*) AS n FROM responses");
    expect(r["n"]).toEqual([N_RESPONSES]);
  });
});

describe("customer summaries: SQL = summarizeTransactionColumns (unit week)", () => {
  it("matches for every customer, bit for bit", async () => {
    const sql = await queryColumns(con, "SELECT * FROM customer_summaries ORDER BY customer_id");
    const js = summarizeTransactionColumns(
      { customer: purchases.customer, day: purchases.day, amount: purchases.amount },
      { asOf: SCALE_AS_OF, unit: "week" },
    );
    expect(sql["customer_id"]?.length).toBe(js.customer.length);
    expect(js.customer.length).toBe(purchases.customers);
    const fields = [
      ["customer_id", js.customer],
      ["frequency", js.frequency],
      ["recency", js.recency],
      ["T", js.T],
      ["monetary_value", js.monetaryValue as Float64Array],
    ] as const;
    let mismatches = 0;
    for (const [name, col] of fields) {
      const s = sql[name] as number[];
      for (let i = 0; i < col.length; i++) if (!Object.is(s[i], col[i])) mismatches++;
    }
    expect(mismatches).toBe(0);
    // Not a trivial population: repeat buyers, long recencies, real spend.
    expect(js.frequency.reduce((m, f) => Math.max(m, f), 0)).toBeGreaterThan(30);
    expect(js.frequency.filter((f) => f > 0).length).toBeGreaterThan(purchases.customers / 2);
  });

  it("collapses to far fewer weighted rows for the fitters", async () => {
    const fit = await queryColumns(con, FIT_INPUT_SQL);
    const weights = fit["weight"] as number[];
    expect(weights.reduce((a, b) => a + b, 0)).toBe(purchases.customers);
    expect(weights.length).toBeLessThan(purchases.customers / 3);
    const spend = await queryColumns(con, SPEND_INPUT_SQL);
    const repeat = await queryColumns(con, "SELECT COUNT(*) AS n FROM customer_summaries WHERE frequency > 0");
    expect((spend["weight"] as number[]).reduce((a, b) => a + b, 0)).toBe(repeat["n"]?.[0]);
  });
});

/** Relative difference, for fits whose summation order differs. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe("model fits on SQL sufficient statistics = fits on the in-process summaries", () => {
  let js: TransactionColumnsSummary;
  beforeAll(() => {
    js = summarizeTransactionColumns(
      { customer: purchases.customer, day: purchases.day, amount: purchases.amount },
      { asOf: SCALE_AS_OF, unit: "week" },
    );
  });

  it("BG/NBD: collapsed SQL rows give the bit-identical fit (same row order), and the same fit as 186k raw rows", async () => {
    const fit = await queryColumns(con, FIT_INPUT_SQL);
    const fromSql = fitBetaGeoNbd({
      frequency: fit["frequency"] as number[],
      recency: fit["recency"] as number[],
      T: fit["T"] as number[],
      weight: fit["weight"] as number[],
    });
    expect(fromSql.diagnostics.converged).toBe(true);
    expect(fromSql.n).toBe(purchases.customers);
    // In process: one row per customer, put in the SQL's ORDER BY (frequency, recency, T);
    // the fitter collapses identical rows itself, so it sees the very same weighted rows.
    const order = Array.from(js.customer.keys()).sort(
      (i, j) =>
        (js.frequency[i] as number) - (js.frequency[j] as number) ||
        (js.recency[i] as number) - (js.recency[j] as number) ||
        (js.T[i] as number) - (js.T[j] as number),
    );
    const pick = (col: Float64Array) => order.map((i) => col[i] as number);
    const inProcess = fitBetaGeoNbd({ frequency: pick(js.frequency), recency: pick(js.recency), T: pick(js.T) });
    expect(inProcess).toEqual(fromSql);
    // In customer order the log-likelihood is summed in another order: equal to float rounding.
    const unordered = fitBetaGeoNbd({ frequency: js.frequency, recency: js.recency, T: js.T });
    for (const k of ["r", "alpha", "a", "b"] as const) expect(rel(unordered.params[k], fromSql.params[k]), k).toBeLessThan(1e-9);
    expect(rel(unordered.logLikelihood, fromSql.logLikelihood)).toBeLessThan(1e-12);
  });

  it("Gamma-Gamma: collapsed SQL spend rows give the same fit as the repeat buyers' rows", async () => {
    const spend = await queryColumns(con, SPEND_INPUT_SQL);
    const fromSql = fitGammaGamma({
      frequency: spend["frequency"] as number[],
      monetaryValue: spend["monetary_value"] as number[],
      weight: spend["weight"] as number[],
    });
    const repeat = Array.from(js.customer.keys()).filter((i) => (js.frequency[i] as number) > 0);
    const inProcess = fitGammaGamma({
      frequency: repeat.map((i) => js.frequency[i] as number),
      monetaryValue: repeat.map((i) => (js.monetaryValue as Float64Array)[i] as number),
    });
    expect(fromSql.diagnostics.converged).toBe(true);
    // A weight w multiplies a row's log-likelihood term instead of adding it w times, so the
    // optimizer's path differs in the last bits: same optimum to its tolerance.
    expect(rel(inProcess.logLikelihood, fromSql.logLikelihood)).toBeLessThan(1e-12);
    for (const k of ["p", "q", "v"] as const) expect(rel(inProcess.params[k], fromSql.params[k]), k).toBeLessThan(1e-6);
  });
});

describe("NPS: SQL tallies per region, merged = nps over all answers", () => {
  it("gives the identical score, counts and interval", async () => {
    const rows = await queryColumns(con, NPS_TALLY_SQL);
    expect(rows["region"]).toEqual([...SCALE_REGIONS].sort());
    const tallies = (rows["region"] as string[]).map((_, i) => ({
      promoters: rows["promoters"]?.[i] as number,
      passives: rows["passives"]?.[i] as number,
      detractors: rows["detractors"]?.[i] as number,
    }));
    const merged = nps(mergeNpsTallies(...tallies));
    const direct = nps(survey.score);
    for (const k of [
      "score",
      "n",
      "promoters",
      "passives",
      "detractors",
      "standardError",
      "marginOfError",
      "effectiveN",
    ] as const) {
      expect(merged[k], k).toBe(direct[k]);
    }
    expect(merged.confidenceInterval).toEqual(direct.confidenceInterval);
    expect(merged.shares).toEqual(direct.shares);
    // Merge order does not matter (integer counts).
    expect(nps(mergeNpsTallies(...[...tallies].reverse())).confidenceInterval).toEqual(direct.confidenceInterval);
  });

  it("per region: SQL tally = npsTally of that region's answers", async () => {
    const rows = await queryColumns(con, NPS_TALLY_SQL);
    for (const [i, region] of (rows["region"] as string[]).entries()) {
      const mine = Uint8Array.from(survey.score.filter((_, k) => survey.region[k] === region));
      const t = npsTally(mine);
      expect([t.promoters, t.passives, t.detractors], region).toEqual([
        rows["promoters"]?.[i],
        rows["passives"]?.[i],
        rows["detractors"]?.[i],
      ]);
    }
  });
});

describe("cohorts: SQL counts as a tally = cohortRetention on the raw rows", () => {
  it("builds the identical tally and table", async () => {
    const rows = await queryColumns(con, COHORT_SQL);
    const counts = await queryColumns(con, EVENT_COUNT_SQL);
    const fromSql = cohortTallyFromSql(rows, {
      events: counts["events"]?.[0] as number,
      ignoredEvents: counts["ignored_events"]?.[0] as number,
    });
    const columns = { customerIds: purchases.customer, days: purchases.day };
    const inProcess = cohortRetentionTally(columns, { period: "month", asOf: SCALE_AS_OF });
    expect(fromSql).toEqual(inProcess);
    const table = cohortRetention(fromSql, { asOf: SCALE_AS_OF });
    expect(table).toEqual(cohortRetention(columns, { period: "month", asOf: SCALE_AS_OF }));
    expect(table.cohorts.length).toBe(12);
  });

  it("merges tallies of customer partitions computed separately (e.g. one per worker or shard)", async () => {
    const parts = [];
    for (let shard = 0; shard < 4; shard++) {
      await con.run(`CREATE OR REPLACE VIEW shard AS SELECT * FROM transactions WHERE customer_id % 4 = ${shard}`);
      const rows = await queryColumns(con, COHORT_SQL.replaceAll("FROM transactions", "FROM shard"));
      const counts = await queryColumns(con, EVENT_COUNT_SQL.replaceAll("FROM transactions", "FROM shard"));
      parts.push(
        cohortTallyFromSql(rows, {
          events: counts["events"]?.[0] as number,
          ignoredEvents: counts["ignored_events"]?.[0] as number,
        }),
      );
    }
    const merged = mergeCohortRetentionTallies(...parts);
    const whole = cohortRetentionTally(
      { customerIds: purchases.customer, days: purchases.day },
      { period: "month", asOf: SCALE_AS_OF },
    );
    expect(merged).toEqual(whole);
  });
});

describe("docs/scaling.md quotes the SQL that this test runs", () => {
  const guide = readFileSync(new URL("../../docs/scaling.md", import.meta.url), "utf8");
  for (const [name, sql] of Object.entries({ SUMMARY_SQL, FIT_INPUT_SQL, SPEND_INPUT_SQL, NPS_TALLY_SQL, COHORT_SQL })) {
    it(name, () => {
      expect(guide.includes(sql), `${name} is not quoted verbatim in docs/scaling.md`).toBe(true);
    });
  }
});
