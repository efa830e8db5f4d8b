/**
 * Configurations from outside: every form parses; every kind of mistake is one ConfigError line
 * naming the field and the fix (unknown and misspelt keys with "did you mean", explicit and
 * generated fields mixed, fields of another family, non-finite values, shapes that do not chain);
 * the configurations the property generators draw are valid CLI input (so replay commands work);
 * and schema/config.schema.json is the one the zod schemas generate.
 */
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/configError.js';
import { closest, editDistance } from '../../src/formats/config/didYouMean.js';
import { configJsonSchema } from '../../src/formats/config/jsonSchema.js';
import { parseConfig } from '../../src/formats/config/parseConfig.js';
import { teacherConfigArb } from '../../properties/arbitraries/teacherConfigs.js';

const gen = { family: 'two-layer', activation: 'tanh', Ni: 2, Nh: 3, N: 5, seed: 1 };
const explicit = { family: 'two-layer', activation: 'erf', W: [[1, 2]], a: [0.5], X: [[1, 2], [3, 4]] };
const deep = { family: 'deep-linear', layers: [[[1, 0], [0, 1]], [[1, 1]]], X: [[1, 2]] };

function message(raw: unknown): string {
  try {
    parseConfig(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message.split('\n')).toHaveLength(1);
    return (e as Error).message;
  }
  throw new Error(`parsed: ${JSON.stringify(raw)}`);
}

describe('parseConfig', () => {
  it('accepts every form, with $schema', () => {
    for (const c of [gen, explicit, deep, { ...gen, family: 'deep-linear', activation: undefined, depth: 3 }, { ...explicit, student: { W: [[0, 1]], a: [1] } }, { ...gen, $schema: '../schema/config.schema.json' }]) {
      const raw = JSON.parse(JSON.stringify(c));
      expect(parseConfig(raw)).toEqual(raw);
    }
  });
  it.each([
    [{ ...gen, sigma_1: 1 }, /^sigma_1: is not a field of a generated two-layer configuration \(did you mean "sigma1"\?\); rename it to "sigma1"$/],
    [{ ...gen, whitten: true }, /^whitten: .*did you mean "whiten"/],
    [{ ...explicit, studentOffset: 0.5 }, /^studentOffset: explicit fields \(W, a, X\) and generated fields \(studentOffset\) do not mix/],
    [{ ...gen, W: [[1]] }, /^Ni: explicit fields \(W\) and generated fields \(Ni, Nh, N, seed\) do not mix/],
    [{ ...gen, depth: 3 }, /^depth: does not apply to a generated two-layer configuration \(it belongs to: generated deep-linear\); remove it$/],
    [{ ...gen, family: 'deep-linear' }, /^activation: does not apply to a generated deep-linear configuration/],
    [{ ...gen, family: 'two-lyer' }, /^family: must be one of .*got "two-lyer" \(did you mean "two-layer"\?\)/],
    [{ ...gen, activation: 'tanhh' }, /^activation: must be one of .*\(did you mean "tanh"\?\)/],
    [{ ...gen, Ni: 2.5 }, /^Ni: must be an integer, got 2\.5; give the input dimension/],
    [{ ...gen, Nh: undefined }, /^Nh: is missing; give the hidden width/],
    [{ ...gen, sigma1: Infinity }, /^sigma1: must be a finite number, got Infinity/],
    [{ ...gen, sigma1: -1 }, /^sigma1: must be ≥ 0, got -1/],
    [{ ...gen, N: 1e7 }, /^N: must be ≤ 1000000, got 10000000/],
    [{ ...gen, whiten: true, N: 1 }, /^whiten: needs N ≥ Ni/],
    [{ ...gen, zeroOutputWeights: [3] }, /^zeroOutputWeights\[0\]: is 3, but hidden units are 0…2/],
    [{ ...gen, activation: { polynomial: [1, 0] } }, /^activation\.polynomial: the leading coefficient ck must be nonzero/],
    [{ ...explicit, W: [[1, 2], [3]], a: [1, 2] }, /^W\[1\]: has 1 entries, expected 2 like row 0/],
    [{ ...explicit, a: [1, 2] }, /^a: has 2 entries, but W has 1 rows/],
    [{ ...explicit, W: [[1, 'x']] }, /^W\[0\]\[1\]: must be a finite number, got "x"/],
    [{ ...explicit, X: [[1, 2, 3]] }, /^X\[0\]: has 3 entries, but W has 2 columns/],
    [{ ...explicit, student: { W: [[1, 2]], a: [1], b: 2 } }, /^student\.b: is not a known field here/],
    [{ ...deep, layers: [[[1, 0]], [[1], [2]]] }, /^layers\[1\]: has 2 rows; the last layer must have exactly one row/],
    [[1, 2], /^config: must be a JSON object/],
    [{ Ni: 2 }, /^family: is missing/],
  ])('%j → %s', (raw, pattern) => {
    expect(message(JSON.parse(JSON.stringify(raw, (_k, v) => (v === Infinity ? '__inf' : v)), (_k, v) => (v === '__inf' ? Infinity : v)))).toMatch(pattern);
  });
  it('every configuration the generators draw is valid input (replay commands stay runnable)', () => {
    fc.assert(
      fc.property(teacherConfigArb({ point: 'either', maxNi: 6, maxNh: 6, maxN: 30 }), (c) => {
        parseConfig(JSON.parse(JSON.stringify(c)));
      }),
      { numRuns: 300, seed: 1 },
    );
  });
});

