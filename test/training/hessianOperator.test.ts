/**
 * hessianOperator over a closed-form Hessian (no MLP): the operator applies H·v of the model at
 * the θ it was built at (copied), counts applications, and Lanczos on it recovers H's top
 * eigenvalues. bulkSpread on the same operator: deflating the outliers leaves Σ_bulk λ²,
 * estimated within 4 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { lanczosEigenvalues } from '../../src/linalg/lanczos.js';
import { Rng } from '../../src/rng/index.js';
import { bulkSpread } from '../../src/training/bulkSpread.js';
import { hessianOperator, type HessianVectorSource } from '../../src/training/hessianOperator.js';

/** L(θ) = Σ_i λ_i θ_i⁴/12 + ½ Σ_i c_i θ_i²: H(θ) = diag(λ_i θ_i² + c_i). */
function quartic(lambda: number[], c: number[]): HessianVectorSource {
  return { P: lambda.length, hessianVector: (t, v) => Float64Array.from(v, (x, i) => (lambda[i] * t[i] * t[i] + c[i]) * x) };
}

describe('hessianOperator', () => {
  const P = 60;
  const lambda = Array.from({ length: P }, (_, i) => (i < 3 ? 10 * (i + 1) : 0));
  const c = Array.from({ length: P }, (_, i) => 0.01 * (1 + (i % 7)));
  const theta = Float64Array.from({ length: P }, (_, i) => (i < 3 ? 1 : 0.5));
  it('applies H(θ) at a copy of θ and counts products', () => {
    const t = Float64Array.from(theta);
    const op = hessianOperator(quartic(lambda, c), t);
    t.fill(0);
    const v = Float64Array.from({ length: P }, (_, i) => i + 1);
    const hv = op.apply(v);
    for (let i = 0; i < P; i++) expect(hv[i]).toBe((lambda[i] * theta[i] * theta[i] + c[i]) * v[i]);
    expect(op.applications).toBe(1);
    expect(() => op.apply(new Float64Array(3))).toThrow(/length 60/);
  });
  it('Lanczos on it finds the top eigenvalues of H(θ)', () => {
    const op = hessianOperator(quartic(lambda, c), theta);
    const lz = lanczosEigenvalues(op, { k: 4, tolerance: 1e-12 });
    // diag entries: i=0: 10+0.01, i=1: 20+0.02, i=2: 30+0.03; the bulk's largest is 0.07.
    const want = [30.03, 20.02, 10.01, 0.07];
    want.forEach((w, i) => expect(Math.abs(lz.values[i] - w)).toBeLessThanOrEqual(1e-10 * 30.03 + lz.errorBounds[i]));
  });
  it('bulkSpread: deflated Hutchinson estimates Σ_bulk λ² within 4 standard errors', () => {
    const op = hessianOperator(quartic(lambda, c), theta);
    const lz = lanczosEigenvalues(op, { k: 3, tolerance: 1e-12, wantVectors: true });
    const b = bulkSpread(op, lz.vectors!, 200, Rng.fromSeed(4));
    let exact = 0;
    for (let i = 3; i < P; i++) exact += c[i] ** 2;
    exact /= P - 3;
    expect(Math.abs(b.meanSquare - exact)).toBeLessThanOrEqual(4 * b.meanSquareStdError + 1e-15);
    // A diagonal H with Rademacher probes: ‖Dz‖² = Σ d_i² exactly, so the estimate is exact.
    expect(b.meanSquare).toBeCloseTo(exact, 12);
    expect(b.deflated).toBe(3);
  });
});
