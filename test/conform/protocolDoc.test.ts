/**
 * docs/protocol.md stays true: its example exchange parses against the protocol's schemas, and
 * every answer in it agrees with the suite's float64 reference at the float64 tolerances.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RequestSchema } from '../../src/conform/protocol/messages.js';
import { parameterCount } from '../../src/conform/protocol/modelSchemas.js';
import { parseComputeAnswer, parseDescribeAnswer } from '../../src/conform/protocol/parseAnswer.js';
import { checkCase } from '../../src/conform/run/checkCase.js';
import { getBackend } from '../../src/linalg/selectBackend.js';

const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
const block = doc.split('## One complete exchange')[1].split('```text')[1].split('```')[0];
const lines = block.trim().split('\n');

describe('docs/protocol.md example exchange', () => {
  it('alternates request and answer lines', () => {
    expect(lines.length % 2).toBe(0);
    lines.forEach((l, i) => expect(l.startsWith(i % 2 === 0 ? '> ' : '< ')).toBe(true));
  });

  it('every answer matches the reference at the float64 tolerances', () => {
    let checked = 0;
    for (let i = 0; i < lines.length; i += 2) {
      const raw = JSON.parse(lines[i].slice(2));
      const answer = lines[i + 1].slice(2);
      if (raw.op === 'describe') {
        expect(parseDescribeAnswer(answer, 0).dtype).toBe('float64');
        continue;
      }
      const parsed = RequestSchema.safeParse(raw);
      if (!parsed.success) {
        // The op the suite never sends: answered with the error form.
        expect(JSON.parse(answer)).toMatchObject({ id: raw.id, error: expect.any(String) });
        continue;
      }
      const req = parsed.data;
      if (req.op === 'describe') continue;
      const P = parameterCount(req.model);
      const m = { model: req.model, P, ...(req.op === 'hvp' ? { v: Float64Array.from(req.v) } : {}), ...(req.op === 'top-eigenvalues' ? { k: req.k } : {}) };
      const a = parseComputeAnswer(answer, { id: req.id, op: req.op, P, k: req.op === 'top-eigenvalues' ? req.k : undefined });
      const r = checkCase(req.op, m, a, { uSubject: 2 ** -53, relativeTolerance: 0 }, getBackend());
      expect(r.ratio, `${req.op} ${r.message}`).toBeLessThanOrEqual(1);
      checked++;
    }
    expect(checked).toBe(4);
  });
});
