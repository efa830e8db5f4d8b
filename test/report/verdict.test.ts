/** The verdict rules: per unit (property × seed) and per claim. */
import { describe, expect, it } from 'vitest';
import { claimVerdict } from '../../src/report/assemble/claimVerdict.js';
import { unitVerdict } from '../../src/report/assemble/toRecord.js';
import type { PropertyRecord } from '../../src/report/types.js';

const cases = (ok: number, inconclusive: number) => [
  ...Array.from({ length: ok }, () => ({ config: {}, label: null, ok: true, inconclusive: false, evidence: {} })),
  ...Array.from({ length: inconclusive }, () => ({ config: {}, label: null, ok: false, inconclusive: true, evidence: {} })),
];
const failure = { seed: 1, path: '3:1', config: { a: 1 }, message: 'boom', evidence: null, shrinkChecks: 0, shrinkBudgetExhausted: false, replay: 'HC_SEED=1 HC_PATH="3:1" npx vitest run x -t "p"' };

function unit(name: string, ok: number, inconclusive: number, allowed: number, failed = false): PropertyRecord {
  const r = { cases: cases(ok, inconclusive), inconclusive, maxInconclusiveFraction: allowed, failure: failed ? failure : null };
  return { claim: 'C9', name, index: 0, seed: 1, numRuns: ok + inconclusive, runsScale: 1, sizeTier: 'ci', testFile: 'x', passed: ok, failed: failed ? 1 : 0, inconclusive, maxInconclusiveFraction: allowed, verdict: unitVerdict(r), failure: r.failure, cases: r.cases };
}

describe('verdicts', () => {
  it('unit: fail on a counterexample; inconclusive past the allowance or with no case; else pass', () => {
    expect(unit('a', 10, 0, 0).verdict).toBe('pass');
    expect(unit('a', 99, 1, 0.01).verdict).toBe('pass');
    expect(unit('a', 98, 2, 0.01).verdict).toBe('inconclusive');
    expect(unit('a', 98, 2, 0.01, true).verdict).toBe('fail');
    expect(unit('a', 0, 0, 0).verdict).toBe('inconclusive');
  });
  it('claim: any failing unit fails it; else any inconclusive unit; no unit is inconclusive; else pass', () => {
    expect(claimVerdict([unit('a', 10, 0, 0), unit('b', 5, 0, 0)])).toEqual({ verdict: 'pass', reason: 'all 15 cases of 2 properties passed.' });
    expect(claimVerdict([unit('a', 10, 0, 0), unit('b', 98, 2, 0.01)]).verdict).toBe('inconclusive');
    expect(claimVerdict([unit('a', 10, 0, 0, true), unit('b', 98, 2, 0.01)])).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('“a”, seed 1') });
    expect(claimVerdict([]).verdict).toBe('inconclusive');
  });
});
