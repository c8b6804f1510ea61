import { digamma } from "./digamma.js";
import { logGamma } from "./logGamma.js";
import { EPS, stirlingCorrection } from "./_internal/stirling.js";

/** Estimated relative error above which hyp2f1 returns NaN. */
const ACCEPT = 1e-10;
/** Estimated relative error at which a candidate is taken without trying others. */
const GOOD = 1e-14;

/** A candidate evaluation: F ≈ value · exp(logScale), with estimated relative error err. */
interface Part {
  logScale: number;
  value: number;
  err: number;
}

const FAILED: Part = { logScale: 0, value: NaN, err: Infinity };

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** Error-free sum: a + b = s + e exactly (Knuth's TwoSum). */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  const e = a - (s - bb) + (b - bb);
  return [s, e];
}

/** A power (hi + lo)^(eHi + eLo) as factor · exp(logScale), with its relative error. */
interface Power {
  logScale: number;
  factor: number;
  err: number;
}

/**
 * (hi + lo)^(eHi + eLo) for a base hi + lo > 0 known to double-double accuracy
 * and an exponent eHi + eLo: `Math.pow` (≈ 1 ulp) on the leading parts, then
 * first-order corrections for the low parts; on overflow or underflow the
 * logarithmic form (slightly less accurate: |e·ln base|·ε).
 */
function power(hi: number, lo: number, eHi: number, eLo: number): Power {
  const lnBase = Math.log(hi) + lo / hi;
  const p = Math.pow(hi, eHi);
  const corr = eHi * (lo / hi) + eLo * lnBase;
  if (p > 1e-290 && p < 1e290) {
    return { logScale: 0, factor: p * (1 + corr), err: 4 * EPS + corr * corr };
  }
  const logScale = eHi * lnBase + eLo * lnBase;
  return { logScale, factor: 1, err: EPS * (2 + 2 * Math.abs(logScale)) };
}

/** 1 − z as an exact double-double. */
function oneMinus(z: number): [number, number] {
  return twoSum(1, -z);
}

/** c − a − b as a double-double (errors of the two subtractions kept). */
function cMinusAMinusB(a: number, b: number, c: number): [number, number] {
  const [s1, e1] = twoSum(c, -a);
  const [s2, e2] = twoSum(s1, -b);
  return [s2, e1 + e2];
}

/**
 * Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ with at most `cap` terms; value and estimated
 * relative error (rounding in the term recurrence, cancellation between
 * terms, truncation).
 */
function series(a: number, b: number, c: number, z: number, cap: number, zRelErr = 0): Part {
  let term = 1;
  let sum = 1;
  let maxAbs = 1;
  let weighted = 0; // Σ n·|tₙ|: sensitivity to a relative error in z
  let quiet = 0;
  // Beyond this index no factor changes sign, so a small ratio stays small.
  const settle = Math.max(0, -a, -b, -c);
  let n = 0;
  for (; n < cap; n++) {
    const den = (c + n) * (n + 1);
    if (den === 0) return FAILED; // c a non-positive integer reached before termination
    term *= (((a + n) * (b + n)) / den) * z;
    sum += term;
    if (term === 0) {
      n += 1;
      break; // terminating (polynomial) case: exact
    }
    const at = Math.abs(term);
    if (at > maxAbs) maxAbs = at;
    weighted += (n + 1) * at;
    if (!Number.isFinite(sum)) return FAILED;
    if (n + 1 > settle) {
      const next = Math.abs(((a + n + 1) * (b + n + 1) * z) / ((c + n + 1) * (n + 2)));
      const rho = Math.max(next, Math.abs(z));
      if (rho < 1 && (at * rho) / (1 - rho) <= 0.25 * EPS * Math.abs(sum)) {
        quiet += 1;
        if (quiet >= 2) {
          n += 1;
          break;
        }
      } else quiet = 0;
    }
  }
  if (quiet < 2 && term !== 0) return { logScale: 0, value: sum, err: Infinity };
  const err = sum === 0 ? Infinity : (EPS * (2 + Math.sqrt(n)) * maxAbs + zRelErr * weighted) / Math.abs(sum);
  return { logScale: 0, value: sum, err };
}

