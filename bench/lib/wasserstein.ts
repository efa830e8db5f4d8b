/**
 * Wasserstein-1 distance between two discrete probability measures on the line,
 * W₁(μ, ν) = ∫ |F_μ(x) − F_ν(x)| dx (Vallender 1973), computed exactly by sweeping the merged
 * atoms: between consecutive atoms both CDFs are constant. Used to score a spectral density
 * estimate (SLQ's nodes and weights) against the exact spectral measure (each eigenvalue 1/P).
 * Cost O((m + n) log(m + n)).
 */

export interface Atoms {
  /** Atom locations (any order). */
  readonly x: ArrayLike<number>;
  /** Non-negative weights, same length; normalised here to sum to 1. */
  readonly w: ArrayLike<number>;
}

export function wasserstein1(mu: Atoms, nu: Atoms): number {
  const pts: { x: number; d: number }[] = [];
  const add = (m: Atoms, sign: number) => {
    let total = 0;
    for (let i = 0; i < m.w.length; i++) total += m.w[i];
    if (!(total > 0) || m.x.length !== m.w.length) throw new Error('wasserstein1: a measure needs positive total weight and as many weights as atoms');
    for (let i = 0; i < m.x.length; i++) {
      if (!Number.isFinite(m.x[i]) || !(m.w[i] >= 0)) throw new Error(`wasserstein1: atom ${i} is not finite or has a negative weight`);
      pts.push({ x: m.x[i], d: (sign * m.w[i]) / total });
    }
  };
  add(mu, 1);
  add(nu, -1);
  pts.sort((p, q) => p.x - q.x);
  let diff = 0;
  let w1 = 0;
  for (let i = 0; i < pts.length - 1; i++) {
    diff += pts[i].d;
    w1 += Math.abs(diff) * (pts[i + 1].x - pts[i].x);
  }
  return w1;
}

/** The spectral measure of P eigenvalues given by the nonzero ones plus (P − count) zeros. */
export function spectralMeasure(eigenvalues: ArrayLike<number>, P = eigenvalues.length): Atoms {
  const zeros = P - eigenvalues.length;
  if (zeros < 0) throw new Error(`spectralMeasure: ${eigenvalues.length} eigenvalues for P = ${P}`);
  const x = [...Array.from(eigenvalues), ...(zeros > 0 ? [0] : [])];
  const w = [...Array.from(eigenvalues, () => 1), ...(zeros > 0 ? [zeros] : [])];
  return { x, w };
}
