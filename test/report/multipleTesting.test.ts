/**
 * Holm across the report's statistical claims (src/report/assemble/multipleTesting.ts): the
 * adjusted p-values of a family with known p-values, the per-claim record, and the verdicts
 * and one-line summary of a report assembled from synthetic units and a synthetic catalogue
 * (two statistical claims whose hooks list each case's p-value as a right-theory test).
 */
import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../src/report/assemble/assemble.js';
import { withMultipleTesting } from '../../src/report/assemble/claimVerdict.js';
import { FAMILY_WISE_ALPHA, holmAcrossClaims } from '../../src/report/assemble/multipleTesting.js';
import { z } from 'zod';
import { reportedClaim, type ClaimReportHook, type RightTheoryTest } from '../../src/report/claims/claimHook.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { PropertyRecord } from '../../src/report/types.js';

const test = (pValue: number, i = 0): RightTheoryTest => ({ property: 'p', seed: 1, caseIndex: i, test: 'claimed law', pValue, alpha: 0.01 });

const KsEvidence = z.object({ pValue: z.number(), alpha: z.number(), wrongPValue: z.number() });
type KsEvidence = z.infer<typeof KsEvidence>;

/** Every case's p-value under the right theory joins the family (the wrong neighbour's does not). */
const ksHook: ClaimReportHook<KsEvidence> = {
  rightTheoryTests: (ctx) => ctx.units.flatMap((u) => u.cases.flatMap((c, i) => (c.evidence ? [{ property: u.name, seed: u.seed, caseIndex: i, test: 'claimed law', pValue: c.evidence.pValue, alpha: c.evidence.alpha }] : []))),
};
const meta = (id: string) => ({ id, title: id, statement: '', source: '', kind: 'statistical' as const, testedIn: 'x' });
const CATALOGUE = [reportedClaim(meta('C4'), KsEvidence, ksHook), reportedClaim(meta('S3'), KsEvidence, ksHook)];

function unit(claim: string, name: string, pValues: number[], failedCases = 0): PropertyRecord<KsEvidence> {
  return {
    claim, name, index: 0, seed: 1, numRuns: pValues.length, runsScale: 1, sizeTier: 'ci', testFile: 'x', passed: pValues.length - failedCases, failed: failedCases, inconclusive: 0, maxInconclusiveFraction: 0,
    verdict: failedCases ? 'fail' : 'pass',
    failure: failedCases ? { seed: 1, path: '0', config: {}, message: 'p < α', evidence: null, shrinkChecks: 0, shrinkBudgetExhausted: false, replay: 'HC_SEED=1 npx vitest run x' } : null,
    cases: pValues.map((p, i) => ({ config: {}, label: null, ok: i >= failedCases, inconclusive: false, evidence: { pValue: p, alpha: 0.01, wrongPValue: 1e-12 } })),
  };
}

function assemble(units: PropertyRecord<KsEvidence>[]) {
  return assembleReport({
    plan: { seed: 1, seeds: [1], mode: 'quick', runsScale: 1, sizeTier: 'ci', selection: { claims: ['C4', 'S3'] } },
    environment: { node: 'v20', backend: 'portable', tfjsBackend: 'cpu', platform: 'linux-x64' },
    partition: null,
    units,
    generatedAt: '2025-12-16T00:00:00.000Z',
    catalogue: CATALOGUE,
    claimsWithProperties: new Set(['C4', 'S3']),
  });
}

