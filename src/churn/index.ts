/**
 * The `churn` area (see docs/churn.md).
 *
 * @module churn
 */
export {};
