/**
 * One column of the finite-difference Hessian, H[:, i] ≈ (∇L(θ + h e_i) − ∇L(θ − h e_i))/(2h),
 * Richardson-extrapolated over h and 2h with the error estimate of ./finiteDifferenceHessian.ts
 * (truncation |D_h − D_2h|/3 plus rounding 1.5·ρ/h, ρ the caller's bound on one gradient
 * entry's rounding). For models too large for the P-column dense route: a few columns checked
 * against H·e_i. Cost: 4 gradient evaluations.
 */
import { EPS } from '../linalg/matrix.js';

/** eps^{1/3}: balances O(h²) truncation against O(eps/h) rounding for central differences. */
export const CENTRAL_DIFFERENCE_STEP = Math.cbrt(EPS);

/** The step used for coordinate i: eps^{1/3}·max(1, |θ_i|), made exactly representable so θ ± h differ by exactly 2h. */
export function centralDifferenceStep(theta: Float64Array, i: number): number {
  const raw = CENTRAL_DIFFERENCE_STEP * Math.max(1, Math.abs(theta[i]));
  return theta[i] + raw - theta[i];
}

export interface FiniteDifferenceColumn {
  readonly column: Float64Array;
  readonly errorEstimate: Float64Array;
  readonly step: number;
}

export function finiteDifferenceColumn(grad: (theta: Float64Array) => Float64Array, theta: Float64Array, i: number, gradientRounding: number): FiniteDifferenceColumn {
  const P = theta.length;
  const shifted = Float64Array.from(theta);
  const difference = (h: number): Float64Array => {
    shifted[i] = theta[i] + h;
    const gp = grad(shifted);
    shifted[i] = theta[i] - h;
    const gm = grad(shifted);
    shifted[i] = theta[i];
    const d = new Float64Array(P);
    for (let r = 0; r < P; r++) d[r] = (gp[r] - gm[r]) / (2 * h);
    return d;
  };
  const h = centralDifferenceStep(theta, i);
  const d1 = difference(h);
  const d2 = difference(2 * h);
  const column = new Float64Array(P);
  const errorEstimate = new Float64Array(P);
  for (let r = 0; r < P; r++) {
    column[r] = (4 * d1[r] - d2[r]) / 3;
    errorEstimate[r] = Math.abs(d1[r] - d2[r]) / 3 + (1.5 * gradientRounding) / h;
  }
  return { column, errorEstimate, step: h };
}
