/**
 * Turns a configuration (explicit values or a generated draw) into a validated
 * teacher–student problem: the model, inputs X, the teacher θ*, the targets y_θ*(X),
 * and the point θ at which the Hessian is evaluated.
 *
 * Random draws come from one seeded generator split by purpose ('teacher', 'data',
 * 'student'), so changing one never changes the others.
 *
 * Building is O(N·P) time and O(N·Ni + P) memory: a generated configuration's sizes are checked
 * against the memory budget BEFORE anything is drawn (generatedBytes); routes that hold whole
 * matrices check their own, larger needs where they are taken (memoryBudget.ts).
 */
import { ConfigError } from './configError.js';
import { assertFits } from './memoryBudget.js';
import { GENERATED_DEFAULTS, type Config } from './types.js';
import { optionalBoolean, optionalNumber, requireInteger, requireMatrix, requireObject, requireVector } from './validate.js';
import { cholesky, solveRightLowerTranspose } from '../linalg/cholesky.js';
import { gramAtA, norm2, type Matrix } from '../linalg/matrix.js';
import { resolveActivation, type Activation } from '../nets/activation.js';
import { deepLinearModel, packLayers } from '../nets/deepLinear.js';
import type { Family, Model } from '../nets/model.js';
import { packTwoLayer, twoLayerModel } from '../nets/twoLayer.js';
import { Rng } from '../rng/rng.js';
import type { LeastSquaresProblem } from '../hessian/problem.js';

export interface TeacherStudentProblem extends LeastSquaresProblem {
  readonly family: Family;
  /** θ*: the teacher, the optimum. */
  readonly teacher: Float64Array;
  /** The point where the Hessian is evaluated (the teacher unless a student is given). */
  readonly theta: Float64Array;
  readonly atOptimum: boolean;
  /** The activation (two-layer); null for deep linear networks. */
  readonly activation: Activation | null;
  readonly Ni: number;
  readonly N: number;
  /** Hidden width (two-layer); null for deep linear networks. */
  readonly Nh: number | null;
  /** Layer widths [Ni, n1, …, 1] (deep linear); null for two-layer. */
  readonly widths: readonly number[] | null;
  /** Teacher weights as matrices, for theory modules: two-layer W (Nh×Ni) and a; deep linear layers. */
  readonly teacherWeights: { W: Matrix; a: Float64Array } | { layers: Matrix[] };
}

const MAX_DIM = 1_000_000;

export function buildProblem(raw: unknown): TeacherStudentProblem {
  const cfg = requireObject(raw, 'config');
  const family = cfg.family;
  if (family !== 'two-layer' && family !== 'deep-linear') {
    throw new ConfigError('family', `must be "two-layer" or "deep-linear", got ${JSON.stringify(family)}`, 'set "family" to one of them');
  }
  const generated = 'seed' in cfg || 'Ni' in cfg;
  if (generated) return family === 'two-layer' ? generatedTwoLayer(cfg) : generatedDeepLinear(cfg);
  return family === 'two-layer' ? explicitTwoLayer(cfg) : explicitDeepLinear(cfg);
}

function finish(
  family: Family,
  model: Model,
  X: Matrix,
  teacher: Float64Array,
  theta: Float64Array,
  activation: Activation | null,
  Nh: number | null,
  widths: readonly number[] | null,
  teacherWeights: TeacherStudentProblem['teacherWeights'],
): TeacherStudentProblem {
  const targets = model.outputs(teacher, X);
  const atOptimum = theta.every((v, i) => v === teacher[i]);
  return { family, model, X, targets, teacher, theta, atOptimum, activation, Ni: X.cols, N: X.rows, Nh, widths, teacherWeights };
}

