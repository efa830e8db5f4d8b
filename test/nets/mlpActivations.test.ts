/**
 * The MLP engine's hidden activations (src/nets/mlp/hiddenActivation.ts): σ' and σ'' against
 * Richardson central differences of σ and σ' (error estimate |D_h − D_2h|/3 + 1.5·ρ/h with ρ
 * = 4·EPS·max(1, |value|) the rounding of one evaluation — erf-based ones carry ≤ 26 EPS
 * relative (src/stats/erfc.ts), so ρ = 32·EPS·… for gelu and erf), known values (closed forms
 * evaluated by hand, 17 digits from mpmath-free identities), torch's kink conventions, tails
 * without overflow or cancellation, and NaN propagation.
 */
import { describe, expect, it } from 'vitest';
import { EPS } from '../../src/linalg/matrix.js';
import { applyActivation, LEAKY_RELU_SLOPE, MLP_ACTIVATIONS, SOFTPLUS_THRESHOLD } from '../../src/nets/mlp/hiddenActivation.js';
import type { MlpActivation } from '../../src/nets/mlp/index.js';

function evaluate(kind: MlpActivation, zs: readonly number[]): { a: Float64Array; d1: Float64Array; d2: Float64Array } {
  const z = Float64Array.from(zs);
  const a = new Float64Array(z.length);
  const d1 = new Float64Array(z.length);
  const d2 = new Float64Array(z.length);
  applyActivation(kind, z, a, d1, d2, 0, z.length);
  return { a, d1, d2 };
}
const at = (kind: MlpActivation, z: number) => {
  const r = evaluate(kind, [z]);
  return { a: r.a[0], d1: r.d1[0], d2: r.d2[0] };
};

const KINKED: readonly MlpActivation[] = ['relu', 'leaky-relu', 'elu'];
const GRID = [-6, -3.1, -1.7, -0.9, -0.31, -0.04, 0.07, 0.45, 1.2, 2.6, 4.4, 7.5, 19.2, 23];

describe('MLP activations: σ′ and σ″ = central differences of σ and σ′', () => {
  for (const kind of MLP_ACTIVATIONS) {
    it(kind, () => {
      const rel = kind === 'gelu' || kind === 'erf' ? 32 : 4;
      for (const z of GRID) {
        const h = Math.cbrt(EPS) * Math.max(1, Math.abs(z));
        // Stencils must not straddle a kink (0) or softplus's threshold (20).
        if (KINKED.includes(kind) && Math.abs(z) <= 2 * h) continue;
        if (kind === 'softplus' && Math.abs(z - SOFTPLUS_THRESHOLD) <= 2 * h) continue;
        const f = evaluate(kind, [z - 2 * h, z - h, z + h, z + 2 * h]);
        const c = at(kind, z);
        const check = (vals: Float64Array, want: number, scale: number) => {
          const dh = (vals[2] - vals[1]) / (2 * h);
          const d2h = (vals[3] - vals[0]) / (4 * h);
          const rho = rel * EPS * scale;
          const err = Math.abs(dh - d2h) / 3 + (1.5 * rho) / h;
          expect(Math.abs((4 * dh - d2h) / 3 - want), `${kind} at z = ${z}`).toBeLessThanOrEqual(err);
        };
        check(f.a, c.d1, Math.max(1, Math.abs(c.a)));
        check(f.d1, c.d2, Math.max(1, Math.abs(c.d1)));
      }
    });
  }
  it('power: a σ″ off by 1e-6 is caught by the same estimate', () => {
    const z = 0.45;
    const h = Math.cbrt(EPS);
    const f = evaluate('gelu', [z - 2 * h, z - h, z + h, z + 2 * h]).d1;
    const dh = (f[2] - f[1]) / (2 * h);
    const d2h = (f[3] - f[0]) / (4 * h);
    const err = Math.abs(dh - d2h) / 3 + (1.5 * 32 * EPS) / h;
    expect(Math.abs((4 * dh - d2h) / 3 - (at('gelu', z).d2 + 1e-6))).toBeGreaterThan(err);
  });
});

