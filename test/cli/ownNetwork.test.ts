/**
 * "Your own network" end to end through the command line: a model PyTorch trained and
 * tools/export_torch.py wrote (test/fixtures/torch/*) goes through spectrum, top-eigenvalues,
 * density, decompose and check, and the numbers agree with torch's float64 Hessian
 * (reference.json, computed offline; no Python here).
 *
 * Tolerances (derived as in test/formats/torchEndToEnd.test.ts): dense eigenvalues within
 * P·N·eps·max|λ| of torch's (first-order error of ≈ P·N multiply-adds, Weyl); Lanczos values
 * within their own explicit residual (a rigorous bound) plus that; the SLQ measure within its
 * stated Wasserstein-1 bound of the exact spectrum (the sampling part holds with probability
 * ≥ 99% over the probes; the probes are seeded, so the test is deterministic). Wrong neighbours
 * — the other reduction — are put through the same tolerance and must fail it.
 */
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../cli/commands/check.js';
import { loadModel } from '../../cli/loadModel.js';
import { exitCodeOf } from '../../properties/modelChecks/index.js';
import { getBackend } from '../../src/linalg/selectBackend.js';
import { silentProductProgress } from '../../src/report/progress/productProgress.js';
import { mlpCurvature } from '../../src/spectrum/mlpCurvature.js';
import { wasserstein1, empiricalMeasure } from '../../src/spectrum/wasserstein.js';
import { runCli } from './runCli.js';

const EPS = 2 ** -52;
const FIXTURES = new URL('../fixtures/torch/', import.meta.url).pathname;
const cfg = (name: string) => join(FIXTURES, name, 'config.json');

interface Ref {
  P: number;
  N: number;
  eigenvalues: number[];
  trace: number;
  config: Record<string, unknown> & { reduction: string; loss: string };
  parameterOrder: { name: string }[];
  gaussNewton: { eigenvalues: number[]; trace: number };
  residual: { eigenvalues: number[]; trace: number };
}
const ref = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name, 'reference.json'), 'utf8')) as Ref;
const maxAbs = (a: readonly number[]) => Math.max(...a.map(Math.abs));
const denseTol = (r: Ref) => r.P * r.N * EPS * maxAbs(r.eigenvalues);

/** The fixture's config with absolute paths and some fields changed (a wrong neighbour). */
function variant(name: string, change: Record<string, unknown>): string {
  const c = JSON.parse(readFileSync(cfg(name), 'utf8'));
  const abs = (p: string) => join(FIXTURES, name, p);
  const out = { ...c, weights: abs(c.weights), data: Object.fromEntries(Object.entries(c.data as Record<string, string>).map(([k, v]) => [k, abs(v)])), ...change };
  const p = join(mkdtempSync(join(tmpdir(), 'hc-variant-')), 'config.json');
  writeFileSync(p, JSON.stringify(out));
  return p;
}

