/**
 * Runs every example script (examples/*.ts, and the demo) in its own process
 * and fails if any exits non-zero. CI runs this, so examples break loudly.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const dir = new URL("../examples/", import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .sort();
let failed = 0;
for (const f of files) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", new URL(f, dir).pathname], { encoding: "utf8" });
  const ms = (performance.now() - t0).toFixed(0);
  if (r.status === 0) console.log(`ok   examples/${f} (${ms} ms)`);
  else {
    failed++;
    console.log(`FAIL examples/${f} (exit ${r.status})\n${r.stdout}\n${r.stderr}`);
  }
}
console.log(`${files.length - failed} examples passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
