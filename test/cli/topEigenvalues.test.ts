/**
 * `top-eigenvalues`: route choice (structured at θ* for two-layer, matrix-free Lanczos
 * elsewhere), agreement with the dense `spectrum`, the backend option, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from './runCli.js';
import { EPS } from '../../src/linalg/matrix.js';
import { nativeAvailable } from '../../src/linalg/selectBackend.js';

const file = tempFiles('hc-top-');
const run = runCli;
async function denseTop(cfg: string, k: number): Promise<number[]> {
  const o = JSON.parse((await run('spectrum', cfg, '--json', '--backend', 'portable')).out);
  return (o.eigenvalues as number[]).slice(0, k); // descending
}

describe('top-eigenvalues --json', () => {
  it('at θ* of a two-layer net: structured kernel route, equal to the dense spectrum', async () => {
    const cfg = file('opt.json', { family: 'two-layer', activation: 'tanh', Ni: 6, Nh: 8, N: 30, seed: 1 });
    const r = await run('top-eigenvalues', cfg, '--k', '5', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const o = JSON.parse(r.out);
    expect(o.route).toBe('structured-kernel');
    expect(o.atOptimum).toBe(true);
    expect(o.eigenvalues).toHaveLength(5);
    const ref = await denseTop(cfg, 5);
    // Both: eigensolver on a Gram formed in float64, ≤ 8·(Ni + Nh + N + P)·eps·λ_max apart.
    for (let i = 0; i < 5; i++) expect(Math.abs(o.eigenvalues[i] - ref[i])).toBeLessThanOrEqual(8 * (6 + 8 + 30 + 56) * EPS * ref[0]);
  });

  it('off θ*: matrix-free Lanczos with residuals, iterations and converged; within the residual of the dense values', async () => {
    const cfg = file('off.json', { family: 'two-layer', activation: 'erf', Ni: 5, Nh: 6, N: 40, seed: 2, studentOffset: 1 });
    const o = JSON.parse((await run('top-eigenvalues', cfg, '--k', '4', '--json', '--backend', 'portable')).out);
    expect(o.route).toBe('matrix-free-lanczos');
    expect(o.backend).toBe('portable');
    expect(o.converged).toBe(true);
    expect(o.iterations).toBeGreaterThanOrEqual(4);
    expect(o.residuals).toHaveLength(4);
    const ref = await denseTop(cfg, 4);
    const dense = 4 * 36 * EPS * Math.abs(ref[0]); // the dense route's own error, c·P·eps·‖H‖
    for (let i = 0; i < 4; i++) expect(Math.abs(o.eigenvalues[i] - ref[i])).toBeLessThanOrEqual(o.residuals[i] + dense);
  });

  it('deep linear at θ* uses Lanczos too (no factorisation there)', async () => {
    const cfg = file('deep.json', { family: 'deep-linear', Ni: 3, Nh: 4, N: 10, seed: 5, depth: 3 });
    const o = JSON.parse((await run('top-eigenvalues', cfg, '--k', '2', '--json')).out);
    expect(o.route).toBe('matrix-free-lanczos');
    const ref = await denseTop(cfg, 2);
    for (let i = 0; i < 2; i++) expect(Math.abs(o.eigenvalues[i] - ref[i])).toBeLessThanOrEqual(o.residuals[i] + 1e-12 * ref[0]);
  });

  it('a size the dense path refuses runs here (P = 10100)', async () => {
    const cfg = file('big.json', { family: 'two-layer', activation: 'erf', Ni: 100, Nh: 100, N: 10, seed: 1 });
    expect((await run('spectrum', cfg)).err).toMatch(/top-eigenvalues/);
    const o = JSON.parse((await run('top-eigenvalues', cfg, '--k', '3', '--json')).out);
    expect(o.P).toBe(10100);
    expect(o.eigenvalues).toHaveLength(3);
  });
});

describe('top-eigenvalues human output', () => {
  it('names the route, the backend and (for Lanczos) the convergence', async () => {
    const cfg = file('h.json', { family: 'two-layer', activation: 'tanh', Ni: 4, Nh: 3, N: 20, seed: 3, studentOffset: 0.5 });
    const r = await run('top-eigenvalues', cfg, '--k', '2', '--backend', 'portable');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/route: matrix-free Lanczos on the exact Hessian-vector product/);
    expect(r.out).toMatch(/linear algebra: portable/);
    expect(r.out).toMatch(/lanczos: \d+ iterations, converged; max residual/);
    const capped = await run('top-eigenvalues', cfg, '--k', '2', '--max-iterations', '2', '--tolerance', '1e-15');
    expect(capped.out).toMatch(/NOT converged \(raise --max-iterations\)/);
  });

  it.runIf(nativeAvailable())('--backend native names OpenBLAS', async () => {
    const cfg = file('n.json', { family: 'two-layer', activation: 'tanh', Ni: 4, Nh: 3, N: 20, seed: 3 });
    const r = await run('top-eigenvalues', cfg, '--k', '2', '--backend', 'native');
    expect(r.out).toMatch(/route: structured kernel .*linear algebra: native \(OpenBLAS/);
  });
});

describe('top-eigenvalues bad input: exit 2, one line, nothing on stdout', () => {
  const cfg = () => file('ok.json', { family: 'two-layer', activation: 'tanh', Ni: 2, Nh: 2, N: 5, seed: 1 });
  const cases: [string, () => string[], RegExp][] = [
    ['missing --k', () => ['top-eigenvalues', cfg()], /^top-eigenvalues: --k is required \(an integer in \[1, 1000000\]\)/],
    ['k not an integer', () => ['top-eigenvalues', cfg(), '--k', '2.5'], /^top-eigenvalues: --k must be an integer in \[1, 1000000\], got "2\.5"/],
    ['k > P', () => ['top-eigenvalues', cfg(), '--k', '7'], /^top-eigenvalues: --k 7 exceeds the number of parameters P = 6/],
    ['bad backend', () => ['top-eigenvalues', cfg(), '--k', '1', '--backend', 'gpu'], /^top-eigenvalues: --backend must be one of portable, native, auto, got "gpu"/],
    ['bad tolerance', () => ['top-eigenvalues', cfg(), '--k', '1', '--tolerance', '2'], /^top-eigenvalues: --tolerance must be a number in \(0, 1\)/],
    ['max-iterations < k', () => ['top-eigenvalues', cfg(), '--k', '3', '--max-iterations', '2'], /^top-eigenvalues: --max-iterations 2 is below --k 3/],
    ['two files', () => ['top-eigenvalues', cfg(), cfg(), '--k', '1'], /^top-eigenvalues: expected one config file, got 2/],
    ['unknown option', () => ['top-eigenvalues', cfg(), '--k', '1', '--fast'], /^top-eigenvalues: unknown option --fast/],
  ];
  for (const [name, argv, msg] of cases) {
    it(name, async () => {
      const r = await run(...argv());
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(msg);
      expect(r.err.split('\n')).toHaveLength(1);
    });
  }

  it.runIf(!nativeAvailable())('--backend native without the addon: exit 2 naming the fix', async () => {
    const r = await run('top-eigenvalues', cfg(), '--k', '1', '--backend', 'native');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/native LAPACK backend is not built.*--backend portable/);
  });
});
