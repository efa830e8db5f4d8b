/**
 * What `conform` writes (conform.json, and stdout with --json), declared once as a zod schema:
 * the HTML page is rendered from it alone, and tests read it back through it.
 *
 *   { format, generatedAt, subject: {command, name, dtype, ops, families, activations,
 *     relativeTolerance, ignored}, settings: {seed, runs, ops, families, timeoutSeconds, path},
 *     verdict: "pass" | "fail", seconds,
 *     ops: { <op>: { cases, failed, worstRatio, draws: [{family, P, ratio}], skipped } },
 *     counterexample: null | { op, kind, model, v, k, error, tolerance, ratio, at, expected, got,
 *                              message, size, seed, path, shrinks, replay } }
 *
 * worstRatio is the largest error ÷ tolerance over the answers that were numbers; an answer that
 * was not (an {"error"}, a wrong length) counts in `failed` with ratio null.
 */
import { z } from 'zod';
import { DTYPES, OPS } from '../protocol/vocabulary.js';

export const CONFORM_FORMAT_VERSION = 1;

const opEnum = z.enum(OPS);

export const DrawRecordSchema = z.strictObject({ family: z.string(), P: z.number().int().positive(), ratio: z.number().nonnegative().nullable() });
export type DrawRecord = z.infer<typeof DrawRecordSchema>;

export const OpRecordSchema = z.strictObject({
  cases: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  worstRatio: z.number().nonnegative().nullable(),
  draws: z.array(DrawRecordSchema),
  /** Why the op was not run to the end (the subject failed earlier), or null. */
  skipped: z.string().nullable(),
});
export type OpRecord = z.infer<typeof OpRecordSchema>;

export const CounterexampleSchema = z.strictObject({
  op: z.enum([...OPS, 'describe']),
  /** wrong-answer: a number off by more than its tolerance, or an unusable answer in step; the rest: the subject stopped speaking the protocol. */
  kind: z.enum(['wrong-answer', 'crash', 'timeout', 'protocol', 'oversize']),
  model: z.unknown().nullable(),
  v: z.array(z.number()).nullable(),
  k: z.number().int().nullable(),
  error: z.number().nullable(),
  tolerance: z.number().nullable(),
  ratio: z.number().nullable(),
  at: z.string().nullable(),
  expected: z.number().nullable(),
  got: z.number().nullable(),
  message: z.string(),
  /** e.g. "two-layer, tanh, Ni = 1, Nh = 1, N = 2, P = 2". */
  size: z.string().nullable(),
  seed: z.number().int().nullable(),
  path: z.string().nullable(),
  shrinks: z.number().int().nonnegative(),
  replay: z.string(),
});
export type Counterexample = z.infer<typeof CounterexampleSchema>;

export const ConformResultSchema = z.strictObject({
  format: z.literal(CONFORM_FORMAT_VERSION),
  generatedAt: z.string(),
  subject: z.strictObject({
    command: z.string(),
    name: z.string().nullable(),
    dtype: z.enum(DTYPES).nullable(),
    ops: z.array(z.string()),
    families: z.array(z.string()),
    activations: z.array(z.string()),
    relativeTolerance: z.number().nullable(),
    /** Declared names the suite does not know (ignored). */
    ignored: z.array(z.string()),
  }),
  settings: z.strictObject({
    seed: z.number().int().nonnegative(),
    runs: z.number().int().positive(),
    ops: z.array(opEnum),
    families: z.array(z.string()),
    timeoutSeconds: z.number().positive(),
    path: z.string().nullable(),
  }),
  verdict: z.enum(['pass', 'fail']),
  seconds: z.number().nonnegative(),
  ops: z.partialRecord(opEnum, OpRecordSchema),
  counterexample: CounterexampleSchema.nullable(),
});
export type ConformResult = z.infer<typeof ConformResultSchema>;
