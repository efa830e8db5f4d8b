/**
 * Matrix-free H·v of the MLP engine (src/nets/mlp) at P = 108,610: d = 50, hidden [300, 300],
 * k = 10, N = 1000, softmax cross-entropy (mean), relu or tanh (--activation). Times, as CPU
 * time of this process (the 2-core machine is shared; wall time drifts more): loss, gradient,
 * H·v at a new θ (cold: forward and δ recomputed), H·v repeated at one θ (the Lanczos case:
 * prepared blocks reused, src/nets/mlp/pointCache.ts) and GN·v repeated. `ours` is the
 * repeated H·v. Check: cold and repeated products agree bitwise.
 *
 *   npx tsx bench/cases/mlpHessianVector.ts --activation tanh --reps 5
 */
import { buildMlpProblem, type MlpActivation } from '../../src/nets/mlp/index.js';
import { Rng } from '../../src/rng/index.js';
import { caseArgs, emit, median, peakRssMiB } from '../lib/measure.js';

const args = caseArgs();
const activation = (args.get('activation') ?? 'relu') as MlpActivation;
const reps = Number(args.get('reps') ?? 5);
const N = 1000, d = 50, k = 10, hidden = [300, 300];
const rng = Rng.fromSeed(1);
const X = { rows: N, cols: d, data: rng.normals(N * d) };
const labels = Int32Array.from({ length: N }, () => rng.integer(k));
const p = buildMlpProblem({ inputDim: d, hidden, outputs: k, activation, loss: 'cross-entropy' }, { X, labels });
const theta = p.initialTheta(rng.split('theta'));
const other = Float64Array.from(theta);
other[0] += 1e-3;
const v = rng.normals(p.P);

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function time<T>(fn: () => T): { result: T; runsMs: number[]; medianMs: number } {
  let result = fn(); // warm-up (JIT)
  const runsMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = cpuMs();
    result = fn();
    runsMs.push(cpuMs() - t0);
  }
  return { result, runsMs, medianMs: median(runsMs) };
}

const loss = time(() => p.loss(theta));
const gradient = time(() => p.gradient(theta));
let flip = 0;
const cold = time(() => p.hessianVector((flip ^= 1) ? other : theta, v));
const coldAtTheta = p.hessianVector(other, v) && p.hessianVector(theta, v);
const warm = time(() => p.hessianVector(theta, v));
const gn = time(() => p.gaussNewtonVector(theta, v));
let same = true;
for (let i = 0; i < p.P; i++) if (coldAtTheta[i] !== warm.result[i]) same = false;
emit({
  id: `mlp-hvp-${activation}`,
  operation: `MLP H·v (R-operator), ${activation}, cross-entropy, repeated at one θ`,
  size: `d = ${d}, hidden [${hidden.join(', ')}], k = ${k}, N = ${N}, P = ${p.P}`,
  backend: 'portable (plain TS)',
  ours: { medianMs: warm.medianMs, runsMs: warm.runsMs },
  peakRssMiB: peakRssMiB(),
  checks: {
    P: p.P,
    lossMs: loss.medianMs,
    gradientMs: gradient.medianMs,
    hvpColdMs: cold.medianMs,
    hvpRepeatedMs: warm.medianMs,
    gnvRepeatedMs: gn.medianMs,
    coldEqualsRepeatedBitwise: same,
  },
});
