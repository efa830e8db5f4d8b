/**
 * theory/rankTable.ts (rankClaim, predictedRank) against ranks measured another way:
 *  - NumPy: test/fixtures/numpy-rank/rank_fixture.json, degenerate teachers of eight kinds for ten
 *    activations, J built and its rank decided by an independent script (make_rank_fixture.py);
 *  - float64 here: the rank of J/√N from the engine (src/spectrum/jacobianRank.ts) on generated
 *    degenerate teachers, kept only when decisive (smallest kept σ ≥ 1e3·tol, gap ≥ 1e8);
 *  - hand derivations: the instances of docs/theory.md#c3 (a reflected sigmoid pair costs Ni
 *    ranks, a reflected softplus pair 1, two reflected ReLU pairs Ni), and the cap at N at and
 *    across N = d;
 *  - where the table makes no claim, that it says so, with a reason.
 * (Polynomial rows are checked exactly over F_p in ./polynomialRank.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProblem, type TeacherStudentProblem } from '../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../src/config/types.js';
import type { ActivationSpec } from '../../src/nets/activationSpec.js';
import { jacobianRank } from '../../src/spectrum/jacobianRank.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import { RELU_MIN_SEPARATION, SMOOTH_MIN_SEPARATION, reluSamplesNeeded, reluSeparation, unitSeparation } from '../../theory/rankGenericity.js';
import { predictedRank, rankClaim, type RankClaim } from '../../theory/rankTable.js';

interface FixtureCase {
  activation: string;
  kind: string;
  W: number[][];
  a: number[];
  X: number[][];
  rank: number;
  margin: number;
  gap: number | null;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/numpy-rank/rank_fixture.json', import.meta.url), 'utf8')) as { cases: FixtureCase[] };

/** A rank decision decisive in float64 (theory/rankDecision.ts's margin, and a gap of 1e8). */
function measured(p: TeacherStudentProblem): number {
  const { rank } = jacobianRank(p, p.theta);
  expect(rank.sigmaAtRank === null || rank.sigmaAtRank >= 1e3 * rank.tolerance, `undecisive: σ_r/tol = ${(rank.sigmaAtRank ?? 0) / rank.tolerance}`).toBe(true);
  expect(rank.gap, 'gap σ_r/σ_r+1').toBeGreaterThanOrEqual(1e8);
  return rank.rank;
}

const rankOf = (c: RankClaim): number => {
  if (c.kind !== 'prediction') throw new Error(`expected a prediction, got no claim: ${c.reason}`);
  return c.rank;
};

describe('the NumPy route (independent script, committed with its outputs)', () => {
  it(`${fixture.cases.length} degenerate teachers: the table's rank = NumPy's rank, and the engine's float64 rank agrees`, () => {
    const bad: string[] = [];
    for (const c of fixture.cases) {
      const p = buildProblem({ family: 'two-layer', activation: c.activation as ActivationSpec, W: c.W, a: c.a, X: c.X });
      const claim = rankClaim(p);
      if (claim.kind !== 'prediction' || claim.rank !== c.rank) bad.push(`${c.activation} ${c.kind} (Ni = ${c.W[0].length}, Nh = ${c.W.length}, N = ${c.X.length}): NumPy ${c.rank}, table ${claim.kind === 'prediction' ? claim.rank : `no claim (${claim.reason})`}`);
      const own = jacobianRank(p, p.theta).rank.rank;
      if (own !== c.rank) bad.push(`${c.activation} ${c.kind}: NumPy ${c.rank}, engine ${own}`);
    }
    expect(bad).toEqual([]);
    expect(new Set(fixture.cases.map((c) => c.activation)).size).toBe(10);
  });
});

