/**
 * Schema of the "mlp" configuration: a dense MLP trained elsewhere (PyTorch), its weights and
 * its real data (README "Your own network"; tools/export_torch.py writes it):
 *
 *   {"family": "mlp", "inputDim": 6, "hidden": [8, 8], "outputs": 3, "activation": "tanh",
 *    "loss": "cross-entropy", "reduction": "mean", "bias": true,
 *    "weights": "model.safetensors" | {"0.weight": [[…]], "0.bias": […], …},
 *    "parameters": ["fc1.weight", "fc1.bias", …],
 *    "data": {"X": "X.npy" | [[…]], "labels": "y.npy" | […] | "targets": "T.npy" | [[…]]}}
 *
 * Losses are PyTorch's (src/nets/mlp/lossConvention.ts): "cross-entropy" = nn.CrossEntropyLoss
 * (integer labels), "mse" = nn.MSELoss (mean over all N·k entries, no ½, float targets), and
 * the papers' "half-squared-error" (½Σ_c, mean over samples). "reduction" (default "mean") is
 * PyTorch's. Paths are relative to the config file. Without "parameters", the tensors are the
 * layers of an nn.Sequential state_dict taken in the numeric order of their module index
 * (0.weight, 0.bias, 2.weight, …); with it, the listed names in model.parameters() order
 * (weight, bias per layer; weights only when "bias" is false).
 *
 * Checked here (so a parsed config is consistent): sizes; the activation and loss names (with
 * "did you mean"); which data the loss needs (cross-entropy: labels and no targets; mse and
 * half-squared-error: targets and no labels); inline data shapes against inputDim/outputs and
 * each other; inline labels in 0..outputs − 1; the number and uniqueness of "parameters" and of
 * inline tensors. Tensor shapes against the architecture, file contents and sizes are the
 * loader's (src/formats/mlpModel.ts), which reads the files.
 */
import { z } from 'zod';
import { MLP_ACTIVATIONS } from '../../nets/mlp/hiddenActivation.js';
import type { MlpActivation } from '../../nets/mlp/types.js';
import { didYouMean } from './didYouMean.js';
import { finite, matrix, size } from './fieldSchemas.js';

/** Losses a config may name (the engine's canonical names; 'softmax-cross-entropy' is an internal alias, not offered). */
export const MLP_CONFIG_LOSSES = ['cross-entropy', 'mse', 'half-squared-error'] as const;
export type MlpConfigLoss = (typeof MLP_CONFIG_LOSSES)[number];

/** Longest "hidden" list accepted (a depth far beyond what the engine is used for). */
export const MAX_HIDDEN_LAYERS = 64;

/** A string from a fixed list (a JSON Schema enum), with "did you mean" in its message. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) => {
      const v = iss.input;
      const shown = typeof v === 'string' ? `${JSON.stringify(v).slice(0, 40)}${didYouMean(v, values)}` : `${JSON.stringify(v) ?? String(v)}`.slice(0, 40);
      return `must be one of ${values.map((x) => `"${x}"`).join(', ')}; got ${shown}`;
    },
  });
}

const path = z.string({ error: 'must be a file path (a string)' }).min(1, { error: 'must not be empty' });

/** A tensor given inline: a vector (a bias) or equal-length rows (a weight, out × in, as weight.tolist()). */
const tensorValue = z
  .array(z.union([finite, z.array(finite, { error: 'each row must be an array of finite numbers' })]), { error: 'must be an array: a bias vector or a weight as rows (out × in)' })
  .min(1, { error: 'must not be empty' })
  .superRefine((rows, ctx) => {
    // zod runs refinements even when a field inside already failed (its value may be [] or null);
    // the shape checks below index into the fields, so they wait until the fields are valid.
    if (ctx.issues.length) return;
    const nested = Array.isArray(rows[0]);
    rows.forEach((r, i) => {
      if (Array.isArray(r) !== nested) ctx.addIssue({ code: 'custom', path: [i], message: `mixes numbers and rows; give a bias as numbers or a weight as rows of numbers` });
    });
    if (nested) {
      const width = (rows[0] as number[]).length;
      const bad = rows.findIndex((r) => (r as number[]).length !== width);
      if (width === 0) ctx.addIssue({ code: 'custom', path: [0], message: 'is an empty row' });
      else if (bad >= 0) ctx.addIssue({ code: 'custom', path: [bad], message: `has ${(rows[bad] as number[]).length} entries, expected ${width} like row 0 (rows must have equal length)` });
    }
  }) as unknown as z.ZodType<number[] | number[][]>;

