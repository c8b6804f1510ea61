import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src/", import.meta.url));

/**
 * Integration tests kept out of the default `npm test` (a newcomer's machine has
 * no Chromium, and the scale test loads 1M rows into DuckDB). .ci/run runs both:
 *   npm run test:browser   headless Chromium via playwright-core (/usr/bin/chromium)
 *   npm run test:scale     1M transactions through DuckDB vs the in-process path
 * In CI each writes its own JSON report (never the unit suite's vitest.json).
 */
const argv = process.argv;
const at = argv.indexOf("--project");
const project =
  argv.find((a) => a.startsWith("--project="))?.slice("--project=".length) ??
  (at >= 0 ? argv[at + 1] : undefined) ??
  "integration";
const reporters: (string | [string, Record<string, unknown>])[] = process.env["CI"]
  ? ["default", ["json", { outputFile: `.ci-output/vitest-${project}.json` }]]
  : ["default"];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^customer-metrics$/, replacement: `${src}index.ts` },
      { find: /^customer-metrics\/(.+)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    reporters,
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: { name: "browser", include: ["test/browser/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: "scale", include: ["test/scale/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 300_000 },
      },
    ],
  },
});
