/**
 * The protocol's answers as adversarial input: every way an answer line can be wrong is named,
 * and split into "out of step" (SubjectFailure, ends the run) and "in step but wrong" (a failing
 * case that shrinks).
 */
import { describe, expect, it } from 'vitest';
import { ModelSchema, parameterCount } from '../../src/conform/protocol/modelSchemas.js';
import { answerByteLimit, parseComputeAnswer, parseDescribeAnswer } from '../../src/conform/protocol/parseAnswer.js';
import { RequestSchema } from '../../src/conform/protocol/messages.js';
import { SubjectFailure } from '../../src/conform/protocol/subjectFailure.js';

const hess = { id: 4, op: 'hessian' as const, P: 2 };

function failure(f: () => unknown): SubjectFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof SubjectFailure) return e;
    throw e;
  }
  throw new Error('expected a SubjectFailure');
}

describe('compute answers', () => {
  it('a well-formed Hessian, H·v and eigenvalue answer parse to their values (extra keys ignored)', () => {
    expect(parseComputeAnswer('{"id":4,"hessian":[[1,2],[3,4.5]],"seconds":0.1}', hess)).toEqual({ kind: 'values', values: Float64Array.from([1, 2, 3, 4.5]) });
    expect(parseComputeAnswer('{"id":5,"hvp":[1e-300,-2]}', { id: 5, op: 'hvp', P: 2 })).toEqual({ kind: 'values', values: Float64Array.from([1e-300, -2]) });
    expect(parseComputeAnswer('{"id":6,"eigenvalues":[3,1]}', { id: 6, op: 'top-eigenvalues', P: 5, k: 2 })).toEqual({ kind: 'values', values: Float64Array.from([3, 1]) });
  });

  it.each([
    ['{"id":4,"error":"out of memory"}', /answered with an error: "out of memory"/],
    ['{"id":4,"hessian":[[1,NaN],[3,4]]}', /NaN or Infinity/],
    ['{"id":4,"hessian":[[1,-Infinity],[3,4]]}', /NaN or Infinity/],
    ['{"id":4,"hessian":[[1,2]]}', /hessian has 1 rows, expected P = 2/],
    ['{"id":4,"hessian":[[1,2],[3]]}', /hessian row 1 has 1 entries, expected P = 2/],
    ['{"id":4,"hessian":[[1,"2"],[3,4]]}', /malformed hessian answer: hessian\[0\]\[1\]/],
    ['{"id":4,"hvp":[1,2]}', /malformed hessian answer: hessian: /],
    ['{"id":4,"hessian":[[1,2],[3,4]],"hessian2":1, "x": "NaN"}', null],
  ])('in step but wrong: %s', (line, message) => {
    const a = parseComputeAnswer(line, hess);
    if (message === null) expect(a.kind).toBe('values');
    else {
      expect(a.kind).toBe('wrong');
      expect((a as { message: string }).message).toMatch(message);
    }
  });

  it('wrong lengths of H·v and eigenvalues are named', () => {
    expect(parseComputeAnswer('{"id":1,"hvp":[1,2,3]}', { id: 1, op: 'hvp', P: 2 })).toEqual({ kind: 'wrong', message: 'hvp has 3 entries, expected P = 2' });
    expect(parseComputeAnswer('{"id":1,"eigenvalues":[1]}', { id: 1, op: 'top-eigenvalues', P: 2, k: 2 })).toEqual({ kind: 'wrong', message: 'eigenvalues has 1 entries, expected k = 2' });
  });

  it.each([
    ['hello', /is not JSON .*"hello"; a subject writes exactly one JSON object per line/],
    ['{"id":4,"hessian":[[1,2],[3,4]]', /is not JSON/],
    ['[1,2]', /is not a JSON object/],
    ['{"id":3,"hessian":[[1,2],[3,4]]}', /has id 3, expected 4; answers come one per request, in order/],
    ['{"hessian":[[1,2],[3,4]]}', /has id undefined, expected 4/],
    ['{"id":"4","hessian":[[1,2],[3,4]]}', /has id "4", expected 4/],
  ])('out of step: %s', (line, message) => {
    const f = failure(() => parseComputeAnswer(line, hess));
    expect(f.kind).toBe('protocol');
    expect(f.message).toMatch(message);
    expect(f.message).not.toContain('\n');
  });

  it('a hostile line is quoted briefly, never pasted whole', () => {
    const f = failure(() => parseComputeAnswer(`x${'y'.repeat(100_000)}\u0007`, hess));
    expect(f.message.length).toBeLessThan(400);
  });

  it('the byte limit follows the answer size (P² numbers for a Hessian, P for H·v, k for eigenvalues)', () => {
    expect(answerByteLimit({ op: 'hessian', P: 100 })).toBeGreaterThan(100 * 100 * 17);
    expect(answerByteLimit({ op: 'hvp', P: 100 })).toBeLessThan(answerByteLimit({ op: 'hessian', P: 100 }));
    expect(answerByteLimit({ op: 'top-eigenvalues', P: 100, k: 3 })).toBeLessThan(answerByteLimit({ op: 'hvp', P: 100 }));
  });
});

