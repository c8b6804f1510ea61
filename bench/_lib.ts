/**
 * Shared benchmark harness (tinybench). Each `bench/<suite>.bench.ts` calls
 * `runSuite` once; results go to `bench/results/<suite>.json`, and
 * `bench/run.ts` turns all result files into `docs/performance.md`.
 * Benchmarks are never unit tests: nothing here asserts a time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { Bench } from "tinybench";

export interface BenchCase {
  /** What is measured, e.g. "npsTally: 10M scores (Uint8Array)". */
  readonly name: string;
  /** The work; its return value is kept so it cannot be optimised away. */
  readonly fn: () => unknown;
  /** Mark naive baselines measured in the same run for comparison. */
  readonly baseline?: boolean;
  /** The target from the issue, e.g. "≤ 20 ms", shown in the table. */
  readonly target?: string;
}

export interface BenchRow {
  readonly name: string;
  readonly baseline: boolean;
  readonly target: string | null;
  readonly medianMs: number;
  readonly p75Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly rmePercent: number;
  readonly samples: number;
}

export interface SuiteResult {
  readonly suite: string;
  readonly title: string;
  readonly method: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string; readonly platform: string };
  readonly date: string;
  readonly rows: readonly BenchRow[];
}

let sink: unknown;

/**
 * Runs the cases (each at least `minSamples` times and for at least `timeMs`),
 * prints a table and writes `bench/results/<suite>.json`.
 */
export async function runSuite(
  suite: string,
  title: string,
  cases: readonly BenchCase[],
  options: { timeMs?: number; minSamples?: number; method?: string } = {},
): Promise<SuiteResult> {
  const timeMs = options.timeMs ?? 1500;
  const minSamples = options.minSamples ?? 10;
  const bench = new Bench({ time: timeMs, iterations: minSamples, warmupIterations: 2, warmupTime: 100 });
  for (const c of cases)
    bench.add(c.name, () => {
      sink = c.fn();
    });
  await bench.run();
  const rows: BenchRow[] = bench.tasks.map((t, i) => {
    const c = cases[i] as BenchCase;
    const r = t.result as unknown as {
      latency?: { p50: number; p75: number; min: number; max: number; rme: number; samplesCount?: number };
    };
    const lat = r.latency;
    if (!lat) throw new Error(`benchmark ${c.name} produced no result (did it throw?)`);
    return {
      name: c.name,
      baseline: c.baseline ?? false,
      target: c.target ?? null,
      medianMs: lat.p50,
      p75Ms: lat.p75,
      minMs: lat.min,
      maxMs: lat.max,
      rmePercent: lat.rme,
      samples: lat.samplesCount ?? 0,
    };
  });
  const cpu = cpus()[0]?.model ?? "unknown";
  const result: SuiteResult = {
    suite,
    title,
    method:
      options.method ??
      `tinybench 6, ≥ ${minSamples} samples and ≥ ${timeMs} ms per case after warm-up; inputs built once outside the timed function from seeded simulators.`,
    machine: { cpu, cores: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}` },
    date: new Date().toISOString().slice(0, 10),
    rows,
  };
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL(`./results/${suite}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${title}`);
  console.table(
    rows.map((r) => ({
      case: r.name,
      "median ms": r.medianMs.toFixed(3),
      "p75 ms": r.p75Ms.toFixed(3),
      "±%": r.rmePercent.toFixed(1),
      samples: r.samples,
      target: r.target ?? "",
    })),
  );
  if (sink === Symbol.for("never")) console.log(sink);
  return result;
}
