/**
 * The BUILT ESM output (dist/, from `npm run build`) works in a browser: a page
 * bundled with esbuild imports several public subpaths from dist/, runs in
 * headless Chromium, and computes the same results as Node does from src/.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AREAS } from "../../scripts/areas.js";
import { compute, type PageResults } from "./page/compute.js";
import { launchChromium, watchPage } from "./_chromium.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = join(root, "dist");

/**
 * Floats agree to 1e-12 relative (the same code on two V8 builds, whose Math.exp/log/pow may
 * differ in the last bit); standard errors of fits to 1e-8, because they come from a
 * finite-difference Hessian that amplifies last-bit differences. Integers, booleans and strings
 * must match exactly.
 */
function expectSame(browser: unknown, node: unknown, path = "results"): void {
  if (typeof node === "number" && typeof browser === "number" && !Number.isInteger(node)) {
    const tol = /standardErrors/.test(path) ? 1e-8 : 1e-12;
    expect(Math.abs(browser - node), `${path}: browser ${browser} vs node ${node}`).toBeLessThanOrEqual(
      tol * Math.max(1, Math.abs(node)),
    );
    return;
  }
  if (node !== null && typeof node === "object") {
    expect(browser !== null && typeof browser === "object", `${path} is an object in the browser`).toBe(true);
    const b = browser as Record<string, unknown>;
    const n = node as Record<string, unknown>;
    expect(Object.keys(b).sort(), `${path} keys`).toEqual(Object.keys(n).sort());
    for (const k of Object.keys(n)) expectSame(b[k], n[k], `${path}.${k}`);
    return;
  }
  expect(browser, path).toEqual(node);
}

describe("dist/ ESM in headless Chromium", () => {
  let browser: Browser | undefined;
  let bundle = "";
  let inputs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(dist, "index.js")))
      throw new Error("dist/ is missing: run `npm run build` first (.ci/run builds before this test)");
    // customer-metrics/<area> → dist/<area>/index.js (the built ESM, not src/).
    const alias: Record<string, string> = { "customer-metrics": join(dist, "index.js") };
    for (const area of AREAS) alias[`customer-metrics/${area}`] = join(dist, area, "index.js");
    const result = await build({
      entryPoints: [join(root, "test", "browser", "page", "entry.ts")],
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      target: "es2022",
      alias,
      metafile: true,
      logLevel: "silent",
    });
    bundle = result.outputFiles[0]?.text ?? "";
    inputs = Object.keys((result.metafile as Metafile).inputs).map((p) => relative(root, join(root, p)));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("bundles from dist/ only (no src/, no Node built-in)", () => {
    const lib = inputs.filter((p) => !p.startsWith("test/browser/page/") && !p.startsWith("node_modules/"));
    expect(lib.length).toBeGreaterThan(0);
    expect(lib.filter((p) => !p.startsWith("dist/"))).toEqual([]);
    expect(bundle).not.toMatch(/from\s*["']node:/);
  });

  it("computes the same results in the page as in Node", async () => {
    const page = await (browser as Browser).newPage();
    const problems = watchPage(page);
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><title>customer-metrics in the browser</title></head><body></body></html>`,
    );
    await page.addScriptTag({ content: bundle, type: "module" });
    await page.waitForFunction(() => {
      const w = globalThis as unknown as { __results?: unknown; __error?: string };
      return w.__results !== undefined || w.__error !== undefined;
    });
    const out = await page.evaluate(() => {
      const w = globalThis as unknown as { __results?: unknown; __error?: string; navigator: { userAgent: string } };
      return { results: w.__results, error: w.__error, ua: w.navigator.userAgent };
    });
    await page.close();
    expect(out.error).toBeUndefined();
    expect(out.ua).toMatch(/HeadlessChrome/);
    expect(problems.errors).toEqual([]);
    const node: PageResults = compute();
    // The computation is not trivial: a real NPS, a real curve, a converged fit.
    const n = node as { nps: { n: number }; kaplanMeier: { steps: unknown[] }; bgNbd: { converged: boolean; customers: number } };
    expect(n.nps.n).toBe(5000);
    expect(n.kaplanMeier.steps.length).toBeGreaterThan(5);
    expect(n.bgNbd.converged).toBe(true);
    expect(n.bgNbd.customers).toBe(2000);
    expectSame(out.results, JSON.parse(JSON.stringify(node)));
  });
});
