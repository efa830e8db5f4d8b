/**
 * The starting point of a run near the optimum: θ₀ = θ* + ε·δ with δ a seeded unit
 * direction (uniform on the sphere: a normalised standard Gaussian vector).
 *
 * The direction depends only on (seed, P), drawn from the stream
 * Rng.fromSeed(seed).split('dynamics:direction'), so it never shares draws with a
 * configuration's teacher or data streams even when the seeds coincide.
 * Accuracy: ‖δ‖ = 1 to a few ulps (norm2 is scaled, no overflow). Cost O(P).
 */
import { norm2 } from '../linalg/matrix.js';
import { Rng } from '../rng/rng.js';

export const DIRECTION_STREAM = 'dynamics:direction';

/** A unit vector in R^P, uniform on the sphere, reproducible from `seed`. */
export function seededUnitDirection(P: number, seed: number): Float64Array {
  if (!Number.isInteger(P) || P < 1) throw new Error(`seededUnitDirection: P must be an integer ≥ 1, got ${P}`);
  const rng = Rng.fromSeed(seed).split(DIRECTION_STREAM);
  for (;;) {
    const u = rng.normals(P);
    const n = norm2(u);
    // A zero Gaussian vector has probability 0; redraw rather than divide by zero.
    if (n > 0) return u.map((v) => v / n);
  }
}

/** θ* + ε·δ. */
export function displacedStart(thetaStar: Float64Array, epsilon: number, direction: Float64Array): Float64Array {
  if (direction.length !== thetaStar.length) throw new Error(`displacedStart: direction has ${direction.length} entries, θ* has ${thetaStar.length}`);
  if (!(Number.isFinite(epsilon) && epsilon >= 0)) throw new Error(`displacedStart: epsilon must be a finite number ≥ 0, got ${epsilon}`);
  return thetaStar.map((v, i) => v + epsilon * direction[i]);
}
