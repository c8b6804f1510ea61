/**
 * `npm run demo -- --html report.html` writes one self-contained page; opened
 * in headless Chromium it must render every section and chart without a single
 * console error, page error or network request.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHARTS } from "../../examples/_lib/charts/index.js";
import type { DemoSection } from "../../examples/_lib/section.js";
import { launchChromium, watchPage } from "./_chromium.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const demoFiles = readdirSync(join(root, "examples", "demo"))
  .filter((f) => f.endsWith(".ts"))
  .sort();

/** Chart ids the page must contain: each section's own charts, or else the catalogue's for its area. */
async function expectedChartIds(): Promise<string[]> {
  const ids: string[] = [];
  for (const f of demoFiles) {
    const { section } = (await import(pathToFileURL(join(root, "examples", "demo", f)).href)) as { section: DemoSection };
    const own = section.charts ? await section.charts() : [];
    const area = /^\d+-([a-z]+)/.exec(f)?.[1] ?? "";
    ids.push(...(own.length > 0 ? own.map((c) => c.id) : CHARTS.filter((c) => c.area === area).map((c) => c.id)));
  }
  return ids;
}

describe("demo --html report in headless Chromium", () => {
  let dir = "";
  let file = "";
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cm-report-"));
    file = join(dir, "report.html");
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "examples", "demo.ts"), "--html", file], {
      cwd: root,
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`demo --html failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is self-contained: no script, no external URL", () => {
    const html = readFileSync(file, "utf8");
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\((?!#)/i);
  });

  it("renders every section and chart with no console error", async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1100, height: 900 } });
    const problems = watchPage(page);
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const summary = await page.evaluate(() => ({
      title: document.title,
      sections: [...document.querySelectorAll("main section h2")].map((h) => h.textContent ?? ""),
      pres: [...document.querySelectorAll("main section pre")].map((p) => (p.textContent ?? "").length),
      charts: [...document.querySelectorAll("main figure")].map((f) => {
        const svg = f.querySelector("svg");
        const box = svg?.getBoundingClientRect();
        return {
          id: f.id,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: svg ? svg.querySelectorAll("path, rect, line, text").length : 0,
        };
      }),
      ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
    }));
    await page.close();

    expect(problems.errors).toEqual([]);
    expect(summary.title).toBe("Customer health report");
    expect(summary.sections).toHaveLength(demoFiles.length);
    expect(summary.pres.every((n) => n > 0)).toBe(true);
    // Every expected chart is in the page, in order, drawn with real size.
    expect(summary.charts.map((x) => x.id)).toEqual((await expectedChartIds()).map((id) => `chart-${id}`));
    for (const c of summary.charts) {
      expect(c.width, c.id).toBeGreaterThan(100);
      expect(c.height, c.id).toBeGreaterThan(50);
      expect(c.marks, c.id).toBeGreaterThan(10);
    }
    // Inline SVG ids were scoped per chart: none repeats in the page.
    expect(new Set(summary.ids).size).toBe(summary.ids.length);
  });
});
