import { assertFinite } from "../core/guards.js";
import { logGamma } from "./logGamma.js";

/**
 * A seeded pseudo-random number generator with samplers for the distributions
 * the library's simulators need. Every method advances the generator's state;
 * two generators built from the same seed produce the same sequence on every
 * platform. Invalid distribution parameters give NaN (no throws: samplers run
 * in hot loops).
 *
 * @category Math
 */
export interface Rng {
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform double in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** A uniform integer in 0..n−1 (n a positive integer ≤ 2⁵³; unbiased); NaN for other n. */
  int(n: number): number;
  /** A normal variate (Marsaglia polar method). @defaultValue mean 0, sd 1 */
  normal(mean?: number, sd?: number): number;
  /** An exponential variate with the given rate (mean 1/rate), by inversion. */
  exponential(rate: number): number;
  /** A gamma variate with this shape and scale (mean shape·scale; Marsaglia–Tsang). @defaultValue scale 1 */
  gamma(shape: number, scale?: number): number;
  /** A beta variate, Beta(a, b), from two gamma variates (on the log scale, so tiny shapes work). */
  beta(a: number, b: number): number;
  /** A Poisson count with mean `lambda` (inversion below 10, Hörmann's PTRS from 10). */
  poisson(lambda: number): number;
  /** Number of Bernoulli(p) trials up to and including the first success (≥ 1), by inversion. */
  geometric(p: number): number;
}

/** splitmix32 step: used only to expand the seed into the generator's state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Creates a seeded generator (xoshiro128** with a splitmix32-expanded seed) with
 * samplers for uniform, integer, normal, exponential, gamma, beta, Poisson and
 * geometric variates.
 *
 * @remarks
 * The seed may be any finite number: the two 32-bit words of its float64 bit
 * pattern pass through murmur3's bijective finalizer and seed two splitmix32
 * streams that fill the 128-bit state, so distinct seeds (`1`, `1.5`, `2**40`)
 * give distinct, unrelated streams (and `-0` is read as `0`). `next()`
 * combines two 32-bit outputs into a 53-bit double in [0, 1). No `Math.random`:
 * results are identical on every platform. xoshiro128** (Blackman & Vigna,
 * 2018) passes BigCrush; it is not cryptographically secure. Samplers:
 * gamma by Marsaglia & Tsang (2000), with the shape < 1 boost
 * G(a) = G(a+1)·U^{1/a} done on the log scale; beta as Gₐ/(Gₐ+G_b); Poisson by
 * sequential inversion for λ < 10 and the transformed rejection with squeeze
 * (PTRS) of Hörmann (1993) for λ ≥ 10; geometric by inversion
 * ⌊ln(1−U)/ln(1−p)⌋ + 1.
 *
 * @see https://prng.di.unimi.it/ (xoshiro128**)
 *
 * @param seed - Any finite number.
 * @returns A fresh {@link Rng}.
 * @throws {@link MetricsError} `invalid_type` when `seed` is not a number; `not_finite` for NaN or ±Infinity.
 *
 * @example
 * ```ts
 * import { createRng } from "customer-metrics/math";
 * const a = createRng(42);
 * const b = createRng(42);
 * a.next() === b.next(); // => true
 * createRng(7).int(6) < 6; // => true
 * createRng(Number.NaN); // throws not_finite
 * ```
 *
 * @category Math
 */
