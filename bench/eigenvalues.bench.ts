/**
 * Median wall time of symmetric eigenvalues: portable backend vs ml-matrix
 * (EigenvalueDecomposition with assumeSymmetric — JAMA tred2+tql2, which always
 * forms eigenvectors too, so it is not a like-for-like flop count).
 *
 *   npx tsx bench/eigenvalues.bench.ts            # n = 200, 500, 1000
 *   npx tsx bench/eigenvalues.bench.ts 2000       # any sizes
 *
 * ml-matrix is skipped at a size when the n³ extrapolation from the previous
 * size (or from a probe at n = 200) predicts more than ML_MATRIX_SKIP_SECONDS
 * per run. Prints only; no
 * timing is asserted anywhere.
 */
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { getBackend } from '../src/linalg/index.js';
import type { Matrix } from '../src/linalg/matrix.js';
import { Rng } from '../src/rng/rng.js';
import { randomSymmetric } from '../test/support/randomMatrices.js';

/** The brief's budget for a single ml-matrix run. */
const ML_MATRIX_SKIP_SECONDS = 20;
const DEFAULT_SIZES = [200, 500, 1000];
/** Size of the ml-matrix probe used to extrapolate when the first requested size is large. */
const ML_PROBE_N = 200;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => void, reps: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Median ml-matrix time (ms); the nested-array conversion is outside the timed region. */
function mlTime(a: Matrix, reps: number): number {
  const n = a.rows;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(a.data.subarray(i * n, (i + 1) * n)));
  return median(time(() => new EigenvalueDecomposition(new MlMatrix(rows), { assumeSymmetric: true }), reps));
}

function repsFor(n: number): number {
  return n <= 200 ? 7 : n <= 500 ? 5 : 3;
}

const sizes = process.argv.slice(2).map(Number).filter((x) => Number.isInteger(x) && x > 0);
const backend = getBackend('portable');
const rng = Rng.fromSeed(1);
console.log(`node ${process.version}; median wall time of symmetric eigenvalues (ms)`);
console.log('     n   portable   ml-matrix   ratio');
let mlPrev: { n: number; ms: number } | null = null;
for (const n of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
  const a = randomSymmetric(rng.split(`n=${n}`), n);
  backend.symmetricEigenvalues(randomSymmetric(rng.split('warm-up'), Math.min(n, 64))); // warm-up (JIT)
  const reps = repsFor(n);
  const ours = median(time(() => backend.symmetricEigenvalues(a), reps));

  let mlText = 'skipped';
  let ratioText = '';
  if (mlPrev === null && n > ML_PROBE_N) mlPrev = { n: ML_PROBE_N, ms: mlTime(randomSymmetric(rng.split('probe'), ML_PROBE_N), 3) };
  const predicted = mlPrev === null ? 0 : mlPrev.ms * Math.pow(n / mlPrev.n, 3);
  if (predicted <= ML_MATRIX_SKIP_SECONDS * 1000) {
    const ml = mlTime(a, predicted > 5000 ? 1 : reps);
    mlPrev = { n, ms: ml };
    mlText = ml.toFixed(0);
    ratioText = `${(ml / ours).toFixed(1)}×`;
  } else {
    mlText = `skipped (~${(predicted / 1000).toFixed(0)} s predicted)`;
  }
  console.log(`${String(n).padStart(6)} ${ours.toFixed(0).padStart(10)} ${mlText.padStart(11)}   ${ratioText}`);
}