function explicitTwoLayer(cfg: Record<string, unknown>): TeacherStudentProblem {
  const activation = resolveActivation(cfg.activation ?? missing('activation', 'e.g. "tanh"'));
  const W = requireMatrix(cfg.W ?? missing('W', 'give W as Nh rows of Ni numbers'), 'W');
  const a = requireVector(cfg.a ?? missing('a', 'give a as Nh numbers'), 'a', W.rows);
  const X = requireMatrix(cfg.X ?? missing('X', 'give X as N rows of Ni numbers'), 'X', undefined, W.cols);
  const shape = { Ni: W.cols, Nh: W.rows };
  const teacher = packTwoLayer(W, a);
  let theta = teacher;
  if (cfg.student !== undefined) {
    const s = requireObject(cfg.student, 'student');
    const sW = requireMatrix(s.W ?? missing('student.W', 'give the student W with the teacher’s shape'), 'student.W', W.rows, W.cols);
    const sa = requireVector(s.a ?? missing('student.a', 'give the student a with the teacher’s length'), 'student.a', a.length);
    theta = packTwoLayer(sW, sa);
  }
  return finish('two-layer', twoLayerModel(shape, activation), X, teacher, theta, activation, W.rows, null, { W, a });
}

function explicitDeepLinear(cfg: Record<string, unknown>): TeacherStudentProblem {
  if (cfg.activation !== undefined && cfg.activation !== 'identity' && cfg.activation !== 'linear') {
    throw new ConfigError('activation', `deep-linear networks are linear, got ${JSON.stringify(cfg.activation)}`, 'omit "activation" for deep-linear');
  }
  const layers = requireLayers(cfg.layers ?? missing('layers', 'give [W1, ..., WL], the last with one row'), 'layers');
  const widths = [layers[0].cols, ...layers.map((m) => m.rows)];
  const X = requireMatrix(cfg.X ?? missing('X', 'give X as N rows of Ni numbers'), 'X', undefined, widths[0]);
  const teacher = packLayers(layers);
  let theta = teacher;
  if (cfg.student !== undefined) {
    const s = requireObject(cfg.student, 'student');
    const sl = requireLayers(s.layers ?? missing('student.layers', 'give student layers with the teacher’s shapes'), 'student.layers', widths);
    theta = packLayers(sl);
  }
  return finish('deep-linear', deepLinearModel(widths), X, teacher, theta, null, null, widths, { layers });
}

function requireLayers(value: unknown, field: string, widths?: readonly number[]): Matrix[] {
  if (!Array.isArray(value) || value.length < 2) {
    throw new ConfigError(field, `must be an array of at least 2 weight matrices, got ${Array.isArray(value) ? value.length : typeof value}`, 'a deep linear network has L ≥ 2 layers');
  }
  if (widths && value.length !== widths.length - 1) {
    throw new ConfigError(field, `has ${value.length} layers, expected ${widths.length - 1}`, 'match the teacher’s layers');
  }
  const layers: Matrix[] = [];
  value.forEach((m, l) => {
    const rows = widths ? widths[l + 1] : l === value.length - 1 ? 1 : undefined;
    const cols = widths ? widths[l] : l === 0 ? undefined : layers[l - 1].rows;
    layers.push(requireMatrix(m, `${field}[${l}]`, rows, cols));
  });
  if (layers[layers.length - 1].rows !== 1) {
    throw new ConfigError(`${field}[${layers.length - 1}]`, `has ${layers[layers.length - 1].rows} rows`, 'the last layer must have exactly one row (scalar output)');
  }
  return layers;
}

interface Draw {
  Ni: number;
  Nh: number;
  N: number;
  rng: Rng;
  sigma1: number;
  sigma2: number;
  whiten: boolean;
  studentOffset: number;
}

/**
 * Bytes a generated problem holds while it is built: X (N×Ni, twice while whitening), the
 * teacher and the student (P each), targets (N), and for deep nets every layer (≤ depth·Nh·max(Ni, Nh)).
 */
export function generatedBytes(Ni: number, Nh: number, N: number, depth = 2): number {
  const P = depth === 2 ? Nh * Ni + Nh : Nh * Ni + (depth - 2) * Nh * Nh + Nh;
  return 8 * (2 * N * Ni + 3 * P + 2 * N);
}

