/** Linear-network configurations (two-layer identity and deep linear) for C2a–c. */
import * as fc from 'fast-check';
import type { GeneratedConfig } from '../../src/config/types.js';
import { scaleArb, seedArb } from './common.js';

export interface LinearConfigOptions {
  /** Force XᵀX/N = I (then N ≥ Ni). */
  whiten?: boolean;
  /** Two-layer only, a = 0 (the C2b counterexample). */
  zeroOutput?: boolean;
}

export function linearConfigArb(opts: LinearConfigOptions = {}): fc.Arbitrary<GeneratedConfig> {
  return fc
    .record({
      deep: opts.zeroOutput ? fc.constant(false) : fc.boolean(),
      depth: fc.integer({ min: 2, max: 4 }),
      Ni: fc.integer({ min: 1, max: 7 }),
      Nh: fc.integer({ min: 1, max: 6 }),
      extraN: fc.integer({ min: 0, max: 30 }),
      smallN: fc.boolean(),
      sigma1: scaleArb(0.3, 1.5),
      sigma2: scaleArb(0.3, 1.5),
      seed: seedArb,
      whiten: opts.whiten === undefined ? fc.boolean() : fc.constant(opts.whiten),
    })
    .map((r): GeneratedConfig => {
      // N < Ni is the rank-capping regime (not allowed with whitening, which needs N ≥ Ni).
      const N = r.whiten || !r.smallN ? r.Ni + r.extraN : Math.max(1, Math.ceil(r.Ni / 2));
      const base = { Ni: r.Ni, Nh: r.Nh, N, seed: r.seed, sigma1: r.sigma1, sigma2: r.sigma2, whiten: r.whiten };
      if (r.deep) return { family: 'deep-linear', depth: r.depth, ...base };
      return {
        family: 'two-layer',
        activation: 'identity',
        ...base,
        ...(opts.zeroOutput ? { zeroOutputWeights: Array.from({ length: r.Nh }, (_, j) => j) } : {}),
      };
    });
}

export function linearLabel(c: GeneratedConfig): string {
  return `${c.family === 'deep-linear' ? `deep L=${c.depth}` : 'two-layer'}${c.whiten ? ', whitened' : ''}${c.N < c.Ni ? ', N < Ni' : ''}`;
}
