/**
 * The subject protocol's messages (docs/protocol.md), as zod schemas. One JSON object per line
 * each way, answered in order:
 *
 *   {"id": 0, "op": "describe"}                         → {"id": 0, "name", "dtype", "ops", "families", "activations", "relativeTolerance"?}
 *   {"id": n, "op": "hessian", "model": M}              → {"id": n, "hessian": [[…]]}   P×P
 *   {"id": n, "op": "hvp", "model": M, "v": […]}        → {"id": n, "hvp": […]}         P
 *   {"id": n, "op": "top-eigenvalues", "model": M, "k"} → {"id": n, "eigenvalues": […]} k, descending
 *   any request                                          → {"id": n, "error": "…"}
 *
 * Requests are the suite's own (the schemas document them and let JavaScript subjects parse
 * them); answers come from another program and are adversarial — parseAnswer.ts holds them to
 * these schemas and to the sizes the request implies. Unknown keys in an answer are ignored
 * (a subject may add timings); unknown op, family and activation names in a describe answer are
 * kept apart and reported, not fatal.
 */
import { z } from 'zod';
import { ModelSchema } from './modelSchemas.js';
import { DTYPES, MAX_LIST_ENTRIES, MAX_TEXT_CHARS } from './vocabulary.js';

const id = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const DescribeRequestSchema = z.strictObject({ id, op: z.literal('describe') });
export const HessianRequestSchema = z.strictObject({ id, op: z.literal('hessian'), model: ModelSchema });
export const HvpRequestSchema = z.strictObject({ id, op: z.literal('hvp'), model: ModelSchema, v: z.array(finite).min(1) });
export const TopEigenvaluesRequestSchema = z.strictObject({ id, op: z.literal('top-eigenvalues'), model: ModelSchema, k: z.number().int().min(1) });
export const RequestSchema = z.discriminatedUnion('op', [DescribeRequestSchema, HessianRequestSchema, HvpRequestSchema, TopEigenvaluesRequestSchema]);
export type Request = z.infer<typeof RequestSchema>;
export type ComputeRequest = Exclude<Request, { op: 'describe' }>;

const text = z.string().transform((s) => (s.length > MAX_TEXT_CHARS ? `${s.slice(0, MAX_TEXT_CHARS - 1)}…` : s));
const names = z.array(z.string().max(MAX_TEXT_CHARS)).max(MAX_LIST_ENTRIES);

export const DescribeAnswerSchema = z.object({
  id,
  name: text,
  dtype: z.enum(DTYPES),
  ops: names,
  families: names,
  activations: names,
  /** For iterative methods that promise less than rounding accuracy: |error| ≤ relativeTolerance·scale is added to every tolerance. */
  relativeTolerance: z.number().min(0).lt(1).optional(),
});
export type DescribeAnswer = z.infer<typeof DescribeAnswerSchema>;

export const ErrorAnswerSchema = z.object({ id, error: text });

export const HessianAnswerSchema = z.object({ id, hessian: z.array(z.array(finite)) });
export const HvpAnswerSchema = z.object({ id, hvp: z.array(finite) });
export const EigenvaluesAnswerSchema = z.object({ id, eigenvalues: z.array(finite) });
