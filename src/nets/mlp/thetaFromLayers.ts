/**
 * θ from given (trained) weights, layer by layer as PyTorch stores them, and back:
 *
 *   thetaFromLayers([{ weight, bias }, …], spec)  one entry per nn.Linear in model order;
 *     weight: out×in, either row-major Float64Array or nested rows (weight.tolist()),
 *     bias: length out (omitted/null when spec.bias is false).
 *   layersFromTheta(theta, spec)                  the inverse (copies).
 *
 * The concatenation is the layout of layout.ts, i.e. torch.cat([p.reshape(-1) for p in
 * model.parameters()]). Every shape is checked before anything is allocated; a mismatch
 * throws an MlpInputError naming the layer and the field (e.g. layers[1].weight) and the
 * fix — including the common mistakes of passing weight.T (in×out) and of a layer count
 * that does not match spec.hidden.
 */
import { mlpLayout } from './layout.js';
import { MlpInputError } from './mlpInputError.js';
import type { MlpSpec } from './types.js';
import { validateSpec } from './validate.js';

export type LayerWeight = Float64Array | readonly (readonly number[])[];
export type LayerBias = Float64Array | readonly number[];

export interface MlpLayerWeights {
  /** nn.Linear.weight: out_features × in_features (row-major when flat). */
  readonly weight: LayerWeight;
  /** nn.Linear.bias: out_features entries; omit (or null) when spec.bias is false. */
  readonly bias?: LayerBias | null;
}

export interface MlpLayerView {
  readonly outFeatures: number;
  readonly inFeatures: number;
  /** out×in row-major. */
  readonly weight: Float64Array;
  /** Length out; null when spec.bias is false. */
  readonly bias: Float64Array | null;
}

const FN = 'thetaFromLayers';

export function thetaFromLayers(layers: readonly MlpLayerWeights[], spec: MlpSpec): Float64Array {
  validateSpec(spec, FN);
  const lay = mlpLayout(spec);
  const { widths, L } = lay;
  const shape = Array.from(widths).join(' → ');
  if (!Array.isArray(layers)) throw new MlpInputError(FN, 'layers', 'must be an array of { weight, bias } objects', 'pass one entry per nn.Linear, in model order');
  if (layers.length !== L) {
    throw new MlpInputError(FN, 'layers', `has ${layers.length} entries but the spec (${shape}) has L = ${L} nn.Linear layers`, `pass one { weight, bias } per nn.Linear in model order, or set spec.hidden to the ${Math.max(layers.length - 1, 0)} hidden widths of the model`);
  }
  const theta = new Float64Array(lay.P);
  for (let l = 1; l <= L; l++) {
    const layer = layers[l - 1];
    const at = `layers[${l - 1}]`;
    const out = widths[l];
    const inn = widths[l - 1];
    if (layer === null || typeof layer !== 'object') throw new MlpInputError(FN, at, `must be an object { weight, bias }, got ${JSON.stringify(layer)}`, 'pass the weight and bias of the nn.Linear');
    copyWeight(layer.weight, `${at}.weight`, out, inn, theta, lay.weightOffset[l]);
    const b = layer.bias;
    if (lay.bias) {
      if (b === undefined || b === null) throw new MlpInputError(FN, `${at}.bias`, 'is missing', 'pass nn.Linear.bias (length out_features), or set spec.bias: false if the model was built with bias=False');
      copyVector(b, `${at}.bias`, out, theta, lay.biasOffset[l]);
    } else if (b !== undefined && b !== null) {
      throw new MlpInputError(FN, `${at}.bias`, 'is given but spec.bias is false', 'drop the biases, or set spec.bias: true (the default) when every nn.Linear has a bias');
    }
  }
  return theta;
}

export function layersFromTheta(theta: Float64Array, spec: MlpSpec): MlpLayerView[] {
  const fn = 'layersFromTheta';
  validateSpec(spec, fn);
  const lay = mlpLayout(spec);
  if (!(theta instanceof Float64Array) || theta.length !== lay.P) {
    throw new MlpInputError(fn, 'theta', `must be a Float64Array of P = ${lay.P} entries, got ${theta instanceof Float64Array ? `${theta.length} entries` : typeof theta}`, 'pass a vector laid out as problem.layout says');
  }
  const views: MlpLayerView[] = [];
  for (let l = 1; l <= lay.L; l++) {
    const out = lay.widths[l];
    const inn = lay.widths[l - 1];
    const w = lay.weightOffset[l];
    const b = lay.biasOffset[l];
    views.push({ outFeatures: out, inFeatures: inn, weight: theta.slice(w, w + out * inn), bias: lay.bias ? theta.slice(b, b + out) : null });
  }
  return views;
}

function copyWeight(w: LayerWeight, field: string, out: number, inn: number, theta: Float64Array, off: number): void {
  const fix = `pass nn.Linear(${inn}, ${out}).weight as stored: ${out}×${inn} (out_features × in_features), row-major if flat`;
  if (w instanceof Float64Array) {
    if (w.length !== out * inn) throw new MlpInputError(FN, field, `has ${w.length} entries, expected ${out}×${inn} = ${out * inn}`, fix);
    for (let i = 0; i < w.length; i++) {
      if (!Number.isFinite(w[i])) throw new MlpInputError(FN, `${field}[${i}]`, `is not finite (${w[i]})`, 'pass finite trained weights');
      theta[off + i] = w[i];
    }
    return;
  }
  if (!Array.isArray(w)) throw new MlpInputError(FN, field, 'must be a Float64Array (row-major) or an array of rows', fix);
  if (w.length !== out) {
    const transposed = w.length === inn && Array.isArray(w[0]) && w[0].length === out && inn !== out;
    throw new MlpInputError(FN, field, `has ${w.length} rows, expected out_features = ${out}${transposed ? ` (it looks transposed: ${inn}×${out})` : ''}`, transposed ? `pass weight, not weight.T: ${fix}` : fix);
  }
  for (let i = 0; i < out; i++) {
    const row = w[i];
    if (!Array.isArray(row) || row.length !== inn) throw new MlpInputError(FN, `${field}[${i}]`, `must be a row of in_features = ${inn} numbers, got ${Array.isArray(row) ? `${row.length} entries` : JSON.stringify(row)}`, fix);
    for (let j = 0; j < inn; j++) {
      const x = row[j];
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new MlpInputError(FN, `${field}[${i}][${j}]`, `is not a finite number (${JSON.stringify(x)})`, 'pass finite trained weights');
      theta[off + i * inn + j] = x;
    }
  }
}

function copyVector(b: LayerBias, field: string, out: number, theta: Float64Array, off: number): void {
  if (!(b instanceof Float64Array) && !Array.isArray(b)) throw new MlpInputError(FN, field, 'must be a Float64Array or an array of numbers', `pass nn.Linear.bias (${out} entries)`);
  if (b.length !== out) throw new MlpInputError(FN, field, `has ${b.length} entries, expected out_features = ${out}`, `pass nn.Linear.bias of this layer (${out} entries)`);
  for (let i = 0; i < out; i++) {
    const x = b[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new MlpInputError(FN, `${field}[${i}]`, `is not a finite number (${JSON.stringify(x)})`, 'pass finite trained biases');
    theta[off + i] = x;
  }
}
