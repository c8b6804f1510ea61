/**
 * Launches Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) headless
 * through playwright-core, which downloads no browser of its own.
 * .ci/run installs the `chromium` package when it is missing.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;

/** Starts headless Chromium; throws an actionable error when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package (apt-get update && apt-get install -y chromium) ` +
        "or set CHROMIUM_PATH; .ci/run does this automatically.",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
}

/** Problems a page reported: console errors, uncaught exceptions, failed requests. */
export interface PageProblems {
  readonly errors: string[];
}

/** Records console errors, page errors and failed requests of `page`. */
export function watchPage(page: Page): PageProblems {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("requestfailed", (req) => errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ""}`));
  return { errors };
}
