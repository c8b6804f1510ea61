import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One reference case: named float64 inputs (exact, from repr()) and the mpmath value (40 digits). */
export interface FixtureCase {
  readonly args: Record<string, number>;
  readonly value: number;
  readonly label: string;
}

/**
 * Loads test/fixtures/math/<name>.json, written by test/fixtures/math/generate.py
 * (mpmath 1.3.0; see test/fixtures/math/README.md).
 */
export function loadFixture(name: string): FixtureCase[] {
  const url = new URL(`../fixtures/math/${name}.json`, import.meta.url);
  const data = JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as { cases: Record<string, string>[] };
  return data.cases.map((c) => {
    const args: Record<string, number> = {};
    for (const [k, v] of Object.entries(c)) if (k !== "value") args[k] = Number(v);
    const label = `${name}(${Object.values(args).join(", ")})`;
    return { args, value: Number(c["value"]), label };
  });
}

/** Loads a free-form JSON fixture from test/fixtures/math/. */
export function loadJson<T>(name: string): T {
  const url = new URL(`../fixtures/math/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as T;
}
