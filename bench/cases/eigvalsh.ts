/**
 * Eigenvalues of an n×n symmetric matrix (default 2000) on one backend; writes the matrix for
 * the numpy.linalg.eigvalsh peer. Check: agreement with the other backend is left to the
 * peer comparison (max |Δλ| / ‖A‖ against numpy, computed by the peer script).
 */
import { join } from 'node:path';
import { getBackend, describeBackend, type BackendName } from '../../src/linalg/selectBackend.js';
import { caseArgs, emit, peakRssMiB, timeIt, writeF64 } from '../lib/measure.js';
import { randomSymmetric } from '../lib/data.js';

const args = caseArgs();
const n = Number(args.get('n') ?? 2000);
const backendName = (args.get('backend') ?? 'native') as BackendName;
const reps = Number(args.get('reps') ?? 5);
const dir = args.get('dir') ?? '.';
const backend = getBackend(backendName);
const A = randomSymmetric(n, 2000);
const matrixFile = join(dir, `sym${n}.f64`);
const oursFile = join(dir, `eig-${backendName}-${n}.f64`);
writeF64(matrixFile, A.data);
backend.symmetricEigenvalues(randomSymmetric(64, 1)); // warm-up (JIT / library load)
const { result, timing } = timeIt(() => backend.symmetricEigenvalues(A), reps);
writeF64(oursFile, result);
emit({
  id: `eigvalsh-${backendName}`,
  operation: `symmetric eigenvalues (${backendName === 'native' ? 'dsyevd' : 'Householder + implicit QL, values only'})`,
  size: `${n}×${n}`,
  backend: describeBackend(backend),
  ours: timing,
  peakRssMiB: peakRssMiB(),
  checks: { lambdaMax: result[n - 1], lambdaMin: result[0] },
  peerInput: { kind: 'eigvalsh', matrix: matrixFile, n, ours: oursFile },
});