const ACTIVATIONS: ActivationSpec[] = ['identity', 'z^2', 'z^3', 'z^5', 'erf', 'tanh', 'relu', 'sigmoid', 'softplus'];
type Edits = Pick<GeneratedConfig, 'zeroOutputWeights' | 'duplicateUnits' | 'reflectUnits' | 'scaleUnits'>;
const KINDS: Record<string, Edits> = {
  duplicated: { duplicateUnits: [[0, 1]] },
  reflected: { reflectUnits: [[0, 1]] },
  'rescaled (c = 1.7)': { scaleUnits: [[0, 1, 1.7]] },
  'rescaled (c = −2.3)': { scaleUnits: [[0, 1, -2.3]] },
  'zero output': { zeroOutputWeights: [2] },
  'reflected, zero output on the copy': { reflectUnits: [[0, 1]], zeroOutputWeights: [1] },
  'reflected, zero output on both': { reflectUnits: [[0, 1]], zeroOutputWeights: [0, 1] },
  'duplicated and reflected': { duplicateUnits: [[0, 1]], reflectUnits: [[0, 2]] },
  'two reflected pairs': { reflectUnits: [[0, 1], [2, 3]] },
  'two reflected pairs, one copy silent': { reflectUnits: [[0, 1], [2, 3]], zeroOutputWeights: [3] },
  'rescaled reflection of a duplicate': { duplicateUnits: [[0, 1]], scaleUnits: [[0, 2, -0.6]] },
};

/**
 * A generated config with these edits, at the first seed from `seed` on whose teacher is
 * separated as the generators require (theory/rankGenericity.ts): the table is exact for any
 * teacher, but float64 only decides separated ones.
 */
function config(activation: ActivationSpec, Ni: number, Nh: number, edits: Edits, seed: number, N?: number): GeneratedConfig {
  const P = Nh * (Ni + 1);
  for (let s = seed; ; s++) {
    const c: GeneratedConfig = { family: 'two-layer', activation, Ni, Nh, N: N ?? (activation === 'relu' ? reluSamplesNeeded(P) + 20 : P + 15), seed: s, sigma1: Number((1 / Math.sqrt(Ni)).toFixed(3)), ...edits };
    const W = (buildProblem(c).teacherWeights as { W: Matrix }).W;
    const sep = activation === 'relu' ? reluSeparation(W) : unitSeparation(W, typeof activation === 'string' && activation.startsWith('z^'));
    if (sep >= (activation === 'relu' ? RELU_MIN_SEPARATION : SMOOTH_MIN_SEPARATION)) return c;
  }
}

