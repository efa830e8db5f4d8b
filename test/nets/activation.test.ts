import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { erf } from '../../src/stats/erfc.js';
import { resolveActivation } from '../../src/nets/activation.js';
import { EPS } from '../../src/linalg/matrix.js';

const ERF_REF: [number, number][] = JSON.parse(readFileSync(new URL('../fixtures/scipy-erf/erf.json', import.meta.url), 'utf8'));

describe('erf', () => {
  it('matches scipy.special.erf within its derived rounding bound', () => {
    // src/stats/erfc.ts: series for |y| < 1 (≤ 4 eps); beyond, erf = 1 − erfc with erfc good to
    // 26 eps relative, i.e. ≤ 26·eps·erfc(1)/erf(1) ≈ 4.9 eps relative in erf; plus 1 ulp of scipy.
    for (const [x, v] of ERF_REF) expect(Math.abs(erf(x) - v)).toBeLessThanOrEqual(6 * EPS * Math.max(Math.abs(v), 1e-300));
  });
  it('is odd, and NaN in gives NaN out', () => {
    for (const x of [0.1, 1.7, 3.2, 8]) expect(erf(-x)).toBe(-erf(x));
    expect(erf(Number.NaN)).toBeNaN();
  });
});

describe('activations: derivatives agree with central differences', () => {
  const specs: unknown[] = ['identity', 'erf', 'tanh', 'relu', 'sigmoid', 'softplus', 'z^2', 'z^3', 'z^4', 'z^5', 'z^6', { polynomial: [0.5, -1, 0.25, 0.1] }];
  const points = [-2.3, -0.7, -0.05, 0.4, 1.1, 2.9];
  // Central difference f(z±h), h = eps^{1/3}·max(1,|z|): error ≤ h²/6·|f'''| + eps·|f|/h ≈ 1e-10 for
  // these functions on |z| ≤ 3 (|f'''| ≲ 500 for z^6 at 2.9 → 3e-9); bound 1e-7·max(1, |f'|).
  for (const spec of specs) {
    it(JSON.stringify(spec), () => {
      const a = resolveActivation(spec);
      for (const z of points) {
        const h = Math.cbrt(EPS) * Math.max(1, Math.abs(z));
        const d1 = (a.g(z + h) - a.g(z - h)) / (2 * h);
        const d2 = (a.d1(z + h) - a.d1(z - h)) / (2 * h);
        expect(Math.abs(d1 - a.d1(z))).toBeLessThan(1e-7 * Math.max(1, Math.abs(a.d1(z))));
        if (spec !== 'relu' || Math.abs(z) > h) expect(Math.abs(d2 - a.d2(z))).toBeLessThan(1e-7 * Math.max(1, Math.abs(a.d2(z))));
      }
    });
  }
  it('polynomial activations expose their coefficients; others do not', () => {
    expect(resolveActivation('z^3').polynomial).toEqual([0, 0, 0, 1]);
    expect(resolveActivation('identity').polynomial).toEqual([0, 1]);
    expect(resolveActivation({ polynomial: [1, 2] }).polynomial).toEqual([1, 2]);
    expect(resolveActivation('tanh').polynomial).toBeNull();
  });
  it('softplus and sigmoid do not overflow at large |z|', () => {
    const sp = resolveActivation('softplus');
    const sg = resolveActivation('sigmoid');
    expect(sp.g(800)).toBe(800);
    expect(sp.g(-800)).toBe(0);
    expect(sg.g(-800)).toBe(0);
    expect(sg.g(800)).toBe(1);
  });
});

describe('activations: bad specs name the field and the fix', () => {
  it.each([
    ["gelu", /^activation: unknown activation "gelu"; use one of/],
    ['z^7', /monomial degree 7 is not supported; use z\^2 … z\^6/],
    [{ polynomial: [1] }, /polynomial: must be an array of at least 2 finite numbers/],
    [{ polynomial: [1, Number.NaN] }, /polynomial: must be an array of at least 2 finite numbers/],
    [{ polynomial: [1, 0] }, /leading coefficient is 0/],
    [42, /unknown activation 42/],
  ])('%j', (spec, msg) => {
    expect(() => resolveActivation(spec)).toThrow(msg);
  });
});
