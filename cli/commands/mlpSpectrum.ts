/**
 * `spectrum` on an mlp configuration: every eigenvalue of the Hessian of the trained model's
 * loss at its weights, by the dense route (src/spectrum/denseCurvatureSpectrum.ts), with the
 * loss value and gradient norm (how far from a stationary point the weights are).
 */
import type { LinalgBackend } from '../../src/linalg/backend.js';
import { denseCurvatureSpectrum } from '../../src/spectrum/denseCurvatureSpectrum.js';
import { EXIT_OK } from '../cliError.js';
import type { CliIO } from '../io.js';
import { modelHeader, modelLines, type LoadedModel } from '../loadModel.js';

export function mlpSpectrum(loaded: LoadedModel, backend: LinalgBackend, json: boolean, io: CliIO): number {
  const m = loaded.curvature;
  const s = denseCurvatureSpectrum(m, backend);
  const ev = s.eigenvalues;
  const result = {
    ...modelHeader(m, s.route, s.backend),
    parameters: loaded.mlp?.parameterNames,
    layout: m.layout,
    lossValue: m.lossValue(),
    gradientNorm: m.gradientNorm(),
    eigenvalues: Array.from(ev),
    rank: s.rank.rank,
    gap: Number.isFinite(s.rank.gap) ? s.rank.gap : null,
    trace: s.trace,
  };
  if (json) {
    io.out(JSON.stringify(result));
    return EXIT_OK;
  }
  const negatives = Array.from(ev).filter((v) => v < -s.rank.tolerance).length;
  io.out(
    [
      ...modelLines(m),
      `route: ${s.route}; linear algebra: ${s.backend}`,
      `loss ${result.lossValue.toPrecision(8)}; ‖∇L‖ ${result.gradientNorm.toExponential(3)}`,
      `rank ${s.rank.rank} of ${m.P}; gap σ_r/σ_r+1 = ${Number.isFinite(s.rank.gap) ? s.rank.gap.toExponential(3) : '∞ (nothing dropped)'}; ${negatives} negative eigenvalue(s)`,
      `trace ${s.trace.toPrecision(10)}; λ_max ${ev[0].toPrecision(8)}; λ_min ${ev[ev.length - 1].toPrecision(8)}`,
      `eigenvalues (descending): ${Array.from(ev, (v) => v.toPrecision(6)).join(' ')}`,
    ].join('\n'),
  );
  return EXIT_OK;
}