describe('MLP activations: known values', () => {
  const phi1 = 0.24197072451914337; // φ(1) = e^{−1/2}/√(2π)
  const Phi1 = 0.8413447460685429; // Φ(1)
  const cases: Array<[MlpActivation, number, number, number, number]> = [
    // kind, z, σ, σ', σ''
    ['sigmoid', 0, 0.5, 0.25, 0],
    ['softplus', 0, Math.LN2, 0.5, 0.25],
    ['gelu', 0, 0, 0.5, 2 * 0.3989422804014327],
    ['gelu', 1, Phi1, Phi1 + phi1, phi1],
    ['gelu', -1, -(1 - Phi1), 1 - Phi1 - phi1, phi1],
    ['elu', -1, Math.exp(-1) - 1, Math.exp(-1), Math.exp(-1)],
    ['elu', 2, 2, 1, 0],
    ['leaky-relu', -2, -0.02, 0.01, 0],
    ['leaky-relu', 3, 3, 1, 0],
    ['erf', 0.5, 0.5204998778130465, (2 / Math.sqrt(Math.PI)) * Math.exp(-0.25), -(2 / Math.sqrt(Math.PI)) * Math.exp(-0.25)],
    ['tanh', 0.5, Math.tanh(0.5), 1 - Math.tanh(0.5) ** 2, -2 * Math.tanh(0.5) * (1 - Math.tanh(0.5) ** 2)],
    ['identity', -3.5, -3.5, 1, 0],
    ['relu', -3.5, 0, 0, 0],
  ];
  it.each(cases)('%s at %d', (kind, z, a, d1, d2) => {
    const c = at(kind, z);
    // Each closed form and the engine agree to a few ulp (erf-based: erfc's ≤ 26 EPS relative).
    const tol = (v: number) => 32 * EPS * Math.max(Math.abs(v), 1e-300);
    expect(Math.abs(c.a - a)).toBeLessThanOrEqual(tol(a));
    expect(Math.abs(c.d1 - d1)).toBeLessThanOrEqual(tol(d1));
    expect(Math.abs(c.d2 - d2)).toBeLessThanOrEqual(tol(d2));
  });
  it('kinks follow torch: relu′(0) = 0, leaky-relu′(0) = 0.01, elu at 0 takes its z ≤ 0 branch (σ′ = σ″ = 1)', () => {
    expect(at('relu', 0)).toEqual({ a: 0, d1: 0, d2: 0 });
    expect(at('leaky-relu', 0)).toEqual({ a: 0, d1: LEAKY_RELU_SLOPE, d2: 0 });
    expect(at('elu', 0)).toEqual({ a: 0, d1: 1, d2: 1 });
  });
  it("softplus reverts to z beyond torch's threshold 20 (σ′ = 1, σ″ = 0), and is log1p(e^z) below", () => {
    expect(at('softplus', 20.5)).toEqual({ a: 20.5, d1: 1, d2: 0 });
    const below = at('softplus', 19.5);
    expect(Math.abs(below.a - (19.5 + Math.log1p(Math.exp(-19.5))))).toBeLessThanOrEqual(2 * EPS * 19.5);
    // The jump at the threshold is e^{−20} ≈ 2.1e-9 in σ′: torch's convention, visible here.
    expect(1 - at('softplus', 19.999).d1).toBeGreaterThan(1e-9);
  });
});

describe('MLP activations: tails and non-finite input', () => {
  it('sigmoid and softplus: no overflow at |z| = 800; σ(1 − σ) accurate relative to itself at z = ±40', () => {
    expect(at('sigmoid', -800)).toEqual({ a: 0, d1: 0, d2: 0 });
    expect(at('sigmoid', 800).a).toBe(1);
    expect(at('softplus', -800).a).toBe(0);
    // σ′(40) = e^{−40}/(1 + e^{−40})² = 4.248354255291589e-18: naive σ(1 − σ) would give 0.
    const e = Math.exp(-40);
    for (const z of [40, -40]) {
      expect(Math.abs(at('sigmoid', z).d1 - e / (1 + e) ** 2)).toBeLessThanOrEqual(4 * EPS * e);
      expect(Math.abs(at('softplus', -Math.abs(z)).d2 - e / (1 + e) ** 2)).toBeLessThanOrEqual(4 * EPS * e);
    }
  });
  it('gelu keeps its left tail relative to itself: gelu(−10) = −10·Φ(−10)', () => {
    // Φ(−10) = 7.619853024160527e-24 (= ½ erfc(10/√2)); torch's ½(1 + erf) would give 0.
    expect(Math.abs(at('gelu', -10).a - -7.619853024160527e-23)).toBeLessThanOrEqual(64 * EPS * 7.62e-23);
  });
  it('NaN in gives NaN out for every activation (a diverged θ stays visible)', () => {
    for (const kind of MLP_ACTIVATIONS) expect(Number.isNaN(at(kind, Number.NaN).a), kind).toBe(true);
  });
});
