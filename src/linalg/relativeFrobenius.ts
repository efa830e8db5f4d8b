/**
 * Relative Frobenius error ‖A − B‖_F / ‖B‖_F of A against a reference B (e.g. a float32
 * autodiff Hessian against the float64 closed form). Sums of squares in float64, one pass;
 * the result is relative to the reference only, so it is not symmetric in A and B.
 * A zero reference has no relative error: that is an Error, not Infinity or NaN.
 */
import { frobenius, type Matrix } from './matrix.js';

export function relativeFrobenius(a: Matrix, b: Matrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`relativeFrobenius: A is ${a.rows}×${a.cols} but the reference B is ${b.rows}×${b.cols}; compare matrices of the same shape`);
  }
  const ref = frobenius(b);
  if (!(ref > 0)) throw new Error(`relativeFrobenius: the reference B has ‖B‖_F = ${ref}; a relative error needs a nonzero, finite reference`);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(sum) / ref;
}
