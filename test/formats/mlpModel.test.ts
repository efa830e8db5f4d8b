/**
 * The mlp loader (src/formats/mlpModel.ts): every torch fixture loads with θ EXACTLY the
 * flattening torch's Hessian used (model.parameters() order, F32 widened exactly) and the loss
 * torch computed; the same model given inline loads bit-identically; and every mismatch between
 * a config and its files — a missing tensor, a shape that does not chain, a transposed weight, a
 * label ≥ k, a truncated file, a header that lies about its size, an F16 tensor, data of the
 * wrong shape, names that are not an nn.Sequential's — is ONE line naming the tensor or file and
 * the fix, raised before anything large is allocated.
 */
import { copyFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/configError.js';
import { parseConfig, type MlpConfig } from '../../src/formats/config/parseConfig.js';
import { FormatError } from '../../src/formats/formatError.js';
import { loadMlpModel } from '../../src/formats/mlpModel.js';
import { readSafetensorsFile } from '../../src/formats/safetensors.js';
import { ALL_TORCH_FIXTURES, buildNpy, buildSafetensors, fixturePath, floatBytes, loadReference, type TorchFixture } from './support.js';

const EPS = 2 ** -52;

interface Ref {
  P: number;
  N: number;
  loss: number;
  theta: number[];
  config: MlpConfig;
  parameterOrder: { name: string; shape: number[]; dtype: string }[];
}

const ref = (name: TorchFixture) => loadReference(name) as unknown as Ref;

/** A fresh folder holding a copy of a fixture's files; returns the folder and a config writer. */
function copyFixture(name: TorchFixture): { dir: string; config: MlpConfig; write: (c: unknown) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'hc-mlp-'));
  const config = JSON.parse(readFileSync(fixturePath(name, 'config.json'), 'utf8')) as MlpConfig;
  for (const f of ['model.safetensors', 'X.npy', 'y.npy', 'targets.npy']) {
    try {
      copyFileSync(fixturePath(name, f), join(dir, f));
    } catch {
      // not every fixture has both label and target files
    }
  }
  return { dir, config, write: (c) => writeConfig(dir, c) };
}

function writeConfig(dir: string, c: unknown): string {
  const p = join(dir, 'config.json');
  writeFileSync(p, JSON.stringify(c));
  return p;
}

function load(dir: string, raw: unknown, maxBytes?: number) {
  return loadMlpModel(parseConfig(raw) as MlpConfig, dir, maxBytes === undefined ? {} : { maxBytes });
}

/** The error of loading, checked to be one line with a fix after the ";". */
function loadError(dir: string, raw: unknown, maxBytes?: number): Error {
  let caught: unknown;
  try {
    load(dir, raw, maxBytes);
  } catch (e) {
    caught = e;
  }
  expect(caught instanceof FormatError || caught instanceof ConfigError, `expected a FormatError or ConfigError, got ${String(caught)}`).toBe(true);
  const e = caught as Error;
  expect(e.message).not.toMatch(/[\n\r]/);
  expect(e.message).toMatch(/; \S/); // problem; fix
  return e;
}

/** A safetensors file of F64 tensors (or the given dtype) by name → values, in order. */
function safetensors(tensors: Record<string, { shape: number[]; values: ArrayLike<number>; dtype?: 'F64' | 'F32' | 'F16' }>): Uint8Array {
  const header: Record<string, unknown> = {};
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const dtype = t.dtype ?? 'F64';
    const bytes = dtype === 'F16' ? new Uint8Array(2 * t.values.length) : floatBytes(Array.from(t.values), dtype === 'F32' ? 4 : 8);
    header[name] = { dtype, shape: t.shape, data_offsets: [at, at + bytes.length] };
    chunks.push(bytes);
    at += bytes.length;
  }
  const data = new Uint8Array(at);
  let o = 0;
  for (const c of chunks) {
    data.set(c, o);
    o += c.length;
  }
  return buildSafetensors(header, data);
}

/** The fixture's tensors as name → {shape, values}, in file order. */
function tensorsOf(name: TorchFixture): Record<string, { shape: number[]; values: Float64Array }> {
  const out: Record<string, { shape: number[]; values: Float64Array }> = {};
  for (const [n, t] of readSafetensorsFile(fixturePath(name, 'model.safetensors')).tensors) out[n] = { shape: [...t.shape], values: t.values };
  return out;
}

