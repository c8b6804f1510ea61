import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  extractMarkdownExamples,
  extractSourceExamples,
  guideFiles,
  toTestModule,
  type ExtractedExample,
} from "../../scripts/extract-examples.js";

// Every `@example` in src/ and every ```ts block in the guides runs here, so docs cannot rot.
const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = join(root, "test", ".generated");
const helper = join(root, "test", "helpers", "docExample.ts");

function prepare(kind: string, examples: readonly ExtractedExample[]): { name: string; path: string }[] {
  const dir = join(outDir, kind);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out: { name: string; path: string }[] = [];
  examples.forEach((ex, i) => {
    const code = toTestModule(ex, helper);
    if (code === null) return;
    const path = join(dir, `${String(i).padStart(4, "0")}.ts`);
    writeFileSync(path, code);
    out.push({ name: `${ex.file}:${ex.line}`, path });
  });
  return out;
}

const sourceExamples = extractSourceExamples(root);
const guideExamples = extractMarkdownExamples(root, guideFiles(root));

describe("doc-comment @example blocks", () => {
  it("exist (the extractor finds them)", () => {
    expect(sourceExamples.length).toBeGreaterThan(10);
  });
  for (const { name, path } of prepare("src", sourceExamples)) {
    it(name, async () => {
      await import(path);
    });
  }
});

describe("guide code blocks", () => {
  for (const { name, path } of prepare("guides", guideExamples)) {
    it(name, async () => {
      await import(path);
    });
  }
});
