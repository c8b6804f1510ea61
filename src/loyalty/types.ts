/**
 * Identifies a calendar period in per-period loyalty rows.
 *
 * @category Loyalty
 */
export interface LoyaltyPeriodKey {
  /** Period index (consecutive integers for consecutive periods; see `periodIndex` in core). */
  readonly index: number;
  /** Label, e.g. `"2024-03"`, `"2024-W10"`, `"2024-Q1"`. */
  readonly label: string;
  /** ISO date of the period's first day. */
  readonly start: string;
}
