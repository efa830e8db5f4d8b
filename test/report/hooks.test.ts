/** Claim hooks: registered against real claim ids; the KS hook; short figure labels. */
import { describe, expect, it } from 'vitest';
import { CLAIM_CATALOGUE } from '../../properties/catalogue.js';
import type { KsTest } from '../../properties/evidence/ks.js';
import type { C2dEvidence } from '../../properties/evidence/C2d.js';
import type { C2eEvidence } from '../../properties/evidence/C2e.js';
import { c2dHook } from '../../properties/hooks/C2d.js';
import { c2eRightTheoryTests } from '../../properties/hooks/C2e.js';
import { ksHook, lawKeyNumber } from '../../properties/hooks/ksHook.js';
import { shortNames } from '../../src/report/claims/shortNames.js';
import type { PropertyRecord } from '../../src/report/types.js';
import { CLAIMS } from '../../theory/claims.js';

function unit<E>(name: string, cases: E[]): PropertyRecord<E> {
  return {
    claim: 'X', name, index: 0, seed: 1, numRuns: cases.length, runsScale: 1, sizeTier: 'ci', testFile: 'x', passed: cases.length, failed: 0, inconclusive: 0, maxInconclusiveFraction: 0, verdict: 'pass', failure: null,
    cases: cases.map((evidence) => ({ config: {}, label: null, ok: true, inconclusive: false, evidence })),
  };
}

const ks = (pValue: number, neighbours: Array<[string, number, 'reject' | 'accept']>): KsTest => ({
  n: 100, alpha: 0.01, pValue, D: 0.1, method: 'exact', neighbours: neighbours.map(([name, p, expect]) => ({ name, pValue: p, D: 0.2, expect })),
});

