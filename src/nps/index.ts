/**
 * The `nps` area (see docs/nps.md).
 *
 * @module nps
 */
export {};
