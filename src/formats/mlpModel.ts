/**
 * A parsed "mlp" configuration (config/mlpSchema.ts) and the folder it sits in → the suite's
 * MLP problem (src/nets/mlp) and θ: the trained weights and the real data, read from the files
 * the config names (safetensors, .npy) or taken inline.
 *
 * Order of work, so nothing large is allocated before it is known to fit:
 *  1. P from the config's architecture, against the memory budget (θ is 8·P bytes);
 *  2. the weights: the safetensors reader checks the file's size (stat) and every tensor's
 *     shape against the byte budget before decoding (formats/safetensors.ts); then tensors are
 *     mapped to layers — by the config's "parameters" list, else by the numeric module index of
 *     an nn.Sequential state_dict ("0.weight", "0.bias", "2.weight", …) — and every shape is
 *     checked against the architecture before θ is filled;
 *  3. the data: X (N × d floats), labels (N integers in 0..k−1) or targets (N × k floats), each
 *     .npy file size- and shape-checked by formats/npy.ts before its values are decoded;
 *  4. buildMlpProblem validates the assembled problem once more (MlpInputError).
 *
 * θ's order is PyTorch's model.parameters(): W1 (out × in, row-major), b1, W2, b2, … (the
 * engine's layout, src/nets/mlp/layout.ts), so every output that lists parameters lists them
 * as torch does.
 *
 * Errors: a problem inside a file is a FormatError ("<file>: <field>: <problem>; <fix>", the
 * file as the config names it, joined to the config's folder); a problem with inline values or
 * with the config against the files' contents is a ConfigError naming the config field.
 * Every one is one line with the fix.
 */
import { join, isAbsolute } from 'node:path';
import { ConfigError } from '../config/configError.js';
import { assertFits, memoryBudgetBytes } from '../config/memoryBudget.js';
import type { Matrix } from '../linalg/matrix.js';
import { buildMlpProblem, mlpLayout, type MlpData, type MlpProblem, type MlpSpec } from '../nets/mlp/index.js';
import type { MlpConfig } from './config/mlpSchema.js';
import { FormatError, quote } from './formatError.js';
import { readNpyFloatFile, readNpyLabelsFile } from './npy.js';
import { precisionNote, readSafetensorsFile, type SafetensorsDtype } from './safetensors.js';

export interface LoadedMlp {
  readonly problem: MlpProblem;
  /** The trained parameters in model.parameters() order (the engine's layout). */
  readonly theta: Float64Array;
  /** The tensor name of each layout block, in θ order (W1, b1, W2, …). */
  readonly parameterNames: readonly string[];
  /** dtypes of the weights as stored (inline weights: []). */
  readonly dtypes: readonly SafetensorsDtype[];
  /** "F32 weights read exactly (widened to float64), computed in float64" and the like. */
  readonly precision: string;
  /** Where each input came from: a path (as resolved against the config's folder) or "inline". */
  readonly sources: { readonly weights: string; readonly X: string; readonly labels?: string; readonly targets?: string };
  /** Number of distinct classes present in the labels (cross-entropy), else null. */
  readonly classesInLabels: number | null;
}

export interface LoadOptions {
  /** Byte budget for each file's decoded values (default: the memory budget, HC_MEMORY_BUDGET_MB). */
  readonly maxBytes?: number;
}

const EXPORT_HINT = 'tools/export_torch.py writes the weights, the data and a matching config';

/** Loads the model and data an mlp configuration describes; `dir` is the config file's folder. */
export function loadMlpModel(config: MlpConfig, dir: string, opts: LoadOptions = {}): LoadedMlp {
  const maxBytes = opts.maxBytes ?? memoryBudgetBytes();
  const spec: MlpSpec = {
    inputDim: config.inputDim,
    hidden: config.hidden,
    outputs: config.outputs,
    activation: config.activation,
    loss: config.loss,
    reduction: config.reduction ?? 'mean',
    bias: config.bias !== false,
  };
  const lay = mlpLayout(spec);
  assertFits(8 * lay.P, `θ of an MLP with P = ${lay.P} parameters (${Array.from(lay.widths).join(' → ')})`, 'hidden', 'check "inputDim", "hidden" and "outputs" against the model');

  const weights = readWeights(config, dir, maxBytes, lay.P);
  const theta = new Float64Array(lay.P);
  const parameterNames: string[] = [];
  for (let l = 1; l <= lay.L; l++) {
    const layer = weights.layers[l - 1];
    theta.set(layer.weight, lay.weightOffset[l]);
    parameterNames.push(layer.weightName);
    if (lay.bias && layer.bias) {
      theta.set(layer.bias, lay.biasOffset[l]);
      parameterNames.push(layer.biasName!);
    }
  }

  const { data, sources, classes } = readData(config, dir, maxBytes);
  const problem = buildMlpProblem(spec, data);
  return { problem, theta, parameterNames, dtypes: weights.dtypes, precision: weights.precision, sources: { weights: weights.source, ...sources }, classesInLabels: classes };
}

