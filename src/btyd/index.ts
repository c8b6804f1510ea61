/**
 * The `btyd` area (see docs/btyd.md).
 *
 * @module btyd
 */
export {};
