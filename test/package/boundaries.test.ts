import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The import rules of docs/architecture.md ("Import rules"):
//  1. no file imports another area's `_internal/` (an area is a top-level folder of src/);
//  2. no `_internal` file imports a value (not only types) from a public file of its own area;
//  3. core/ imports no other folder; math/ imports only core/.
// KNOWN_VALUE_IMPORTS lists the rule-2 imports that remain from before the rule; the list may only
// shrink: an entry that is no longer needed fails the test, so it cannot go stale.
const KNOWN_VALUE_IMPORTS = new Set([
  "src/btyd/_internal/dispatch.ts -> src/btyd/bgNbd/bgNbdPredictions.ts",
  "src/btyd/_internal/dispatch.ts -> src/btyd/paretoNbd/paretoNbdPredictions.ts",
  "src/math/_internal/incompleteGamma.ts -> src/math/logGamma.ts",
  "src/math/_internal/studentT.ts -> src/math/logBeta.ts",
  "src/math/_internal/studentT.ts -> src/math/regularizedBeta.ts",
  "src/nps/_internal/toTally.ts -> src/nps/npsTally.ts",
  "src/surveys/_internal/checkLoyaltyIndexTally.ts -> src/surveys/customerLoyaltyIndexTally.ts",
  "src/surveys/_internal/checkLoyaltyIndexTally.ts -> src/surveys/ratingTally.ts",
  "src/surveys/_internal/checkRatingTally.ts -> src/surveys/ratingTally.ts",
  "src/surveys/_internal/ratingMetric.ts -> src/surveys/ratingTally.ts",
]);

const root = fileURLToPath(new URL("../../", import.meta.url));
const files: string[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".ts")) files.push(relative(root, p));
  }
};
walk(join(root, "src"));

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

const IMPORT_RE = /^(?:import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+"(\.[^"]+)"/gm;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(join(root, file), "utf8");
  const out: Edge[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const names = m[2]!
      .replace(/[{}]/g, "")
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
    const typeOnly = m[1] !== undefined || (names.length > 0 && names.every((n) => n.startsWith("type ")));
    const to = normalize(join(dirname(file), m[3]!)).replace(/\.js$/, ".ts");
    out.push({ from: file, to, typeOnly });
  }
  return out;
}

const areaOf = (file: string): string => file.split("/")[1]!;
const isInternal = (file: string): boolean => file.split("/").includes("_internal");
const edges = files.flatMap(edgesOf);

describe("import boundaries", () => {
  it("reads the sources", () => {
    expect(files.length).toBeGreaterThan(150);
    expect(edges.length).toBeGreaterThan(500);
  });
  it("no file imports another area's _internal/", () => {
    const bad = edges.filter((e) => isInternal(e.to) && areaOf(e.to) !== areaOf(e.from)).map((e) => `${e.from} -> ${e.to}`);
    expect(bad).toEqual([]);
  });
  it("no _internal file imports a value from a public file of its area (beyond the shrinking list)", () => {
    const found = edges
      .filter((e) => isInternal(e.from) && !isInternal(e.to) && areaOf(e.to) === areaOf(e.from) && !e.typeOnly)
      .map((e) => `${e.from} -> ${e.to}`);
    const unknown = found.filter((f) => !KNOWN_VALUE_IMPORTS.has(f));
    const stale = [...KNOWN_VALUE_IMPORTS].filter((k) => !found.includes(k));
    expect(unknown).toEqual([]);
    expect(stale).toEqual([]);
  });
  it("core imports no other folder, math only core", () => {
    const bad = edges
      .filter((e) => e.to.startsWith("src/") && e.to.split("/").length > 2)
      .filter(
        (e) =>
          (areaOf(e.from) === "core" && areaOf(e.to) !== "core") ||
          (areaOf(e.from) === "math" && !["core", "math"].includes(areaOf(e.to))),
      )
      .map((e) => `${e.from} -> ${e.to}`);
    expect(bad).toEqual([]);
  });
});
