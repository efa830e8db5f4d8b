import { describe, expect, it } from 'vitest';
import { hessianSpectrum } from '../../src/spectrum/hessianSpectrum.js';
import { buildProblem } from '../../src/config/buildProblem.js';
import { ConfigError } from '../../src/config/configError.js';
import { gramAtA, EPS } from '../../src/linalg/matrix.js';

const ok = { family: 'two-layer', activation: 'tanh', W: [[1, 2], [3, 4]], a: [1, -1], X: [[1, 0], [0, 1], [1, 1]] };

describe('buildProblem: valid configurations', () => {
  it('explicit two-layer: shapes, teacher targets, at the optimum', () => {
    const p = buildProblem(ok);
    expect([p.Ni, p.Nh, p.N, p.model.P]).toEqual([2, 2, 3, 6]);
    expect(p.atOptimum).toBe(true);
    expect(Array.from(p.targets)).toEqual(Array.from(p.model.outputs(p.teacher, p.X)));
  });
  it('a student moves the evaluation point off the optimum', () => {
    const p = buildProblem({ ...ok, student: { W: [[1, 2], [3, 5]], a: [1, -1] } });
    expect(p.atOptimum).toBe(false);
  });
  it('generated configs are reproducible from the seed and fill defaults', () => {
    const c = { family: 'two-layer', activation: 'erf', Ni: 3, Nh: 2, N: 5, seed: 9 };
    expect(Array.from(buildProblem(c).teacher)).toEqual(Array.from(buildProblem(c).teacher));
    expect(Array.from(buildProblem({ ...c, seed: 10 }).teacher)).not.toEqual(Array.from(buildProblem(c).teacher));
  });
  it('sigma1, sigma2 are standard deviations, not variances', () => {
    // n draws: the sample sd's relative standard error is ≈ 1/√(2n); allow 5 of them.
    const sd = (x: Float64Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
    const wide = buildProblem({ family: 'two-layer', activation: 'identity', Ni: 400, Nh: 10, N: 1, seed: 1, sigma1: 3, sigma2: 0.5 });
    const W = (wide.teacherWeights as { W: { data: Float64Array } }).W.data;
    expect(Math.abs(sd(W) / 3 - 1)).toBeLessThan(5 / Math.sqrt(2 * W.length));
    const many = buildProblem({ family: 'two-layer', activation: 'identity', Ni: 1, Nh: 2000, N: 1, seed: 1, sigma1: 3, sigma2: 0.5 });
    const a = (many.teacherWeights as { a: Float64Array }).a;
    expect(Math.abs(sd(a) / 0.5 - 1)).toBeLessThan(5 / Math.sqrt(2 * a.length));
  });
  it('whiten makes XᵀX/N = I to rounding', () => {
    const p = buildProblem({ family: 'two-layer', activation: 'identity', Ni: 5, Nh: 2, N: 40, seed: 3, whiten: true });
    const C = gramAtA(p.X, 1 / p.N);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) expect(Math.abs(C.data[i * 5 + j] - (i === j ? 1 : 0))).toBeLessThan(1e3 * EPS);
  });
  it('degenerate teachers: zeroOutputWeights and duplicateUnits', () => {
    const p = buildProblem({ family: 'two-layer', activation: 'erf', Ni: 3, Nh: 3, N: 5, seed: 3, zeroOutputWeights: [1], duplicateUnits: [[0, 2]] });
    const { W, a } = p.teacherWeights as { W: { data: Float64Array }; a: Float64Array };
    expect(a[1]).toBe(0);
    expect(Array.from(W.data.slice(6, 9))).toEqual(Array.from(W.data.slice(0, 3)));
  });
  it('deep linear: generated with depth, explicit with layers', () => {
    expect(buildProblem({ family: 'deep-linear', Ni: 3, Nh: 4, N: 5, seed: 1, depth: 3 }).model.P).toBe(3 * 4 + 4 * 4 + 4);
    expect(buildProblem({ family: 'deep-linear', layers: [[[1, 2]], [[3]]], X: [[1, 1]] }).model.P).toBe(3);
  });
});

