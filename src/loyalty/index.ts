/**
 * The `loyalty` area (see docs/loyalty.md).
 *
 * @module loyalty
 */
export {};