describe('float64 route: every activation × every kind of degenerate teacher', () => {
  for (const [kind, edits] of Object.entries(KINDS)) {
    it(kind, () => {
      const bad: string[] = [];
      for (const act of ACTIVATIONS) {
        for (const [Ni, seed] of [[2, 11], [3, 12]] as const) {
          const p = buildProblem(config(act, Ni, 5, edits, seed));
          const m = measured(p);
          const c = rankClaim(p);
          if (c.kind !== 'prediction' || c.rank !== m) bad.push(`${String(act)}, Ni = ${Ni}: measured ${m}, table ${c.kind === 'prediction' ? `${c.rank} (${c.formula})` : `no claim: ${c.reason}`}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});

describe('the instances of docs/theory.md#c3 (hand derivations)', () => {
  const P = 12; // Ni = 3, Nh = 3
  it('a reflected pair: sigmoid P − Ni (σ(−z) = 1 − σ(z)), softplus P − 1 (softplus(−z) = softplus(z) − z), tanh P − Ni − 1 (merged), ReLU P − Nh', () => {
    const make = (activation: ActivationSpec) => buildProblem(config(activation, 3, 3, { reflectUnits: [[0, 1]] }, 5));
    expect(rankOf(rankClaim(make('sigmoid')))).toBe(P - 3);
    expect(rankOf(rankClaim(make('softplus')))).toBe(P - 1);
    expect(rankOf(rankClaim(make('tanh')))).toBe(P - 3 - 1);
    expect(rankOf(rankClaim(make('relu')))).toBe(P - 3);
    for (const act of ['sigmoid', 'softplus', 'tanh', 'relu'] as const) expect(measured(make(act))).toBe(rankOf(rankClaim(make(act))));
  });
  it('two reflected ReLU pairs share the Ni linear forms: 3·Ni, not 4·Ni (Ni = 3, Nh = 4)', () => {
    const p = buildProblem(config('relu', 3, 4, { reflectUnits: [[0, 1], [2, 3]] }, 7));
    expect(rankOf(rankClaim(p))).toBe(9);
    expect(measured(p)).toBe(9);
  });
  it('monomials: a rescaled unit is the same form (z³, Ni = 3, Nh = 2, w₂ = 2.3·w₁: rank 3, not 6)', () => {
    const p = buildProblem(config('z^3', 3, 2, { scaleUnits: [[0, 1, 2.3]] }, 3));
    expect(rankOf(rankClaim(p))).toBe(3);
    expect(measured(p)).toBe(3);
  });
});

describe('the cap at N, at and across N = d', () => {
  const capCases: Array<[ActivationSpec, Edits]> = [['tanh', {}], ['sigmoid', { reflectUnits: [[0, 1]] }], ['z^3', { duplicateUnits: [[0, 1]] }], ['softplus', { reflectUnits: [[0, 1]], zeroOutputWeights: [2] }]];
  for (const [act, edits] of capCases) {
    it(`${String(act)} ${JSON.stringify(edits)}: min(N, d) for N = d − 1, d, d + 1`, () => {
      const d = rankOf(rankClaim(buildProblem(config(act, 3, 4, edits, 9, 200))));
      for (const N of [d - 1, d, d + 1]) {
        const p = buildProblem(config(act, 3, 4, edits, 9, N));
        expect(rankOf(rankClaim(p))).toBe(Math.min(N, d));
        expect(measured(p)).toBe(Math.min(N, d));
      }
    });
  }
});

describe('no claim where the table cannot predict', () => {
  const noClaim = (p: TeacherStudentProblem, pattern: RegExp) => {
    const c = rankClaim(p);
    expect(c.kind).toBe('no-claim');
    if (c.kind === 'no-claim') expect(c.reason).toMatch(pattern);
    expect(predictedRank(p)).toBeNull();
  };
  it('a zero weight row', () => {
    noClaim(buildProblem({ family: 'two-layer', activation: 'tanh', W: [[0, 0], [1, 2]], a: [1, 1], X: [[1, 0], [0, 1], [1, 1], [2, 1], [1, 3], [0, 2], [3, 1]] }), /w_j = 0/);
  });
  it('ReLU below its data condition (N = 8P + 39), and with two lines closer than 0.3 rad', () => {
    const P = 3 * 4;
    noClaim(buildProblem(config('relu', 3, 3, {}, 1, reluSamplesNeeded(P) - 1)), /8P \+ 40/);
    expect(rankClaim(buildProblem(config('relu', 3, 3, {}, 1, reluSamplesNeeded(P)))).kind).toBe('prediction');
    const W = [[1, 0], [Math.cos(0.2), Math.sin(0.2)], [0, 1]];
    const X = Array.from({ length: reluSamplesNeeded(9) }, (_, n) => [Math.sin(n * 1.3), Math.cos(n * 0.7)]);
    noClaim(buildProblem({ family: 'two-layer', activation: 'relu', W, a: [1, 1, 1], X }), /rad apart/);
  });
  it('a polynomial that is not a monomial, with a degenerate unit; and below its proven width', () => {
    noClaim(buildProblem(config({ polynomial: [0, 1, 0, 1] }, 2, 6, { reflectUnits: [[0, 1]] }, 2)), /degenerate unit/);
    noClaim(buildProblem(config({ polynomial: [0, 1, 0, 1] }, 2, 3, {}, 2)), /below the width/);
  });
});
