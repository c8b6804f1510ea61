/**
 * The `journey` area (see docs/journey.md).
 *
 * @module journey
 */
export {};
