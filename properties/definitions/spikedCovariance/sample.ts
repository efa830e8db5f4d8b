/** S3's sample: R i.i.d. top eigenvalues at size N (M = γN, ℓ = 1 + u√γ), from the stream of (seed, N). */
import { Rng } from '../../../src/rng/rng.js';
import { spikedTopEigenvalues } from '../../../src/spectrum/spikedWishart.js';
import { R_DRAWS } from '../../../theory/spikedCovariance.js';
import { spikeOf, type SpikedCase } from '../../arbitraries/spikedConfigs.js';

export function spikedSample(c: Pick<SpikedCase, 'gamma' | 'u' | 'seed'>, N: number, R = R_DRAWS): Float64Array {
  return spikedTopEigenvalues(Rng.fromSeed(c.seed).split(`N:${N}`), { M: Math.round(c.gamma * N), N, ell: spikeOf(c) }, R);
}
