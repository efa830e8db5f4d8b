/**
 * How far a Hessian A is from a finite-difference route, in units of that route's own error
 * estimate: max_ij |A_ij − FD_ij| / E_ij (src/hessian/finiteDifferenceHessian.ts gives FD
 * and E). ≤ 1 means A agrees with the finite differences within their error; a wrong Hessian
 * (e.g. Gauss–Newton alone off θ*) misses by orders of magnitude.
 *
 * An entry where A and FD agree exactly counts 0 even when E_ij = 0 there (e.g. the rows of
 * a ReLU unit dead on every sample: both are exactly 0). Any other entry with E_ij = 0 gives
 * Infinity — a disagreement the estimate cannot explain. Cost: one pass over P² entries.
 */
import type { Matrix } from '../linalg/matrix.js';
import type { FiniteDifferenceHessian } from './finiteDifferenceHessian.js';

export function finiteDifferenceRatio(a: Matrix, fd: FiniteDifferenceHessian): number {
  if (a.rows !== fd.hessian.rows || a.cols !== fd.hessian.cols) {
    throw new Error(`finiteDifferenceRatio: the Hessian is ${a.rows}×${a.cols} but the finite-difference route is ${fd.hessian.rows}×${fd.hessian.cols}; pass matrices of the same problem`);
  }
  let worst = 0;
  for (let i = 0; i < a.data.length; i++) {
    const diff = Math.abs(a.data[i] - fd.hessian.data[i]);
    if (diff !== 0) worst = Math.max(worst, diff / fd.errorEstimate.data[i]);
  }
  return worst;
}