const labelValue = z.number({ error: 'must be an integer class index' }).int({ error: 'must be an integer class index' }).min(0, { error: 'must be ≥ 0 (class indices 0..k−1)' });

export const MlpConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    family: z.literal('mlp'),
    inputDim: size,
    hidden: z.array(size, { error: 'must be an array of hidden widths, e.g. [8, 8] ([] for a linear/logistic model)' }).max(MAX_HIDDEN_LAYERS, { error: `must have at most ${MAX_HIDDEN_LAYERS} hidden layers` }),
    outputs: size,
    activation: oneOf(MLP_ACTIVATIONS as unknown as readonly [MlpActivation, ...MlpActivation[]]),
    loss: oneOf(MLP_CONFIG_LOSSES).describe('PyTorch\'s loss: "cross-entropy" = nn.CrossEntropyLoss (integer labels), "mse" = nn.MSELoss (mean over all N·k entries, no ½), "half-squared-error" = ½Σ_c (f − t)² per sample (the papers\' loss)'),
    reduction: oneOf(['mean', 'sum'] as const).optional().describe('PyTorch\'s reduction (default "mean")'),
    bias: z.boolean({ error: 'must be true or false' }).optional().describe('whether every nn.Linear has a bias (default true)'),
    weights: z
      .union([path, z.record(z.string(), tensorValue)], { error: 'must be a path to a .safetensors file, or an object of tensors by name' })
      .describe('a .safetensors state_dict (path relative to this file; F32 or F64), or {name: weight rows (out × in) | bias}'),
    parameters: z
      .array(z.string({ error: 'must be a tensor name' }).min(1, { error: 'must not be empty' }), { error: 'must be an array of tensor names' })
      .min(1, { error: 'must list at least one tensor' })
      .optional()
      .describe('tensor names in model.parameters() order; default: an nn.Sequential state_dict in module-index order (0.weight, 0.bias, 2.weight, …)'),
    data: z.strictObject({
      X: z.union([path, matrix], { error: 'must be a path to an .npy file (N × d floats) or rows of numbers' }),
      labels: z.union([path, z.array(labelValue, { error: 'must be an array of class indices' }).min(1, { error: 'must not be empty' })], { error: 'must be a path to an .npy file of integers or an array of class indices' }).optional(),
      targets: z.union([path, matrix], { error: 'must be a path to an .npy file (N × k floats) or rows of numbers' }).optional(),
    }),
  })
  .superRefine((c, ctx) => {
    // zod runs refinements even when a field inside already failed (its value may be [] or null);
    // the shape checks below index into the fields, so they wait until the fields are valid.
    if (ctx.issues.length) return;
    const issue = (path: (string | number)[], message: string, fix?: string) => ctx.addIssue({ code: 'custom', path, message, ...(fix ? { params: { fix } } : {}) });
    const { data } = c;
    if (c.loss === 'cross-entropy') {
      if (c.outputs < 2) issue(['outputs'], `must be ≥ 2 for cross-entropy (k classes), got ${c.outputs}`);
      if (data.labels === undefined) issue(['data', 'labels'], 'is missing: cross-entropy (nn.CrossEntropyLoss) needs integer class labels');
      if (data.targets !== undefined) issue(['data', 'targets'], 'is not used by cross-entropy (integer labels only)', 'remove it, or set "loss" to "mse" or "half-squared-error" if the model was trained on these targets');
    } else {
      if (data.targets === undefined) issue(['data', 'targets'], `is missing: ${c.loss} needs float targets (N × ${c.outputs})`);
      if (data.labels !== undefined) issue(['data', 'labels'], `is not used by ${c.loss}, which takes float targets`, 'remove it (give one-hot targets under "targets" if the model was trained on one-hot vectors), or set "loss" to "cross-entropy"');
    }
    const inlineX = typeof data.X === 'string' ? null : data.X;
    if (inlineX && inlineX[0].length !== c.inputDim) issue(['data', 'X', 0], `has ${inlineX[0].length} entries, but inputDim is ${c.inputDim}`);
    if (Array.isArray(data.labels)) {
      data.labels.forEach((y, i) => {
        if (y >= c.outputs) issue(['data', 'labels', i], `is ${y}, outside 0..${c.outputs - 1} (outputs = ${c.outputs} classes)`);
      });
      if (inlineX && data.labels.length !== inlineX.length) issue(['data', 'labels'], `has ${data.labels.length} entries, but X has ${inlineX.length} rows (one label per sample)`);
    }
    if (Array.isArray(data.targets)) {
      if (data.targets[0].length !== c.outputs) issue(['data', 'targets', 0], `has ${data.targets[0].length} entries, but outputs is ${c.outputs}`);
      if (inlineX && data.targets.length !== inlineX.length) issue(['data', 'targets'], `has ${data.targets.length} rows, but X has ${inlineX.length} (one row of targets per sample)`);
    }
    const perLayer = c.bias === false ? 1 : 2;
    const expected = (c.hidden.length + 1) * perLayer;
    const what = `${c.hidden.length + 1} nn.Linear layer${c.hidden.length ? 's' : ''} × ${perLayer === 2 ? '(weight, bias)' : 'weight (bias: false)'}`;
    if (c.parameters) {
      if (c.parameters.length !== expected) issue(['parameters'], `lists ${c.parameters.length} tensors, but hidden ${JSON.stringify(c.hidden)} means ${what} = ${expected}`);
      const seen = new Set<string>();
      c.parameters.forEach((n, i) => {
        if (seen.has(n)) issue(['parameters', i], `repeats ${JSON.stringify(n)}`);
        seen.add(n);
      });
    }
    if (typeof c.weights !== 'string') {
      const names = Object.keys(c.weights);
      if (names.length !== expected) issue(['weights'], `holds ${names.length} tensors, but hidden ${JSON.stringify(c.hidden)} means ${what} = ${expected}`);
      if (c.parameters) {
        const missing = c.parameters.filter((n) => !Object.hasOwn(c.weights as object, n));
        if (missing.length) issue(['weights'], `has no tensor ${JSON.stringify(missing[0])} listed in "parameters"`);
      }
    }
  });

