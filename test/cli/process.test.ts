/** The real processes: the package bin and `npm run cli` set exit codes and streams as documented. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'hc-proc-'));

function bin(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/hessian-conformance.mjs'), ...args], { encoding: 'utf8', cwd: root });
}

describe('package bin', () => {
  it('spectrum --json on the quick-start example exits 0 with one JSON line', () => {
    const r = bin('spectrum', 'examples/erf-small.json', '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).P).toBe(15);
  });
  it('bad input exits 2 with one line on stderr and nothing on stdout', () => {
    const p = join(dir, 'nan.json');
    writeFileSync(p, JSON.stringify({ family: 'two-layer', activation: 'erf', W: [[1, 'x']], a: [1], X: [[1, 2]] }));
    const r = bin('spectrum', p);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`spectrum: ${p}: W[0][1]: must be a finite number, got "x"; give W as Nh rows of Ni finite numbers (row j = hidden unit j's input weights)`]);
  });
  it('no command prints usage and exits 2', () => {
    const r = bin();
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/Usage: hessian-conformance <command>/);
  });
});