/** ln|Γ(x)| with sign (0 = pole) and its sensitivity to an absolute error `dx` in x. */
function gammaTerm(x: number, dx: number): { log: number; sign: number; err: number } {
  if (isNonPositiveInteger(x)) return { log: Infinity, sign: 0, err: 0 };
  const log = logGamma(x);
  const sign = x > 0 || Math.floor(x) % 2 === 0 ? 1 : -1;
  return { log, sign, err: EPS * (2 * Math.abs(log) + 2) + dx * Math.abs(digamma(x)) };
}

/**
 * ln|Γ(x)/Γ(y)| with sign (0 when Γ(y) has a pole: ratio zero; NaN-free) and its
 * error. For x, y ≥ 10 the Stirling parts are differenced analytically,
 * (y−½)·log1p(d/y) + d·(ln x − 1) + corr(x) − corr(y) with d = x − y, so the
 * error is ~ε·|d|·ln x instead of ε·ln Γ(x) (important when both are large and
 * close, e.g. Γ(c)/Γ(c−a) with c in the hundreds).
 */
function gammaRatio(x: number, y: number, dx: number, dy: number): { log: number; sign: number; err: number } {
  if (x >= 10 && y >= 10) {
    const d = x - y;
    const log = (y - 0.5) * Math.log1p(d / y) + d * (Math.log(x) - 1) + (stirlingCorrection(x) - stirlingCorrection(y));
    return {
      log,
      sign: 1,
      err:
        EPS * (4 + 2 * Math.abs(log) + Math.abs(d) * (Math.log(x) + 1)) + dx * Math.abs(digamma(x)) + dy * Math.abs(digamma(y)),
    };
  }
  const gx = gammaTerm(x, dx);
  const gy = gammaTerm(y, dy);
  if (gx.sign === 0) return { log: Infinity, sign: 0, err: Infinity }; // pole in the numerator
  if (gy.sign === 0) return { log: -Infinity, sign: 0, err: 0 }; // 1/Γ(y) = 0
  return { log: gx.log - gy.log, sign: gx.sign * gy.sign, err: gx.err + gy.err };
}

/**
 * Γ(p)Γ(q)/(Γ(r)Γ(t)) as a log with sign and error, pairing each numerator with
 * the denominator whose argument is closer (see {@link gammaRatio}). Sign 0 means
 * the product is zero (a denominator pole); a numerator pole gives err Infinity.
 */
function gammaProduct(
  p: number,
  q: number,
  r: number,
  t: number,
  dp: number,
  dq: number,
  dr: number,
  dt: number,
): { log: number; sign: number; err: number } {
  const straight = Math.abs(p - r) + Math.abs(q - t) <= Math.abs(p - t) + Math.abs(q - r);
  const first = straight ? gammaRatio(p, r, dp, dr) : gammaRatio(p, t, dp, dt);
  const second = straight ? gammaRatio(q, t, dq, dt) : gammaRatio(q, r, dq, dr);
  if (first.err === Infinity || second.err === Infinity) return { log: Infinity, sign: 0, err: Infinity };
  if (first.sign === 0 || second.sign === 0) return { log: -Infinity, sign: 0, err: 0 };
  return { log: first.log + second.log, sign: first.sign * second.sign, err: first.err + second.err };
}

/**
 * Connection formula about 1 (DLMF 15.8.4, Abramowitz & Stegun 15.3.6), in the
 * variable u = 1 − z given directly (so callers can pass it exactly):
 * F = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) F(a,b;a+b−c+1;u)
 *   + u^{c−a−b} Γ(c)Γ(a+b−c)/(Γ(a)Γ(b)) F(c−a,c−b;c−a−b+1;u).
 * Fails (err = Infinity) when c−a−b is an integer; near an integer the error
 * estimate grows and another candidate wins.
 */
