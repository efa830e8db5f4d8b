/**
 * C4's evidence schema and report hook on synthetic evidence: the schema refuses what JSON
 * cannot hold or the hook could misread (∞, unknown neighbours, curves of unequal length,
 * unknown fields), and the hook's key number, summary and figures come from the recorded
 * evidence alone — the loss-curve figure draws exactly the points the stiffest case recorded.
 */
import { describe, expect, it } from 'vitest';
import { c4Hook } from '../../properties/hooks/C4.js';
import { C4EvidenceSchema, type C4Evidence, type C4EvidenceOf } from '../../properties/evidence/C4.js';
import type { PropertyRecord } from '../../src/report/types.js';

function unit(name: string, evidence: C4Evidence[], configs: unknown[] = evidence.map(() => ({}))): PropertyRecord<C4Evidence> {
  return {
    claim: 'C4', name, index: 0, seed: 1, numRuns: evidence.length, runsScale: 1, sizeTier: 'ci', testFile: 'x', passed: evidence.length, failed: 0, inconclusive: 0, maxInconclusiveFraction: 0, verdict: 'pass', failure: null,
    cases: evidence.map((e, i) => ({ config: configs[i], label: null, ok: true, inconclusive: false, evidence: C4EvidenceSchema.parse(e) })),
  };
}

function descent(kind: 'late-slope' | 'top-mode', kappa: number, measured: number, predicted: number, tolerance: number | null, margins: number[]): C4EvidenceOf<'late-slope' | 'top-mode'> {
  return {
    kind, kappa, etaLambdaMax: 0.7, regime: kind === 'late-slope' ? 'converging' : 'top-mode-slowest',
    measuredSlope: measured, predictedSlope: predicted, relativeSlopeError: 0, tolerance, relativeTolerance: null, from: 10, to: 40,
    weylDrift: 0, tolContamination: 0, tolDrift: null, tolNonQuadratic: 0, tolRounding: 0,
    neighbours: margins.map((margin, i) => ({ id: i === 0 ? 'lambda-max' : 'mean-eigenvalue', slope: -1, margin })),
    curve: { t: [0, 1, 10, 40], measured: [1e-8, 5e-9, 1e-10, 1e-13], predicted: [1e-8, 5.1e-9, 1e-10, 1.1e-13] },
    maxLogError: 0.1,
  };
}

const timeScaling: C4Evidence = { kind: 'time-scaling', exponent: -0.99, predictedExponent: -1, exponentTolerance: 0.02, rateDecades: 2, rawExponentVsEtaLambdaMin: -0.9, nu: [1, 1.01], tau: [0.02, 0.03], neighbours: [{ id: 'lambda-max', minMargin: 63 }, { id: 'mean-eigenvalue', minMargin: 27 }] };
const incomplete: C4Evidence = { kind: 'incomplete', reason: 'run-unhealthy', horizon: 40 };

describe('C4 evidence schema', () => {
  it('refuses ∞ (JSON cannot hold it; an unbounded tolerance is null), unknown neighbours, ragged curves and unknown fields', () => {
    const ok = descent('late-slope', 3, -0.1, -0.1, 1e-3, [10, 20]);
    expect(C4EvidenceSchema.safeParse(ok).success).toBe(true);
    expect(C4EvidenceSchema.safeParse({ ...ok, tolerance: null }).success).toBe(true);
    expect(C4EvidenceSchema.safeParse({ ...ok, tolerance: Infinity }).success).toBe(false);
    expect(C4EvidenceSchema.safeParse({ ...ok, neighbours: [{ id: 'lambda-median', slope: 0, margin: 2 }] }).success).toBe(false);
    expect(C4EvidenceSchema.safeParse({ ...ok, curve: { ...ok.curve, predicted: [1] } }).success).toBe(false);
    expect(C4EvidenceSchema.safeParse({ ...ok, 'margin:lambda-max': 3 }).success).toBe(false);
    expect(C4EvidenceSchema.safeParse({ ...incomplete, reason: 'tired' }).success).toBe(false);
  });
});

describe('C4 report hook', () => {
  const slow = descent('late-slope', 5, -0.1, -0.1004, 1e-3, [300, 40]); // ratio 0.4
  const stiff = descent('late-slope', 900, -0.01, -0.0101, 1e-3, [5000, 800]); // ratio 0.1, largest κ
  const unbounded = descent('late-slope', 2, -0.2, -0.3, null, [0, 0]); // tolerance unbounded: no ratio
  const top = descent('top-mode', 50, -0.5, -0.5006, 1e-3, [1500, 70]); // ratio 0.6
  const ctx = {
    claim: 'C4',
    units: [
      unit('late slope property', [slow, stiff, unbounded, incomplete], [{ config: { family: 'two-layer', activation: 'tanh', Ni: 3, Nh: 1, N: 30 } }, { config: { family: 'two-layer', activation: 'erf', Ni: 4, Nh: 1, N: 22 } }, {}, {}]),
      unit('top mode property', [top]),
      unit('time scaling property', [timeScaling]),
    ],
  };

  it('key number: the worst slope error ÷ tolerance (lower is better), skipping unbounded tolerances; no α, no right-theory tests', () => {
    const k = c4Hook.keyNumber!(ctx);
    expect(k.label).toBe('worst late-slope error ÷ tolerance');
    expect(k.value).toBeCloseTo(0.6, 10);
    expect(k.better).toBe('lower');
    expect(c4Hook.alpha!(ctx)).toBeNull();
    expect(c4Hook.rightTheoryTests!(ctx)).toEqual([]);
    expect(c4Hook.summary!(ctx)).toMatchObject({ smallestNeighbourMargin: 0 });
  });

  it('figures are synchronous and draw the recorded curves of the stiffest case of each descent property', () => {
    const figures = c4Hook.figures!(ctx);
    expect(Array.isArray(figures)).toBe(true);
    if (!Array.isArray(figures)) return;
    expect(figures.map((f) => f.id)).toEqual(['c4-slopes', 'c4-slope-scatter', 'c4-loss-curves-converging', 'c4-loss-curves-top-mode-slowest']);
    const values = (f: (typeof figures)[number]) => (f.kind === 'vega-lite' ? (f.spec as { data: { values: Array<{ t: number; loss: number; case: string; kind: string }> } }).data.values : []);
    const converging = values(figures[2]);
    expect(converging.filter((v) => v.kind === 'measured').map((v) => [v.t, v.loss])).toEqual(stiff.curve.t.map((t, i) => [t, stiff.curve.measured[i]]));
    expect(converging.filter((v) => v.kind === 'predicted').map((v) => v.loss)).toEqual(stiff.curve.predicted);
    expect(converging[0].case).toBe('converging: erf Ni=4 Nh=1 N=22, η·λ_max = 0.7, κ = 900');
    // Neighbour rows: per slope case, plus the time-scaling batch's smallest margins.
    const strip = figures[0].kind === 'vega-lite' ? (figures[0].spec as { layer: Array<{ data: { values: Array<{ group: string; series: string; ratio: number }> } }> }).layer[0].data.values : [];
    expect(strip.filter((p) => p.group.endsWith(': neighbours')).length).toBe(4 * 2 + 2);
    expect(strip.filter((p) => p.series === 'measured vs predicted slope').map((p) => Number(p.ratio.toFixed(6)))).toEqual([0.4, 0.1, 0.6]);
  });

  it('without slope evidence the key number falls back to the cases passed', () => {
    expect(c4Hook.keyNumber!({ claim: 'C4', units: [unit('time scaling property', [timeScaling])] })).toMatchObject({ label: 'cases passed', text: '1/1' });
  });
});
