import type { InnerOptions, InnerResult } from "./bfgs.js";

/**
 * Nelder–Mead with the adaptive coefficients of Gao & Han (2012) for n ≥ 2
 * (standard 1, 2, ½, ½ for n = 1), restarted once from the best vertex to
 * guard against a collapsed simplex.
 */
export function nelderMead(fx: (x: readonly number[]) => number, x0: readonly number[], opts: InnerOptions): InnerResult {
  const n = x0.length;
  const alpha = 1;
  const gamma = n >= 2 ? 1 + 2 / n : 2;
  const rho = n >= 2 ? 0.75 - 1 / (2 * n) : 0.5;
  const sigma = n >= 2 ? 1 - 1 / n : 0.5;
  let iterations = 0;
  let start = x0.slice();
  let last: InnerResult | null = null;
  for (let round = 0; round < 2; round++) {
    const scale = round === 0 ? 0.1 : 0.02;
    const pts: number[][] = [start.slice()];
    for (let i = 0; i < n; i++) {
      const p = start.slice();
      p[i] = (p[i] as number) + scale * Math.max(1, Math.abs(p[i] as number));
      pts.push(p);
    }
    const vals = pts.map((p) => fx(p));
    const order = Array.from({ length: n + 1 }, (_, i) => i);
    let converged = false;
    let message = "iteration limit reached";
    const centroid = new Array<number>(n);
    const along = (c: readonly number[], from: readonly number[], t: number): number[] => {
      const out = new Array<number>(n);
      for (let j = 0; j < n; j++) out[j] = (c[j] as number) + t * ((from[j] as number) - (c[j] as number));
      return out;
    };
    while (iterations < opts.maxIterations) {
      order.sort((a, b) => (vals[a] as number) - (vals[b] as number) || a - b);
      const bi = order[0] as number;
      const wi = order[n] as number;
      const fBest = vals[bi] as number;
      const fWorst = vals[wi] as number;
      const fSecond = vals[order[n - 1] as number] as number;
      // Convergence: values and vertices both close.
      let size = 0;
      const best = pts[bi] as number[];
      for (let k = 1; k <= n; k++) {
        const p = pts[order[k] as number] as number[];
        for (let j = 0; j < n; j++) size = Math.max(size, Math.abs((p[j] as number) - (best[j] as number)));
      }
      let xScale = 1;
      for (const v of best) xScale = Math.max(xScale, Math.abs(v));
      if (
        Number.isFinite(fBest) &&
        fWorst - fBest <= opts.valueTolerance * Math.max(1, Math.abs(fBest)) &&
        size <= 1e-6 * xScale
      ) {
        converged = true;
        message = "simplex converged";
        break;
      }
      if (size <= 1e-14 * xScale) {
        converged = Number.isFinite(fBest);
        message = converged ? "simplex collapsed to a point" : "objective not finite on the collapsed simplex";
        break;
      }
      iterations += 1;
      centroid.fill(0);
      for (let k = 0; k < n; k++) {
        const p = pts[order[k] as number] as number[];
        for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
      }
      const worst = pts[wi] as number[];
      const xr = along(centroid, worst, -alpha);
      const fr = fx(xr);
      if (fr < fBest) {
        const xe = along(centroid, worst, -alpha * gamma);
        const fe = fx(xe);
        if (fe < fr) {
          pts[wi] = xe;
          vals[wi] = fe;
        } else {
          pts[wi] = xr;
          vals[wi] = fr;
        }
        continue;
      }
      if (fr < fSecond) {
        pts[wi] = xr;
        vals[wi] = fr;
        continue;
      }
      if (fr < fWorst) {
        const xc = along(centroid, worst, -alpha * rho);
        const fc = fx(xc);
        if (fc <= fr) {
          pts[wi] = xc;
          vals[wi] = fc;
          continue;
        }
      } else {
        const xc = along(centroid, worst, rho);
        const fc = fx(xc);
        if (fc < fWorst) {
          pts[wi] = xc;
          vals[wi] = fc;
          continue;
        }
      }
      // Shrink towards the best vertex.
      for (let k = 1; k <= n; k++) {
        const idx = order[k] as number;
        pts[idx] = along(best, pts[idx] as number[], sigma);
        vals[idx] = fx(pts[idx] as number[]);
      }
    }
    let bi = 0;
    for (let k = 1; k <= n; k++) if ((vals[k] as number) < (vals[bi] as number)) bi = k;
    const result: InnerResult = {
      x: (pts[bi] as number[]).slice(),
      value: vals[bi] as number,
      converged,
      iterations,
      gradientNorm: NaN,
      message,
    };
    if (!converged) return result;
    if (last !== null && Math.abs(last.value - result.value) <= opts.valueTolerance * Math.max(1, Math.abs(result.value))) {
      return result.value <= last.value ? result : last;
    }
    last = result;
    start = result.x;
  }
  return last as InnerResult;
}
