/** Shared test helpers for the btyd tests: the published datasets (never committed) and fixtures. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const repo = fileURLToPath(new URL("../../", import.meta.url));
export const dataDir = process.env["CUSTOMER_METRICS_DATA"] ?? join(repo, "..", "shared", "data");
export const hasCdnow = existsSync(join(dataDir, "cdnow_customers_summary.csv")) && existsSync(join(dataDir, "CDNOW_sample.txt"));
export const hasDonations = existsSync(join(dataDir, "donations.csv"));
if (!hasCdnow || !hasDonations) {
  console.warn(
    `btyd tests: published datasets not found in ${dataDir} (set CUSTOMER_METRICS_DATA); CDNOW/donations reference tests are SKIPPED`,
  );
}

export function readCsv(name: string): number[][] {
  return readFileSync(join(dataDir, name), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(",").map(Number));
}

/** CDNOW 39-week calibration summary (Fader, Hardie & Lee 2005): rows { frequency, recency, T } in weeks. */
export function cdnowSummary(): { frequency: number; recency: number; T: number }[] {
  return readCsv("cdnow_customers_summary.csv").map(([, x, tx, T]) => ({
    frequency: x as number,
    recency: tx as number,
    T: T as number,
  }));
}

/** CDNOW_sample.txt as transactions { customerId, at, amount }. */
export function cdnowTransactions(): { customerId: number; at: string; amount: number }[] {
  return readFileSync(join(dataDir, "CDNOW_sample.txt"), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((l) => {
      const p = l.trim().split(/\s+/);
      const d = p[2] as string;
      return { customerId: Number(p[1]), at: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, amount: Number(p[4]) };
    });
}

export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(repo, "test", "fixtures", "btyd", name), "utf8")) as T;
}
