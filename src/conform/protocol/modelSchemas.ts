/**
 * The models the suite sends (the `model` field of a request), declared as zod schemas so the
 * JSON form is written down once: the request builder emits it, the suite's own subjects
 * (adapters/tfjs, test subjects) parse it, and docs/protocol.md describes it.
 *
 *   two-layer  {family, activation, W: Nh×Ni, a: [Nh], X: N×Ni, y: [N]}
 *              L(θ) = 1/(2N) Σ_n (Σ_j a_j g(w_j·x_n) − y_n)²,  θ = (W row-major, then a).
 *   mlp        {family, activation, loss, reduction, bias, layers: [{weight: out×in, bias?: [out]}],
 *               X: N×d, labels?: [N] | targets?: N×k}
 *              nn.Sequential(Linear, act, …, Linear) with the PyTorch loss named by `loss` and
 *              `reduction`; θ = torch.cat([p.reshape(-1) for p in model.parameters()]).
 *
 * Shapes that must chain (W's columns = X's columns, …) are checked here, so nothing past
 * parsing re-validates.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const vector = z.array(finite).min(1);
const matrix = z.array(vector).min(1).refine((rows) => rows.every((r) => r.length === rows[0].length), 'rows must all have the same length');

/** An activation as configurations name it ("tanh", "z^3", …) or {"polynomial": [c0, c1, …]}. */
export const ActivationSchema = z.union([z.string().min(1).max(32), z.strictObject({ polynomial: z.array(finite).min(2).max(12) })]);
export type ActivationJson = z.infer<typeof ActivationSchema>;

export const TwoLayerModelSchema = z
  .strictObject({
    family: z.literal('two-layer'),
    activation: ActivationSchema,
    W: matrix,
    a: vector,
    X: matrix,
    y: vector,
  })
  .superRefine((m, ctx) => {
    if (m.a.length !== m.W.length) ctx.addIssue({ code: 'custom', path: ['a'], message: `has ${m.a.length} entries but W has ${m.W.length} rows (Nh)` });
    if (m.X[0].length !== m.W[0].length) ctx.addIssue({ code: 'custom', path: ['X'], message: `rows have ${m.X[0].length} entries but W has ${m.W[0].length} columns (Ni)` });
    if (m.y.length !== m.X.length) ctx.addIssue({ code: 'custom', path: ['y'], message: `has ${m.y.length} entries but X has ${m.X.length} rows (N)` });
  });
export type TwoLayerModelJson = z.infer<typeof TwoLayerModelSchema>;

/** Hidden activations of the MLP family (torch.nn module names, kebab-case). */
export const MLP_ACTIVATION_NAMES = ['relu', 'tanh', 'identity', 'sigmoid', 'softplus', 'gelu', 'elu', 'leaky-relu', 'erf'] as const;
/** PyTorch losses: nn.CrossEntropyLoss, nn.MSELoss, and the papers' ½Σ(f − t)² per sample. */
export const MLP_LOSS_NAMES = ['cross-entropy', 'mse', 'half-squared-error'] as const;

export const MlpLayerSchema = z.strictObject({ weight: matrix, bias: vector.nullable().optional() });

export const MlpModelSchema = z
  .strictObject({
    family: z.literal('mlp'),
    activation: z.enum(MLP_ACTIVATION_NAMES),
    loss: z.enum(MLP_LOSS_NAMES),
    reduction: z.enum(['mean', 'sum']).default('mean'),
    bias: z.boolean().default(true),
    layers: z.array(MlpLayerSchema).min(1),
    X: matrix,
    labels: z.array(z.number().int().nonnegative()).min(1).optional(),
    targets: matrix.optional(),
  })
  .superRefine((m, ctx) => {
    let width = m.X[0].length;
    m.layers.forEach((l, i) => {
      if (l.weight[0].length !== width) ctx.addIssue({ code: 'custom', path: ['layers', i, 'weight'], message: `has ${l.weight[0].length} columns but the layer's input has ${width} features (weight is out×in, as nn.Linear.weight)` });
      width = l.weight.length;
      const hasBias = l.bias !== undefined && l.bias !== null;
      if (hasBias !== m.bias) ctx.addIssue({ code: 'custom', path: ['layers', i, 'bias'], message: m.bias ? 'is missing (bias is true)' : 'is given but bias is false' });
      if (hasBias && l.bias!.length !== l.weight.length) ctx.addIssue({ code: 'custom', path: ['layers', i, 'bias'], message: `has ${l.bias!.length} entries but weight has ${l.weight.length} rows` });
    });
    const N = m.X.length;
    const k = width;
    if (m.loss === 'cross-entropy') {
      if (!m.labels) ctx.addIssue({ code: 'custom', path: ['labels'], message: 'is required for cross-entropy' });
      else if (m.labels.length !== N || m.labels.some((c) => c >= k)) ctx.addIssue({ code: 'custom', path: ['labels'], message: `must be ${N} class indices in 0..${k - 1}` });
      if (m.targets) ctx.addIssue({ code: 'custom', path: ['targets'], message: 'does not apply to cross-entropy (give labels)' });
    } else {
      if (!m.targets && !m.labels) ctx.addIssue({ code: 'custom', path: ['targets'], message: 'is required for a squared error (or give labels for one-hot targets)' });
      if (m.targets && (m.targets.length !== N || m.targets[0].length !== k)) ctx.addIssue({ code: 'custom', path: ['targets'], message: `must be ${N}×${k}` });
      if (m.labels && (m.labels.length !== N || m.labels.some((c) => c >= k))) ctx.addIssue({ code: 'custom', path: ['labels'], message: `must be ${N} class indices in 0..${k - 1}` });
    }
  });
export type MlpModelJson = z.infer<typeof MlpModelSchema>;

export const ModelSchema = z.discriminatedUnion('family', [TwoLayerModelSchema, MlpModelSchema]);
export type ModelJson = TwoLayerModelJson | MlpModelJson;

/** P, the length of θ, of a parsed model. */
export function parameterCount(m: ModelJson): number {
  if (m.family === 'two-layer') return m.W.length * m.W[0].length + m.a.length;
  return m.layers.reduce((s, l) => s + l.weight.length * l.weight[0].length + (l.bias ? l.bias.length : 0), 0);
}