export function createRng(seed: number): Rng {
  const s0 = assertFinite(seed, "createRng", ["seed"]);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, s0, true);
  // Both 32-bit words of the float64 go through murmur3's bijective finalizer, so distinct
  // seeds give distinct pairs of splitmix32 seeds (one per half of the 128-bit state).
  const h = fmix32(view.getUint32(4, true) ^ 0x9e3779b9);
  const l = fmix32(view.getUint32(0, true) ^ h);
  const st1 = { s: l };
  const st2 = { s: h ^ 0x632be59b };
  let a = splitmix32(st1);
  let b = splitmix32(st1);
  let c = splitmix32(st2);
  let d = splitmix32(st2);
  if ((a | b | c | d) === 0) a = 1;

  /** xoshiro128**: next 32-bit unsigned output. */
  function nextU32(): number {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  }

  function next(): number {
    const hi = nextU32() >>> 5; // 27 bits
    const lo = nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  let spare = NaN;
  function standardNormal(): number {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = NaN;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    return u * m;
  }

  /** ln of a Gamma(shape, 1) variate (shape > 0, finite). */
  function logGammaVariate(shape: number): number {
    if (shape < 1) {
      // G(a) = G(a+1)·U^{1/a}
      const u = 1 - next(); // (0, 1]
      return logGammaVariate(shape + 1) + Math.log(u) / shape;
    }
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = standardNormal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return Math.log(dd * v);
      if (u > 0 && Math.log(u) < 0.5 * x2 + dd * (1 - v + Math.log(v))) return Math.log(dd * v);
    }
  }

  function poissonSmall(lambda: number): number {
    const u = next();
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    while (u >= cdf && k < 1000) {
      k += 1;
      p *= lambda / k;
      cdf += p;
      if (p === 0 && cdf < u) {
        // Rounding left the CDF short of u: restart with a fresh uniform.
        return poissonSmall(lambda);
      }
    }
    return k;
  }

  function poissonPtrs(lambda: number): number {
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const bb = 0.931 + 2.53 * slam;
    const aa = -0.059 + 0.02483 * bb;
    const invAlpha = 1.1239 + 1.1328 / (bb - 3.4);
    const vr = 0.9277 - 3.6224 / (bb - 2);
    for (;;) {
      const u = next() - 0.5;
      const v = next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * aa) / us + bb) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invAlpha) - Math.log(aa / (us * us) + bb) <= -lambda + k * loglam - logGamma(k + 1)) {
        return k;
      }
    }
  }

  return {
    next,
    uniform(lo: number, hi: number): number {
      return lo + (hi - lo) * next();
    },
    int(n: number): number {
      if (!(n >= 1) || !Number.isInteger(n) || n > 9007199254740992) return NaN;
      if (n <= 4294967296) {
        // Rejection sampling on 32 bits: unbiased.
        const limit = 4294967296 - (4294967296 % n);
        for (;;) {
          const r = nextU32();
          if (r < limit) return r % n;
        }
      }
      return Math.floor(next() * n);
    },
    normal(mean = 0, sd = 1): number {
      if (!(sd >= 0)) return NaN;
      return mean + sd * standardNormal();
    },
    exponential(rate: number): number {
      if (!(rate > 0)) return NaN;
      return -Math.log1p(-next()) / rate;
    },
    gamma(shape: number, scale = 1): number {
      if (!(shape > 0) || !(scale > 0) || shape === Infinity) return NaN;
      return scale * Math.exp(logGammaVariate(shape));
    },
    beta(alpha: number, beta: number): number {
      if (!(alpha > 0) || !(beta > 0) || alpha === Infinity || beta === Infinity) return NaN;
      const lx = logGammaVariate(alpha);
      const ly = logGammaVariate(beta);
      // X/(X+Y) = 1/(1 + exp(ly − lx))
      return 1 / (1 + Math.exp(ly - lx));
    },
    poisson(lambda: number): number {
      if (!(lambda >= 0) || lambda === Infinity) return NaN;
      if (lambda === 0) return 0;
      return lambda < 10 ? poissonSmall(lambda) : poissonPtrs(lambda);
    },
    geometric(p: number): number {
      if (!(p > 0 && p <= 1)) return NaN;
      if (p === 1) return 1;
      return Math.floor(Math.log1p(-next()) / Math.log1p(-p)) + 1;
    },
  };
}

/** murmur3 32-bit finalizer (a bijection on 32-bit words). */
function fmix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
