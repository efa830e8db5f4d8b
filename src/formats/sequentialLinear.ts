/**
 * The state_dict of a PyTorch nn.Sequential of Linear layers (and parameter-free activations),
 * as read from safetensors, → its layers in order and θ flattened in model.parameters() order.
 *
 * PyTorch names a Sequential's parameters "<module index>.weight" (out×in) and "<index>.bias"
 * (out); activations have no parameters, so indices skip (0, 2, 4, …). Layers are ordered by
 * the integer index, and θ = W1 (row-major), b1, W2, b2, … is exactly the suite's MLP layout
 * (src/nets/mlp/layout.ts) and the order torch.autograd sees in model.parameters().
 * Checks: only such names; both tensors per layer; 2-D weight, 1-D bias of matching length;
 * each layer's input width equal to the previous layer's output width.
 */
import { FormatError, quote } from './formatError.js';
import type { SafetensorsContents } from './safetensors.js';

export interface LinearLayer {
  /** The module index in the Sequential (the "<i>" of "<i>.weight"). */
  readonly index: number;
  readonly outputs: number;
  readonly inputs: number;
  /** outputs×inputs, row-major (PyTorch layout). */
  readonly weight: Float64Array;
  readonly bias: Float64Array;
}

const NAME = /^(0|[1-9]\d{0,8})\.(weight|bias)$/;
const FIX = 'export the model with tools/export_torch.py (an nn.Sequential of nn.Linear layers with biases and one activation kind)';

export function sequentialLinearLayers(contents: SafetensorsContents, file: string): LinearLayer[] {
  const byIndex = new Map<number, { weight?: { shape: readonly number[]; values: Float64Array }; bias?: { shape: readonly number[]; values: Float64Array } }>();
  for (const [name, t] of contents.tensors) {
    const m = NAME.exec(name);
    if (m === null) {
      throw new FormatError(file, `tensor ${quote(name)}`, 'is not a Linear weight or bias of an nn.Sequential (names like "0.weight", "0.bias")', FIX);
    }
    const index = Number(m[1]);
    const slot = byIndex.get(index) ?? {};
    slot[m[2] as 'weight' | 'bias'] = t;
    byIndex.set(index, slot);
  }
  if (byIndex.size === 0) throw new FormatError(file, 'tensors', 'the file holds no tensors', FIX);
  const layers: LinearLayer[] = [];
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
    const { weight, bias } = byIndex.get(index)!;
    if (weight === undefined) throw new FormatError(file, `tensor "${index}.weight"`, `is missing (there is a "${index}.bias")`, FIX);
    if (bias === undefined) throw new FormatError(file, `tensor "${index}.bias"`, `is missing: layer ${index} has no bias; the suite's MLP has a bias on every layer (bias=False is not supported yet)`, FIX);
    if (weight.shape.length !== 2) throw new FormatError(file, `tensor "${index}.weight" shape`, `[${weight.shape.join(', ')}] is not 2-D (outputs × inputs)`, FIX);
    const [outputs, inputs] = weight.shape;
    if (bias.shape.length !== 1 || bias.shape[0] !== outputs) {
      throw new FormatError(file, `tensor "${index}.bias" shape`, `[${bias.shape.join(', ')}] does not match the ${outputs} outputs of "${index}.weight"`, FIX);
    }
    const prev = layers[layers.length - 1];
    if (prev !== undefined && prev.outputs !== inputs) {
      throw new FormatError(file, `tensor "${index}.weight" shape`, `[${outputs}, ${inputs}] takes ${inputs} inputs, but layer ${prev.index} has ${prev.outputs} outputs`, FIX);
    }
    if (outputs === 0 || inputs === 0) throw new FormatError(file, `tensor "${index}.weight" shape`, `[${outputs}, ${inputs}] has a zero width`, FIX);
    layers.push({ index, outputs, inputs, weight: weight.values, bias: bias.values });
  }
  return layers;
}

/** θ = W1, b1, W2, b2, … (model.parameters() order; the suite's MLP layout). */
export function flattenLinearLayers(layers: readonly LinearLayer[]): Float64Array {
  let P = 0;
  for (const l of layers) P += l.weight.length + l.bias.length;
  const theta = new Float64Array(P);
  let at = 0;
  for (const l of layers) {
    theta.set(l.weight, at);
    at += l.weight.length;
    theta.set(l.bias, at);
    at += l.bias.length;
  }
  return theta;
}
