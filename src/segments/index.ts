/**
 * The `segments` area (see docs/segments.md).
 *
 * @module segments
 */
export {};
