/**
 * Size budget per subpath: bundles each built ESM entry (dist/<area>/index.js, with
 * the dependencies zod and decimal.js left external), minifies it, and compares the
 * gzipped size with the budget in size-budget.json. Run after `npm run build`;
 * `--write` records the current sizes (+30% headroom) as the new budgets.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { AREAS } from "./areas.js";

const root = new URL("../", import.meta.url);
const budgetFile = new URL("size-budget.json", root);
const budgets = JSON.parse(readFileSync(budgetFile, "utf8")) as Record<string, number>;
const write = process.argv.includes("--write");
const entries = ["index", ...AREAS.map((a) => `${a}/index`)];
const rows: { subpath: string; minified: number; gzip: number; budget: number; ok: boolean }[] = [];
for (const e of entries) {
  const result = await build({
    entryPoints: [new URL(`dist/${e}.js`, root).pathname],
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "neutral",
    external: ["zod", "decimal.js"],
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzip = gzipSync(code).length;
  const subpath = e === "index" ? "." : `./${e.replace("/index", "")}`;
  const budget = write ? Math.ceil((gzip * 1.3) / 1024) * 1024 : (budgets[subpath] ?? 0);
  rows.push({ subpath, minified: code.length, gzip, budget, ok: gzip <= budget });
}
console.table(
  rows.map((r) => ({
    subpath: r.subpath,
    "min KB": (r.minified / 1024).toFixed(1),
    "gzip KB": (r.gzip / 1024).toFixed(1),
    "budget KB": (r.budget / 1024).toFixed(0),
    ok: r.ok,
  })),
);
if (write) {
  writeFileSync(budgetFile, `${JSON.stringify(Object.fromEntries(rows.map((r) => [r.subpath, r.budget])), null, 2)}\n`);
  console.log("wrote size-budget.json");
} else if (rows.some((r) => !r.ok)) {
  console.error(
    "size budget exceeded (or missing) for:",
    rows
      .filter((r) => !r.ok)
      .map((r) => r.subpath)
      .join(", "),
  );
  process.exit(1);
}