/** An int64 .npy file of labels in a fresh folder. */
function labelsFile(labels: number[]): string {
  const header = `{'descr': '<i8', 'fortran_order': False, 'shape': (${labels.length},), }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  const text = header + ' '.repeat(pad % 64) + '\n';
  const bytes = new Uint8Array(10 + text.length + 8 * labels.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  const dv = new DataView(bytes.buffer);
  dv.setUint16(8, text.length, true);
  bytes.set(new TextEncoder().encode(text), 10);
  labels.forEach((v, i) => dv.setBigInt64(10 + text.length + 8 * i, BigInt(v), true));
  const p = join(mkdtempSync(join(tmpdir(), 'hc-labels-')), 'bad.npy');
  writeFileSync(p, bytes);
  return p;
}

async function json(...argv: string[]) {
  const r = await runCli(...argv);
  expect(r.err, r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

describe('spectrum on a trained model', () => {
  it.each(['tanh_ce_f32', 'tanh_mse_k3_f64', 'gelu_mse_sum_f64', 'sigmoid_hse_f64', 'named_elu_ce_f32'])('%s: every eigenvalue within P·N·eps·max|λ| of torch’s; the JSON states the model, loss, reduction and route', async (name) => {
    const r = ref(name);
    const o = await json('spectrum', cfg(name), '--json');
    expect([o.family, o.P, o.N, o.loss, o.reduction]).toEqual(['mlp', r.P, r.N, r.config.loss, r.config.reduction]);
    expect(o.route).toMatch(/dense Hessian/);
    expect(o.precision).toMatch(name.endsWith('f32') ? /^F32 weights read exactly/ : /^F64 weights read as stored/);
    expect(o.parameters).toEqual(r.parameterOrder.map((p) => p.name));
    expect(o.eigenvalues).toHaveLength(r.P);
    const gap = maxAbs(o.eigenvalues.map((v: number, i: number) => v - r.eigenvalues[i]));
    expect(gap).toBeLessThanOrEqual(denseTol(r));
    expect(Math.abs(o.trace - r.trace)).toBeLessThanOrEqual(denseTol(r) * r.P);
  });

  it('wrong neighbour: the same files read with the other reduction miss torch by far more than the tolerance', async () => {
    const r = ref('tanh_ce_f32');
    const o = await json('spectrum', variant('tanh_ce_f32', { reduction: 'sum' }), '--json');
    expect(maxAbs(o.eigenvalues.map((v: number, i: number) => v - r.eigenvalues[i]))).toBeGreaterThan(1e6 * denseTol(r));
  });

  it('human-readable output names the model, loss, precision and route', async () => {
    const out = (await runCli('spectrum', cfg('tanh_ce_f32'))).out;
    expect(out).toMatch(/^MLP 6 → 8 → 8 → 3, tanh hidden units, with biases; P = 155 parameters, N = 48 samples/);
    expect(out).toMatch(/loss: nn\.CrossEntropyLoss\(reduction='mean'\)/);
    expect(out).toMatch(/precision: F32 weights read exactly \(widened to float64\), computed in float64/);
    expect(out).toMatch(/eigenvalues \(descending\): 1\.53861 /);
  });
});

describe('top-eigenvalues on a trained model (matrix-free Lanczos on the exact H·v)', () => {
  it.each(['tanh_ce_p474_f64', 'tanh_ce_sum_f64', 'tanh_ce_nobias_f64'])('%s: each value within its residual (+ the dense tolerance) of torch’s', async (name) => {
    const r = ref(name);
    const o = await json('top-eigenvalues', cfg(name), '--k', '6', '--json');
    expect([o.family, o.route, o.converged, o.k]).toEqual(['mlp', 'matrix-free-lanczos', true, 6]);
    expect(o.hessianVectorProducts).toBeGreaterThanOrEqual(o.iterations);
    o.eigenvalues.forEach((v: number, i: number) => expect(Math.abs(v - r.eigenvalues[i])).toBeLessThanOrEqual(o.residuals[i] + denseTol(r)));
  });
});

describe('density (stochastic Lanczos quadrature)', () => {
  it('weights sum to 1, nodes descending, and the W₁ bound holds against torch’s exact spectrum; --svg writes a log-density plot', async () => {
    const name = 'tanh_ce_p474_f64';
    const r = ref(name);
    const svg = join(mkdtempSync(join(tmpdir(), 'hc-density-')), 'density.svg');
    const o = await json('density', cfg(name), '--json', '--svg', svg);
    expect([o.family, o.route, o.P, o.loss, o.reduction]).toEqual(['mlp', 'stochastic-lanczos-quadrature', r.P, 'cross-entropy', 'mean']);
    expect(o.nodes).toHaveLength(o.probes * o.steps);
    expect(o.weights).toHaveLength(o.nodes.length);
    // Each probe's Gauss weights sum to 1 (a unit probe's first components); pooled and divided by the probes: 1, to rounding.
    const wsum = o.weights.reduce((s: number, w: number) => s + w, 0);
    expect(Math.abs(wsum - 1)).toBeLessThanOrEqual(o.nodes.length * EPS);
    expect([...o.nodes].sort((a: number, b: number) => b - a)).toEqual(o.nodes);
    const w1 = wasserstein1(empiricalMeasure(r.eigenvalues), { nodes: o.nodes, weights: o.weights.map((w: number) => w / wsum) });
    expect(w1).toBeLessThanOrEqual(o.bounds.total);
    expect(o.bounds.smoothedTotal).toBeCloseTo(o.bounds.total + o.bounds.smoothing, 12);
    expect(o.grid).toHaveLength(o.density.length);
    // The converged Ritz values are eigenvalues: the largest is torch's λ_max within its residual.
    expect(Math.abs(o.eigenvalues[0] - r.eigenvalues[0])).toBeLessThanOrEqual(o.eigenvalueResiduals[0] + denseTol(r));
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('aria-label="Hessian spectral density');
    expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('works on every family (a teacher–student config too)', async () => {
    const o = await json('density', new URL('../../examples/erf-small.json', import.meta.url).pathname, '--json', '--probes', '3', '--steps', '10');
    expect([o.family, o.probes, o.steps]).toEqual(['two-layer', 3, 10]);
    expect(Math.abs(o.weights.reduce((s: number, w: number) => s + w, 0) - 1)).toBeLessThan(1e-13);
  });
});

describe('decompose: H = Gauss–Newton + residual term', () => {
  it.each(['tanh_ce_f32', 'tanh_mse_k3_f64', 'gelu_mse_sum_f64'])('%s, dense: traces add up, and every end matches torch’s GN and R', async (name) => {
    const r = ref(name);
    const o = await json('decompose', cfg(name), '--json');
    const tol = denseTol(r);
    expect(o.hessian.eigenvalues).toHaveLength(r.P);
    expect(maxAbs(o.hessian.eigenvalues.map((v: number, i: number) => v - r.eigenvalues[i]))).toBeLessThanOrEqual(tol);
    // tr H (diagonal of the R-operator columns) vs tr GN (Jacobian outer products) + tr R: P diagonal entries each within the route tolerance.
    expect(Math.abs(o.traces.difference)).toBeLessThanOrEqual(r.P * tol);
    expect(Math.abs(o.gaussNewton.trace - r.gaussNewton.trace)).toBeLessThanOrEqual(r.P * tol);
    expect(Math.abs(o.residual.trace - r.residual.trace)).toBeLessThanOrEqual(r.P * tol);
    expect(Math.abs(o.gaussNewton.lambdaMax - r.gaussNewton.eigenvalues[0])).toBeLessThanOrEqual(tol);
    expect(Math.abs(o.gaussNewton.lambdaMin - r.gaussNewton.eigenvalues[r.P - 1])).toBeLessThanOrEqual(tol);
    expect(Math.abs(o.residual.lambdaMax - r.residual.eigenvalues[0])).toBeLessThanOrEqual(tol);
    expect(Math.abs(o.residual.lambdaMin - r.residual.eigenvalues[r.P - 1])).toBeLessThanOrEqual(tol);
    expect(o.gaussNewtonPsd.holds).toBe(true);
    expect(o.gaussNewtonRank.holds).toBe(true);
    const nc = o.negativeCurvature;
    expect(nc.present).toBe(r.eigenvalues[r.P - 1] < 0);
    expect(nc.residualReachesBelow).toBe(true);
    // uᵀRu = λ_min(H) − uᵀGNu with uᵀGNu ≥ 0: the residual's share is ≥ 1 (to rounding).
    expect(nc.bottomDirection.residualShare).toBeGreaterThanOrEqual(1 - 1e-8);
    expect(nc.negativeMass.coverage).toBeLessThanOrEqual(1 + 1e-8);
  });

  it('matrix-free route: Lanczos ends within their residuals of torch’s, Hutchinson traces within 5 standard errors', async () => {
    const name = 'tanh_ce_p474_f64';
    const r = ref(name);
    const o = await json('decompose', cfg(name), '--json', '--route', 'matrix-free', '--k', '3', '--trace-probes', '100');
    const tol = denseTol(r);
    expect(o.route).toMatch(/^matrix-free/);
    expect(Math.abs(o.hessian.top[0] - r.eigenvalues[0])).toBeLessThanOrEqual(o.hessian.residuals.top[0] + tol);
    expect(Math.abs(o.hessian.bottom[0] - r.eigenvalues[r.P - 1])).toBeLessThanOrEqual(o.hessian.residuals.bottom[0] + tol);
    expect(Math.abs(o.gaussNewton.top[0] - r.gaussNewton.eigenvalues[0])).toBeLessThanOrEqual(o.gaussNewton.residuals.top[0] + tol);
    expect(Math.abs(o.residual.bottom[0] - r.residual.eigenvalues[r.P - 1])).toBeLessThanOrEqual(o.residual.residuals.bottom[0] + tol);
    expect(Math.abs(o.hessian.trace - r.trace)).toBeLessThanOrEqual(5 * o.hessian.traceStandardError);
    expect(Math.abs(o.gaussNewton.trace - r.gaussNewton.trace)).toBeLessThanOrEqual(5 * o.gaussNewton.traceStandardError);
    // The same probes through the three operators: zᵀHz = zᵀGNz + zᵀRz to rounding.
    expect(o.traces.maxProbeRelativeDifference).toBeLessThan(1e-12);
  });

  it('works on a teacher–student config: at θ* the residual term is exactly zero', async () => {
    const o = await json('decompose', new URL('../../examples/erf-small.json', import.meta.url).pathname, '--json');
    expect([o.family, o.loss, o.residual.trace, o.residual.lambdaMax, o.negativeCurvature.present]).toEqual(['two-layer', 'half-squared-error', 0, 0, false]);
  });
});

describe('check: every claim on one model', () => {
  it('a healthy trained model: exit 0, S1 passes, the S2 observation is reported, the rest say why they do not apply; the page is written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hc-check-')), 'page.html');
    const r = await runCli('check', cfg('tanh_ce_p474_f64'), '--json', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    const status = Object.fromEntries(o.claims.map((c: { claim: string; status: string }) => [c.claim, c.status]));
    expect(status).toEqual({ C1: 'not-applicable', C2a: 'not-applicable', C2b: 'not-applicable', C2c: 'not-applicable', C3: 'not-applicable', C4: 'not-applicable', S1: 'pass', C2d: 'not-applicable', C2e: 'not-applicable', S2: 'observation', S3: 'not-applicable', S4: 'not-applicable' });
    for (const c of o.claims) expect(c.reason.length).toBeGreaterThan(20);
    expect(o.exitCode).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
    for (const id of ['density', 'outliers', 'spectrum', 'decomposition', 'decomposition-table']) expect(html).toContain(`data-figure="${id}"`);
    expect(html).toContain('data-claim="S1" data-status="pass"');
  });

  it('past the dense budget S1 runs in its matrix-free form (finite-difference columns, Lanczos ends) and still passes', async () => {
    const before = process.env.HC_MEMORY_BUDGET_MB;
    // 4 MiB: the dense P×P route (7.7 MB at P = 474) is refused, Lanczos (2.3 MB for 300 steps, lanczosBytes) fits.
    process.env.HC_MEMORY_BUDGET_MB = '4';
    try {
      const r = await runCli('check', cfg('tanh_ce_p474_f64'), '--json', '--out', join(mkdtempSync(join(tmpdir(), 'hc-check-')), 'p.html'));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const o = JSON.parse(r.out);
      const s1 = o.claims.find((c: { claim: string }) => c.claim === 'S1');
      expect(s1.status).toBe('pass');
      expect(s1.reason).toMatch(/matrix-free form/);
      expect(s1.parts.map((p: { name: string }) => p.name).join(' | ')).toMatch(/H·e_i against finite differences .* \| wrong neighbour: GN alone .* \| GN ⪰ 0 .* \| negative curvature comes from R.* \| H·u = 0 along the softmax shift/);
      expect(o.decomposition.route).toMatch(/^matrix-free/);
    } finally {
      if (before === undefined) delete process.env.HC_MEMORY_BUDGET_MB;
      else process.env.HC_MEMORY_BUDGET_MB = before;
    }
  });

  it('a two-layer, bias-free, scalar-output MLP gets the rank table (C3) as well', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-c3-'));
    const W = [[1.1, -0.4], [0.2, 0.9], [-0.7, -0.6]];
    const X = Array.from({ length: 40 }, (_, n) => [Math.sin(1.3 * n + 0.2), Math.cos(0.7 * n * n + 1)]);
    const config = { family: 'mlp', inputDim: 2, hidden: [3], outputs: 1, activation: 'tanh', loss: 'mse', bias: false, weights: { '0.weight': W, '2.weight': [[0.8, -1.2, 0.5]] }, data: { X, targets: X.map((x) => [Math.tanh(x[0] - x[1])]) } };
    writeFileSync(join(dir, 'c.json'), JSON.stringify(config));
    const r = await runCli('check', join(dir, 'c.json'), '--json');
    expect(r.code).toBe(0);
    const c3 = JSON.parse(r.out).claims.find((c: { claim: string }) => c.claim === 'C3');
    expect(c3.status).toBe('pass');
    expect(c3.parts[0].evidence.rank).toMatchObject({ predicted: 9, measured: 9 });
    expect(existsSync(join(dir, 'c.check.html'))).toBe(true);
  });

  it('a teacher–student config: C1, C3 and S1 checked by their properties', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hc-check-')), 'ts.html');
    const o = await json('check', new URL('../../examples/erf-small.json', import.meta.url).pathname, '--json', '--out', out);
    const status = Object.fromEntries(o.claims.map((c: { claim: string; status: string }) => [c.claim, c.status]));
    expect([status.C1, status.C3, status.S1, status.S2, status.C2a]).toEqual(['pass', 'pass', 'pass', 'not-applicable', 'not-applicable']);
  });

  it('a wrong Hessian fails S1 and the exit code is 1 (wrong neighbour: a Hessian without its residual term)', async () => {
    const backend = getBackend();
    const good = loadModel(cfg('tanh_ce_f32'), backend);
    const p = good.mlp!.problem;
    // The neighbour "H = Gauss–Newton" off the optimum, as an implementation would get it wrong.
    const wrong = Object.assign(Object.create(Object.getPrototypeOf(p)), p, { hessian: (th: Float64Array) => p.gaussNewton(th), hessianVector: (th: Float64Array, v: Float64Array) => p.gaussNewtonVector(th, v) });
    const mlp = { ...good.mlp!, problem: wrong };
    const loaded = { ...good, mlp, curvature: mlpCurvature(wrong, mlp.theta) };
    const report = await checkModel(loaded, backend, 0, silentProductProgress);
    const s1 = report.results.find((r) => r.claim === 'S1')!;
    expect(s1.status).toBe('fail');
    expect(s1.parts.map((x) => x.message).join(' ')).toMatch(/‖H − GN − R‖_F = .* > |H differs from finite differences/);
    expect(exitCodeOf(report.results)).toBe(1);
    expect(exitCodeOf((await checkModel(good, backend, 0, silentProductProgress)).results)).toBe(0);
  });
});

describe('bad input: exit 2, one line naming the file or field and the fix', () => {
  it.each([
    ['a label ≥ k in the labels file', () => variant('tanh_ce_f32', { data: { X: join(FIXTURES, 'tanh_ce_f32', 'X.npy'), labels: labelsFile([0, 1, 2, 7]) } }), /bad\.npy: data: entry \[3\] is 7, outside 0\.\.2 \(3 classes\); labels must be class indices 0\.\.2 for "outputs": 3/],
    ['an architecture that does not match the weights', () => variant('tanh_ce_f32', { hidden: [8, 4] }), /model\.safetensors: tensor "2\.weight": has shape \[8, 8\].*; the weights' layers are 6 → 8 → 8 → 3: set "inputDim": 6, "hidden": \[8,8\], "outputs": 3$/],
    ['a misspelt loss', () => variant('tanh_ce_f32', { loss: 'crossentropy' }), /^spectrum: \S*config\.json: loss: must be one of .*\(did you mean "cross-entropy"\?\)/],
    ['a missing weights file', () => variant('tanh_ce_f32', { weights: '/nonexistent/model.safetensors' }), /^spectrum: \/nonexistent\/model\.safetensors: file: cannot be read \(ENOENT\)/],
  ])('%s', async (_label, make, pattern) => {
    const r = await runCli('spectrum', make(), '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(pattern);
  });
});
