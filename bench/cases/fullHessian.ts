/**
 * The full dense Hessian at θ* of a two-layer tanh network, (Ni, Nh, N) = (20, 48, 1000),
 * P = 1008: J, then JᵀJ/N through the backend (native: dsyrk) plus the residual term (zero at
 * θ*, still computed). Writes weights, data and our H for the torch.autograd peer, which
 * checks max |H_torch − H_ours| / max |H|.
 */
import { join } from 'node:path';
import { buildProblem } from '../../src/config/buildProblem.js';
import { fullHessianWith } from '../../src/hessian/denseHessian.js';
import { fullHessian } from '../../src/hessian/hessian.js';
import { describeBackend, getBackend, type BackendName } from '../../src/linalg/selectBackend.js';
import { caseArgs, emit, peakRssMiB, timeIt, writeF64 } from '../lib/measure.js';

const args = caseArgs();
const backendName = (args.get('backend') ?? 'native') as BackendName;
const reps = Number(args.get('reps') ?? 7);
const dir = args.get('dir') ?? '.';
const Ni = 20, Nh = 48, N = 1000;
const p = buildProblem({ family: 'two-layer', activation: 'tanh', Ni, Nh, N, seed: 6 });
const backend = getBackend(backendName);
const compute = backendName === 'portable' ? () => fullHessian(p, p.theta) : () => fullHessianWith(p, p.theta, backend);
const { result: H, timing } = timeIt(compute, reps, 1);
const files = { X: join(dir, 'hess-X.f64'), theta: join(dir, 'hess-theta.f64'), targets: join(dir, 'hess-targets.f64'), ours: join(dir, `hess-H-${backendName}.f64`) };
writeF64(files.X, p.X.data);
writeF64(files.theta, p.theta);
writeF64(files.targets, p.targets);
writeF64(files.ours, H.data);
let sym = 0;
for (let i = 0; i < H.rows; i++) for (let j = 0; j < i; j++) sym = Math.max(sym, Math.abs(H.data[i * H.cols + j] - H.data[j * H.cols + i]));
emit({
  id: `full-hessian-${backendName}`,
  operation: `full Hessian at θ*, two-layer tanh (${backendName === 'portable' ? 'portable Gram' : 'J then dsyrk'})`,
  size: `(Ni, Nh, N) = (${Ni}, ${Nh}, ${N}), P = ${p.model.P}`,
  backend: describeBackend(backend),
  ours: timing,
  peakRssMiB: peakRssMiB(),
  checks: { P: p.model.P, maxAsymmetry: sym },
  peerInput: { kind: 'torch-hessian', meta: { Ni, Nh, N, ...files } },
});
