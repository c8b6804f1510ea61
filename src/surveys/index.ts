/**
 * The `surveys` area (see docs/surveys.md).
 *
 * @module surveys
 */
export {};
