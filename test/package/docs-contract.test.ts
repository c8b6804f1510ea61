import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The repository's docs are the contract: no guide, README or CONTRIBUTING may point at a file
// that users and contributors cannot see (the planning folder beside the clone), and every
// relative link must resolve inside the repository.
const root = fileURLToPath(new URL("../../", import.meta.url));
const files: string[] = [join(root, "README.md"), join(root, "CONTRIBUTING.md")];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== "api" && name !== "charts") walk(p);
    } else if (name.endsWith(".md")) files.push(p);
  }
};
walk(join(root, "docs"));

describe("docs are self-contained", () => {
  it("finds the guides", () => {
    expect(files.length).toBeGreaterThan(15);
  });
  for (const file of files) {
    const rel = file.slice(root.length);
    it(`${rel} refers to no file outside the repository`, () => {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/\.\.\/shared|DESIGN\.md|STYLE\.md|FORMULAS\.md/);
      for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue; // an absolute URL
        const abs = resolve(dirname(file), target);
        expect(abs.startsWith(root), `${rel} links outside the repository: ${target}`).toBe(true);
        expect(existsSync(abs), `${rel} links to a missing file: ${target}`).toBe(true);
      }
    });
  }
});
