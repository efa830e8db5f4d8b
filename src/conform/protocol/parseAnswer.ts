/**
 * One answer line from a subject, held to the protocol: valid JSON, an object, the id of the
 * request it answers, and the shape that request implies (P×P for a Hessian, P for an H·v, k
 * for eigenvalues, all finite numbers). Sizes are known before the line is read
 * (process/subjectProcess.ts caps the line's bytes accordingly), so nothing here allocates
 * beyond the line itself.
 *
 * Out of step (SubjectFailure 'protocol', ends the run): not JSON, not an object, a wrong id.
 * In step but wrong (a failing case that shrinks): {"error": …}, a missing field, a wrong
 * length, non-numbers, NaN or Infinity (Python's json writes them; JSON has no such tokens).
 */
import type { z } from 'zod';
import { brief, oneLine, quote } from '../../formats/formatError.js';
import { DescribeAnswerSchema, EigenvaluesAnswerSchema, ErrorAnswerSchema, HessianAnswerSchema, HvpAnswerSchema, type DescribeAnswer } from './messages.js';
import { SubjectFailure } from './subjectFailure.js';
import type { Op } from './vocabulary.js';

/** What a compute request expects back. */
export interface Expectation {
  readonly id: number;
  readonly op: Op;
  /** Number of parameters P (hessian, hvp). */
  readonly P: number;
  /** Eigenvalues asked for (top-eigenvalues). */
  readonly k?: number;
}

export type ComputeAnswer =
  | { readonly kind: 'values'; readonly values: Float64Array }
  /** The subject answered, in step, but not with a usable result: its {"error"} or a malformed result. */
  | { readonly kind: 'wrong'; readonly message: string };

/** JSON text with NaN/Infinity tokens outside strings (what Python's json.dumps writes for non-finite floats). */
const NON_FINITE_TOKEN = /(?<=[[,:]\s*)-?(?:NaN|Infinity)(?=\s*[\],}])/;
const NON_FINITE_TOKENS = new RegExp(NON_FINITE_TOKEN.source, 'g');

function parseJson(line: string, what: string): { data: unknown; nonFinite: boolean } {
  try {
    return { data: JSON.parse(line), nonFinite: false };
  } catch (e) {
    if (NON_FINITE_TOKEN.test(line)) {
      try {
        return { data: JSON.parse(line.replace(NON_FINITE_TOKENS, 'null')), nonFinite: true };
      } catch {
        // fall through to the plain message
      }
    }
    throw new SubjectFailure('protocol', `${what} is not JSON (${oneLine(e instanceof Error ? e.message : String(e))}): ${quote(line)}; a subject writes exactly one JSON object per line on stdout (logs go to stderr)`);
  }
}

function checkObjectAndId(data: unknown, expectedId: number, what: string, line: string): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new SubjectFailure('protocol', `${what} is not a JSON object: ${quote(line)}`);
  const obj = data as Record<string, unknown>;
  if (obj.id !== expectedId) {
    throw new SubjectFailure('protocol', `${what} has id ${brief(obj.id)}, expected ${expectedId}; answers come one per request, in order, each with its request's id`);
  }
  return obj;
}

function issue(error: z.ZodError): string {
  const i = error.issues[0];
  const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${path.replace(/^\./, '') || 'answer'}: ${i.message}`;
}

/** The describe answer (id 0 by convention, but any id the request used). */
export function parseDescribeAnswer(line: string, expectedId: number): DescribeAnswer {
  const what = 'the answer to describe';
  const { data, nonFinite } = parseJson(line, what);
  const obj = checkObjectAndId(data, expectedId, what, line);
  if (typeof obj.error === 'string') throw new SubjectFailure('protocol', `the subject answered describe with an error: ${quote(obj.error)}`);
  if (nonFinite) throw new SubjectFailure('protocol', `${what} holds NaN or Infinity: ${quote(line)}`);
  const parsed = DescribeAnswerSchema.safeParse(obj);
  if (!parsed.success) throw new SubjectFailure('protocol', `${what} does not match the protocol: ${issue(parsed.error)} (see docs/protocol.md: {"id", "name", "dtype": "float64"|"float32", "ops", "families", "activations"})`);
  return parsed.data;
}

function flatten(rows: number[][], P: number): Float64Array | string {
  if (rows.length !== P) return `hessian has ${rows.length} rows, expected P = ${P}`;
  const out = new Float64Array(P * P);
  for (let i = 0; i < P; i++) {
    if (rows[i].length !== P) return `hessian row ${i} has ${rows[i].length} entries, expected P = ${P}`;
    out.set(rows[i], i * P);
  }
  return out;
}

/** A compute answer: values of the expected size, or why they are wrong. */
export function parseComputeAnswer(line: string, expect: Expectation): ComputeAnswer {
  const what = `the answer to request ${expect.id} (${expect.op})`;
  const { data, nonFinite } = parseJson(line, what);
  const obj = checkObjectAndId(data, expect.id, what, line);
  const err = ErrorAnswerSchema.safeParse(obj);
  if (err.success) return { kind: 'wrong', message: `the subject answered with an error: ${quote(err.data.error)}` };
  if (nonFinite) return { kind: 'wrong', message: 'the answer holds NaN or Infinity (non-finite values)' };
  if (expect.op === 'hessian') {
    const r = HessianAnswerSchema.safeParse(obj);
    if (!r.success) return { kind: 'wrong', message: `malformed hessian answer: ${issue(r.error)}` };
    const flat = flatten(r.data.hessian, expect.P);
    return typeof flat === 'string' ? { kind: 'wrong', message: flat } : { kind: 'values', values: flat };
  }
  if (expect.op === 'hvp') {
    const r = HvpAnswerSchema.safeParse(obj);
    if (!r.success) return { kind: 'wrong', message: `malformed hvp answer: ${issue(r.error)}` };
    if (r.data.hvp.length !== expect.P) return { kind: 'wrong', message: `hvp has ${r.data.hvp.length} entries, expected P = ${expect.P}` };
    return { kind: 'values', values: Float64Array.from(r.data.hvp) };
  }
  const r = EigenvaluesAnswerSchema.safeParse(obj);
  if (!r.success) return { kind: 'wrong', message: `malformed top-eigenvalues answer: ${issue(r.error)}` };
  if (r.data.eigenvalues.length !== expect.k) return { kind: 'wrong', message: `eigenvalues has ${r.data.eigenvalues.length} entries, expected k = ${expect.k}` };
  return { kind: 'values', values: Float64Array.from(r.data.eigenvalues) };
}

/**
 * Bytes an answer line may take: every number written with 17 significant digits, an exponent
 * and a separator is under 32 bytes; the rest (keys, brackets, a few extra fields) is under
 * ANSWER_OVERHEAD_BYTES. A subject that writes more is not answering this request.
 */
export const BYTES_PER_NUMBER = 32;
export const ANSWER_OVERHEAD_BYTES = 64 * 1024;

export function answerByteLimit(expect: Pick<Expectation, 'op' | 'P' | 'k'>): number {
  const numbers = expect.op === 'hessian' ? expect.P * expect.P + 2 * expect.P : expect.op === 'hvp' ? expect.P : (expect.k ?? 0);
  return numbers * BYTES_PER_NUMBER + ANSWER_OVERHEAD_BYTES;
}
