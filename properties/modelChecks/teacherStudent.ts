/**
 * The teacher–student claims on one configuration (C1, C2a–c, C3): the suite's own property
 * checks, called on the configuration itself (each check builds its problem from the config,
 * so any valid two-layer or deep-linear config is a case), where the configuration meets the
 * property's hypotheses; otherwise "not applicable" with the reason. For mlp configs the
 * teacher–student claims do not apply, except C3's rank table on a net that IS a two-layer
 * teacher (./C3.ts).
 */
import type { GeneratedConfig } from '../../src/config/types.js';
import { C1_CLAIM } from '../../theory/gaussNewton.js';
import { isLinear, predictedLinearRank } from '../../theory/linearNetwork.js';
import { C2A_CLAIM, C2B_CLAIM, C2C_CLAIM } from '../../theory/linearNetworkClaims.js';
import { atOptimumProperty, offOptimumProperty } from '../definitions/gaussNewton.js';
import { linearRankProperty, linearSpectrumProperty, whitenedSpectrumProperty, zeroOutputCounterexampleProperty } from '../definitions/linearNetwork.js';
import { applied, notApplicable, partFrom, type ModelCheckResult, type ModelSubject } from './types.js';

const MLP_REASON = 'a statement about the teacher–student least-squares loss (scalar output, no biases, the teacher\'s outputs as targets); this is a trained mlp with its own data and loss';

export function checkC1(s: ModelSubject): ModelCheckResult {
  const p = s.teacherStudent;
  if (!p) return notApplicable(C1_CLAIM, `${MLP_REASON}, whose residuals are not zero; its general form H = GN + R is checked under S1`);
  const c = s.config as GeneratedConfig;
  if (p.atOptimum) return applied(C1_CLAIM, 'at the optimum θ* (every residual exactly 0)', [partFrom(atOptimumProperty.name, atOptimumProperty.check(c) as never)]);
  return applied(C1_CLAIM, 'off the optimum (student ≠ teacher)', [partFrom(offOptimumProperty.name, offOptimumProperty.check(c) as never)]);
}

export function checkC2(s: ModelSubject): ModelCheckResult[] {
  const p = s.teacherStudent;
  if (!p) return [C2A_CLAIM, C2B_CLAIM, C2C_CLAIM].map((claim) => notApplicable(claim, `${MLP_REASON}; C2 is about linear teacher–student nets at θ*`));
  if (!isLinear(p)) return [C2A_CLAIM, C2B_CLAIM, C2C_CLAIM].map((claim) => notApplicable(claim, `the activation is ${p.activation?.label}, not linear`));
  if (!p.atOptimum) return [C2A_CLAIM, C2B_CLAIM, C2C_CLAIM].map((claim) => notApplicable(claim, 'the configuration is off the optimum (studentOffset or a student); C2 describes H(θ*)'));
  const c = s.config as GeneratedConfig;
  const out: ModelCheckResult[] = [applied(C2A_CLAIM, 'linear net at θ*', [partFrom(linearSpectrumProperty.name, linearSpectrumProperty.check(c) as never)])];
  const pred = predictedLinearRank(p);
  const rankProp = pred.formula.startsWith('min(Ni, N)') ? linearRankProperty : zeroOutputCounterexampleProperty;
  out.push(applied(C2B_CLAIM, `linear net at θ*: ${pred.formula}`, [partFrom(rankProp.name, rankProp.check(c) as never)]));
  if (p.family === 'two-layer' && c.whiten === true) out.push(applied(C2C_CLAIM, 'two-layer linear net at θ* with whitened data', [partFrom(whitenedSpectrumProperty.name, whitenedSpectrumProperty.check(c) as never)]));
  else out.push(notApplicable(C2C_CLAIM, p.family === 'two-layer' ? 'C2c needs whitened data ("whiten": true, XᵀX/N = I)' : 'C2c is about two-layer linear nets'));
  return out;
}
