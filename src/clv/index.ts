/**
 * The `clv` area (see docs/clv.md).
 *
 * @module clv
 */
export {};