function connection(
  a: number,
  b: number,
  c: number,
  u: number,
  uPow: (eHi: number, eLo: number) => Power,
  cap: number,
  uRelErr: number,
): Part {
  const [s, sLo] = cMinusAMinusB(a, b, c);
  if (Number.isInteger(s) && sLo === 0) return FAILED;
  const dx = EPS * (Math.abs(a) + Math.abs(b) + Math.abs(c));
  if (isNonPositiveInteger(c)) return FAILED;
  const terms: Part[] = [];
  // First term: Γ(c)Γ(s)/(Γ(c−a)Γ(c−b)) F(a, b; 1−s; u).
  {
    const g = gammaProduct(c, s, c - a, c - b, EPS * Math.abs(c), dx, dx, dx);
    if (g.err === Infinity) return FAILED;
    if (g.sign !== 0) {
      const f = series(a, b, 1 - s, u, cap, uRelErr);
      terms.push({ logScale: g.log, value: g.sign * f.value, err: f.err + g.err });
    }
  }
  // Second term: u^s Γ(c)Γ(−s)/(Γ(a)Γ(b)) F(c−a, c−b; 1+s; u).
  {
    const g = gammaProduct(c, -s, a, b, EPS * Math.abs(c), dx, EPS * Math.abs(a), EPS * Math.abs(b));
    if (g.err === Infinity) return FAILED;
    if (g.sign !== 0) {
      const f = series(c - a, c - b, 1 + s, u, cap, uRelErr);
      const pw = uPow(s, sLo);
      terms.push({ logScale: pw.logScale + g.log, value: g.sign * pw.factor * f.value, err: f.err + g.err + pw.err });
    }
  }
  return combine(terms);
}

/**
 * The connection formula about 1 when c − a − b = m is an integer
 * (Abramowitz & Stegun 15.3.10–15.3.11, DLMF 15.8.10), in u = 1 − z. For
 * m < 0, Euler's transformation first maps to c − a, c − b (where the integer
 * becomes −m > 0):
 * F(a,b;a+b+m;z) = Γ(m)Γ(c)/(Γ(a+m)Γ(b+m)) Σ_{n<m} (a)ₙ(b)ₙ/(n!(1−m)ₙ) uⁿ
 *   − (−u)^m Γ(c)/(Γ(a)Γ(b)) Σₙ (a+m)ₙ(b+m)ₙ/(n!(n+m)!) uⁿ
 *       · [ln u − ψ(n+1) − ψ(n+m+1) + ψ(a+n+m) + ψ(b+n+m)].
 */