export type MlpConfig = z.infer<typeof MlpConfigSchema>;

/** Hints for the fields of an mlp configuration (parseConfig's fix text). */
export const MLP_FIXES: Record<string, string> = {
  family: 'set it to "mlp"',
  activation: 'name the hidden activation of the trained model (torch: nn.ReLU → "relu", nn.Tanh → "tanh", nn.GELU() → "gelu", nn.LeakyReLU() → "leaky-relu", torch.erf → "erf")',
  inputDim: 'give the number of input features d (columns of X), an integer ≥ 1',
  hidden: 'give the hidden widths in order, e.g. [8, 8] for nn.Linear(d, 8), act, nn.Linear(8, 8), act, nn.Linear(8, k); [] for none',
  outputs: 'give the number of outputs k (classes for cross-entropy), an integer ≥ 1',
  loss: 'name the loss the model was trained with: nn.CrossEntropyLoss → "cross-entropy", nn.MSELoss → "mse" (mean over all N·k entries), ½Σ_c(f − t)² per sample → "half-squared-error"',
  reduction: 'give the reduction the loss was trained with (PyTorch\'s default is "mean")',
  bias: 'give true (default: every nn.Linear has a bias) or false (bias=False everywhere)',
  weights: 'give the path of a .safetensors state_dict (relative to the config file; tools/export_torch.py writes one) or an object {"<name>": weight rows (out × in) or bias, …}',
  parameters: 'list the tensor names in model.parameters() order, e.g. ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], or omit it for an nn.Sequential state_dict (0.weight, 0.bias, 2.weight, …)',
  data: 'give {"X": "X.npy", "labels": "y.npy"} for cross-entropy or {"X": "X.npy", "targets": "T.npy"} for mse / half-squared-error',
  'data.X': 'give the path of an .npy file of N × d float32/float64 inputs (relative to the config file), or N rows of d numbers',
  'data.labels': 'give the path of an .npy file of N int32/int64 class indices in 0..k−1, or an array of them; cross-entropy needs labels, mse and half-squared-error need "targets"',
  'data.targets': 'give the path of an .npy file of N × k float32/float64 targets, or N rows of k numbers; mse and half-squared-error need targets, cross-entropy needs "labels"',
};

/** Top-level keys a teacher–student habit puts in the wrong place, and where they go. */
export const MLP_KEY_HINTS: Record<string, string> = {
  X: 'put it under "data": {"X": …}',
  labels: 'put it under "data": {"labels": …}',
  targets: 'put it under "data": {"targets": …}',
  layers: 'give the tensors in "weights" (a .safetensors path or an object of tensors by name)',
  Ni: 'use "inputDim"',
  Nh: 'use "hidden": [widths…]',
};
