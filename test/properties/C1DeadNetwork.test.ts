/**
 * Found by `npm run report -- --full` (seed 20251216): a ReLU teacher–student net whose one unit is
 * dead on both samples has H(θ) = 0 exactly, and the tfjs cross-check used to throw on the
 * undefined relative error. Both routes must now agree that H = 0; a nonzero Hessian is still
 * judged by the relative test.
 */
import { describe, expect, it } from 'vitest';
import { autodiffProperty } from '../../properties/definitions/gaussNewton.js';
import { buildProblem } from '../../src/config/buildProblem.js';
import { fullHessian } from '../../src/hessian/hessian.js';
import { frobenius } from '../../src/linalg/matrix.js';

const DEAD = { family: 'two-layer', activation: 'relu', Ni: 1, Nh: 1, N: 2, seed: 350843334, sigma1: 0.5, sigma2: 0.5, studentOffset: 0.1 } as const;

describe('C1 tfjs cross-check on a dead network', () => {
  it('the case is what the --full run found: H(θ) = 0 exactly', () => {
    const p = buildProblem(DEAD);
    expect(frobenius(fullHessian(p, p.theta))).toBe(0);
  });
  it('passes with both Hessians exactly zero, recorded as zero error', async () => {
    const r = await autodiffProperty.check(DEAD as never);
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    expect(r.evidence).toMatchObject({ kind: 'autodiff', relError: 0, kappa: 1 });
  });
});