function int64Npy(values: number[]): Uint8Array {
  const data = new Uint8Array(8 * values.length);
  const dv = new DataView(data.buffer);
  values.forEach((v, i) => dv.setBigInt64(8 * i, BigInt(v), true));
  return buildNpy(`{'descr': '<i8', 'fortran_order': False, 'shape': (${values.length},), }`, data);
}

function float64Npy(rows: number, cols: number, values: number[]): Uint8Array {
  return buildNpy(`{'descr': '<f8', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`, floatBytes(values, 8));
}

describe('loadMlpModel on files PyTorch wrote', () => {
  it.each(ALL_TORCH_FIXTURES)('%s: θ is torch’s flattening exactly, names in model.parameters() order, loss as torch computed it', (name) => {
    const r = ref(name);
    const m = loadMlpModel(r.config, fixturePath(name, '.'));
    expect(m.problem.P).toBe(r.P);
    expect(m.problem.N).toBe(r.N);
    expect(m.parameterNames).toEqual(r.parameterOrder.map((p) => p.name));
    expect([...m.theta].every((v, i) => Object.is(v, r.theta[i]))).toBe(true);
    expect(m.precision).toBe(r.parameterOrder[0].dtype === 'F32' ? 'F32 weights read exactly (widened to float64), computed in float64' : 'F64 weights read as stored, computed in float64');
    // Two float64 evaluations of one expression over ≈ P·N multiply-adds: |Δ| ≤ P·N·eps·|L| (Higham §3.1, γ_m).
    expect(Math.abs(m.problem.loss(m.theta) - r.loss)).toBeLessThanOrEqual(r.P * r.N * EPS * Math.abs(r.loss));
    expect(m.classesInLabels === null).toBe(r.config.loss !== 'cross-entropy');
  });

  it('the same model and data given inline load bit-identically', () => {
    const name = 'tanh_ce_nobias_f64';
    const r = ref(name);
    const files = loadMlpModel(r.config, fixturePath(name, '.'));
    const weights: Record<string, number[][]> = {};
    for (const [n, t] of Object.entries(tensorsOf(name))) weights[n] = Array.from({ length: t.shape[0] }, (_, i) => Array.from(t.values.subarray(i * t.shape[1], (i + 1) * t.shape[1])));
    const X = files.problem.data.X;
    const inline = { ...r.config, weights, data: { X: Array.from({ length: X.rows }, (_, i) => Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols))), labels: Array.from(files.problem.data.labels!) } };
    const m = load(mkdtempSync(join(tmpdir(), 'hc-inline-')), JSON.parse(JSON.stringify(inline)));
    expect([...m.theta].every((v, i) => Object.is(v, files.theta[i]))).toBe(true);
    expect(m.problem.loss(m.theta)).toBe(files.problem.loss(files.theta));
    expect(m.sources).toEqual({ weights: 'inline', X: 'inline', labels: 'inline' });
    expect(m.precision).toMatch(/^inline JSON weights/);
  });

  it('an nn.Sequential state_dict is ordered by module index numerically, not as text (10 after 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-order-'));
    const t = (shape: number[], v: number) => ({ shape, values: new Array(shape.reduce((a, b) => a * b, 1)).fill(v) });
    writeFileSync(join(dir, 'w.safetensors'), safetensors({ '10.weight': t([2, 3], 3), '10.bias': t([2], 0.3), '0.weight': t([4, 2], 1), '0.bias': t([4], 0.1), '2.weight': t([3, 4], 2), '2.bias': t([3], 0.2) }));
    const m = load(dir, { family: 'mlp', inputDim: 2, hidden: [4, 3], outputs: 2, activation: 'tanh', loss: 'cross-entropy', weights: 'w.safetensors', data: { X: [[1, 2]], labels: [1] } });
    expect(m.parameterNames).toEqual(['0.weight', '0.bias', '2.weight', '2.bias', '10.weight', '10.bias']);
    expect(Array.from(m.theta.subarray(0, 9))).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0.1]);
  });
});

