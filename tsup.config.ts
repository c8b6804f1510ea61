import { defineConfig } from "tsup";
import { AREAS } from "./scripts/areas.js";

/** One entry per public subpath: the root barrel plus one per area. */
const entry: Record<string, string> = { index: "src/index.ts" };
for (const area of AREAS) entry[`${area}/index`] = `src/${area}/index.ts`;

export default defineConfig({
  entry,
  format: ["esm", "cjs"],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  treeshake: true,
  tsconfig: "tsconfig.build.json",
});
