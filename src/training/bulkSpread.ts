/**
 * The size of the bulk of a Hessian spectrum once its outliers are removed, estimated from
 * Hessian-vector products alone (Hutchinson 1990 with deflation):
 *
 *   Q = I − VVᵀ (V: the outliers' unit eigenvectors, e.g. Lanczos Ritz vectors),
 *   S₂ = tr(QHQ·QHQ) = Σ_{bulk} λ²   estimated by  q_s = ‖Q H Q z_s‖²,  z_s Rademacher,
 *   meanSquare = S₂ / (P − c),   rms = √meanSquare.
 *
 * E[q_s] = S₂ exactly (E zzᵀ = I), so the mean of `probes` draws is unbiased; its standard
 * error is the sample standard deviation / √probes, and rms's is rms·se/(2·meanSquare) (delta
 * method). Deflating first matters: without it ‖H‖_F² is dominated by the outliers and the
 * bulk's share drowns in their estimator noise. V need not be exact: Ritz vectors with
 * residual r leave an O(r) eigenvalue error in the projected operator.
 *
 * Cost: `probes` H·v products plus O(probes·c·P) for the projections.
 */
import type { SymmetricOperator } from '../linalg/operator.js';
import type { Rng } from '../rng/index.js';

export interface BulkSpread {
  /** Σ_bulk λ² / (P − c). */
  readonly meanSquare: number;
  readonly meanSquareStdError: number;
  /** √meanSquare: the bulk's RMS eigenvalue. */
  readonly rms: number;
  readonly rmsStdError: number;
  readonly probes: number;
  /** Number of deflated directions c. */
  readonly deflated: number;
}

function project(x: Float64Array, V: readonly Float64Array[]): void {
  for (const v of V) {
    let c = 0;
    for (let i = 0; i < x.length; i++) c += v[i] * x[i];
    for (let i = 0; i < x.length; i++) x[i] -= c * v[i];
  }
}

export function bulkSpread(op: SymmetricOperator, outlierVectors: readonly Float64Array[], probes: number, rng: Rng): BulkSpread {
  const fn = 'bulkSpread';
  const P = op.size;
  const c = outlierVectors.length;
  if (!(Number.isInteger(probes) && probes >= 2)) throw new Error(`${fn}: probes must be an integer ≥ 2 (the standard error needs two), got ${probes}`);
  if (c >= P) throw new Error(`${fn}: ${c} deflated directions leave no bulk in dimension ${P}`);
  for (const v of outlierVectors) if (v.length !== P) throw new Error(`${fn}: every outlier vector must have length ${P}, got ${v.length}`);
  const q: number[] = [];
  for (let s = 0; s < probes; s++) {
    const z = new Float64Array(P);
    for (let i = 0; i < P; i++) z[i] = rng.nextUint32() & 1 ? 1 : -1;
    project(z, outlierVectors);
    const y = op.apply(z);
    project(y, outlierVectors);
    let n2 = 0;
    for (let i = 0; i < P; i++) n2 += y[i] * y[i];
    q.push(n2);
  }
  const mean = q.reduce((a, b) => a + b, 0) / probes;
  const variance = q.reduce((a, b) => a + (b - mean) ** 2, 0) / (probes - 1);
  const se = Math.sqrt(variance / probes);
  const meanSquare = mean / (P - c);
  const meanSquareStdError = se / (P - c);
  const rms = Math.sqrt(meanSquare);
  return { meanSquare, meanSquareStdError, rms, rmsStdError: meanSquare > 0 ? (rms * meanSquareStdError) / (2 * meanSquare) : Infinity, probes, deflated: c };
}
