/**
 * C3 on one model: rank of the tangent map J equals the rank table (theory/rankTable.ts), by the
 * C3 property's own check (properties/definitions/rank.ts rankTableProperty), where the model is
 * a two-layer net the table describes:
 *  - a teacher–student two-layer or deep-linear config at θ* with a table entry;
 *  - an mlp that IS such a net: one hidden layer, one output, no biases ("bias": false), an
 *    activation of the table (relu, tanh, identity, sigmoid, softplus, erf). Its weights are the
 *    teacher (W = the first Linear's weight, a = the second's single row) on the model's inputs;
 *    rank J is then the rank of the Gauss–Newton term of any squared-error loss (GN ∝ JᵀJ).
 * Where the table makes no claim (theory/rankTable.ts rankClaim: ReLU without its data
 * condition, a polynomial below its proven width, …) the check says so with the table's reason.
 * "Generic" ranks of smooth activations are resolvable in float64 only for separated hidden
 * units (SMOOTH_MIN_SEPARATION, theory/rankGenericity.ts); below that a mismatch is reported as
 * inconclusive, not as a failure.
 */
import { buildProblem, type TeacherStudentProblem } from '../../src/config/buildProblem.js';
import type { ExplicitTwoLayerConfig } from '../../src/config/types.js';
import { layersFromTheta } from '../../src/nets/mlp/index.js';
import { C3_CLAIM } from '../../theory/rankTableClaim.js';
import { SMOOTH_MIN_SEPARATION, unitSeparation } from '../../theory/rankGenericity.js';
import { rankClaim } from '../../theory/rankTable.js';
import { rankTableProperty } from '../definitions/rank.js';
import { applied, notApplicable, partFrom, type ModelCheckResult, type ModelSubject } from './types.js';

const TABLE_ACTIVATIONS = new Set(['relu', 'tanh', 'identity', 'sigmoid', 'softplus', 'erf']);

export function checkC3(s: ModelSubject): ModelCheckResult {
  let config: unknown;
  let how: string;
  if (s.teacherStudent) {
    if (!s.teacherStudent.atOptimum) return notApplicable(C3_CLAIM, 'the rank table describes H(θ*) at the optimum; this configuration is off it');
    config = s.config;
    how = `${s.teacherStudent.family} teacher–student net at θ*`;
  } else {
    const { problem, theta } = s.mlp!;
    const sp = problem.spec;
    const why: string[] = [];
    if (sp.hidden.length !== 1) why.push(`it has ${sp.hidden.length} hidden layers (the table is for one)`);
    if (sp.outputs !== 1) why.push(`it has ${sp.outputs} outputs (the table is for a scalar output)`);
    if (sp.bias) why.push('its layers have biases (the table is for y = Σ_j a_j g(w_j·x))');
    if (!TABLE_ACTIVATIONS.has(sp.activation)) why.push(`the table has no row for ${sp.activation}`);
    if (why.length) return notApplicable(C3_CLAIM, `the rank statements are about two-layer nets y = Σ_j a_j g(w_j·x); here ${why.join('; ')}`);
    const [l1, l2] = layersFromTheta(theta, sp);
    const rows = (w: Float64Array, r: number, c: number) => Array.from({ length: r }, (_, i) => Array.from(w.subarray(i * c, (i + 1) * c)));
    const X = problem.data.X;
    const explicit: ExplicitTwoLayerConfig = { family: 'two-layer', activation: sp.activation as ExplicitTwoLayerConfig['activation'], W: rows(l1.weight, l1.outFeatures, l1.inFeatures), a: Array.from(l2.weight), X: rows(X.data, X.rows, X.cols) };
    config = explicit;
    how = 'a two-layer, bias-free, scalar-output MLP: the rank of its tangent map J (= rank of the Gauss–Newton term of a squared-error loss)';
  }
  const p = buildProblem(config);
  const prediction = rankClaim(p);
  if (prediction.kind === 'no-claim') return notApplicable(C3_CLAIM, `${how}; the rank table makes no claim here: ${prediction.reason}`);
  const part = partFrom(`${rankTableProperty.name}: ${prediction.formula}`, rankTableProperty.check(config as never) as never);
  const sep = separation(p);
  if (part.status === 'fail' && !sep.separated) {
    return applied(C3_CLAIM, `${how}; units not separated enough for float64 to resolve a generic rank (${sep.text}), so a mismatch is not decisive`, [{ ...part, status: 'inconclusive', message: `${part.message} — ${sep.text}` }]);
  }
  return applied(C3_CLAIM, `${how}${sep.separated ? '' : `; note: ${sep.text}`}`, [part]);
}

function separation(p: TeacherStudentProblem): { separated: boolean; text: string } {
  if (!('W' in p.teacherWeights) || p.activation === null) return { separated: true, text: '' };
  const { W } = p.teacherWeights;
  const label = p.activation.label;
  if (label === 'relu') return { separated: true, text: '' }; // rankClaim already refused ReLU without its separation and data
  if (p.activation.polynomial !== null) return { separated: true, text: '' };
  const sep = unitSeparation(W, label === 'erf' || label === 'tanh');
  return { separated: sep >= SMOOTH_MIN_SEPARATION && p.Ni >= 2, text: `unit separation ${sep.toFixed(3)} (the property asserts ≥ ${SMOOTH_MIN_SEPARATION} with Ni ≥ 2; Ni = ${p.Ni})` };
}
