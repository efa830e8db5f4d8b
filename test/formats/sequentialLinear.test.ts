/**
 * State_dicts of nn.Sequential MLPs → layers and θ in model.parameters() order. On the torch
 * fixtures θ must equal reference.json's theta EXACTLY (the flattening torch's Hessian used).
 */
import { describe, expect, it } from 'vitest';
import { readSafetensors, readSafetensorsFile } from '../../src/formats/safetensors.js';
import { flattenLinearLayers, sequentialLinearLayers } from '../../src/formats/sequentialLinear.js';
import { buildSafetensors, expectFormatError, fixturePath, floatBytes, loadReference, TORCH_FIXTURES } from './support.js';

const F = 'model.safetensors';

/** A file of F64 tensors given as name → shape (values 0, 1, 2, … in order). */
function stateDict(shapes: Record<string, number[]>) {
  const header: Record<string, unknown> = {};
  let at = 0;
  const values: number[] = [];
  for (const [name, shape] of Object.entries(shapes)) {
    const n = shape.reduce((a, b) => a * b, 1);
    header[name] = { dtype: 'F64', shape, data_offsets: [at, at + 8 * n] };
    for (let i = 0; i < n; i++) values.push(values.length);
    at += 8 * n;
  }
  return readSafetensors(buildSafetensors(header, floatBytes(values, 8)), { file: F });
}

describe('sequentialLinearLayers', () => {
  it.each(TORCH_FIXTURES)('%s: widths match the config, θ equals torch’s flattening exactly', (name) => {
    const ref = loadReference(name);
    const layers = sequentialLinearLayers(readSafetensorsFile(fixturePath(name, F)), F);
    expect(layers.map((l) => l.outputs)).toEqual([...ref.config.hidden, ref.config.outputs]);
    expect(layers[0].inputs).toBe(ref.config.inputDim);
    const theta = flattenLinearLayers(layers);
    expect(theta.length).toBe(ref.P);
    expect([...theta].every((v, i) => Object.is(v, ref.theta[i]))).toBe(true);
  });

  it('orders layers by module index numerically (2 before 10), whatever the file order', () => {
    const layers = sequentialLinearLayers(stateDict({ '10.weight': [1, 2], '10.bias': [1], '0.weight': [3, 4], '0.bias': [3], '2.weight': [2, 3], '2.bias': [2] }), F);
    expect(layers.map((l) => l.index)).toEqual([0, 2, 10]);
  });

  it('refuses other names, missing biases or weights, wrong ranks and broken chains', () => {
    expectFormatError(() => sequentialLinearLayers(stateDict({ 'fc1.weight': [2, 2], 'fc1.bias': [2] }), F), F, 'tensor "fc1.weight"', /not a Linear weight or bias of an nn\.Sequential/);
    expectFormatError(() => sequentialLinearLayers(stateDict({ '0.weight': [2, 2] }), F), F, 'tensor "0.bias"', /layer 0 has no bias; .*\(bias=False is not supported yet\)/);
    expectFormatError(() => sequentialLinearLayers(stateDict({ '0.bias': [2] }), F), F, 'tensor "0.weight"', /is missing/);
    expectFormatError(() => sequentialLinearLayers(stateDict({ '0.weight': [4], '0.bias': [4] }), F), F, 'tensor "0.weight" shape', /\[4\] is not 2-D/);
    expectFormatError(() => sequentialLinearLayers(stateDict({ '0.weight': [2, 3], '0.bias': [3] }), F), F, 'tensor "0.bias" shape', /\[3\] does not match the 2 outputs/);
    expectFormatError(() => sequentialLinearLayers(stateDict({ '0.weight': [2, 3], '0.bias': [2], '2.weight': [1, 5], '2.bias': [1] }), F), F, 'tensor "2.weight" shape', /takes 5 inputs, but layer 0 has 2 outputs/);
    expectFormatError(() => sequentialLinearLayers(stateDict({ '0.weight': [0, 3], '0.bias': [0] }), F), F, 'tensor "0.weight" shape', /zero width/);
    expectFormatError(() => sequentialLinearLayers(stateDict({}), F), F, 'tensors', /no tensors/);
    expectFormatError(() => sequentialLinearLayers(stateDict({ '01.weight': [1, 1], '01.bias': [1] }), F), F, 'tensor "01.weight"', /not a Linear/);
  });
});
