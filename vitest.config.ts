import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src/", import.meta.url));

// In CI also write a JSON report, from which .ci/run prints "N passed, N failed".
const reporters: (string | [string, Record<string, unknown>])[] = process.env["CI"]
  ? ["default", ["json", { outputFile: ".ci-output/vitest.json" }]]
  : ["default"];

export default defineConfig({
  resolve: {
    // Tests, doc examples and guides import the public subpaths; map them to src/.
    alias: [
      { find: /^customer-metrics$/, replacement: `${src}index.ts` },
      { find: /^customer-metrics\/(.+)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    reporters,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          setupFiles: ["test/helpers/setup.ts"],
          // Headless-Chromium and DuckDB tests need a browser / 1M rows: they run in CI
          // (`npm run test:browser`, `npm run test:scale`, vitest.integration.config.ts).
          exclude: ["test/browser/**", "test/scale/**", "**/node_modules/**"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "types",
          include: ["test/**/*.test-d.ts"],
          typecheck: { enabled: true, only: true, tsconfig: "./tsconfig.json" },
        },
      },
    ],
  },
});
