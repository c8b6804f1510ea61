import { maxAbs } from "./gradient.js";

/** What each inner method returns to minimize(). */
export interface InnerResult {
  x: number[];
  value: number;
  converged: boolean;
  iterations: number;
  gradientNorm: number;
  message: string;
}

/** Settings shared by the inner methods. */
export interface InnerOptions {
  maxIterations: number;
  gradientTolerance: number;
  valueTolerance: number;
}

type Objective = (x: readonly number[]) => number;
type Gradient = (x: readonly number[], fAtX?: number) => number[];

interface LinePoint {
  alpha: number;
  x: number[];
  f: number;
  g: number[];
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

const C1 = 1e-4;
const C2 = 0.9;

/**
 * Line search for the strong Wolfe conditions (Nocedal & Wright, Alg. 3.5/3.6).
 * Returns the accepted point, or the best point with sufficient decrease when
 * the curvature condition cannot be met, or null when no decrease was found.
 */
function lineSearch(
  fx: Objective,
  grad: Gradient,
  x: readonly number[],
  f0: number,
  d: readonly number[],
  dphi0: number,
  alpha1: number,
): LinePoint | null {
  const n = x.length;
  const at = (alpha: number): number[] => {
    const xa = new Array<number>(n);
    for (let i = 0; i < n; i++) xa[i] = (x[i] as number) + alpha * (d[i] as number);
    return xa;
  };
  let best: LinePoint | null = null;

  const zoom = (lo: number, flo: number, dlo: number, hi: number, fhi: number): LinePoint | null => {
    for (let j = 0; j < 60; j++) {
      const width = hi - lo;
      let a = lo + 0.5 * width;
      const curv = (fhi - flo - dlo * width) / (width * width);
      if (Number.isFinite(fhi) && curv > 0) {
        const q = lo - dlo / (2 * curv);
        const lower = Math.min(lo + 0.1 * width, hi - 0.1 * width);
        const upper = Math.max(lo + 0.1 * width, hi - 0.1 * width);
        if (q >= lower && q <= upper) a = q;
      }
      if (a === lo || a === hi) break;
      const xa = at(a);
      const fa = fx(xa);
      if (!(fa <= f0 + C1 * a * dphi0) || fa >= flo) {
        hi = a;
        fhi = fa;
        continue;
      }
      const ga = grad(xa, fa);
      const da = dot(ga, d);
      if (!Number.isFinite(da)) {
        hi = a;
        fhi = Infinity;
        continue;
      }
      const point = { alpha: a, x: xa, f: fa, g: ga };
      if (best === null || fa < best.f) best = point;
      if (Math.abs(da) <= -C2 * dphi0) return point;
      if (da * (hi - lo) >= 0) {
        hi = lo;
        fhi = flo;
      }
      lo = a;
      flo = fa;
      dlo = da;
    }
    return best;
  };

  let aPrev = 0;
  let fPrev = f0;
  let dPrev = dphi0;
  let a = alpha1;
  for (let i = 0; i < 60; i++) {
    const xa = at(a);
    const fa = fx(xa);
    if (!(fa <= f0 + C1 * a * dphi0) || (i > 0 && fa >= fPrev)) return zoom(aPrev, fPrev, dPrev, a, fa);
    const ga = grad(xa, fa);
    const da = dot(ga, d);
    if (!Number.isFinite(da)) return zoom(aPrev, fPrev, dPrev, a, Infinity);
    const point = { alpha: a, x: xa, f: fa, g: ga };
    if (best === null || fa < best.f) best = point;
    if (Math.abs(da) <= -C2 * dphi0) return point;
    if (da >= 0) return zoom(a, fa, da, aPrev, fPrev);
    aPrev = a;
    fPrev = fa;
    dPrev = da;
    a *= 2;
  }
  return best;
}

/**
 * BFGS on the inverse Hessian with a strong-Wolfe line search. Never throws;
 * reports why it stopped.
 */
export function bfgs(fx: Objective, grad: Gradient, x0: readonly number[], opts: InnerOptions): InnerResult {
  const n = x0.length;
  let x = x0.slice();
  let f = fx(x);
  if (!Number.isFinite(f)) {
    return {
      x,
      value: f,
      converged: false,
      iterations: 0,
      gradientNorm: NaN,
      message: "objective is not finite at the starting point",
    };
  }
  let g = grad(x, f);
  let gnorm = maxAbs(g);
  if (!Number.isFinite(gnorm)) {
    return {
      x,
      value: f,
      converged: false,
      iterations: 0,
      gradientNorm: gnorm,
      message: "gradient is not finite at the starting point",
    };
  }
  const H = new Float64Array(n * n);
  const resetH = (scale: number): void => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  };
  resetH(1);
  let fresh = true; // H is a multiple of I not yet scaled by a curvature pair
  let smallChanges = 0;
  const d = new Array<number>(n);
  const Hy = new Float64Array(n);
  let iter = 0;
  for (; iter < opts.maxIterations; iter++) {
    if (gnorm <= opts.gradientTolerance * Math.max(1, Math.abs(f))) {
      return { x, value: f, converged: true, iterations: iter, gradientNorm: gnorm, message: "gradient below tolerance" };
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= (H[i * n + j] as number) * (g[j] as number);
      d[i] = s;
    }
    let dphi0 = dot(g, d);
    if (!(dphi0 < 0)) {
      resetH(1);
      fresh = true;
      for (let i = 0; i < n; i++) d[i] = -(g[i] as number);
      dphi0 = dot(g, d);
    }
    const alpha1 = fresh ? Math.min(1, 1 / maxAbs(d)) : 1;
    const p = lineSearch(fx, grad, x, f, d, dphi0, alpha1);
    if (p === null || !(p.f < f) || !Number.isFinite(maxAbs(p.g))) {
      if (!fresh) {
        resetH(1);
        fresh = true;
        continue;
      }
      return {
        x,
        value: f,
        converged: false,
        iterations: iter,
        gradientNorm: gnorm,
        message: "line search could not decrease the objective",
      };
    }
    const s = new Array<number>(n);
    const y = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      s[i] = (p.x[i] as number) - (x[i] as number);
      y[i] = (p.g[i] as number) - (g[i] as number);
    }
    const ys = dot(y, s);
    const yy = dot(y, y);
    if (ys > 1e-12 * Math.sqrt(dot(s, s) * yy)) {
      if (fresh) {
        resetH(ys / yy);
        fresh = false;
      }
      const rho = 1 / ys;
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = v;
        yHy += v * (y[i] as number);
      }
      const k = rho * (1 + rho * yHy);
      for (let i = 0; i < n; i++) {
        const si = s[i] as number;
        const hyi = Hy[i] as number;
        for (let j = 0; j < n; j++) {
          const sj = s[j] as number;
          H[i * n + j] = (H[i * n + j] as number) + k * si * sj - rho * (hyi * sj + si * (Hy[j] as number));
        }
      }
    }
    const fPrev = f;
    x = p.x;
    f = p.f;
    g = p.g;
    gnorm = maxAbs(g);
    if (Math.abs(fPrev - f) <= opts.valueTolerance * Math.max(1, Math.abs(f))) {
      smallChanges += 1;
      if (smallChanges >= 3) {
        return {
          x,
          value: f,
          converged: true,
          iterations: iter + 1,
          gradientNorm: gnorm,
          message: "objective change below tolerance",
        };
      }
    } else smallChanges = 0;
  }
  return { x, value: f, converged: false, iterations: iter, gradientNorm: gnorm, message: "iteration limit reached" };
}