const mlp = { family: 'mlp', inputDim: 6, hidden: [8, 8], outputs: 3, activation: 'tanh', loss: 'cross-entropy', reduction: 'mean', weights: 'model.safetensors', data: { X: 'X.npy', labels: 'y.npy' } };
const mlpMse = { ...mlp, loss: 'mse', data: { X: 'X.npy', targets: 'targets.npy' } };

describe('parseConfig: mlp configurations (a trained model and its data)', () => {
  it('accepts files, inline values, named parameters, bias: false, sum reduction and every loss', () => {
    const forms = [
      mlp,
      mlpMse,
      { ...mlpMse, loss: 'half-squared-error', reduction: 'sum' },
      { ...mlp, reduction: undefined, $schema: '../schema/config.schema.json' },
      { ...mlp, bias: false, parameters: ['fc1.weight', 'fc2.weight', 'out.weight'] },
      { ...mlp, parameters: ['a.weight', 'a.bias', 'b.weight', 'b.bias', 'c.weight', 'c.bias'] },
      { ...mlp, hidden: [], activation: 'identity', weights: { '0.weight': [[1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1]], '0.bias': [0, 0, 0] }, data: { X: [[1, 2, 3, 4, 5, 6]], labels: [2] } },
      ...['relu', 'identity', 'sigmoid', 'softplus', 'gelu', 'elu', 'leaky-relu', 'erf'].map((activation) => ({ ...mlp, activation })),
    ];
    for (const c of forms) {
      const raw = JSON.parse(JSON.stringify(c));
      expect(parseConfig(raw)).toEqual(raw);
    }
  });
  it.each([
    [{ ...mlp, activation: 'tanhh' }, /^activation: must be one of "relu", "tanh", .*; got "tanhh" \(did you mean "tanh"\?\); name the hidden activation of the trained model \(torch: nn\.ReLU → "relu"/],
    [{ ...mlp, activation: 'z^2' }, /^activation: must be one of "relu", .*got "z\^2"/],
    [{ ...mlp, loss: 'MSE' }, /^loss: must be one of "cross-entropy", "mse", "half-squared-error"; got "MSE" \(did you mean "mse"\?\); name the loss the model was trained with: nn\.CrossEntropyLoss → "cross-entropy", nn\.MSELoss → "mse"/],
    [{ ...mlp, loss: 'softmax-cross-entropy' }, /^loss: must be one of/],
    [{ ...mlp, reduction: 'avg' }, /^reduction: must be one of "mean", "sum"; got "avg"; give the reduction the loss was trained with \(PyTorch's default is "mean"\)$/],
    [{ ...mlp, inputDim: 0 }, /^inputDim: must be ≥ 1, got 0; give the number of input features d/],
    [{ ...mlp, outputs: 2.5 }, /^outputs: must be an integer, got 2\.5; give the number of outputs k/],
    [{ ...mlp, outputs: 1 }, /^outputs: must be ≥ 2 for cross-entropy \(k classes\), got 1/],
    [{ ...mlp, hidden: 8 }, /^hidden: must be an array of hidden widths, e\.g\. \[8, 8\].*, got 8; give the hidden widths in order/],
    [{ ...mlp, hidden: [8, 0] }, /^hidden\[1\]: must be ≥ 1, got 0/],
    [{ ...mlp, bias: 'yes' }, /^bias: must be true or false, got "yes"; give true \(default: every nn\.Linear has a bias\) or false/],
    [{ ...mlp, weights: 5 }, /^weights: must be a path to a \.safetensors file, or an object of tensors by name, got 5; give the path of a \.safetensors state_dict/],
    [{ ...mlp, weights: '' }, /^weights: /],
    [{ ...mlp, weights: { '0.weight': [[1, 2], [3]] } }, /^weights\.0\.weight\[1\]: has 1 entries, expected 2 like row 0/],
    [{ ...mlp, weights: { '0.weight': [[1, 2]], '0.bias': [1] } }, /^weights: holds 2 tensors, but hidden \[8,8\] means 3 nn\.Linear layers × \(weight, bias\) = 6/],
    [{ ...mlp, parameters: ['a', 'b'] }, /^parameters: lists 2 tensors, but hidden \[8,8\] means 3 nn\.Linear layers × \(weight, bias\) = 6; list the tensor names in model\.parameters\(\) order/],
    [{ ...mlp, parameters: ['a', 'a', 'b', 'c', 'd', 'e'] }, /^parameters\[1\]: repeats "a"/],
    [{ ...mlp, bias: false, parameters: ['a', 'b'] }, /^parameters: lists 2 tensors, but .* × weight \(bias: false\) = 3/],
    [{ ...mlp, data: { X: 'X.npy' } }, /^data\.labels: is missing: cross-entropy \(nn\.CrossEntropyLoss\) needs integer class labels; give the path of an \.npy file of N int32\/int64 class indices/],
    [{ ...mlp, data: { X: 'X.npy', labels: 'y.npy', targets: 't.npy' } }, /^data\.targets: is not used by cross-entropy \(integer labels only\); remove it, or set "loss" to "mse"/],
    [{ ...mlpMse, data: { X: 'X.npy' } }, /^data\.targets: is missing: mse needs float targets \(N × 3\)/],
    [{ ...mlpMse, data: { X: 'X.npy', targets: 't.npy', labels: 'y.npy' } }, /^data\.labels: is not used by mse, which takes float targets; remove it/],
    [{ ...mlp, data: { labels: 'y.npy' } }, /^data\.X: is missing; give the path of an \.npy file of N × d float32\/float64 inputs/],
    [{ ...mlp, data: { X: [[1, 2]], labels: [0] } }, /^data\.X\[0\]: has 2 entries, but inputDim is 6/],
    [{ ...mlp, data: { X: [[1, 2, 3, 4, 5, 6]], labels: [3] } }, /^data\.labels\[0\]: is 3, outside 0\.\.2 \(outputs = 3 classes\)/],
    [{ ...mlp, data: { X: [[1, 2, 3, 4, 5, 6]], labels: [-1] } }, /^data\.labels\[0\]: must be ≥ 0 \(class indices 0\.\.k−1\)/],
    [{ ...mlp, data: { X: [[1, 2, 3, 4, 5, 6]], labels: [0, 1] } }, /^data\.labels: has 2 entries, but X has 1 rows/],
    [{ ...mlpMse, data: { X: [[1, 2, 3, 4, 5, 6]], targets: [[1, 2]] } }, /^data\.targets\[0\]: has 2 entries, but outputs is 3/],
    [{ ...mlp, data: { X: 'X.npy', labels: 'y.npy', Y: 'y.npy' } }, /^data\.Y: is not a known field here; remove it$/],
    [{ ...mlp, X: 'X.npy' }, /^X: is not a field of an mlp configuration; put it under "data": \{"X": …\}$/],
    [{ ...mlp, Ni: 6 }, /^Ni: is not a field of an mlp configuration; use "inputDim"$/],
    [{ ...mlp, hiden: [8] }, /^hiden: is not a field of an mlp configuration \(did you mean "hidden"\?\); rename it to "hidden"$/],
    [{ ...mlp, seed: 1 }, /^seed: does not apply to an mlp configuration \(it belongs to: generated two-layer, generated deep-linear\); remove it$/],
    [{ ...mlp, family: 'MLP' }, /^family: must be one of .*"mlp", got "MLP" \(did you mean "mlp"\?\)/],
    [{ ...mlp, weights: undefined }, /^weights: is missing; give the path of a \.safetensors state_dict/],
  ])('%j → %s', (raw, pattern) => {
    expect(message(JSON.parse(JSON.stringify(raw)))).toMatch(pattern);
  });
});

describe('did you mean', () => {
  it('edit distance counts adjacent transpositions once', () => {
    expect(editDistance('whiten', 'whitten')).toBe(1);
    expect(editDistance('Ni', 'iN')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });
  it('suggests only near candidates', () => {
    expect(closest('sigma_1', ['sigma1', 'sigma2'])).toBe('sigma1');
    expect(closest('completely', ['Ni', 'Nh'])).toBeNull();
  });
});

describe('schema/config.schema.json', () => {
  it('is the schema the zod schemas generate (run `npm run schema` after changing them)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });
});
