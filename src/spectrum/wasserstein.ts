/**
 * The Wasserstein-1 distance between two discrete probability measures on the line:
 * W₁(μ, ν) = ∫ |F_μ(t) − F_ν(t)| dt (Vallender 1973), computed exactly by merging the sorted
 * supports. Used to compare an SLQ spectral density with a dense spectrum.
 *
 * Accuracy: one float64 sum over the merged support (relative error ≲ (m + n)·eps).
 * Cost: O((m + n) log(m + n)).
 */

export interface DiscreteMeasure {
  /** Atom locations (any order). */
  readonly nodes: ArrayLike<number>;
  /** Nonnegative weights summing to 1 (checked to 1e-9). */
  readonly weights: ArrayLike<number>;
}

/** The empirical measure (1/n)·Σ δ_{x_i}. */
export function empiricalMeasure(xs: ArrayLike<number>): DiscreteMeasure {
  return { nodes: xs, weights: new Float64Array(xs.length).fill(1 / xs.length) };
}

export function wasserstein1(mu: DiscreteMeasure, nu: DiscreteMeasure): number {
  const atoms: { x: number; w: number }[] = [];
  addAtoms(atoms, mu, 1, 'mu');
  addAtoms(atoms, nu, -1, 'nu');
  atoms.sort((p, q) => p.x - q.x);
  let diff = 0; // F_μ − F_ν just right of the current atom
  let total = 0;
  for (let i = 0; i < atoms.length - 1; i++) {
    diff += atoms[i].w;
    total += Math.abs(diff) * (atoms[i + 1].x - atoms[i].x);
  }
  return total;
}

function addAtoms(out: { x: number; w: number }[], m: DiscreteMeasure, sign: number, name: string): void {
  if (m.nodes.length !== m.weights.length || m.nodes.length === 0) {
    throw new Error(`wasserstein1: ${name} needs as many weights as nodes (≥ 1), got ${m.nodes.length} nodes and ${m.weights.length} weights`);
  }
  let sum = 0;
  for (let i = 0; i < m.nodes.length; i++) {
    const x = m.nodes[i];
    const w = m.weights[i];
    if (!Number.isFinite(x) || !(w >= 0)) throw new Error(`wasserstein1: ${name} atom ${i} is (${x}, ${w}); nodes must be finite and weights ≥ 0`);
    sum += w;
    out.push({ x, w: sign * w });
  }
  if (Math.abs(sum - 1) > 1e-9) throw new Error(`wasserstein1: ${name} weights sum to ${sum}, expected 1`);
}
