/**
 * The `math` area (see docs/math.md).
 *
 * @module math
 */
export {};