function readDraw(cfg: Record<string, unknown>): Draw {
  const Ni = requireInteger(cfg.Ni, 'Ni', 1, MAX_DIM);
  const Nh = requireInteger(cfg.Nh, 'Nh', 1, MAX_DIM);
  const N = requireInteger(cfg.N, 'N', 1, MAX_DIM);
  const depth = cfg.family === 'deep-linear' ? requireInteger(cfg.depth ?? GENERATED_DEFAULTS.depth, 'depth', 2, 64) : 2;
  assertFits(generatedBytes(Ni, Nh, N, depth), `drawing a problem with Ni = ${Ni}, Nh = ${Nh}, N = ${N}`, 'N', 'use smaller Ni, Nh or N');
  const seed = requireInteger(cfg.seed, 'seed', 0);
  const whiten = optionalBoolean(cfg.whiten, 'whiten', GENERATED_DEFAULTS.whiten);
  if (whiten && N < Ni) throw new ConfigError('whiten', `needs N ≥ Ni to make XᵀX/N = I, got N = ${N} < Ni = ${Ni}`, 'raise N or set "whiten": false');
  return {
    Ni,
    Nh,
    N,
    rng: Rng.fromSeed(seed),
    sigma1: optionalNumber(cfg.sigma1, 'sigma1', GENERATED_DEFAULTS.sigma1, 0),
    sigma2: optionalNumber(cfg.sigma2, 'sigma2', GENERATED_DEFAULTS.sigma2, 0),
    whiten,
    studentOffset: optionalNumber(cfg.studentOffset, 'studentOffset', GENERATED_DEFAULTS.studentOffset, 0),
  };
}

/** Inputs x_n ~ N(0, I_Ni), optionally whitened to XᵀX/N = I exactly (X ← X L⁻ᵀ, C = LLᵀ). */
export function drawInputs(rng: Rng, N: number, Ni: number, whiten: boolean): Matrix {
  const X: Matrix = { rows: N, cols: Ni, data: rng.normals(N * Ni) };
  if (!whiten) return X;
  return solveRightLowerTranspose(X, cholesky(gramAtA(X, 1 / N)));
}

function studentPoint(d: Draw, teacher: Float64Array): Float64Array {
  if (d.studentOffset === 0) return teacher;
  const u = d.rng.split('student').normals(teacher.length);
  const s = d.studentOffset / norm2(u);
  return teacher.map((v, i) => v + s * u[i]);
}

function generatedTwoLayer(cfg: Record<string, unknown>): TeacherStudentProblem {
  const d = readDraw(cfg);
  const activation = resolveActivation(cfg.activation ?? missing('activation', 'e.g. "tanh"'));
  const t = d.rng.split('teacher');
  const W: Matrix = { rows: d.Nh, cols: d.Ni, data: t.normals(d.Nh * d.Ni, d.sigma1) };
  const a = t.normals(d.Nh, d.sigma2);
  applyDegeneracies(cfg, W, a);
  const X = drawInputs(d.rng.split('data'), d.N, d.Ni, d.whiten);
  const teacher = packTwoLayer(W, a);
  return finish('two-layer', twoLayerModel({ Ni: d.Ni, Nh: d.Nh }, activation), X, teacher, studentPoint(d, teacher), activation, d.Nh, null, { W, a });
}

function generatedDeepLinear(cfg: Record<string, unknown>): TeacherStudentProblem {
  const d = readDraw(cfg);
  if (cfg.activation !== undefined && cfg.activation !== 'identity' && cfg.activation !== 'linear') {
    throw new ConfigError('activation', `deep-linear networks are linear, got ${JSON.stringify(cfg.activation)}`, 'omit "activation" for deep-linear');
  }
  const depth = requireInteger(cfg.depth ?? GENERATED_DEFAULTS.depth, 'depth', 2, 64);
  const widths = [d.Ni, ...new Array<number>(depth - 1).fill(d.Nh), 1];
  const t = d.rng.split('teacher');
  const layers: Matrix[] = [];
  for (let l = 1; l < widths.length; l++) {
    const sd = l === widths.length - 1 ? d.sigma2 : d.sigma1;
    layers.push({ rows: widths[l], cols: widths[l - 1], data: t.normals(widths[l] * widths[l - 1], sd) });
  }
  const X = drawInputs(d.rng.split('data'), d.N, d.Ni, d.whiten);
  const teacher = packLayers(layers);
  return finish('deep-linear', deepLinearModel(widths), X, teacher, studentPoint(d, teacher), null, null, widths, { layers });
}