describe('buildProblem: bad input names the field and the fix', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not an object', 42, /^config: must be a JSON object/],
    ['unknown family', { ...ok, family: 'cnn' }, /^family: must be "two-layer" or "deep-linear"/],
    ['missing activation', { ...ok, activation: undefined }, /^activation: is missing; e.g. "tanh"/],
    ['unknown activation', { ...ok, activation: 'gelu' }, /^activation: unknown activation "gelu"; use one of/],
    ['ragged W', { ...ok, W: [[1, 2], [3]] }, /^W\[1\]: has 1 entries, expected 2/],
    ['NaN in W', { ...ok, W: [[1, Number.NaN], [3, 4]] }, /^W\[0\]\[1\]: must be a finite number, got NaN/],
    ['Infinity in X', { ...ok, X: [[1, Infinity], [0, 1], [1, 1]] }, /^X\[0\]\[1\]: must be a finite number, got Infinity/],
    ['null in a', { ...ok, a: [1, null] }, /^a\[1\]: must be a finite number, got null/],
    ['a length', { ...ok, a: [1] }, /^a: has 1 entries, expected 2; give exactly 2 numbers/],
    ['X width', { ...ok, X: [[1, 2, 3]] }, /^X\[0\]: has 3 entries, expected 2/],
    ['empty X', { ...ok, X: [] }, /^X: must be a non-empty array of rows/],
    ['student shape', { ...ok, student: { W: [[1, 2]], a: [1, 2] } }, /^student\.W: has 1 rows, expected 2/],
    ['missing Ni', { family: 'two-layer', activation: 'erf', Nh: 2, N: 3, seed: 1 }, /^Ni: is missing; give an integer ≥ 1/],
    ['fractional N', { family: 'two-layer', activation: 'erf', Ni: 2, Nh: 2, N: 2.5, seed: 1 }, /^N: must be an integer in \[1,/],
    ['negative sigma1', { family: 'two-layer', activation: 'erf', Ni: 2, Nh: 2, N: 3, seed: 1, sigma1: -1 }, /^sigma1: must be a finite number ≥ 0/],
    ['whiten with N < Ni', { family: 'two-layer', activation: 'erf', Ni: 4, Nh: 2, N: 3, seed: 1, whiten: true }, /^whiten: needs N ≥ Ni/],
    ['whiten not boolean', { family: 'two-layer', activation: 'erf', Ni: 2, Nh: 2, N: 3, seed: 1, whiten: 'yes' }, /^whiten: must be true or false/],
    ['duplicate index out of range', { family: 'two-layer', activation: 'erf', Ni: 2, Nh: 2, N: 3, seed: 1, duplicateUnits: [[0, 5]] }, /^duplicateUnits\[0\]\[1\]: must be an integer in \[0, 1\]/],
    ['deep linear with activation', { family: 'deep-linear', activation: 'tanh', Ni: 2, Nh: 2, N: 3, seed: 1 }, /^activation: deep-linear networks are linear/],
    ['deep linear last layer', { family: 'deep-linear', layers: [[[1, 2]], [[3], [4]]], X: [[1, 1]] }, /^layers\[1\]: has 2 rows, expected 1/],
    ['deep linear one layer', { family: 'deep-linear', layers: [[[1, 2]]], X: [[1, 1]] }, /^layers: must be an array of at least 2 weight matrices/],
  ];
  for (const [name, cfg, msg] of cases) {
    it(name, () => {
      let err: unknown;
      try {
        buildProblem(cfg);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(msg);
    });
  }
});

describe('memory budget: checked where the dense path is taken, not when building', () => {
  const big = { family: 'two-layer', activation: 'erf', Ni: 100, Nh: 100, N: 10, seed: 1 };

  it('a problem past the dense budget builds (structured and matrix-free routes need it)', () => {
    expect(buildProblem(big).model.P).toBe(10100);
  });

  it('the dense spectrum refuses it with a message that points to top-eigenvalues', () => {
    let err: unknown;
    try {
      hessianSpectrum(buildProblem(big));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/^Nh, Ni, N: a dense Hessian with P = 10100 parameters .* over the 1024 MiB budget; use `top-eigenvalues <config\.json> --k K`/);
  });
});
