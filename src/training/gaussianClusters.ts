/**
 * k Gaussian clusters in d dimensions, the data of Sagun et al. 2018 §3.1 (arXiv:1706.04454):
 *
 *   centre_c ~ N(0, I_d)  (c = 0 … k−1),   x_n = centre_{c_n} + spread · z_n,   z_n ~ N(0, I_d)
 *
 * with labels c_n = n mod k before a seeded shuffle (so every class has ⌊N/k⌋ or ⌈N/k⌉ points),
 * then globally standardised: every feature is shifted and scaled to zero mean and unit
 * (population, 1/N) variance over the N points. Standardising is an affine map of the inputs,
 * so it changes neither the cluster structure nor the labels; it only fixes the scale the
 * network's initialisation assumes.
 *
 * Seeding: centres from rng.split('centres'), points from rng.split('points'), the label
 * shuffle from rng.split('labels'); so the same seed gives the same centres whatever N is.
 *
 * Accuracy: after standardising, each feature's mean is 0 and variance 1 up to the rounding of
 * two passes of sums over N (≤ ~N·eps relative, test/training/gaussianClusters.test.ts).
 * Cost: O(N·d) time and memory.
 */
import type { Matrix } from '../linalg/matrix.js';
import type { Rng } from '../rng/index.js';

export interface GaussianClustersSpec {
  /** Number of clusters = number of labels k (≥ 1). */
  readonly k: number;
  /** Input dimension d (≥ 1). */
  readonly d: number;
  /** Number of points N (≥ k, so every class is present). */
  readonly N: number;
  /** Standard deviation of the points about their centre (> 0; the centres have unit variance per coordinate). */
  readonly spread: number;
  /**
   * Number of distinct centres k′ (1 ≤ k′ ≤ k); point n sits at centre (label mod k′). Used by
   * a wrong neighbour: k labels on k′ < k clusters. @defaultValue k
   */
  readonly centres?: number;
}

export interface GaussianClusters {
  /** N×d standardised inputs. */
  readonly X: Matrix;
  /** Label of each point, 0 … k−1. */
  readonly labels: Int32Array;
  /** k′×d cluster centres in the standardised coordinates. */
  readonly centres: Matrix;
  /** Per-feature mean and (population) standard deviation removed by the standardisation. */
  readonly featureMean: Float64Array;
  readonly featureStd: Float64Array;
}

export function gaussianClusters(spec: GaussianClustersSpec, rng: Rng): GaussianClusters {
  const fn = 'gaussianClusters';
  const { k, d, N, spread } = spec;
  const kc = spec.centres ?? k;
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`${fn}: k must be an integer ≥ 1, got ${k}`);
  if (!(Number.isInteger(d) && d >= 1)) throw new Error(`${fn}: d must be an integer ≥ 1, got ${d}`);
  if (!(Number.isInteger(N) && N >= k && N >= 2)) throw new Error(`${fn}: N must be an integer ≥ max(k, 2) = ${Math.max(k, 2)}, got ${N}`);
  if (!(Number.isFinite(spread) && spread > 0)) throw new Error(`${fn}: spread must be a finite number > 0, got ${spread}`);
  if (!(Number.isInteger(kc) && kc >= 1 && kc <= k)) throw new Error(`${fn}: centres must be an integer in [1, k = ${k}], got ${kc}`);

  const centresRaw = rng.split('centres').normals(kc * d);
  // Balanced labels, then a Fisher–Yates shuffle so classes are interleaved.
  const labels = new Int32Array(N);
  for (let n = 0; n < N; n++) labels[n] = n % k;
  const shuffle = rng.split('labels');
  for (let n = N - 1; n > 0; n--) {
    const j = shuffle.integer(n + 1);
    const t = labels[n];
    labels[n] = labels[j];
    labels[j] = t;
  }
  const noise = rng.split('points').normals(N * d, spread);
  const X = new Float64Array(N * d);
  for (let n = 0; n < N; n++) {
    const c = labels[n] % kc;
    for (let j = 0; j < d; j++) X[n * d + j] = centresRaw[c * d + j] + noise[n * d + j];
  }
  const featureMean = new Float64Array(d);
  const featureStd = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let n = 0; n < N; n++) s += X[n * d + j];
    const mean = s / N;
    let v = 0;
    for (let n = 0; n < N; n++) v += (X[n * d + j] - mean) ** 2;
    const sd = Math.sqrt(v / N);
    if (!(sd > 0)) throw new Error(`${fn}: feature ${j} has zero variance over the data; cannot standardise`);
    featureMean[j] = mean;
    featureStd[j] = sd;
    for (let n = 0; n < N; n++) X[n * d + j] = (X[n * d + j] - mean) / sd;
  }
  const centres = new Float64Array(kc * d);
  for (let c = 0; c < kc; c++) for (let j = 0; j < d; j++) centres[c * d + j] = (centresRaw[c * d + j] - featureMean[j]) / featureStd[j];
  return { X: { rows: N, cols: d, data: X }, labels, centres: { rows: kc, cols: d, data: centres }, featureMean, featureStd };
}
