/**
 * Schemas of the teacher–student configurations (README "Configurations"; theory in
 * docs/theory.md#setting). Two families, each in two forms that do not mix:
 *
 *  - explicit two-layer: {"family": "two-layer", "activation", "W": Nh×Ni, "a": Nh, "X": N×Ni,
 *    "student"?: {"W", "a"}}
 *  - generated two-layer: {"family": "two-layer", "activation", "Ni", "Nh", "N", "seed",
 *    "sigma1"?, "sigma2"?, "whiten"?, "studentOffset"?, "zeroOutputWeights"?, "duplicateUnits"?, "reflectUnits"?, "scaleUnits"?}
 *    (degenerate teachers, applied in that order: a_j = 0; w_to = w_from; w_to = −w_from; w_to = c·w_from)
 *  - explicit deep linear: {"family": "deep-linear", "layers": [W1 … WL], "X", "student"?: {"layers"}}
 *  - generated deep linear: {"family": "deep-linear", "Ni", "Nh", "N", "seed", "depth"?, "sigma1"?,
 *    "sigma2"?, "whiten"?, "studentOffset"?}
 *
 * W is Nh × Ni (row j is hidden unit j's input weights w_j); θ = (W row-major, then a).
 * sigma1, sigma2 are STANDARD DEVIATIONS: W_jk ~ N(0, sigma1²), a_j ~ N(0, sigma2²).
 * Cross-field rules (shapes that must chain, N ≥ Ni for whitening, unit indices < Nh) are part of
 * the schemas, so a parsed configuration is consistent.
 */
import { z } from 'zod';
import { activation, finite, matrix, nonNegative, seed, size, vector } from './fieldSchemas.js';

/** Optional "$schema" so editors can validate against schema/config.schema.json. */
const schemaRef = { $schema: z.string().optional() };

const generatedCommon = {
  ...schemaRef,
  Ni: size,
  Nh: size,
  N: size,
  seed,
  sigma1: nonNegative.optional(),
  sigma2: nonNegative.optional(),
  whiten: z.boolean({ error: 'must be true or false' }).optional(),
  studentOffset: nonNegative.optional(),
};

const unitIndex = z.number({ error: 'must be a hidden-unit index' }).int({ error: 'must be an integer index' }).min(0, { error: 'must be ≥ 0' });

export const GeneratedTwoLayerSchema = z
  .strictObject({
    family: z.literal('two-layer'),
    activation,
    ...generatedCommon,
    zeroOutputWeights: z.array(unitIndex).optional(),
    duplicateUnits: z.array(z.tuple([unitIndex, unitIndex], { error: 'each entry must be a pair [from, to]' })).optional(),
    reflectUnits: z.array(z.tuple([unitIndex, unitIndex], { error: 'each entry must be a pair [from, to]' })).optional(),
    scaleUnits: z.array(z.tuple([unitIndex, unitIndex, finite.refine((c) => c !== 0, { error: 'must be ≠ 0 (c = 0 would make a zero row, not a rescaled unit)' })], { error: 'each entry must be a triple [from, to, c]' })).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.whiten && c.N < c.Ni) ctx.addIssue({ code: 'custom', path: ['whiten'], message: `needs N ≥ Ni to make XᵀX/N = I, got N = ${c.N} < Ni = ${c.Ni}` });
    c.zeroOutputWeights?.forEach((j, i) => {
      if (j >= c.Nh) ctx.addIssue({ code: 'custom', path: ['zeroOutputWeights', i], message: `is ${j}, but hidden units are 0…${c.Nh - 1}` });
    });
    for (const field of ['duplicateUnits', 'reflectUnits', 'scaleUnits'] as const) {
      c[field]?.forEach((p, i) =>
        [p[0], p[1]].forEach((j, k) => {
          if (j >= c.Nh) ctx.addIssue({ code: 'custom', path: [field, i, k], message: `is ${j}, but hidden units are 0…${c.Nh - 1}` });
        }),
      );
    }
  });

export const GeneratedDeepLinearSchema = z
  .strictObject({
    family: z.literal('deep-linear'),
    ...generatedCommon,
    depth: z.number({ error: 'must be an integer' }).int({ error: 'must be an integer' }).min(2, { error: 'must be ≥ 2 (a deep linear net has L ≥ 2 layers)' }).max(64, { error: 'must be ≤ 64' }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.whiten && c.N < c.Ni) ctx.addIssue({ code: 'custom', path: ['whiten'], message: `needs N ≥ Ni to make XᵀX/N = I, got N = ${c.N} < Ni = ${c.Ni}` });
  });