describe('loadMlpModel: every mismatch is one line naming the tensor or file and the fix', () => {
  it('a missing tensor', () => {
    const { dir, config } = copyFixture('tanh_ce_f32');
    const t = tensorsOf('tanh_ce_f32');
    delete (t as Record<string, unknown>)['2.bias'];
    writeFileSync(join(dir, 'model.safetensors'), safetensors(t));
    expect(loadError(dir, config).message).toMatch(/model\.safetensors: tensor "2\.bias": is missing; set "bias": false in the config if the model was built with nn\.Linear\(…, bias=False\)$/);
  });

  it('a tensor listed in "parameters" that the file lacks, and one the file has but the list omits', () => {
    const { dir, config } = copyFixture('named_elu_ce_f32');
    const wrong = { ...config, parameters: config.parameters!.map((n) => n.replace('out.', 'fc3.')) };
    expect(loadError(dir, wrong).message).toMatch(/tensor "fc3\.weight": is listed in "parameters" but is not in the weights \(they hold "fc1\.weight", .*"out\.bias"\); correct the name in "parameters"/);
    const t = tensorsOf('named_elu_ce_f32');
    writeFileSync(join(dir, 'model.safetensors'), safetensors({ ...t, 'bn.running_mean': { shape: [8], values: new Float64Array(8) } }));
    expect(loadError(dir, config).message).toMatch(/tensor "bn\.running_mean": is in the weights but not in "parameters".*; list it in "parameters"/);
  });

  it('names that are not an nn.Sequential’s, without "parameters": the fix says to list them', () => {
    const { dir, config } = copyFixture('named_elu_ce_f32');
    const { parameters: _dropped, ...noList } = config;
    expect(loadError(dir, noList).message).toMatch(/tensor "fc1\.weight": is not named like an nn\.Sequential layer .*; list the tensors in model\.parameters\(\) order under "parameters" in the config, e\.g\. "parameters": \["fc1\.weight","fc1\.bias",/);
  });

  it('a config whose architecture does not match the file: the fix gives the file’s widths', () => {
    const { dir, config } = copyFixture('tanh_ce_f32');
    expect(loadError(dir, { ...config, hidden: [8, 9] }).message).toMatch(/tensor "2\.weight": has shape \[8, 8\], but the config makes it layer 2 of 3 \(nn\.Linear\(8, 9\)\), whose weight is \[9, 8\] \(out × in\); the weights' layers are 6 → 8 → 8 → 3: set "inputDim": 6, "hidden": \[8,8\], "outputs": 3$/);
    expect(loadError(dir, { ...config, hidden: [8] }).message).toMatch(/model\.safetensors: tensors: hold 3 nn\.Linear layers \(module indices 0, 2, 4\), but the config's "hidden": \[8\] means 2; the weights' layers are 6 → 8 → 8 → 3/);
  });

  it('a transposed weight (weight.T saved) and a chain that breaks inside the file', () => {
    const { dir, config } = copyFixture('tanh_ce_f32');
    const t = tensorsOf('tanh_ce_f32');
    writeFileSync(join(dir, 'model.safetensors'), safetensors({ ...t, '0.weight': { shape: [6, 8], values: t['0.weight'].values } }));
    expect(loadError(dir, config).message).toMatch(/tensor "0\.weight": has shape \[6, 8\], the transpose of layer 1 of 3 \(nn\.Linear\(6, 8\)\)'s weight \[8, 6\]; save nn\.Linear\.weight as PyTorch stores it \(out × in\), not weight\.T$/);
    writeFileSync(join(dir, 'model.safetensors'), safetensors({ ...t, '2.weight': { shape: [8, 7], values: new Float64Array(56) } }));
    expect(loadError(dir, config).message).toMatch(/tensor "2\.weight": has shape \[8, 7\].*; the weights' layers do not chain \(0\.weight \[8, 6\], 2\.weight \[8, 7\], 4\.weight \[3, 8\]\)/);
  });

  it('biases present although the config says "bias": false, and a bias of the wrong length', () => {
    const { dir, config } = copyFixture('tanh_ce_f32');
    expect(loadError(dir, { ...config, bias: false }).message).toMatch(/tensor "0\.bias": is in the weights but the config says "bias": false; remove "bias": false \(the model has biases\)/);
    const t = tensorsOf('tanh_ce_f32');
    writeFileSync(join(dir, 'model.safetensors'), safetensors({ ...t, '2.bias': { shape: [7], values: new Float64Array(7) } }));
    expect(loadError(dir, config).message).toMatch(/tensor "2\.bias": has shape \[7\], but the bias of layer 2 of 3 \(nn\.Linear\(8, 8\)\) has 8 entries/);
  });

  it('a label ≥ k names the labels file, the entry and the fix', () => {
    const { dir, config } = copyFixture('relu_ce_f64');
    const labels = Array.from({ length: 50 }, (_, i) => i % 3);
    labels[17] = 5;
    writeFileSync(join(dir, 'y.npy'), int64Npy(labels));
    expect(loadError(dir, config).message).toMatch(/y\.npy: data: entry \[17\] is 5, outside 0\.\.2 \(3 classes\); labels must be class indices 0\.\.2 for "outputs": 3; set "outputs" to the model's number of classes, or relabel$/);
  });

  it('a truncated weights file and a header that lies about its size', () => {
    const { dir, config } = copyFixture('tanh_ce_f32');
    const path = join(dir, 'model.safetensors');
    const size = readFileSync(path).length;
    truncateSync(path, size - 10);
    expect(loadError(dir, config).message).toMatch(/model\.safetensors: tensor "4\.bias" data_offsets: end \d+ is past the end of the data \(\d+ bytes\); the file is truncated or its header is wrong/);
    const good = readFileSync(fixturePath('tanh_ce_f32', 'model.safetensors'));
    const liar = new Uint8Array(good);
    new DataView(liar.buffer).setBigUint64(0, BigInt(good.length), true);
    writeFileSync(path, liar);
    expect(loadError(dir, config).message).toMatch(/model\.safetensors: header length: \d+ bytes, larger than the rest of the file \(\d+ bytes\); the file is truncated or not safetensors/);
    truncateSync(join(dir, 'X.npy'), 100);
    copyFileSync(fixturePath('tanh_ce_f32', 'model.safetensors'), path);
    expect(loadError(dir, config).message).toMatch(/X\.npy: /);
  });

  it('an F16 tensor is refused with the conversion to make', () => {
    const { dir, config } = copyFixture('tanh_ce_f32');
    const t = tensorsOf('tanh_ce_f32');
    writeFileSync(join(dir, 'model.safetensors'), safetensors({ ...t, '0.weight': { ...t['0.weight'], dtype: 'F16' } }));
    expect(loadError(dir, config).message).toMatch(/model\.safetensors: tensor "0\.weight" dtype: is F16; only F32 and F64 are read .*; save the state_dict as float32 or float64 \(model\.float\(\) or model\.double\(\)/);
  });

  it('data of the wrong shape: X columns, the number of labels, targets', () => {
    const a = copyFixture('tanh_ce_f32');
    writeFileSync(join(a.dir, 'X.npy'), float64Npy(48, 5, new Array(240).fill(0.5)));
    expect(loadError(a.dir, a.config).message).toMatch(/X\.npy: shape: \[48, 5\] has 5 columns, but the config's "inputDim" is 6; set "inputDim" to 5/);
    const b = copyFixture('tanh_ce_f32');
    writeFileSync(join(b.dir, 'y.npy'), int64Npy([0, 1, 2]));
    expect(loadError(b.dir, b.config).message).toMatch(/y\.npy: shape: \[3\] holds 3 labels, but X \(.*X\.npy\) has N = 48 rows; give one label per row of X/);
    const c = copyFixture('tanh_mse_k3_f64');
    writeFileSync(join(c.dir, 'targets.npy'), float64Npy(30, 2, new Array(60).fill(0)));
    expect(loadError(c.dir, c.config).message).toMatch(/targets\.npy: shape: \[30, 2\] has 2 columns, but the config's "outputs" is 3/);
  });

  it('a missing file names the path relative to the config and says so', () => {
    const { dir, config } = copyFixture('tanh_ce_f32');
    expect(loadError(dir, { ...config, weights: 'nope.safetensors' }).message).toMatch(/nope\.safetensors: file: cannot be read \(ENOENT\); check the path of the safetensors file \(relative paths are relative to the config file\)$/);
  });

  it('sizes are checked before allocation: a file over the budget, and an architecture whose θ alone is over it', () => {
    const { dir, config } = copyFixture('tanh_ce_p474_f64');
    expect(loadError(dir, config, 1000).message).toMatch(/model\.safetensors: file: has 4\.2 KiB, over the 1000 B budget/);
    const huge = { ...config, hidden: [1_000_000, 1_000_000] };
    expect(loadError(dir, huge).message).toMatch(/^hidden: θ of an MLP with P = \d+ parameters .* needs about \d+ MiB, over the \d+ MiB budget; check "inputDim", "hidden" and "outputs"/);
  });

  it('inline weights of the wrong shape are named by their config field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-inline-'));
    const raw = { family: 'mlp', inputDim: 2, hidden: [], outputs: 2, activation: 'identity', loss: 'mse', weights: { '0.weight': [[1, 2, 3], [4, 5, 6]], '0.bias': [0, 0] }, data: { X: [[1, 2]], targets: [[0, 1]] } };
    expect(loadError(dir, raw).message).toMatch(/^weights\["0\.weight"\]: has shape \[2, 3\], but the config makes it layer 1 of 1 \(nn\.Linear\(2, 2\)\), whose weight is \[2, 2\]/);
  });
});
