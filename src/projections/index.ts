/**
 * The `projections` area (see docs/projections.md).
 *
 * @module projections
 */
export {};
