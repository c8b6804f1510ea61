#!/usr/bin/env bash
# Packs the library, installs the tarball into a scratch project and imports
# every subpath from ESM and from CJS, and type-checks the imports (node16 and
# bundler resolution). Run after `npm run build`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/.tmp/smoke"
rm -rf "$work" && mkdir -p "$work"
cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
areas="$(node -e 'const p=require("./package.json");console.log(Object.keys(p.exports).filter(k=>k!=="./package.json").map(k=>k==="."?"":k.slice(2)).join(" "))')"
zodv="$(node -p 'require("./node_modules/zod/package.json").version')"
cd "$work"
cat > package.json <<JSON
{ "name": "smoke", "private": true, "version": "0.0.0" }
JSON
npm install --no-audit --no-fund --silent "./$tarball" "zod@$zodv" >/dev/null
# ESM
{
  echo 'import assert from "node:assert/strict";'
  for a in $areas; do
    spec="customer-metrics${a:+/$a}"; id="m_${a:-root}"
    echo "import * as $id from \"$spec\";"
    echo "assert.ok(Object.keys($id).length > 0, \"$spec exports nothing\");"
  done
  echo 'import { convertRate, money, isMetricsError } from "customer-metrics/core";'
  echo 'assert.equal(convertRate(0.5, { from: "month", to: "month" }), 0.5);'
  echo 'assert.equal(money("0.1").plus("0.2").toString(), "0.3");'
  echo 'try { money("x"); assert.fail("no throw"); } catch (e) { assert.ok(isMetricsError(e)); }'
  echo 'console.log("esm ok");'
} > esm.mjs
# CJS
{
  echo 'const assert = require("node:assert/strict");'
  for a in $areas; do
    spec="customer-metrics${a:+/$a}"
    echo "assert.ok(Object.keys(require(\"$spec\")).length > 0, \"$spec exports nothing (cjs)\");"
  done
  echo 'const core = require("customer-metrics/core");'
  echo 'assert.equal(core.roundMoney("2.345").toString(), "2.34");'
  echo 'const esmErr = (() => { try { core.money("x"); } catch (e) { return e; } })();'
  echo 'assert.equal(esmErr.name, "MetricsError");'
  echo 'console.log("cjs ok");'
} > cjs.cjs
node esm.mjs
node cjs.cjs
# Types: every subpath resolves with its declarations under node16 (ESM and CJS) and bundler resolution.
{
  for a in $areas; do
    spec="customer-metrics${a:+/$a}"; id="t_${a:-root}"
    echo "import * as $id from \"$spec\";"
    echo "export const k_${a:-root}: string[] = Object.keys($id);"
  done
  echo 'import { convertRate } from "customer-metrics/core";'
  echo 'export const r: number = convertRate(0.05, { from: "month", to: "year" });'
  echo '// @ts-expect-error: options are required and typed'
  echo 'convertRate(0.05);'
} > types.mts
cp types.mts types.cts.tmp && sed 's/^import \* as \(t_[a-z]*\) from \("[^"]*"\);/import \1 = require(\2);/' types.cts.tmp > types.cts && rm types.cts.tmp
tsc="$root/node_modules/.bin/tsc"
"$tsc" --ignoreConfig --noEmit --strict --module node16 --moduleResolution node16 --target es2022 --skipLibCheck false --types node --typeRoots "$root/node_modules/@types" types.mts types.cts
"$tsc" --ignoreConfig --noEmit --strict --module esnext --moduleResolution bundler --target es2022 types.mts
echo "types ok"
echo "smoke: packed $(basename "$tarball"), installed, imported the root and $(echo $areas | wc -w) area subpaths from ESM and CJS, types resolve"
