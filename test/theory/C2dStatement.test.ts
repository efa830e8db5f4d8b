/** C2d's statement quotes its constants (theory/spectralLaw.ts): it must not drift from them. */
import { describe, expect, it } from 'vitest';
import { C2D_CLAIM, C2D_NEIGHBOURS, C2D_NEIGHBOUR_LABELS, KS_ALPHA, MOMENT_Z, MP_SCALE_ERROR } from '../../theory/spectralLaw.js';

describe('C2d statement', () => {
  it('states the per-test α, the moment bound and every wrong neighbour from the constants', () => {
    const s = C2D_CLAIM.statement;
    expect(s).toContain(`KS at α = ${KS_ALPHA} per test`);
    expect(s).toContain(`±${MOMENT_Z} standard errors`);
    for (const w of C2D_NEIGHBOURS) expect(s).toContain(C2D_NEIGHBOUR_LABELS[w]);
    expect(C2D_NEIGHBOUR_LABELS['mp-scale-10pc']).toBe(`MP scale ×${MP_SCALE_ERROR}`);
    // no other decimal number in prose than the constants (guards against a restated, stale value)
    const decimals = (s.match(/\d+\.\d+/g) ?? []).map(Number);
    expect(decimals.every((v) => [KS_ALPHA, MOMENT_Z, MP_SCALE_ERROR].includes(v)), `decimals ${decimals.join(', ')}`).toBe(true);
  });
  it('the constants are what the claim was calibrated at', () => {
    expect([KS_ALPHA, MOMENT_Z, MP_SCALE_ERROR]).toEqual([0.01, 4.5, 1.1]);
  });
});
