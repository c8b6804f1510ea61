/**
 * The warehouse scale path, end to end (see docs/scaling.md):
 *
 *   1,000,000 transactions + 200,000 survey answers  →  DuckDB
 *   plain SQL  →  per-customer summaries, collapsed fit inputs, NPS tallies, cohort counts
 *   customer-metrics  →  merge, finalize, fit — identical to the in-process results
 *
 * and the same tally → merge → finalize across two worker threads.
 * Run: npx tsx examples/scale-duckdb.ts   (DuckDB is a dev dependency: @duckdb/node-api)
 */
import { Worker } from "node:worker_threads";
import { DuckDBInstance } from "@duckdb/node-api";
import { fitBetaGeoNbd, fitGammaGamma, summarizeTransactionColumns } from "customer-metrics/btyd";
import { cohortRetention } from "customer-metrics/churn";
import { fromDayNumber, periodStart } from "customer-metrics/core";
import { mergeNpsTallies, nps, type NpsTally } from "customer-metrics/nps";
import {
  COHORT_SQL,
  EVENT_COUNT_SQL,
  FIT_INPUT_SQL,
  NPS_TALLY_SQL,
  SCALE_AS_OF,
  SPEND_INPUT_SQL,
  SUMMARY_SQL,
  cohortTallyFromSql,
  loadIntoDuckDB,
  queryColumns,
  simulatePurchases,
  simulateSurvey,
} from "./_lib/scale.js";
import { heading, pct, table } from "./_lib/table.js";

const clock = () => performance.now();
const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
function check(label: string, ok: boolean): void {
  console.log(`${ok ? "✓" : "✗"} ${label}`);
  if (!ok) process.exitCode = 1;
}

console.log(heading("1. Simulate and load into DuckDB"));
let t0 = clock();
const purchases = simulatePurchases(1_000_000);
const survey = simulateSurvey(200_000);
console.log(
  `simulated ${purchases.customer.length.toLocaleString("en-US")} purchases by ${purchases.customers.toLocaleString("en-US")} customers and ${survey.score.length.toLocaleString("en-US")} answers (${ms(t0)})`,
);
const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
const con = await instance.connect();
t0 = clock();
await loadIntoDuckDB(con, purchases, survey);
console.log(`loaded into DuckDB tables transactions, responses (${ms(t0)})`);

console.log(heading("2. Per-customer summaries in SQL (weeks)"));
t0 = clock();
await con.run(`CREATE TABLE customer_summaries AS ${SUMMARY_SQL}`);
const sql = await queryColumns(con, "SELECT * FROM customer_summaries ORDER BY customer_id");
console.log(`SQL: ${sql["customer_id"]?.length.toLocaleString("en-US")} summaries (${ms(t0)})`);
t0 = clock();
const js = summarizeTransactionColumns(
  { customer: purchases.customer, day: purchases.day, amount: purchases.amount },
  { asOf: SCALE_AS_OF, unit: "week" },
);
console.log(`in-process summarizeTransactionColumns: ${js.customer.length.toLocaleString("en-US")} summaries (${ms(t0)})`);
console.log(
  table(
    [0, 1, 2, 3, 4].map((i) => ({
      customer: sql["customer_id"]?.[i],
      frequency: sql["frequency"]?.[i],
      recency: sql["recency"]?.[i],
      T: sql["T"]?.[i],
      monetary: sql["monetary_value"]?.[i],
      "in-process": `${js.frequency[i]} / ${js.recency[i]} / ${js.T[i]} / ${(js.monetaryValue as Float64Array)[i]}`,
    })),
  ),
);
let same = sql["customer_id"]?.length === js.customer.length;
for (let i = 0; same && i < js.customer.length; i++) {
  same =
    sql["customer_id"]?.[i] === js.customer[i] &&
    sql["frequency"]?.[i] === js.frequency[i] &&
    sql["recency"]?.[i] === js.recency[i] &&
    sql["T"]?.[i] === js.T[i] &&
    sql["monetary_value"]?.[i] === (js.monetaryValue as Float64Array)[i];
}
check("SQL summaries are identical to the in-process ones for every customer", same);

const fitInput = await queryColumns(con, FIT_INPUT_SQL);
const spendInput = await queryColumns(con, SPEND_INPUT_SQL);
console.log(
  `\nfit input: ${purchases.customers.toLocaleString("en-US")} customers → ${fitInput["weight"]?.length.toLocaleString("en-US")} weighted (frequency, recency, T) rows; ` +
    `spend input: ${spendInput["weight"]?.length.toLocaleString("en-US")} rows`,
);

t0 = clock();
const bgnbd = fitBetaGeoNbd({
  frequency: fitInput["frequency"] as number[],
  recency: fitInput["recency"] as number[],
  T: fitInput["T"] as number[],
  weight: fitInput["weight"] as number[],
});
const gg = fitGammaGamma({
  frequency: spendInput["frequency"] as number[],
  monetaryValue: spendInput["monetary_value"] as number[],
  weight: spendInput["weight"] as number[],
});
console.log(`fits on the SQL rows (${ms(t0)}):`);
console.log(
  table([
    {
      model: "BG/NBD (weeks)",
      params: Object.entries(bgnbd.params)
        .map(([k, v]) => `${k} = ${v.toFixed(4)}`)
        .join(", "),
      "log-lik": bgnbd.logLikelihood,
      converged: bgnbd.diagnostics.converged,
    },
    {
      model: "Gamma-Gamma",
      params: Object.entries(gg.params)
        .map(([k, v]) => `${k} = ${v.toFixed(4)}`)
        .join(", "),
      "log-lik": gg.logLikelihood,
      converged: gg.diagnostics.converged,
    },
  ]),
);
const direct1 = fitBetaGeoNbd({ frequency: js.frequency, recency: js.recency, T: js.T });
const worst = Math.max(...(["r", "alpha", "a", "b"] as const).map((k) => Math.abs(direct1.params[k] / bgnbd.params[k] - 1)));
check(
  `BG/NBD on all ${js.customer.length.toLocaleString("en-US")} in-process rows agrees (largest relative difference ${worst.toExponential(1)}: summation order only)`,
  worst < 1e-9,
);