function resolvePath(dir: string, p: string): string {
  return isAbsolute(p) ? p : join(dir, p);
}

// ───────────────────────────── weights ─────────────────────────────

interface Tensor {
  readonly shape: readonly number[];
  readonly values: Float64Array;
}

interface Layer {
  readonly weightName: string;
  readonly weight: Float64Array;
  readonly biasName: string | null;
  readonly bias: Float64Array | null;
}

/** Throws the right error for where the tensors came from (a file: FormatError; inline: ConfigError). */
type Fail = (tensor: string | null, problem: string, fix: string) => never;

function readWeights(config: MlpConfig, dir: string, maxBytes: number, P: number): { layers: Layer[]; dtypes: SafetensorsDtype[]; precision: string; source: string } {
  if (typeof config.weights === 'string') {
    const file = resolvePath(dir, config.weights);
    const contents = readSafetensorsFile(file, { maxBytes });
    const fail: Fail = (tensor, problem, fix) => {
      throw new FormatError(file, tensor === null ? 'tensors' : `tensor ${quote(tensor)}`, problem, fix);
    };
    const tensors = new Map<string, Tensor>([...contents.tensors].map(([n, t]) => [n, { shape: t.shape, values: t.values }]));
    return { layers: mapLayers(config, tensors, fail, P), dtypes: [...contents.dtypes], precision: precisionNote(contents.dtypes), source: file };
  }
  const inline = config.weights;
  const fail: Fail = (tensor, problem, fix) => {
    throw new ConfigError(tensor === null ? 'weights' : `weights[${JSON.stringify(tensor)}]`, problem, fix);
  };
  const tensors = new Map<string, Tensor>();
  for (const [name, value] of Object.entries(inline)) {
    if (Array.isArray(value[0])) {
      const rows = value as number[][];
      tensors.set(name, { shape: [rows.length, rows[0].length], values: Float64Array.from(rows.flat()) });
    } else {
      tensors.set(name, { shape: [value.length], values: Float64Array.from(value as number[]) });
    }
  }
  return { layers: mapLayers(config, tensors, fail, P), dtypes: [], precision: 'inline JSON weights (float64 as written), computed in float64', source: 'inline' };
}

const SEQUENTIAL_NAME = /^(0|[1-9]\d{0,8})\.(weight|bias)$/;

/** The names of each layer's tensors in order: from "parameters", else the nn.Sequential numbering. */
function layerNames(config: MlpConfig, tensors: ReadonlyMap<string, Tensor>, fail: Fail): { weight: string; bias: string | null }[] {
  const bias = config.bias !== false;
  const L = config.hidden.length + 1;
  const shapesOfFile = () => describeFileLayers(tensors);
  if (config.parameters) {
    const listed = new Set(config.parameters);
    for (const name of config.parameters) {
      if (!tensors.has(name)) fail(name, `is listed in "parameters" but is not in the weights (they hold ${listNames(tensors)})`, 'correct the name in "parameters" (names are those of model.state_dict())');
    }
    for (const name of tensors.keys()) {
      if (!listed.has(name)) fail(name, 'is in the weights but not in "parameters"; the suite computes the whole model, so every tensor must be one of its layers', 'list it in "parameters" in model.parameters() order, or save only the MLP\'s Linear layers');
    }
    const per = bias ? 2 : 1;
    return Array.from({ length: L }, (_, l) => ({ weight: config.parameters![per * l], bias: bias ? config.parameters![per * l + 1] : null }));
  }
  const byIndex = new Map<number, { weight?: string; bias?: string }>();
  for (const name of tensors.keys()) {
    const m = SEQUENTIAL_NAME.exec(name);
    if (m === null) fail(name, 'is not named like an nn.Sequential layer ("0.weight", "0.bias", "2.weight", …)', `list the tensors in model.parameters() order under "parameters" in the config, e.g. "parameters": ${JSON.stringify([...tensors.keys()].slice(0, 4))}`);
    const slot = byIndex.get(Number(m[1])) ?? {};
    slot[m[2] as 'weight' | 'bias'] = name;
    byIndex.set(Number(m[1]), slot);
  }
  if (byIndex.size === 0) fail(null, 'the weights hold no tensors', EXPORT_HINT);
  const indices = [...byIndex.keys()].sort((a, b) => a - b);
  const out: { weight: string; bias: string | null }[] = [];
  for (const i of indices) {
    const slot = byIndex.get(i)!;
    if (slot.weight === undefined) fail(`${i}.weight`, `is missing (there is a "${i}.bias")`, `every nn.Linear has a weight; ${EXPORT_HINT}`);
    if (bias && slot.bias === undefined) fail(`${i}.bias`, 'is missing', 'set "bias": false in the config if the model was built with nn.Linear(…, bias=False)');
    if (!bias && slot.bias !== undefined) fail(`${i}.bias`, 'is in the weights but the config says "bias": false', 'remove "bias": false (the model has biases)');
    out.push({ weight: slot.weight, bias: bias ? slot.bias! : null });
  }
  if (out.length !== L) {
    fail(null, `hold ${out.length} nn.Linear layer${out.length === 1 ? '' : 's'} (module indices ${indices.join(', ')}), but the config's "hidden": ${JSON.stringify(config.hidden)} means ${L}`, `${shapesOfFile()}`);
  }
  return out;
}

