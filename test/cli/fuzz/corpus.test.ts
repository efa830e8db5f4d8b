/**
 * The fuzz corpus (./corpus/*.json): every case the CLI fuzz (./fuzz.test.ts) found, replayed
 * on every run. Each file holds the finding in words, the files that fixed it, the case
 * (./inputs.ts FuzzCase) and, where the fix has a specific answer, what it must be (`expect`:
 * exit code, and patterns the stdout or the one stderr line must match). Every case must also
 * meet the fuzz's general contract (./runCase.ts: an answer or one refusal line, no stack trace,
 * no NaN, bounded time and memory).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FuzzCase } from './inputs.js';
import { runCase } from './runCase.js';

interface CorpusEntry {
  readonly finding: string;
  readonly fixedIn: readonly string[];
  readonly expect?: { readonly code?: number; readonly stdout?: string; readonly stderr?: string };
  readonly case: FuzzCase;
}

const DIR = new URL('./corpus/', import.meta.url);
const entries = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as CorpusEntry] as const);

describe('fuzz corpus: found cases stay fixed', () => {
  it('holds cases, each naming its finding and fix', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [f, e] of entries) {
      expect(e.finding, f).toMatch(/\S/);
      expect(e.fixedIn.length, f).toBeGreaterThan(0);
      expect(e.case.argv[0], f).toBe(e.case.command.split(' ')[0]);
    }
  });

  it.each(entries)('%s', { timeout: 60_000 }, async (_, e) => {
    const o = await runCase(e.case);
    expect(o.problems, `${e.finding}\nexit ${o.run.code}\nstdout: ${o.run.out.slice(0, 300)}\nstderr: ${o.run.err.slice(0, 300)}`).toEqual([]);
    if (e.expect?.code !== undefined) expect(o.run.code).toBe(e.expect.code);
    if (e.expect?.stdout !== undefined) expect(o.run.out).toMatch(new RegExp(e.expect.stdout));
    if (e.expect?.stderr !== undefined) expect(o.run.err).toMatch(new RegExp(e.expect.stderr));
  });
});