describe('describe answers', () => {
  const ok = { id: 0, name: 'torch', dtype: 'float64', ops: ['hessian', 'trace'], families: ['two-layer', 'cnn'], activations: ['tanh', 'gelu'] };
  it('parses, keeping unknown names for the run to report', () => {
    expect(parseDescribeAnswer(JSON.stringify(ok), 0)).toMatchObject({ name: 'torch', dtype: 'float64', ops: ['hessian', 'trace'] });
    expect(parseDescribeAnswer(JSON.stringify({ ...ok, relativeTolerance: 1e-6 }), 0).relativeTolerance).toBe(1e-6);
  });
  it.each([
    [{ ...ok, dtype: 'float16' }, /dtype/],
    [{ ...ok, ops: 'hessian' }, /ops/],
    [{ ...ok, relativeTolerance: 2 }, /relativeTolerance/],
    [{ id: 0, error: 'no GPU' }, /answered describe with an error: "no GPU"/],
    [{ ...ok, id: 1 }, /has id 1, expected 0/],
  ])('%j is a protocol failure naming the field', (answer, message) => {
    const f = failure(() => parseDescribeAnswer(JSON.stringify(answer), 0));
    expect(f.kind).toBe('protocol');
    expect(f.message).toMatch(message);
  });
});

describe('requests and models', () => {
  const model = { family: 'two-layer', activation: 'tanh', W: [[1, 2]], a: [3], X: [[1, 0], [0, 1], [1, 1]], y: [0, 1, 2] };
  it('the model schema accepts the documented forms and counts P', () => {
    expect(parameterCount(ModelSchema.parse(model) as never)).toBe(3);
    expect(RequestSchema.parse({ id: 1, op: 'hvp', model, v: [1, 2, 3] }).op).toBe('hvp');
    const mlp = ModelSchema.parse({ family: 'mlp', activation: 'tanh', loss: 'cross-entropy', layers: [{ weight: [[1, 2], [3, 4], [5, 6]], bias: [0, 0, 0] }, { weight: [[1, 1, 1], [0, 1, 0]], bias: [1, 2] }], X: [[1, 2]], labels: [1] });
    expect(parameterCount(mlp as never)).toBe(6 + 3 + 6 + 2);
  });
  it.each([
    [{ ...model, a: [1, 2] }, 'a'],
    [{ ...model, y: [1] }, 'y'],
    [{ ...model, X: [[1, 2, 3]] }, 'X'],
    [{ ...model, W: [[1, 2], [3]] }, 'W'],
    [{ ...model, W: [[1, Infinity]] }, 'W'],
  ])('a two-layer model with inconsistent shapes is refused at %s', (m, field) => {
    const r = ModelSchema.safeParse(m);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path[0]).toBe(field);
  });
});
