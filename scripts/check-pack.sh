#!/usr/bin/env bash
# The published tarball holds only what users need: dist/, package.json, README, LICENSE, CHANGELOG.
set -euo pipefail
cd "$(dirname "$0")/.."
files="$(npm pack --dry-run --json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const f of JSON.parse(s)[0].files)console.log(f.path)})')"
bad="$(echo "$files" | grep -Ev '^(dist/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)' || true)"
if [ -n "$bad" ]; then echo "unexpected files in the package:"; echo "$bad"; exit 1; fi
echo "$files" | grep -q '^dist/index.js$' || { echo "dist/index.js missing from the package (run npm run build)"; exit 1; }
size="$(npm pack --dry-run --json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].unpackedSize))')"
echo "package: $(echo "$files" | wc -l) files, $size bytes unpacked"