console.log(heading("3. NPS tallies per region in SQL, merged"));
const npsRows = await queryColumns(con, NPS_TALLY_SQL);
const tallies = (npsRows["region"] as string[]).map((_, i) => ({
  promoters: npsRows["promoters"]?.[i] as number,
  passives: npsRows["passives"]?.[i] as number,
  detractors: npsRows["detractors"]?.[i] as number,
}));
console.log(
  table(
    (npsRows["region"] as string[]).map((region, i) => {
      const r = nps(tallies[i] as NpsTally | { promoters: number; passives: number; detractors: number });
      return {
        region,
        n: r.n,
        promoters: r.promoters,
        detractors: r.detractors,
        NPS: r.score,
        "95% CI": `${r.confidenceInterval[0].toFixed(1)} … ${r.confidenceInterval[1].toFixed(1)}`,
      };
    }),
  ),
);
const merged = nps(mergeNpsTallies(...tallies));
const direct = nps(survey.score);
console.log(
  `\noverall from merged SQL tallies: NPS ${merged.score.toFixed(2)} (n = ${merged.n.toLocaleString("en-US")}), 95% CI ${merged.confidenceInterval.map((x) => x.toFixed(2)).join(" … ")}`,
);
check(
  "identical to nps() over all 200,000 answers in process",
  merged.score === direct.score &&
    merged.standardError === direct.standardError &&
    merged.confidenceInterval.every((x, i) => x === direct.confidenceInterval[i]),
);

console.log(heading("4. Cohort counts in SQL → cohort retention table"));
const cohortRows = await queryColumns(con, COHORT_SQL);
const counts = await queryColumns(con, EVENT_COUNT_SQL);
const tally = cohortTallyFromSql(cohortRows, {
  events: counts["events"]?.[0] as number,
  ignoredEvents: counts["ignored_events"]?.[0] as number,
});
const cohorts = cohortRetention(tally, { asOf: SCALE_AS_OF });
const at = (row: { retention: readonly (number | null)[] }, age: number) => {
  const v = row.retention[age];
  return v === null || v === undefined ? "–" : pct(v);
};
console.log(
  table(
    cohorts.cohorts.map((c) => ({
      cohort: c.cohort,
      size: c.size,
      "month 1": at(c, 1),
      "month 3": at(c, 3),
      "month 6": at(c, 6),
      "month 12": at(c, 12),
      "month 18": at(c, 18),
    })),
  ),
);
const inProcess = cohortRetention(
  { customerIds: purchases.customer, days: purchases.day },
  { period: "month", asOf: SCALE_AS_OF },
);
check("identical to cohortRetention() on the 1,000,000 raw rows", JSON.stringify(inProcess) === JSON.stringify(cohorts));
console.log(`(cohorts start ${fromDayNumber(periodStart(tally.cohorts[0]?.periodIndex ?? 0, "month"))}; asOf ${SCALE_AS_OF})`);

/**
 * Starts a worker on a TypeScript module through tsx's API (this example runs
 * from source). An application would simply do `new Worker(new URL("./nps-worker.js", import.meta.url), { workerData })`.
 */
function startWorker(file: URL, workerData: unknown): Worker {
  const code = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(file.href)}))`;
  return new Worker(code, { eval: true, workerData });
}

console.log(heading("5. The same merge across two worker threads"));
t0 = clock();
const shared = new Uint8Array(new SharedArrayBuffer(survey.score.length));
shared.set(survey.score);
const parts = 2;
const workerTallies = await Promise.all(
  Array.from(
    { length: parts },
    (_, k) =>
      new Promise<NpsTally>((resolve, reject) => {
        const from = Math.floor((k * shared.length) / parts);
        const to = Math.floor(((k + 1) * shared.length) / parts);
        const worker = startWorker(new URL("./_lib/nps-worker.ts", import.meta.url), { shared, from, to });
        worker.once("message", (t: NpsTally) => {
          resolve(t);
          void worker.terminate();
        });
        worker.once("error", reject);
      }),
  ),
);
const fromWorkers = nps(mergeNpsTallies(...workerTallies));
console.log(
  table(
    workerTallies.map((t, k) => ({
      worker: k + 1,
      n: t.n,
      promoters: t.promoters,
      passives: t.passives,
      detractors: t.detractors,
    })),
  ),
);
check(
  `merged worker tallies give NPS ${fromWorkers.score.toFixed(2)}, identical to the single-thread result (${ms(t0)})`,
  fromWorkers.score === direct.score && fromWorkers.confidenceInterval.every((x, i) => x === direct.confidenceInterval[i]),
);

con.closeSync();
instance.closeSync();
