import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { AREAS } from "../../scripts/areas.js";

// STYLE.md §0: importing only calculators must not drag zod (~450 KB) into a
// consumer's bundle. For each area, bundle every export that is not a schema or
// a parse helper, minified with tree-shaking, and check that no zod code remains.
const root = fileURLToPath(new URL("../../", import.meta.url));
const isSchemaExport = (name: string): boolean => /Schema$/.test(name) || /^parse[A-Z]/.test(name);

describe("tree-shaking: calculators do not pull in zod", () => {
  for (const area of AREAS) {
    it(area, async () => {
      const mod = (await import(`../../src/${area}/index.ts`)) as Record<string, unknown>;
      const names = Object.keys(mod).filter((n) => !isSchemaExport(n));
      expect(names.length).toBeGreaterThan(0);
      const result = await build({
        stdin: {
          contents: `export { ${names.join(", ")} } from "./src/${area}/index.ts";`,
          resolveDir: root,
          loader: "ts",
        },
        bundle: true,
        write: false,
        minify: true,
        treeShaking: true,
        format: "esm",
        platform: "neutral",
        mainFields: ["module", "main"],
        logLevel: "silent",
      });
      const code = result.outputFiles[0]?.text ?? "";
      // zod 4 core markers that survive minification.
      expect(code.includes("$ZodType") || code.includes("ZodError") || code.includes("_zod")).toBe(false);
    });
  }
});
