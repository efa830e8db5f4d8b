/**
 * `conform` end to end on small Node subjects (test/conform/subjects/twoLayer.mjs): the correct
 * subject passes at float64 and float32; every near wrong neighbour of a tolerance fails with a
 * counterexample shrunk to a small model whose replay command reproduces it; a subject that
 * crashes, hangs or breaks the protocol fails naming what it did; bad usage exits 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConformResultSchema, type ConformResult } from '../../src/conform/output/resultSchema.js';
import { runCli } from '../cli/runCli.js';
import { tempDir } from '../report/smallReport.js';

const SUBJECT = 'node test/conform/subjects/twoLayer.mjs';
const RUNS = '30';

async function conform(subject: string, ...extra: string[]): Promise<{ code: number; result: ConformResult; err: string }> {
  const r = await runCli('conform', '--subject', subject, '--runs', RUNS, '--seed', '11', '--json', ...extra);
  expect(r.err).not.toMatch(/internal error/);
  return { code: r.code, result: ConformResultSchema.parse(JSON.parse(r.out)), err: r.err };
}

/** Splits a replay command the way sh would (single quotes only, as shellQuote writes them). */
function shellWords(cmd: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < cmd.length; i++) {
    const ch = cmd[i];
    if (ch === "'") {
      const end = cmd.indexOf("'", i + 1);
      cur += cmd.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '\\' && cmd[i + 1] === "'") {
      cur += "'";
      i++;
    } else if (ch === ' ') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

describe('conform: correct subjects pass', () => {
  it.each([
    ['float64', ''],
    ['float32 (every operation rounded with Math.fround, declared float32)', ' --arith float32'],
  ])('%s', async (_, flags) => {
    const { code, result } = await conform(SUBJECT + flags);
    expect(result.verdict).toBe('pass');
    expect(code).toBe(0);
    expect(result.counterexample).toBeNull();
    for (const op of ['hessian', 'hvp', 'top-eigenvalues'] as const) {
      const rec = result.ops[op]!;
      expect(rec.cases).toBe(Number(RUNS));
      expect(rec.failed).toBe(0);
      // Rounding errors are real (ratio > 0) and inside the derived bound, with room to spare.
      expect(rec.worstRatio!).toBeGreaterThan(0);
      expect(rec.worstRatio!).toBeLessThan(0.5);
    }
  });

  it('stderr noise and a slow start do not matter', async () => {
    expect((await conform(`${SUBJECT} --misbehave stderr-noise`, '--ops', 'hessian')).code).toBe(0);
    expect((await conform(`${SUBJECT} --misbehave slow-start`, '--ops', 'hvp')).code).toBe(0);
  });
});

describe('conform: every near wrong neighbour fails, shrunk to a small model', () => {
  it.each([
    ['residual term dropped (Gauss–Newton only)', '--bug residual-dropped', 'hessian', 2],
    ['residual term off by 1e-3 at float64', '--bug residual-off', 'hessian', 2],
    ['residual term off by 1e-3 at float32', '--bug residual-off --arith float32', 'hessian', 2],
    ['float32 arithmetic declared as float64', '--arith float32 --declare float64', 'hessian', 2],
    ['wrong tanh second derivative', '--bug tanh-second --activations tanh,identity', 'hessian', 2],
    ['H·v with the W block transposed', '--bug hvp-transposed --ops hvp', 'hvp', 6],
    ['eigenvalues in ascending order', '--bug eig-ascending --ops top-eigenvalues', 'top-eigenvalues', 2],
  ])('%s', async (_, flags, op, maxP) => {
    const { code, result } = await conform(`${SUBJECT} ${flags}`);
    expect(result.verdict).toBe('fail');
    expect(code).toBe(1);
    const c = result.counterexample!;
    expect(c.op).toBe(op);
    expect(c.kind).toBe('wrong-answer');
    expect(c.ratio!).toBeGreaterThan(1);
    expect(c.error!).toBeGreaterThan(c.tolerance!);
    const P = Number(/P = (\d+)/.exec(c.size!)![1]);
    expect(P).toBeLessThanOrEqual(maxP);
    // The printed model is the whole request: it parses, and its size is the shrunk one.
    expect((c.model as { W: number[][] }).W.length).toBeGreaterThanOrEqual(1);
    // The replay command reproduces the same counterexample.
    const argv = shellWords(c.replay);
    expect(argv.slice(0, 5)).toEqual(['npm', 'run', '--silent', 'cli', '--']);
    const replay = await runCli(...argv.slice(5), '--json');
    expect(replay.code).toBe(1);
    const again = ConformResultSchema.parse(JSON.parse(replay.out)).counterexample!;
    expect(again.model).toEqual(c.model);
    expect(again.at).toBe(c.at);
  });

  it('the float32 neighbour fails every op, and so does the dropped residual', async () => {
    const { result } = await conform(`${SUBJECT} --arith float32 --declare float64`);
    for (const op of ['hessian', 'hvp', 'top-eigenvalues'] as const) expect(result.ops[op]!.failed).toBe(Number(RUNS));
  });
});

describe('conform: a subject that stops speaking the protocol fails, naming what it did', () => {
  it.each([
    ['crash', /exited with code 3 while request 3 \(hessian.*ZeroDivisionError/, 'crash'],
    ['hang', /did not answer request 3 \(hessian.* within 1 s; it was killed/, 'timeout'],
    ['garbage', /is not JSON .*"hello from the subject"/, 'protocol'],
    ['wrong-id', /has id 4, expected 3/, 'protocol'],
    ['extra-line', /wrote to stdout when no request was open \(after answering 4 requests\)|the answer to request 4 \(hessian\) has id 3, expected 4/, 'protocol'],
    ['huge', /passed \d+ bytes without ending its line/, 'oversize'],
    ['partial-exit', /exited with code 0 .* 15 bytes of an unterminated line/, 'crash'],
  ])('%s', async (mode, message, kind) => {
    const t0 = Date.now();
    const { code, result } = await conform(`${SUBJECT} --misbehave ${mode}`, '--timeout', '1');
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(code).toBe(1);
    const c = result.counterexample!;
    expect(c.kind).toBe(kind);
    expect(c.message).toMatch(message);
    expect(c.op).toBe('hessian');
    expect(result.ops.hvp!.skipped).toMatch(/not run: the subject stopped speaking the protocol/);
  });

  it('a banner before describe fails at describe', async () => {
    const { code, result } = await conform(`${SUBJECT} --misbehave banner`);
    expect(code).toBe(1);
    expect(result.counterexample).toMatchObject({ op: 'describe', kind: 'protocol' });
  });

  it.each([
    ['nan', /NaN or Infinity/],
    ['wrong-length', /hessian has 1 rows, expected P = 2/],
    ['error', /answered with an error: "CUDA out of memory \(pretend\)"/],
  ])('%s: in step but wrong, so it shrinks like a wrong number', async (mode, message) => {
    const { code, result } = await conform(`${SUBJECT} --misbehave ${mode}`, '--ops', 'hessian');
    expect(code).toBe(1);
    expect(result.counterexample).toMatchObject({ kind: 'wrong-answer', ratio: null });
    expect(result.counterexample!.message).toMatch(message);
    expect(result.counterexample!.size).toMatch(/P = 2$/);
    expect(result.ops.hessian!.failed).toBe(Number(RUNS) - 2);
  });
});

describe('conform: usage', () => {
  it.each([
    [[], /^conform: --subject "<command>" is required/],
    [['--subject', 'no-such-subject-hc'], /^conform: the subject command "no-such-subject-hc" was not found by the shell \(exit 127\)/],
    [['--subject', SUBJECT, '--ops', 'trace'], /^conform: --ops: unknown op "trace"; known: hessian, hvp, top-eigenvalues$/],
    [['--subject', `${SUBJECT} --ops hessian`, '--ops', 'hvp'], /^conform: --ops hvp: the subject \(.*\) does not declare it; it declares hessian$/],
    [['--subject', SUBJECT, '--families', 'mlp'], /^conform: --families mlp: the subject .* does not declare it/],
    [['--subject', SUBJECT, '--path', '1:2'], /^conform: --path replays one op's counterexample/],
    [['--subject', SUBJECT, '--runs', '0'], /^conform: --runs must be an integer in \[1, 100000\]/],
    [['--subject', SUBJECT, '--timeout', 'soon'], /^conform: --timeout must be a number of seconds/],
    [['--subject', `${SUBJECT} --activations gelu`], /^conform: nothing to check: the subject .* declares families \[two-layer\] and activations \[gelu\]/],
  ])('%j exits 2 with one line', async (argv, message) => {
    const r = await runCli('conform', ...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});

describe('conform: output files', () => {
  it('--out writes conform.json (the --json object) and conform.html in the report look', async () => {
    const out = tempDir('hc-conform-');
    const r = await runCli('conform', '--subject', `${SUBJECT} --bug residual-off`, '--runs', '20', '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/hessian +FAIL +20 cases, 20 failed/);
    expect(r.out).toMatch(/replay: npm run --silent cli -- conform --subject 'node test\/conform\/subjects\/twoLayer\.mjs --bug residual-off' --ops hessian/);
    const json = ConformResultSchema.parse(JSON.parse(readFileSync(join(out, 'conform.json'), 'utf8')));
    expect(json.verdict).toBe('fail');
    expect(existsSync(join(out, 'conform.html'))).toBe(true);
    const html = readFileSync(join(out, 'conform.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Error ÷ tolerance of every answer, per op');
    expect(html).toContain('id="counterexample"');
    expect(html).toContain('--bug residual-off');
    expect(html).not.toMatch(/<script/);
  });
});
