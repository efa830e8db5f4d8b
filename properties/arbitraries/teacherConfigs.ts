/**
 * Small teacher–student configurations over every family and activation, at the optimum
 * or off it (studentOffset > 0, so residuals are nonzero), for identity-type claims.
 */
import * as fc from 'fast-check';
import type { GeneratedConfig } from '../../src/config/types.js';
import type { ActivationSpec } from '../../src/nets/activationSpec.js';
import { scaleArb, seedArb, sigma1For } from './common.js';

export const activationArb: fc.Arbitrary<ActivationSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<ActivationSpec>('identity', 'erf', 'tanh', 'relu', 'sigmoid', 'softplus') },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 6 }).map((k) => `z^${k}` as ActivationSpec) },
  { weight: 1, arbitrary: fc.array(scaleArb(-1, 1), { minLength: 2, maxLength: 4 }).filter((c) => c[c.length - 1] !== 0).map((c) => ({ polynomial: c })) },
);

export interface TeacherConfigOptions {
  /** 'optimum' (studentOffset 0), 'off' (> 0), or 'either'. */
  point: 'optimum' | 'off' | 'either';
  maxNi?: number;
  maxNh?: number;
  maxN?: number;
}

export function teacherConfigArb(opts: TeacherConfigOptions): fc.Arbitrary<GeneratedConfig> {
  const offset =
    opts.point === 'optimum' ? fc.constant(0) : opts.point === 'off' ? scaleArb(0.1, 0.8) : fc.oneof(fc.constant(0), scaleArb(0.1, 0.8));
  const sizes = fc.record({
    Ni: fc.integer({ min: 1, max: opts.maxNi ?? 4 }),
    Nh: fc.integer({ min: 1, max: opts.maxNh ?? 4 }),
    N: fc.integer({ min: 2, max: opts.maxN ?? 24 }),
    s: scaleArb(0.5, 1.5),
    sigma2: scaleArb(0.5, 1.5),
    seed: seedArb,
    studentOffset: offset,
  });
  const twoLayer = fc.tuple(sizes, activationArb).map(
    ([z, activation]): GeneratedConfig => ({ family: 'two-layer', activation, Ni: z.Ni, Nh: z.Nh, N: z.N, seed: z.seed, sigma1: sigma1For(z.Ni, z.s), sigma2: z.sigma2, studentOffset: z.studentOffset }),
  );
  const deep = fc.tuple(sizes, fc.integer({ min: 2, max: 3 })).map(
    ([z, depth]): GeneratedConfig => ({ family: 'deep-linear', depth, Ni: z.Ni, Nh: z.Nh, N: z.N, seed: z.seed, sigma1: sigma1For(z.Nh, z.s), sigma2: z.sigma2, studentOffset: z.studentOffset }),
  );
  return fc.oneof({ weight: 4, arbitrary: twoLayer }, { weight: 1, arbitrary: deep });
}

export function activationLabelOf(c: GeneratedConfig): string {
  if (c.family === 'deep-linear') return `deep-linear L=${c.depth}`;
  const a = c.activation;
  return typeof a === 'string' ? a : 'polynomial';
}
