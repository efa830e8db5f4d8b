/**
 * The suite's float64 answers for an MLP as the protocol sends it — nn.Sequential(Linear, act,
 * …, Linear), PyTorch's losses and reductions, θ in model.parameters() order — computed by the
 * MLP engine (src/nets/mlp, which speaks the same conventions: lossConvention.ts, layout.ts):
 * the dense Hessian by forward-over-reverse, H·v by Pearlmutter's R-operator; and the error bound
 * of ../tolerance/mlpErrorBound.ts. test/conform/mlp.test.ts holds the result to closed forms
 * (linear models under every loss, reduction and bias setting) and to the bound's independent
 * hyper-dual evaluation.
 */
import { MLP_ACTIVATIONS, buildMlpProblem, thetaFromLayers, type MlpActivation, type MlpSpec } from '../../nets/mlp/index.js';
import type { MlpModelJson } from '../protocol/modelSchemas.js';
import { mlpErrorBound } from '../tolerance/mlpErrorBound.js';
import type { FamilyCase } from './familyCaseShape.js';

/** Activations the error bound has magnitudes for (../tolerance/activationMagnitudes.ts). */
const BOUNDED_ACTIVATIONS: readonly string[] = ['relu', 'tanh', 'identity', 'sigmoid', 'softplus', 'erf'];

/** MLP activations the suite can check: the engine's, where the error bound has magnitudes (not yet gelu, elu, leaky-relu). */
export function mlpCheckedActivations(): string[] {
  return (MLP_ACTIVATIONS as readonly string[]).filter((a) => BOUNDED_ACTIVATIONS.includes(a));
}

export function mlpCase(m: MlpModelJson): FamilyCase {
  const N = m.X.length;
  const k = m.layers[m.layers.length - 1].weight.length;
  const X = { rows: N, cols: m.X[0].length, data: Float64Array.from(m.X.flat()) };
  const spec: MlpSpec = {
    inputDim: X.cols,
    hidden: m.layers.slice(0, -1).map((l) => l.weight.length),
    outputs: k,
    activation: m.activation as MlpActivation,
    loss: m.loss,
    reduction: m.reduction,
    bias: m.bias,
  };
  const problem = buildMlpProblem(spec, {
    X,
    ...(m.labels ? { labels: Int32Array.from(m.labels) } : {}),
    ...(m.targets ? { targets: { rows: N, cols: k, data: Float64Array.from(m.targets.flat()) } } : {}),
  });
  const theta = thetaFromLayers(m.layers.map((l) => ({ weight: l.weight, bias: l.bias ?? null })), spec);
  return {
    P: problem.P,
    hessian: () => problem.hessian(theta),
    hvp: (v) => problem.hessianVector(theta, v),
    errorBound: () => mlpErrorBound(m),
  };
}