export const ExplicitTwoLayerSchema = z
  .strictObject({
    ...schemaRef,
    family: z.literal('two-layer'),
    activation,
    W: matrix,
    a: vector,
    X: matrix,
    student: z.strictObject({ W: matrix, a: vector }).optional(),
  })
  .superRefine((c, ctx) => {
    // zod runs refinements even when a field inside already failed (its value may be [] or null);
    // the shape checks below index into the fields, so they wait until the fields are valid.
    if (ctx.issues.length) return;
    const Nh = c.W.length;
    const Ni = c.W[0].length;
    if (c.a.length !== Nh) ctx.addIssue({ code: 'custom', path: ['a'], message: `has ${c.a.length} entries, but W has ${Nh} rows (one output weight per hidden unit)` });
    if (c.X[0].length !== Ni) ctx.addIssue({ code: 'custom', path: ['X', 0], message: `has ${c.X[0].length} entries, but W has ${Ni} columns (inputs); W is Nh × Ni, X is N × Ni` });
    if (c.student) {
      if (c.student.W.length !== Nh || c.student.W[0].length !== Ni) ctx.addIssue({ code: 'custom', path: ['student', 'W'], message: `is ${c.student.W.length}×${c.student.W[0].length}, but the teacher's W is ${Nh}×${Ni}` });
      if (c.student.a.length !== Nh) ctx.addIssue({ code: 'custom', path: ['student', 'a'], message: `has ${c.student.a.length} entries, expected ${Nh}` });
    }
  });

export const ExplicitDeepLinearSchema = z
  .strictObject({
    ...schemaRef,
    family: z.literal('deep-linear'),
    layers: z.array(matrix).min(2, { error: 'must hold at least 2 weight matrices (a deep linear net has L ≥ 2 layers)' }),
    X: matrix,
    student: z.strictObject({ layers: z.array(matrix) }).optional(),
  })
  .superRefine((c, ctx) => {
    // zod runs refinements even when a field inside already failed (its value may be [] or null);
    // the shape checks below index into the fields, so they wait until the fields are valid.
    if (ctx.issues.length) return;
    const widths = [c.layers[0][0].length, ...c.layers.map((m) => m.length)];
    c.layers.forEach((m, l) => {
      if (l > 0 && m[0].length !== widths[l]) ctx.addIssue({ code: 'custom', path: ['layers', l, 0], message: `has ${m[0].length} columns, but layer ${l - 1} has ${widths[l]} rows (W_${l + 1} must take W_${l}'s outputs)` });
    });
    const last = c.layers[c.layers.length - 1];
    if (last.length !== 1) ctx.addIssue({ code: 'custom', path: ['layers', c.layers.length - 1], message: `has ${last.length} rows; the last layer must have exactly one row (scalar output)` });
    if (c.X[0].length !== widths[0]) ctx.addIssue({ code: 'custom', path: ['X', 0], message: `has ${c.X[0].length} entries, but layers[0] has ${widths[0]} columns (inputs)` });
    if (c.student) {
      if (c.student.layers.length !== c.layers.length) ctx.addIssue({ code: 'custom', path: ['student', 'layers'], message: `has ${c.student.layers.length} layers, expected ${c.layers.length} like the teacher` });
      else
        c.student.layers.forEach((m, l) => {
          if (m.length !== c.layers[l].length || m[0].length !== c.layers[l][0].length) ctx.addIssue({ code: 'custom', path: ['student', 'layers', l], message: `is ${m.length}×${m[0].length}, expected ${c.layers[l].length}×${c.layers[l][0].length} like the teacher` });
        });
    }
  });

export type GeneratedTwoLayerConfig = z.infer<typeof GeneratedTwoLayerSchema>;
export type GeneratedDeepLinearConfig = z.infer<typeof GeneratedDeepLinearSchema>;
export type ExplicitTwoLayerConfig = z.infer<typeof ExplicitTwoLayerSchema>;
export type ExplicitDeepLinearConfig = z.infer<typeof ExplicitDeepLinearSchema>;

/** Fields that make a configuration "generated" and "explicit" (they must not mix). */
export const GENERATED_KEYS = ['Ni', 'Nh', 'N', 'seed', 'sigma1', 'sigma2', 'whiten', 'studentOffset', 'depth', 'zeroOutputWeights', 'duplicateUnits', 'reflectUnits', 'scaleUnits'] as const;
export const EXPLICIT_KEYS = ['W', 'a', 'X', 'layers', 'student'] as const;

export { finite };
