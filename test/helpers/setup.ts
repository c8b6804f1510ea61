import fc from "fast-check";

/**
 * Property tests explore random cases locally (a new seed every run, printed on failure so it
 * can be replayed). In CI they run with a fixed seed (FC_SEED, default 20261122) so a green
 * build stays green; set FC_SEED to explore other seeds there too.
 */
if (process.env["CI"] || process.env["FC_SEED"]) {
  fc.configureGlobal({ seed: Number(process.env["FC_SEED"] ?? 20261122) });
}