function connectionInteger(
  a0: number,
  b0: number,
  c: number,
  u: number,
  uPow: (eHi: number, eLo: number) => Power,
  cap: number,
): Part {
  const s = c - a0 - b0;
  const euler = s < 0;
  const a = euler ? c - a0 : a0;
  const b = euler ? c - b0 : b0;
  const m = Math.abs(s);
  if (m > 1000) return FAILED;
  const pre: Power = euler ? uPow(s, 0) : { logScale: 0, factor: 1, err: 0 };
  if (isNonPositiveInteger(c)) return FAILED;
  const parts: Part[] = [];
  if (m > 0) {
    // Γ(m)Γ(c)/(Γ(a+m)Γ(b+m)) Σ_{n<m} …
    const g = gammaProduct(c, m, a + m, b + m, 0, 0, 0, 0);
    if (g.err === Infinity) return FAILED;
    if (g.sign !== 0) {
      let term = 1;
      let sum = 1;
      let maxAbs = 1;
      for (let n = 0; n < m - 1; n++) {
        term *= (((a + n) * (b + n)) / ((n + 1) * (1 - m + n))) * u;
        sum += term;
        maxAbs = Math.max(maxAbs, Math.abs(term));
      }
      parts.push({
        logScale: g.log,
        value: g.sign * sum,
        err: EPS * (2 + Math.sqrt(m)) * (maxAbs / Math.abs(sum)) + g.err,
      });
    }
  }
  // −(−u)^m Γ(c)/(Γ(a)Γ(b) m!) Σₙ …  (the series below starts at 1 instead of 1/m!)
  const g = gammaProduct(c, 1, a, b, 0, 0, 0, 0);
  if (g.err === Infinity) return FAILED;
  if (g.sign !== 0) {
    const lnU = Math.log(u);
    const am = a + m;
    const bm = b + m;
    if (isNonPositiveInteger(am) || isNonPositiveInteger(bm)) return FAILED;
    let psi1 = digamma(1);
    let psi2 = digamma(m + 1);
    let psi3 = digamma(am);
    let psi4 = digamma(bm);
    let t = 1;
    let sum = 0;
    let maxAbs = 0;
    let quiet = 0;
    let n = 0;
    const settle = Math.max(0, -am, -bm);
    for (; n < cap; n++) {
      const bracket = lnU - psi1 - psi2 + psi3 + psi4;
      sum += t * bracket;
      const size = Math.abs(t) * (Math.abs(lnU) + Math.abs(psi1) + Math.abs(psi2) + Math.abs(psi3) + Math.abs(psi4));
      if (size > maxAbs) maxAbs = size;
      if (!Number.isFinite(sum)) return FAILED;
      if (n > settle && size <= 0.25 * EPS * Math.abs(sum)) {
        quiet += 1;
        if (quiet >= 3) break;
      } else quiet = 0;
      psi1 += 1 / (n + 1);
      psi2 += 1 / (n + m + 1);
      psi3 += 1 / (am + n);
      psi4 += 1 / (bm + n);
      t *= (((am + n) * (bm + n)) / ((n + 1) * (n + m + 1))) * u;
    }
    if (quiet < 3) return FAILED;
    const logFact = logGamma(m + 1);
    const pw = uPow(m, 0);
    const sign = -(m % 2 === 0 ? 1 : -1) * g.sign;
    parts.push({
      logScale: pw.logScale + g.log - logFact,
      value: sign * pw.factor * sum,
      err: EPS * (4 + Math.sqrt(n)) * (maxAbs / Math.abs(sum)) + pw.err + g.err + EPS * (2 + 2 * logFact),
    });
  }
  const combined = combine(parts);
  return scaled(pre, combined);
}

/** Sum of scaled parts, with the error estimate including cancellation. */
function combine(parts: readonly Part[]): Part {
  if (parts.length === 0) return { logScale: 0, value: 0, err: 0 };
  let ls = -Infinity;
  for (const p of parts) if (p.value !== 0 && p.logScale > ls) ls = p.logScale;
  if (ls === -Infinity) return { logScale: 0, value: 0, err: 0 };
  if (!Number.isFinite(ls)) return FAILED;
  let value = 0;
  let absErr = 0;
  for (const p of parts) {
    if (p.value === 0) continue;
    const v = p.value * Math.exp(p.logScale - ls);
    value += v;
    absErr += Math.abs(v) * p.err + EPS * Math.abs(v);
  }
  if (!Number.isFinite(value)) return FAILED;
  return { logScale: ls, value, err: value === 0 ? Infinity : absErr / Math.abs(value) };
}

/** A power prefactor times a series. */
function scaled(pw: Power, p: Part): Part {
  if (!Number.isFinite(pw.logScale) || !Number.isFinite(pw.factor)) return FAILED;
  return { logScale: pw.logScale + p.logScale, value: pw.factor * p.value, err: p.err + pw.err };
}

type Candidate = (cap: number) => Part;

