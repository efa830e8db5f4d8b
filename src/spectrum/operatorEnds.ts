/**
 * The k largest (or smallest) eigenvalues of a matrix-free symmetric operator — a Hessian, its
 * Gauss–Newton or residual term — by Lanczos with full reorthogonalisation
 * (src/linalg/lanczos.ts), after checking that its basis fits the memory budget, with an
 * optional callback per operator application (progress on a terminal).
 *
 * Each returned eigenvalue is within its explicit residual ‖A y − θ y‖ of a true one (Weyl);
 * `converged` says whether every residual estimate met tolerance·‖A‖ within the cap.
 * Cost: iterations + k applications (+ 4·j·P reorthogonalisation flops per step j);
 * memory (iterations + 2)·P doubles plus the operator's cache.
 */
import { assertFits, lanczosBytes } from '../config/memoryBudget.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { LANCZOS_DEFAULTS, lanczosEigenvalues } from '../linalg/lanczos.js';
import { countingOperator, type SymmetricOperator } from '../linalg/operator.js';
import { Rng } from '../rng/rng.js';

export interface OperatorEndsOptions {
  readonly k: number;
  /** @defaultValue 'largest' */
  readonly which?: 'largest' | 'smallest';
  /** Relative residual target. @defaultValue 1e-10 (LANCZOS_DEFAULTS) */
  readonly tolerance?: number;
  /** Cap on Lanczos steps. @defaultValue min(P, max(300, 10·k)) */
  readonly maxIterations?: number;
  readonly backend?: LinalgBackend | null;
  /** Bytes the operator keeps (added to the basis for the memory check). @defaultValue 0 */
  readonly operatorCacheBytes?: number;
  /** Seed of the start vector. @defaultValue 0 */
  readonly seed?: number;
  /** Called after every operator application. */
  readonly onApply?: () => void;
  /** Also return the Ritz vectors. */
  readonly wantVectors?: boolean;
  /** Config field a memory refusal names. @defaultValue 'max-iterations' */
  readonly field?: string;
}

export interface OperatorEnds {
  /** Descending for 'largest', ascending for 'smallest'. */
  readonly values: number[];
  readonly residuals: number[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly tolerance: number;
  /** Operator applications, the Ritz residual checks included. */
  readonly applications: number;
  readonly vectors?: Float64Array[];
}

/** The iteration cap used when none is given. */
export function defaultIterationCap(P: number, k: number): number {
  return Math.min(P, Math.max(LANCZOS_DEFAULTS.minIterationCap, 10 * k));
}

export function operatorEnds(op: SymmetricOperator, opts: OperatorEndsOptions): OperatorEnds {
  const P = op.size;
  const cap = Math.min(P, opts.maxIterations ?? defaultIterationCap(P, opts.k));
  assertFits(lanczosBytes(P, cap, opts.operatorCacheBytes ?? 0), `matrix-free Lanczos with P = ${P} and up to ${cap} iterations`, opts.field ?? 'max-iterations', 'lower --max-iterations or --k');
  const counted = countingOperator(P, 'operatorEnds', (v) => {
    const out = op.apply(v);
    opts.onApply?.();
    return out;
  });
  const tolerance = opts.tolerance ?? LANCZOS_DEFAULTS.tolerance;
  const lz = lanczosEigenvalues(counted, {
    k: Math.min(opts.k, P),
    which: opts.which ?? 'largest',
    tolerance,
    maxIterations: cap,
    backend: opts.backend ?? null,
    rng: Rng.fromSeed(opts.seed ?? 0).split('lanczos'),
    wantVectors: opts.wantVectors ?? false,
  });
  return {
    values: Array.from(lz.values),
    residuals: Array.from(lz.residuals),
    iterations: lz.iterations,
    converged: lz.converged,
    tolerance,
    applications: counted.applications,
    ...(lz.vectors ? { vectors: lz.vectors } : {}),
  };
}