function mapLayers(config: MlpConfig, tensors: ReadonlyMap<string, Tensor>, fail: Fail, P: number): Layer[] {
  const names = layerNames(config, tensors, fail);
  const widths = [config.inputDim, ...config.hidden, config.outputs];
  const L = names.length;
  const layers: Layer[] = [];
  let count = 0;
  for (let l = 1; l <= L; l++) {
    const out = widths[l];
    const inn = widths[l - 1];
    const { weight: wName, bias: bName } = names[l - 1];
    const w = tensors.get(wName)!;
    const which = `layer ${l} of ${L} (nn.Linear(${inn}, ${out}))`;
    if (w.shape.length !== 2) fail(wName, `has shape [${w.shape.join(', ')}]; the weight of ${which} is 2-D, [${out}, ${inn}] (out × in)`, `give nn.Linear.weight as saved by model.state_dict(); ${describeFileLayers(tensors)}`);
    const [r, c] = w.shape;
    if (r !== out || c !== inn) {
      const transposed = r === inn && c === out && inn !== out;
      if (transposed) fail(wName, `has shape [${r}, ${c}], the transpose of ${which}'s weight [${out}, ${inn}]`, 'save nn.Linear.weight as PyTorch stores it (out × in), not weight.T');
      fail(wName, `has shape [${r}, ${c}], but the config makes it ${which}, whose weight is [${out}, ${inn}] (out × in)`, describeFileLayers(tensors) || 'check "inputDim", "hidden" and "outputs"');
    }
    let b: Tensor | null = null;
    if (bName !== null) {
      b = tensors.get(bName)!;
      if (b.shape.length !== 1 || b.shape[0] !== out) fail(bName, `has shape [${b.shape.join(', ')}], but the bias of ${which} has ${out} entries`, 'give nn.Linear.bias of this layer (out_features entries); check the order of "parameters" (weight, then bias, per layer)');
    }
    count += w.values.length + (b ? b.values.length : 0);
    layers.push({ weightName: wName, weight: w.values, biasName: bName, bias: b ? b.values : null });
  }
  // Guaranteed by the checks above; a mismatch here would be a bug in the layout code.
  if (count !== P) throw new Error(`loadMlpModel: ${count} values mapped, expected P = ${P}`);
  return layers;
}

/** "the weights' layers chain 6 → 7 → 3: set "inputDim": 6, "hidden": [7], "outputs": 3" when they do, else "". */
function describeFileLayers(tensors: ReadonlyMap<string, Tensor>): string {
  const weights = [...tensors].filter(([n, t]) => t.shape.length === 2 && (SEQUENTIAL_NAME.test(n) ? n.endsWith('.weight') : /weight$/.test(n)));
  const seq = weights.every(([n]) => SEQUENTIAL_NAME.test(n));
  if (seq) weights.sort((a, b) => Number(a[0].split('.')[0]) - Number(b[0].split('.')[0]));
  if (weights.length === 0) return '';
  const widths = [weights[0][1].shape[1]];
  for (const [, t] of weights) {
    if (t.shape[1] !== widths[widths.length - 1]) return `the weights' layers do not chain (${weights.map(([n, x]) => `${n} [${x.shape.join(', ')}]`).join(', ')}); ${EXPORT_HINT}`;
    widths.push(t.shape[0]);
  }
  return `the weights' layers are ${widths.join(' → ')}: set "inputDim": ${widths[0]}, "hidden": ${JSON.stringify(widths.slice(1, -1))}, "outputs": ${widths[widths.length - 1]}`;
}

