/**
 * Building blocks of the configuration schemas: finite numbers, integer sizes, vectors and
 * rectangular matrices of finite numbers, activation names. Every schema carries a message
 * that says what is expected; the field's fix comes from configFixes.ts.
 *
 * JSON cannot hold NaN or Infinity, and zod 4's z.number() rejects ±Infinity, which is what
 * JSON.parse makes of an overflowing literal such as 1e400 — so "finite" is enforced here.
 */
import { z } from 'zod';
import { MONOMIAL_DEGREES, NAMED_ACTIVATIONS, type ActivationSpec } from '../../nets/activationSpec.js';
import { didYouMean } from './didYouMean.js';

/** Largest size accepted for any dimension; the memory budget usually binds far earlier. */
export const MAX_DIMENSION = 1_000_000;
/** Largest seed (the generator takes 32-bit seeds). */
export const MAX_SEED = 2 ** 32 - 1;

export const finite = z.number({ error: 'must be a finite number' });
export const size = z.number({ error: 'must be an integer' }).int({ error: 'must be an integer' }).min(1, { error: 'must be ≥ 1' }).max(MAX_DIMENSION, { error: `must be ≤ ${MAX_DIMENSION}` });
export const seed = z.number({ error: 'must be an integer' }).int({ error: 'must be an integer' }).min(0, { error: 'must be ≥ 0' }).max(MAX_SEED, { error: `must be ≤ ${MAX_SEED}` });
export const nonNegative = finite.min(0, { error: 'must be ≥ 0' });

export const vector = z.array(finite, { error: 'must be an array of finite numbers' }).min(1, { error: 'must not be empty' });

/** An array of equal-length rows of finite numbers (row-major: rows × cols). */
export const matrix = z
  .array(z.array(finite, { error: 'each row must be an array of finite numbers' }).min(1, { error: 'rows must not be empty' }), { error: 'must be an array of rows (arrays of numbers)' })
  .min(1, { error: 'must have at least one row' })
  .superRefine((rows, ctx) => {
    // zod runs refinements even when a field inside already failed (its value may be [] or null);
    // the shape checks below index into the fields, so they wait until the fields are valid.
    if (ctx.issues.length) return;
    const width = rows[0]?.length ?? 0;
    const bad = rows.findIndex((r) => r.length !== width);
    if (bad >= 0) ctx.addIssue({ code: 'custom', path: [bad], message: `has ${rows[bad].length} entries, expected ${width} like row 0 (rows must have equal length)` });
  });

const NAMES = [...NAMED_ACTIVATIONS, ...MONOMIAL_DEGREES.map((k) => `z^${k}`)];

const polynomial = z.strictObject({
  polynomial: z
    .array(finite, { error: 'polynomial must be an array of coefficients [c0, c1, …, ck]' })
    .min(2, { error: 'polynomial needs at least [c0, c1]' })
    .max(7, { error: 'polynomial degree must be ≤ 6' })
    .refine((c) => c[c.length - 1] !== 0, { error: 'the leading coefficient ck must be nonzero (drop trailing zeros)' }),
});

/** "identity" | "linear" | "erf" | "tanh" | "relu" | "sigmoid" | "softplus" | "z^k" (k = 2..6) | {"polynomial": [c0, …, ck]}. */
export const activation = z.union([z.string(), z.looseObject({})]).superRefine((v, ctx) => {
  if (typeof v === 'string') {
    if (!NAMES.includes(v)) ctx.addIssue({ code: 'custom', message: `must be one of ${NAMES.join(', ')} or {"polynomial": [c0, …, ck]}, got ${JSON.stringify(v).slice(0, 40)}${didYouMean(v, NAMES)}` });
    return;
  }
  const r = polynomial.safeParse(v);
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', path: issue.path as (string | number)[], message: issue.code === 'unrecognized_keys' ? `only "polynomial" may be given in an activation object` : issue.message });
}) as unknown as z.ZodType<ActivationSpec>;

export const ACTIVATION_NAMES: readonly string[] = NAMES;
