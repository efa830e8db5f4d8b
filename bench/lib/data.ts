/** Seeded benchmark inputs (all randomness from src/rng). */
import type { Matrix } from '../../src/linalg/matrix.js';
import { Rng } from '../../src/rng/rng.js';

/** Symmetric n×n with N(0, 1) entries (a GOE-like matrix: eigenvalues well spread, no structure to exploit). */
export function randomSymmetric(n: number, seed: number): Matrix {
  const r = Rng.fromSeed(seed).split('bench-symmetric');
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = r.normal();
      data[i * n + j] = v;
      data[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data };
}