function listNames(tensors: ReadonlyMap<string, Tensor>): string {
  const names = [...tensors.keys()];
  const shown = names.slice(0, 8).map((n) => JSON.stringify(n)).join(', ');
  return names.length > 8 ? `${shown}, … (${names.length} tensors)` : shown;
}

// ───────────────────────────── data ─────────────────────────────

function readData(config: MlpConfig, dir: string, maxBytes: number): { data: MlpData; sources: { X: string; labels?: string; targets?: string }; classes: number | null } {
  const d = config.inputDim;
  const k = config.outputs;
  let X: Matrix;
  let xSource: string;
  if (typeof config.data.X === 'string') {
    xSource = resolvePath(dir, config.data.X);
    const x = readNpyFloatFile(xSource, { ndim: [2], role: `X (inputs, N × ${d})`, maxBytes });
    const [N, cols] = x.shape;
    if (cols !== d) throw new FormatError(xSource, 'shape', `[${N}, ${cols}] has ${cols} columns, but the config's "inputDim" is ${d}`, `set "inputDim" to ${cols} if this is the model's input, or save X with ${d} features per row`);
    if (N === 0) throw new FormatError(xSource, 'shape', `[0, ${cols}] has no rows`, 'save at least one sample');
    X = { rows: N, cols, data: x.values };
  } else {
    xSource = 'inline';
    X = { rows: config.data.X.length, cols: d, data: Float64Array.from(config.data.X.flat()) };
  }
  const N = X.rows;
  const sources: { X: string; labels?: string; targets?: string } = { X: xSource };
  if (config.data.labels !== undefined) {
    let labels: Int32Array;
    if (typeof config.data.labels === 'string') {
      const file = resolvePath(dir, config.data.labels);
      sources.labels = file;
      let y;
      try {
        y = readNpyLabelsFile(file, { classes: k, ndim: [1], role: 'labels', maxBytes });
      } catch (e) {
        if (e instanceof FormatError && e.field === 'data' && /outside 0\.\./.test(e.problem)) {
          throw new FormatError(file, e.field, e.problem, `labels must be class indices 0..${k - 1} for "outputs": ${k}; set "outputs" to the model's number of classes, or relabel`);
        }
        throw e;
      }
      if (y.shape[0] !== N) throw new FormatError(file, 'shape', `[${y.shape[0]}] holds ${y.shape[0]} labels, but X (${xSource}) has N = ${N} rows`, 'give one label per row of X (the same samples, in the same order)');
      labels = y.values;
    } else {
      sources.labels = 'inline';
      if (config.data.labels.length !== N) throw new ConfigError('data.labels', `has ${config.data.labels.length} entries, but X has N = ${N} rows`, 'give one label per row of X');
      labels = Int32Array.from(config.data.labels);
    }
    const present = new Set(labels).size;
    return { data: { X, labels }, sources, classes: present };
  }
  const t = config.data.targets!;
  let targets: Matrix;
  if (typeof t === 'string') {
    const file = resolvePath(dir, t);
    sources.targets = file;
    const y = readNpyFloatFile(file, { ndim: [1, 2], role: `targets (N × ${k})`, maxBytes });
    const rows = y.shape[0];
    const cols = y.shape.length === 2 ? y.shape[1] : 1;
    if (y.shape.length === 1 && k !== 1) throw new FormatError(file, 'shape', `[${rows}] is 1-D, but the model has "outputs": ${k}`, `save the targets as N × ${k} (one row per sample)`);
    if (cols !== k) throw new FormatError(file, 'shape', `[${rows}, ${cols}] has ${cols} columns, but the config's "outputs" is ${k}`, `set "outputs" to ${cols} if the model has ${cols} outputs, or save N × ${k} targets`);
    if (rows !== N) throw new FormatError(file, 'shape', `[${y.shape.join(', ')}] has ${rows} rows, but X (${xSource}) has N = ${N}`, 'give one row of targets per row of X (the same samples, in the same order)');
    targets = { rows, cols, data: y.values };
  } else {
    sources.targets = 'inline';
    if (t.length !== N) throw new ConfigError('data.targets', `has ${t.length} rows, but X has N = ${N}`, 'give one row of targets per row of X');
    targets = { rows: t.length, cols: k, data: Float64Array.from(t.flat()) };
  }
  return { data: { X, targets }, sources, classes: null };
}
