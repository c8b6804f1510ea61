/**
 * A section of the customer-health report printed by `npm run demo`.
 * Each file in examples/demo/ exports one `section`; demo.ts runs them in
 * file-name order (prefix files with a number, e.g. `20-nps.ts`).
 */
export interface DemoSection {
  /** Heading of the section. */
  readonly title: string;
  /** Produces the section's text (tables, short commentary). */
  run(): string | Promise<string>;
}
