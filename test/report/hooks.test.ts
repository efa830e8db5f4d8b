/** Claim hooks: registered against real claim ids; the KS hook; short figure labels. */
import { describe, expect, it } from 'vitest';
import { CLAIM_CATALOGUE } from '../../properties/catalogue.js';
import { statisticalHook } from '../../properties/hooks/ksHook.js';
import { c2eRightTheoryTests } from '../../properties/hooks/C2e.js';
import { lawKeyNumber } from '../../properties/hooks/lawFigures.js';
import { c2eConvergenceProperty, c2eSmallDataProperty } from '../../properties/definitions/spectralLaw.js';
import { shortNames } from '../../src/report/claims/shortNames.js';
import type { PropertyRecord } from '../../src/report/types.js';
import type { LegacyEvidence } from '../../properties/evidence/legacy.js';
import { CLAIMS } from '../../theory/claims.js';

function ksUnit(name: string, cases: Array<Record<string, number>>): PropertyRecord<LegacyEvidence> {
  return {
    claim: 'X', name, index: 0, seed: 1, numRuns: cases.length, runsScale: 1, sizeTier: 'ci', testFile: 'x', passed: cases.length, failed: 0, inconclusive: 0, maxInconclusiveFraction: 0, verdict: 'pass', failure: null,
    cases: cases.map((evidence) => ({ config: {}, label: null, ok: true, inconclusive: false, evidence })),
  };
}

describe('claim hooks', () => {
  it('the catalogue has exactly the claims of theory/claims.ts, in order', () => {
    expect(CLAIM_CATALOGUE.map((c) => c.meta.id)).toEqual(CLAIMS.map((c) => c.id));
  });
  it('the KS hook: smallest p under the claimed law, calibration and p-value figures', async () => {
    const units = [
      ksUnit('KS accepts the law at γ = 0.25 (n = 4000) and rejects wrong γ', [{ pValue: 0.3, alpha: 0.01, 'pValue[wrong-γ]': 1e-9 }, { pValue: 0.004, alpha: 0.01, 'pValue[wrong-γ]': 0.2 }]),
      ksUnit('KS accepts the law at γ = 4 (n = 1000) and rejects pooling', [{ pValue: 0.7, alpha: 0.01, 'pValue[pooled]': 0 }]),
    ];
    const ctx = { claim: 'X', units };
    expect(statisticalHook.keyNumber!(ctx)).toMatchObject({ label: 'smallest p-value under the claimed law (α = 0.01)', value: 0.004, text: '0.004' });
    expect(statisticalHook.summary!(ctx)).toEqual({ ksTests: 3, claimedLawRejected: 1, otherLawTests: 3, otherLawRejected: 2 });
    const figures = await statisticalHook.figures!(ctx);
    expect(figures.map((f) => f.id)).toEqual(['x-calibration', 'x-p-values']);
    const rows = (figures[0].kind === 'vega-lite' ? (figures[0].spec as { layer: Array<{ data: { values: Array<{ label: string; text: string }> } }> }).layer[0].data.values : []).map((v) => `${v.label} ${v.text}`);
    expect(rows).toEqual(['claimed law 1/3', '…γ = 0.25 (n = 4000) and rejects…: wrong-γ 1/2', '…γ = 4 (n = 1000) and rejects…: pooled 1/1']);
  });
  it('C2e: the right-theory tests are the free law everywhere and the classical law only where it must agree', () => {
    const units = [
      ksUnit(c2eSmallDataProperty.name, [{ pValue: 0.3, alpha: 0.01, 'pValue[classical]': 1e-40 }]),
      ksUnit(c2eConvergenceProperty.name, [{ pValue: 0.8, alpha: 0.01, 'pValue[classical]': 0.6 }]),
    ];
    expect(c2eRightTheoryTests({ claim: 'C2e', units }).map((t) => [t.test, t.pValue])).toEqual([['free law', 0.3], ['free law', 0.8], ['classical law (large N/Ni)', 0.6]]);
    expect(lawKeyNumber([0.3, 0.8, 0.6], [1e-40], 0.01)).toMatchObject({ label: 'smallest p-value under the right law (must be ≥ α = 0.01)', value: 0.3, text: '0.3; largest wrong-neighbour p 1e-40 (must be < α)' });
  });
  it('shortNames drops the opening names share, keeping the distinguishing words', () => {
    const m = shortNames(['KS accepts the law at γ = 0.25 (Nh = 64) and rejects', 'KS accepts the law at γ = 1.5 (Nh = 32) and rejects', 'another property; with details'], 30);
    expect([...m.values()]).toEqual(['…γ = 0.25 (Nh = 64) and…', '…γ = 1.5 (Nh = 32) and rejects', 'another property']);
  });
});
