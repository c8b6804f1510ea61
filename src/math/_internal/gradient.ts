/** Largest absolute component (NaN if any component is NaN). */
export function maxAbs(v: readonly number[]): number {
  let m = 0;
  for (const x of v) {
    const a = Math.abs(x);
    if (!(a <= m)) m = a;
  }
  return m;
}

/**
 * Central-difference gradient with step ε^{1/3}·max(1, |xᵢ|) (ε = 2⁻⁵²): the
 * step that balances truncation (∝ h²) and rounding (∝ ε/h) errors.
 */
export function centralGradient(fx: (x: readonly number[]) => number, x: readonly number[], _fAtX?: number): number[] {
  const n = x.length;
  const g = new Array<number>(n);
  const xt = x.slice();
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const h0 = 6.055454452393343e-6 * Math.max(1, Math.abs(xi));
    const up = xi + h0;
    const dn = xi - h0;
    xt[i] = up;
    const fu = fx(xt);
    xt[i] = dn;
    const fd = fx(xt);
    xt[i] = xi;
    g[i] = (fu - fd) / (up - dn);
  }
  return g;
}
