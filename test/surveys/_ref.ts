import { readFileSync } from "node:fs";

// Independent values from python3 test/fixtures/surveys/reference.py (numpy + scipy); see the README there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ref = JSON.parse(readFileSync(new URL("../fixtures/surveys/reference.json", import.meta.url), "utf8")) as any;