/**
 * Degenerate-teacher edits applied to a drawn two-layer teacher (docs/theory.md#c3), in this
 * order, each list in its own order, every edit reading the W left by the ones before it:
 *  - zeroOutputWeights [j, …]:       a_j = 0;
 *  - duplicateUnits [[from, to], …]: w_to = w_from (exact copy; a_to kept);
 *  - reflectUnits [[from, to], …]:   w_to = −w_from (exact; a_to kept);
 *  - scaleUnits [[from, to, c], …]:  w_to = c·w_from, c finite and ≠ 0 (each entry rounded once).
 */
function applyDegeneracies(cfg: Record<string, unknown>, W: Matrix, a: Float64Array): void {
  const Nh = W.rows;
  const unit = (v: unknown, field: string) => requireInteger(v, field, 0, Nh - 1);
  if (cfg.zeroOutputWeights !== undefined) {
    if (!Array.isArray(cfg.zeroOutputWeights)) throw new ConfigError('zeroOutputWeights', 'must be an array of hidden-unit indices', `give indices in [0, ${Nh - 1}]`);
    cfg.zeroOutputWeights.forEach((j, i) => {
      a[unit(j, `zeroOutputWeights[${i}]`)] = 0;
    });
  }
  const row = (j: number) => W.data.subarray(j * W.cols, (j + 1) * W.cols);
  const pairs = (field: string, what: string, edit: (from: number, to: number) => void) => {
    const list = cfg[field];
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new ConfigError(field, 'must be an array of [from, to] pairs', `give pairs of indices in [0, ${Nh - 1}]: ${what}`);
    list.forEach((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw new ConfigError(`${field}[${i}]`, 'must be a pair [from, to]', 'give two hidden-unit indices');
      edit(unit(pair[0], `${field}[${i}][0]`), unit(pair[1], `${field}[${i}][1]`));
    });
  };
  pairs('duplicateUnits', 'unit "to" gets w_from', (from, to) => W.data.copyWithin(to * W.cols, from * W.cols, (from + 1) * W.cols));
  pairs('reflectUnits', 'unit "to" gets −w_from', (from, to) => {
    const src = Float64Array.from(row(from));
    row(to).set(src.map((v) => -v));
  });
  if (cfg.scaleUnits !== undefined) {
    if (!Array.isArray(cfg.scaleUnits)) throw new ConfigError('scaleUnits', 'must be an array of [from, to, c] triples', `give triples [from, to, c] with indices in [0, ${Nh - 1}] and c ≠ 0`);
    cfg.scaleUnits.forEach((t, i) => {
      if (!Array.isArray(t) || t.length !== 3) throw new ConfigError(`scaleUnits[${i}]`, 'must be a triple [from, to, c]', 'give two hidden-unit indices and a finite factor c ≠ 0');
      const from = unit(t[0], `scaleUnits[${i}][0]`);
      const to = unit(t[1], `scaleUnits[${i}][1]`);
      const c = t[2];
      if (typeof c !== 'number' || !Number.isFinite(c) || c === 0) throw new ConfigError(`scaleUnits[${i}][2]`, `must be a finite number ≠ 0, got ${JSON.stringify(c)}`, 'give the factor c of w_to = c·w_from (c = 0 would make a zero row, not a rescaled unit)');
      const src = Float64Array.from(row(from));
      row(to).set(src.map((v) => c * v));
    });
  }
}

function missing(field: string, fix: string): never {
  throw new ConfigError(field, 'is missing', fix);
}
