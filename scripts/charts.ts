/**
 * `npm run charts`: renders every chart of the catalogue
 * (examples/_lib/charts/) to docs/charts/<id>.svg with vega-lite + vega in
 * Node (no browser, no canvas). The guides embed these files.
 *
 *   npm run charts              regenerate all SVGs (and delete stale ones)
 *   npm run charts -- --check   fail if a committed SVG differs from a fresh render
 *   npm run charts -- nps-trend render only the named charts
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { CHARTS } from "../examples/_lib/charts/index.js";
import { renderSvg } from "../examples/_lib/vega.js";

const outDir = new URL("../docs/charts/", import.meta.url);
const args = process.argv.slice(2);
const check = args.includes("--check");
const only = args.filter((a) => !a.startsWith("--"));

const unknown = only.filter((id) => !CHARTS.some((c) => c.id === id));
if (unknown.length > 0) {
  console.error(`unknown chart id(s): ${unknown.join(", ")}; known: ${CHARTS.map((c) => c.id).join(", ")}`);
  process.exit(2);
}

mkdirSync(outDir, { recursive: true });
let problems = 0;
const expected = new Set<string>();
for (const chart of CHARTS) {
  expected.add(`${chart.id}.svg`);
  if (only.length > 0 && !only.includes(chart.id)) continue;
  const t0 = performance.now();
  const svg = await renderSvg(await chart.spec());
  const file = new URL(`${chart.id}.svg`, outDir);
  const ms = (performance.now() - t0).toFixed(0);
  if (check) {
    const current = existsSync(file) ? readFileSync(file, "utf8") : null;
    if (current !== svg) {
      problems++;
      console.log(`stale  docs/charts/${chart.id}.svg (${current === null ? "missing" : "differs"}): run \`npm run charts\``);
    } else console.log(`ok     docs/charts/${chart.id}.svg`);
  } else {
    writeFileSync(file, svg);
    console.log(`wrote  docs/charts/${chart.id}.svg (${(svg.length / 1024).toFixed(1)} KiB, ${ms} ms) for ${chart.guide}`);
  }
}
if (only.length === 0) {
  for (const f of readdirSync(outDir)) {
    if (!f.endsWith(".svg") || expected.has(f)) continue;
    if (check) {
      problems++;
      console.log(`extra  docs/charts/${f} (no chart in the catalogue): run \`npm run charts\``);
    } else {
      rmSync(new URL(f, outDir));
      console.log(`removed docs/charts/${f} (no longer in the catalogue)`);
    }
  }
}
console.log(`${CHARTS.length} charts in the catalogue${check ? `, ${problems} stale` : ""}`);
process.exit(problems === 0 ? 0 : 1);
