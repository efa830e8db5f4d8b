/**
 * `top-eigenvalues` on an mlp configuration: the K largest eigenvalues of the trained model's
 * Hessian by Lanczos with full reorthogonalisation on the engine's exact H·v
 * (src/spectrum/operatorEnds.ts), never forming the P×P matrix; residuals, iterations,
 * convergence and the number of H·v products (the cost) are reported.
 */
import type { LinalgBackend } from '../../src/linalg/backend.js';
import { describeBackend } from '../../src/linalg/selectBackend.js';
import type { ProductProgress } from '../../src/report/progress/productProgress.js';
import { defaultIterationCap, operatorEnds } from '../../src/spectrum/operatorEnds.js';
import { EXIT_OK } from '../cliError.js';
import type { CliIO } from '../io.js';
import { modelHeader, modelLines, type LoadedModel } from '../loadModel.js';

export interface MlpTopOptions {
  readonly k: number;
  readonly tolerance: number;
  readonly maxIterations?: number;
  readonly backend: LinalgBackend;
  readonly note: string | null;
  readonly json: boolean;
}

export function mlpTopEigenvalues(loaded: LoadedModel, o: MlpTopOptions, io: CliIO, progress: ProductProgress): number {
  const m = loaded.curvature;
  const cap = Math.min(m.P, o.maxIterations ?? defaultIterationCap(m.P, o.k));
  const started = Date.now();
  progress.phase('top-eigenvalues: Lanczos', cap + o.k, true);
  const ends = operatorEnds(m.hessianOperator(), { k: o.k, which: 'largest', tolerance: o.tolerance, maxIterations: cap, backend: o.backend, operatorCacheBytes: m.operatorCacheBytes, onApply: () => progress.tick() });
  progress.done();
  const seconds = (Date.now() - started) / 1000;
  const result = {
    ...modelHeader(m, 'matrix-free-lanczos', o.backend.name),
    ...(o.note ? { backendNote: o.note } : {}),
    k: o.k,
    atOptimum: false,
    eigenvalues: ends.values,
    residuals: ends.residuals,
    iterations: ends.iterations,
    converged: ends.converged,
    tolerance: ends.tolerance,
    hessianVectorProducts: ends.applications,
    seconds,
  };
  if (o.json) {
    io.out(JSON.stringify(result));
    return EXIT_OK;
  }
  const worst = Math.max(...ends.residuals);
  io.out(
    [
      ...modelLines(m),
      `route: matrix-free Lanczos on the exact Hessian-vector product (R-operator; full reorthogonalisation); linear algebra: ${describeBackend(o.backend)}${o.note ? ` — ${o.note}` : ''}`,
      `top ${o.k} eigenvalues (descending): ${ends.values.map((v) => v.toPrecision(10)).join(' ')}`,
      `lanczos: ${ends.iterations} iterations, ${ends.converged ? 'converged' : 'NOT converged (raise --max-iterations)'}; max residual ‖Hy − θy‖ = ${worst.toExponential(2)} (each eigenvalue is within its residual of a true one; target ${o.tolerance}·‖H‖); ${ends.applications} H·v products in ${seconds.toFixed(1)} s`,
    ].join('\n'),
  );
  return EXIT_OK;
}