describe('Holm across claims', () => {
  it('adjusts a known family as p.adjust(method = "holm") does, and records each claim', () => {
    // sorted 0.01 (A), 0.03 (B), 0.04 (A), 0.5 (B), m = 4: adjusted 0.04, 0.09, 0.09, 0.5
    const h = holmAcrossClaims(new Map([['A', [test(0.04, 0), test(0.01, 1)]], ['B', [test(0.03), test(0.5, 1)]]]), 0.05);
    expect(h.record).toMatchObject({ method: 'holm', alpha: 0.05, tests: 4, claims: ['A', 'B'], smallestP: 0.01, smallestAdjustedPClaim: 'A' });
    expect(h.record!.smallestAdjustedP).toBeCloseTo(0.04, 15);
    expect(h.record!.rejected.map((t) => [t.claim, t.pValue])).toEqual([['A', 0.01]]);
    expect(h.tests.get('A')!.map((t) => t.adjustedP)).toEqual([0.09, 0.04].map((v) => expect.closeTo(v, 15)));
    expect(h.perClaim.get('A')).toEqual({ tests: 2, minP: 0.01, adjustedMinP: expect.closeTo(0.04, 15), rejected: 1 });
    expect(h.perClaim.get('B')).toEqual({ tests: 2, minP: 0.03, adjustedMinP: expect.closeTo(0.09, 15), rejected: 0 });
  });

  it('an empty family gives no record; p-values a hair outside [0, 1] are clamped', () => {
    expect(holmAcrossClaims(new Map()).record).toBeNull();
    expect(holmAcrossClaims(new Map([['A', [test(1 + 1e-15)]]])).record!.smallestAdjustedP).toBe(1);
  });

  it('verdict: Holm rejection fails a passing claim; a per-test failure stands, with or without Holm', () => {
    const pass = { verdict: 'pass' as const, reason: 'all passed.' };
    const fail = { verdict: 'fail' as const, reason: '1 of 1 properties found a counterexample.' };
    expect(withMultipleTesting(pass, { tests: 3, minP: 1e-6, adjustedMinP: 3e-6, rejected: 1 }, 0.05, 10)).toEqual({ verdict: 'fail', reason: expect.stringContaining('rejects 1 of this claim') });
    expect(withMultipleTesting(pass, { tests: 3, minP: 0.2, adjustedMinP: 1, rejected: 0 }, 0.05, 10)).toBe(pass);
    expect(withMultipleTesting(fail, { tests: 3, minP: 0.004, adjustedMinP: 0.04 * 10, rejected: 0 }, 0.05, 10)).toEqual({ verdict: 'fail', reason: expect.stringContaining('does not confirm it') });
    expect(withMultipleTesting(pass, null, 0.05, 0)).toBe(pass);
  });

  it('a report pools the statistical claims’ right-theory p-values (not the wrong neighbours’), records them and fails the claim Holm flags', async () => {
    // C4: p = 1e-6 recorded by a unit that (synthetically) passed → Holm rejects it: C4 fails.
    // S3: p = 0.009 < α = 0.01 failed its unit, but its adjusted 6·0.009 = 0.054 > 0.05: Holm does not confirm.
    const report = await assemble([unit('C4', 'synthetic KS, C4', [1e-6, 0.5, 0.9]), unit('S3', 'synthetic KS, S3', [0.009, 0.3, 0.7, 0.8], 1)]);
    const mt = report.multipleTesting!;
    expect(mt).toMatchObject({ method: 'holm', alpha: FAMILY_WISE_ALPHA, tests: 7, claims: ['C4', 'S3'], smallestP: 1e-6, smallestAdjustedPClaim: 'C4' });
    expect(mt.smallestAdjustedP).toBeCloseTo(7e-6, 18);
    expect(mt.rejected.map((t) => [t.claim, t.caseIndex])).toEqual([['C4', 0]]);
    const c4 = report.claims.find((c) => c.id === 'C4')!;
    const s3 = report.claims.find((c) => c.id === 'S3')!;
    expect(c4.verdict).toBe('fail');
    expect(c4.verdictReason).toContain('family-wise α = 0.05 rejects 1');
    expect(c4.multipleTesting).toEqual({ tests: 3, minP: 1e-6, adjustedMinP: expect.closeTo(7e-6, 18), rejected: 1 });
    expect(s3.verdict).toBe('fail');
    expect(s3.verdictReason).toContain('does not confirm it (smallest adjusted p = 0.054 > 0.05)');
    expect(s3.multipleTesting).toMatchObject({ tests: 4, minP: 0.009, rejected: 0 });
    expect(renderMarkdown(report)).toContain('Multiple testing: Holm across 7 right-theory tests of 2 statistical claims (C4, S3) at family-wise α = 0.05: smallest adjusted p = 7e-6 (C4); Holm rejects 1: C4 (1) — those claims fail.');
  });

  it('a report whose right-theory p-values are all large flags nothing and keeps the verdicts', async () => {
    const report = await assemble([unit('C4', 'synthetic KS, C4', [0.2, 0.5]), unit('S3', 'synthetic KS, S3', [0.3])]);
    expect(report.multipleTesting).toMatchObject({ tests: 3, rejected: [] });
    expect(report.claims.map((c) => c.verdict)).toEqual(['pass', 'pass']);
    expect(renderMarkdown(report)).toContain('no test rejected.');
  });
});
