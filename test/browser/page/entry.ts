/** Browser entry: runs the shared computation and publishes the result on window. */
import { compute } from "./compute.js";

const w = globalThis as unknown as { __results?: unknown; __error?: string };
try {
  w.__results = JSON.parse(JSON.stringify(compute()));
} catch (e) {
  w.__error = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e);
}
