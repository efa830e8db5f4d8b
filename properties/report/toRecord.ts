/**
 * PropertyResult (what runProperty returns) → PropertyRecord (what the report stores and
 * vitest attaches to its test): adds each case's coverage label, the counts, and the unit's
 * verdict. One conversion for both routes, so they cannot disagree.
 */
import type { PropertyRecord, Verdict } from '../../src/report/types.js';
import type { PropertyDefinition } from '../support/propertyDefinition.js';
import type { PropertyResult } from '../support/runProperty.js';

/**
 * A unit's verdict: fail if any case failed (fast-check found a counterexample); else
 * inconclusive if more than its allowance of cases were undecidable, or no case ran; else pass.
 */
export function unitVerdict(r: Pick<PropertyResult, 'failure' | 'cases' | 'inconclusive' | 'maxInconclusiveFraction'>): Verdict {
  if (r.failure) return 'fail';
  if (r.cases.length === 0) return 'inconclusive';
  return r.inconclusive / r.cases.length > r.maxInconclusiveFraction ? 'inconclusive' : 'pass';
}

export function toRecord(def: PropertyDefinition<any>, result: PropertyResult, index: number, runsScale: number, testFile: string): PropertyRecord {
  const failed = result.cases.filter((c) => !c.ok && !c.inconclusive).length;
  return {
    claim: result.claim,
    name: result.name,
    index,
    seed: result.seed,
    numRuns: result.numRuns,
    runsScale,
    testFile,
    passed: result.cases.filter((c) => c.ok).length,
    failed,
    inconclusive: result.inconclusive,
    maxInconclusiveFraction: result.maxInconclusiveFraction,
    verdict: unitVerdict(result),
    failure: result.failure,
    cases: result.cases.map((c) => ({ config: c.config, label: labelOf(def, c.config), ok: c.ok, inconclusive: c.inconclusive, evidence: c.evidence })),
  };
}

function labelOf(def: PropertyDefinition<any>, config: unknown): string | null {
  if (!def.label) return null;
  try {
    return def.label(config);
  } catch {
    return null;
  }
}