describe('claim hooks', () => {
  it('the catalogue has exactly the claims of theory/claims.ts, in order', () => {
    expect(CLAIM_CATALOGUE.map((c) => c.meta.id)).toEqual(CLAIMS.map((c) => c.id));
  });
  it('the KS hook: α, right-theory tests, smallest p under the claimed law, calibration and p-value figures', () => {
    const units = [
      unit('KS accepts the law at γ = 0.25 (n = 4000) and rejects wrong γ', [ks(0.3, [['wrong-γ', 1e-9, 'reject']]), ks(0.004, [['wrong-γ', 0.2, 'reject']])]),
      unit('KS accepts the law at γ = 4 (n = 1000) and rejects pooling', [ks(0.7, [['pooled', 0, 'reject']])]),
    ];
    const hook = ksHook<KsTest>({ ksOf: (e) => e });
    const ctx = { claim: 'X', units };
    expect(hook.alpha(ctx)).toBe(0.01);
    expect(hook.rightTheoryTests(ctx).map((t) => [t.test, t.pValue, t.caseIndex])).toEqual([['claimed law', 0.3, 0], ['claimed law', 0.004, 1], ['claimed law', 0.7, 0]]);
    expect(hook.keyNumber(ctx)).toMatchObject({ label: 'smallest p-value under the right law (must be ≥ α = 0.01)', value: 0.004, text: '0.004; largest wrong-neighbour p 0.2 (must be < α)', better: 'higher' });
    expect(hook.summary(ctx)).toEqual({ ksTests: 3, claimedLawRejected: 1, otherLawTests: 3, otherLawRejected: 2, minRightLawP: 0.004, maxWrongNeighbourP: 0.2 });
    const figures = hook.figures(ctx);
    expect(figures.map((f) => f.id)).toEqual(['x-calibration', 'x-p-values']);
    const rows = (figures[0].kind === 'vega-lite' ? (figures[0].spec as { layer: Array<{ data: { values: Array<{ label: string; text: string }> } }> }).layer[0].data.values : []).map((v) => `${v.label} ${v.text}`);
    expect(rows).toEqual(['claimed law 1/3', '…γ = 0.25 (n = 4000) and rejects…: wrong-γ 1/2', '…γ = 4 (n = 1000) and rejects…: pooled 1/1']);
    // no KS evidence: no α, no tests, no figures
    const none = { claim: 'X', units: [unit<KsTest>('empty', [])] };
    expect([hook.alpha(none), hook.rightTheoryTests(none), hook.figures(none)]).toEqual([null, [], []]);
  });
  it('C2e: the right-theory tests are the free law everywhere and the classical law only where it must agree', () => {
    const figure = { histogram: { lo: 0, hi: 1, counts: [1], grid: 1 }, pp: { rank: [0], bandHalfWidth: 0.1 }, laws: [{ name: 'claimed', density: [1, 1], cdf: [0.5] }] };
    const small: C2eEvidence = { kind: 'small-data', N: 64, Ni: 32, Nh: 128, c: 0.5, ks: ks(0.3, [['classical', 1e-40, 'reject']]), lawMassError: 0, lawUnconverged: 0, identityCrossCheckRatio: 0.1, figure };
    const large: C2eEvidence = { kind: 'convergence', ratios: [2, 128], lawDistance: [0.2, 0.005], Nh: 64, Ni: 16, N: 2048, ks: ks(0.8, [['classical', 0.6, 'accept']]), figure };
    const units = [unit('small N/Ni', [small]), unit('as N/Ni grows', [large])];
    expect(c2eRightTheoryTests({ claim: 'C2e', units }).map((t) => [t.test, t.pValue])).toEqual([['free law', 0.3], ['free law', 0.8], ['classical law (large N/Ni)', 0.6]]);
    expect(lawKeyNumber([0.3, 0.8, 0.6], [1e-40], 0.01)).toMatchObject({ label: 'smallest p-value under the right law (must be ≥ α = 0.01)', value: 0.3, text: '0.3; largest wrong-neighbour p 1e-40 (must be < α)', better: 'higher' });
  });
  it('C2d: α and right-theory tests from the law cases only; figures for the first case with figure data on each side of γ = 1', () => {
    const figure = { histogram: { lo: 0, hi: 2, counts: [3, 1], grid: 2 }, pp: { rank: [0, 3], bandHalfWidth: 0.3 }, laws: [{ name: 'claimed', density: [0.5, 0.5, 0.5], cdf: [0.1, 0.9] }] };
    const law = (regime: string, gamma: number, p: number, fig: boolean): C2dEvidence => ({
      kind: 'law', regime, Nh: 16, Ni: 16 * gamma, gamma, sigma1: 0.7, ks: { ...ks(p, [['pooled', 1e-9, 'reject']]), n: 4 }, meanZ: 0, varianceZ: 0, varianceLimitZ: 0, identityCrossCheckRatio: 0.1, figure: fig ? figure : null,
    });
    const trend: C2dEvidence = { kind: 'trend', gamma: 2, Nh: [2, 8], D: [0.1, 0.02], pValues: [1e-9, 0.5], n: 4000, alpha: 0.01, strictlyDecreasing: true, slack: 0.016 };
    const units = [unit('law A', [law('gamma-1/4', 0.25, 0.4, false), law('pooled-gamma-4', 4, 0.3, true)]), unit('law B', [law('pooled-gamma-1/2', 0.5, 0.2, true)]), unit('trend', [trend])];
    const ctx = { claim: 'C2d', units };
    expect(c2dHook.alpha(ctx)).toBe(0.01);
    expect(c2dHook.rightTheoryTests(ctx).map((t) => t.pValue)).toEqual([0.4, 0.3, 0.2]); // the trend's p-values are not in the family
    const ids = c2dHook.figures(ctx).map((f) => f.id);
    expect(ids).toEqual(['c2d-pooled-gamma-1-2-histogram', 'c2d-pooled-gamma-1-2-pp', 'c2d-pooled-gamma-4-histogram', 'c2d-pooled-gamma-4-pp', 'c2d-calibration', 'c2d-p-values']);
    expect(c2dHook.figures(ctx)[0].title).toContain('γ = 0.5 (Nh = 16, Ni = 8, σ1 = 0.7)');
  });
  it('shortNames drops the opening names share, keeping the distinguishing words', () => {
    const m = shortNames(['KS accepts the law at γ = 0.25 (Nh = 64) and rejects', 'KS accepts the law at γ = 1.5 (Nh = 32) and rejects', 'another property; with details'], 30);
    expect([...m.values()]).toEqual(['…γ = 0.25 (Nh = 64) and…', '…γ = 1.5 (Nh = 32) and rejects', 'another property']);
  });
});
