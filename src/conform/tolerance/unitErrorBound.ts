/**
 * A family's rounding-error model of its Hessian, per unit roundoff: |Ĥ − H| ≤ u·E₁
 * componentwise for any reasonable implementation computing in a precision with unit
 * roundoff u (first order), and Habs, the magnitudes of the terms each entry sums (what an
 * extra accumulation of length m costs: m·u·Habs). Families provide it
 * (./twoLayerErrorBound.ts); ./opTolerance.ts turns it into each op's tolerance.
 */
import type { Matrix } from '../../linalg/matrix.js';

export interface UnitErrorBound {
  /** P×P, nonnegative: the entrywise error bound divided by u. */
  readonly E1: Matrix;
  /** P×P, nonnegative: Σ of |terms| of each entry (≥ |H| entrywise). */
  readonly Habs: Matrix;
}