/** Evaluates F as a scaled part, or null when no candidate is accurate enough. */
function evaluate(a: number, b: number, c: number, z: number): Part {
  const candidates: Candidate[] = [];
  const terminating = isNonPositiveInteger(a) || isNonPositiveInteger(b);
  const direct: Candidate = (cap) => (Math.abs(z) < 1 || terminating ? series(a, b, c, z, cap) : FAILED);
  const [oHi, oLo] = oneMinus(z); // 1 − z exactly
  if (z > 0) {
    const [s, sLo] = cMinusAMinusB(a, b, c);
    const euler: Candidate = (cap) => scaled(power(oHi, oLo, s, sLo), series(c - a, c - b, c, z, cap));
    const uPow = (eHi: number, eLo: number): Power => power(oHi, oLo, eHi, eLo);
    const conn: Candidate = (cap) =>
      Number.isInteger(s) && sLo === 0
        ? connectionInteger(a, b, c, oHi + oLo, uPow, cap)
        : connection(a, b, c, oHi + oLo, uPow, cap, oLo === 0 ? 0 : EPS);
    const directFirst = Math.abs(a * b) <= Math.abs((c - a) * (c - b));
    if (z <= 0.5) candidates.push(directFirst ? direct : euler, directFirst ? euler : direct, conn);
    else candidates.push(directFirst ? direct : euler, conn, directFirst ? euler : direct);
  } else {
    // Pfaff: w = z/(z−1) in (0, 1), 1 − w = 1/(1 − z).
    const w = z / (z - 1);
    const u = 1 / (1 - z);
    const pfaffA: Candidate = (cap) => scaled(power(oHi, oLo, -a, 0), series(a, c - b, c, w, cap, 2 * EPS));
    const pfaffB: Candidate = (cap) => scaled(power(oHi, oLo, -b, 0), series(c - a, b, c, w, cap, 2 * EPS));
    // u^e = (1 − z)^(−e)
    const uPow = (eHi: number, eLo: number): Power => power(oHi, oLo, -eHi, -eLo);
    const cb = c - b;
    const pfaffConn: Candidate = (cap) =>
      scaled(
        power(oHi, oLo, -a, 0),
        Number.isInteger(b - a) && c - a - cb === b - a
          ? connectionInteger(a, cb, c, u, uPow, cap)
          : connection(a, cb, c, u, uPow, cap, 2 * EPS),
      );
    const aFirst = Math.abs(a * (c - b)) <= Math.abs(b * (c - a));
    candidates.push(aFirst ? pfaffA : pfaffB, aFirst ? pfaffB : pfaffA);
    if (z > -1) candidates.push(direct);
    candidates.push(pfaffConn);
  }
  let best: Part = FAILED;
  // Two passes: cheap (few terms) then patient.
  const tried = new Array<boolean>(candidates.length).fill(false);
  for (const cap of [600, 200000]) {
    for (let i = 0; i < candidates.length; i++) {
      if (tried[i]) continue;
      const part = (candidates[i] as Candidate)(cap);
      if (part.err < Infinity) tried[i] = true; // converged: no point retrying with more terms
      if (part.err < best.err) best = part;
      if (best.err <= GOOD) return best;
    }
  }
  return best;
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ
 * for real parameters and real z < 1 (and z = 1 when c − a − b > 0).
 *
 * @remarks
 * Several representations are evaluated in order of expected cost, each with
 * a running error estimate (term-recurrence rounding, cancellation between
 * terms and between the two halves of a connection formula, and the error of
 * the gamma-function prefactors); the first with an estimated relative error
 * ≤ 1e-14 is returned, otherwise the best one:
 * - 0 < z < 1: the direct series; Euler's transformation
 *   (1−z)^{c−a−b} ₂F₁(c−a, c−b; c; z) (fast for the BG/NBD case
 *   ₂F₁(r+x, b+x; a+b+x−1; z) with x in the hundreds, where c − a and c − b
 *   stay small); and the connection formula about z = 1 (DLMF 15.8.4) in
 *   1 − z, for z near 1.
 * - z < 0: both Pfaff transformations (1−z)^{−a} ₂F₁(a, c−b; c; z/(z−1)) and
 *   (1−z)^{−b} ₂F₁(c−a, b; c; z/(z−1)), whose series have positive terms for
 *   positive parameters; the direct series for −1 < z; and, for z ≪ −1, Pfaff
 *   followed by the connection formula in 1/(1−z).
 * - a or b a non-positive integer: the terminating polynomial.
 * If no representation reaches an estimated relative error of 1e-10 the
 * result is NaN rather than a wrong number: this happens when z is close to 1
 * (or z ≪ −1) and c − a − b (resp. b − a) is within ~1e-4 of an integer, so
 * that the connection formula cancels and the series are too slow, or when
 * the parameters make every series cancel catastrophically (large negative
 * parameters). Results that overflow float64 are ±Infinity.
 * Accuracy (against mpmath, see docs/math.md): ≤ 1e-12 relative on the
 * tested grid, including parameters in the hundreds, z = −5 and z = 0.99.
 * Other conventions: NaN or infinite parameters → NaN; z > 1 → NaN (the
 * real-line continuation is complex); c a non-positive integer → NaN unless
 * the series terminates first; z = 1 uses Gauss's theorem when c − a − b > 0,
 * is +Infinity when c − a − b ≤ 0 with a, b, c > 0, NaN otherwise.
 *
 * @see DLMF §15.8 (https://dlmf.nist.gov/15.8); Abramowitz & Stegun 15.3.3–15.3.6.
 *
 * @param a - First numerator parameter.
 * @param b - Second numerator parameter.
 * @param c - Denominator parameter (not a non-positive integer).
 * @param z - Argument, z < 1 (or z = 1 when c − a − b > 0).
 * @returns ₂F₁(a, b; c; z), or NaN where accuracy cannot be guaranteed.
 *
 * @example
 * ```ts
 * import { hyp2f1 } from "customer-metrics/math";
 * hyp2f1(1, 1, 2, 0.5); // => 1.3862943611198906
 * hyp2f1(0.5, 1, 1.5, -1); // => 0.7853981633974483
 * hyp2f1(2, 3, 4, 0.99); // => 280.6753164581934
 * ```
 *
 * @category Math
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || !Number.isFinite(z)) return NaN;
  if (z > 1) return NaN;
  const terminatesBefore = (m: number): boolean => isNonPositiveInteger(m) && m > c;
  if (isNonPositiveInteger(c) && !terminatesBefore(a) && !terminatesBefore(b)) return NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z === 1) {
    if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return seriesValue(series(a, b, c, 1, 1e7));
    const s = c - a - b;
    if (s <= 0) return a > 0 && b > 0 && c > 0 ? Infinity : NaN;
    const g = [gammaTerm(c, 0), gammaTerm(s, 0), gammaTerm(c - a, 0), gammaTerm(c - b, 0)];
    const [gc, gs, ga, gb] = g as [
      ReturnType<typeof gammaTerm>,
      ReturnType<typeof gammaTerm>,
      ReturnType<typeof gammaTerm>,
      ReturnType<typeof gammaTerm>,
    ];
    if (ga.sign === 0 || gb.sign === 0) return 0;
    return gc.sign * gs.sign * ga.sign * gb.sign * Math.exp(gc.log + gs.log - ga.log - gb.log);
  }
  if (b === c || a === c) {
    const [oHi, oLo] = oneMinus(z);
    const pw = power(oHi, oLo, b === c ? -a : -b, 0);
    return pw.factor * Math.exp(pw.logScale);
  }
  const part = evaluate(a, b, c, z);
  if (!(part.err <= ACCEPT)) return NaN;
  if (part.value === 0) return 0;
  return part.value * Math.exp(part.logScale);
}

function seriesValue(p: Part): number {
  return p.err < Infinity ? p.value : NaN;
}
