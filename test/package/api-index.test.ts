import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderApiIndex } from "../../scripts/api-index.js";

// docs/api-index.md is the public API index (the contract's list of names): it must list exactly
// what the entry points export, with their doc summaries. Regenerate: npx tsx scripts/api-index.ts
describe("docs/api-index.md", () => {
  it("is generated from the current sources", () => {
    const committed = readFileSync(new URL("../../docs/api-index.md", import.meta.url), "utf8");
    expect(committed).toBe(renderApiIndex());
  }, 60_000);
});
