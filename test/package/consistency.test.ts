import { readdirSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AREAS } from "../../scripts/areas.js";
import tsupConfig from "../../tsup.config.js";

// STYLE.md §13: package.json#exports, tsup entries, typedoc entry points and the
// src/*/index.ts barrels must list the same areas.
const root = new URL("../../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as {
  exports: Record<string, unknown>;
  sideEffects: boolean;
  files: string[];
  peerDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const typedoc = JSON.parse(readFileSync(new URL("typedoc.json", root), "utf8")) as { entryPoints: string[] };
const srcDirs = readdirSync(new URL("src/", root)).filter((d) => statSync(new URL(`src/${d}`, root)).isDirectory());

describe("package consistency", () => {
  it("exports one subpath per area plus the root", () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json");
    expect(subpaths.sort()).toEqual(AREAS.map((a) => `./${a}`).sort());
    for (const a of AREAS) {
      expect(pkg.exports[`./${a}`]).toEqual({
        import: { types: `./dist/${a}/index.d.ts`, default: `./dist/${a}/index.js` },
        require: { types: `./dist/${a}/index.d.cts`, default: `./dist/${a}/index.cjs` },
      });
    }
  });
  it("builds, documents and has a barrel for every area", () => {
    const cfg = tsupConfig as unknown as { entry: Record<string, string> };
    expect(Object.keys(cfg.entry).sort()).toEqual(["index", ...AREAS.map((a) => `${a}/index`)].sort());
    expect([...typedoc.entryPoints].sort()).toEqual(["src/index.ts", ...AREAS.map((a) => `src/${a}/index.ts`)].sort());
    expect(srcDirs.sort()).toEqual([...AREAS].sort());
    const rootBarrel = readFileSync(new URL("src/index.ts", root), "utf8");
    for (const a of AREAS) expect(rootBarrel).toContain(`export * from "./${a}/index.js";`);
  });
  it("is tree-shakeable, ships only dist, and keeps zod a peer", () => {
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toEqual(["dist"]);
    expect(Object.keys(pkg.peerDependencies)).toEqual(["zod"]);
    expect(Object.keys(pkg.dependencies)).toEqual(["decimal.js"]);
    expect(pkg.scripts["install"] ?? pkg.scripts["postinstall"] ?? pkg.scripts["preinstall"]).toBeUndefined();
  });
});

describe("src/ is portable", () => {
  // DESIGN.md principle 1: no I/O, no Node built-ins, no clock, no eval in src/.
  const files: string[] = [];
  const walk = (dir: URL): void => {
    for (const name of readdirSync(dir)) {
      const u = new URL(name, dir);
      if (statSync(u).isDirectory()) walk(new URL(`${name}/`, dir));
      else if (name.endsWith(".ts")) files.push(u.pathname);
    }
  };
  walk(new URL("src/", root));
  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });
  it.each(files.map((f) => [f.slice(f.indexOf("/src/") + 1)]))("%s uses no Node built-ins, clock or eval", (rel) => {
    const code = readFileSync(new URL(rel, root), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code).not.toMatch(/from\s+["'](node:|fs|path|os|crypto|child_process|worker_threads|url|util|buffer|stream)["']/);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname|__filename/);
    expect(code).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
    expect(code).not.toMatch(/Date\.now\s*\(|new\s+Date\s*\(\s*\)|Math\.random\s*\(/);
  });
});
