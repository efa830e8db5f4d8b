/**
 * Every claim of theory/claims.ts on one model, in the claims' order: the ones whose hypotheses
 * the model meets are checked by the suite's own checks (./S1.ts, ./S2.ts, ./C3.ts,
 * ./teacherStudent.ts), the others are listed as not applicable with the reason. The CLI's
 * `check` command composes this with the model's loading and its page.
 */
import { CLAIMS } from '../../theory/claims.js';
import { notApplicable, type ModelCheckResult, type ModelSubject } from './types.js';
import { checkC3 } from './C3.js';
import { checkS1 } from './S1.js';
import { checkS2 } from './S2.js';
import { checkC1, checkC2 } from './teacherStudent.js';

export type { ModelCheckPart, ModelCheckResult, ModelCheckStatus, ModelSubject } from './types.js';

/** Claims about ensembles, dynamics or training procedures: not properties of one given model. */
const NOT_ONE_MODEL: Readonly<Record<string, string>> = {
  C4: 'a statement about gradient-descent dynamics near a teacher–student optimum (run `dynamics <config.json>` on a teacher–student config)',
  C2d: 'a law over the ensemble of random linear teachers (many draws), not a property of one model',
  C2e: 'a law over the ensemble of random linear teachers with finite Gaussian data, not a property of one model',
  S3: 'a statement about spiked sample covariances (least squares on x ~ N(0, Σ)), not about a given network',
  S4: 'a statement about two training procedures (large batch and its SGD continuation) from one start; a single set of weights cannot show it',
};

export function runModelChecks(s: ModelSubject): ModelCheckResult[] {
  const results = new Map<string, ModelCheckResult>();
  results.set('C1', checkC1(s));
  for (const r of checkC2(s)) results.set(r.claim, r);
  results.set('C3', checkC3(s));
  results.set('S1', checkS1(s));
  results.set('S2', checkS2(s));
  return CLAIMS.map((c) => results.get(c.id) ?? notApplicable(c, NOT_ONE_MODEL[c.id] ?? 'not checked on a single model'));
}

/** 1 when any claim failed, else 0 (inconclusive, observations and not-applicable do not fail). */
export function exitCodeOf(results: readonly ModelCheckResult[]): number {
  return results.some((r) => r.status === 'fail') ? 1 : 0;
}
