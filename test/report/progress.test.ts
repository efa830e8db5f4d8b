/** Progress on stderr: plain lines when not a terminal, a redrawn bar when it is, and the IPC relay of --jobs. */
import { describe, expect, it } from 'vitest';
import { forwardProgress, IpcProgress, type ProgressMessage } from '../../src/report/progress/ipcProgress.js';
import { createProgress, formatDuration, type Progress } from '../../src/report/progress/progress.js';
import { smallReport } from './smallReport.js';
import { planUnits } from '../../src/report/run/plan.js';
import { PROPERTY_SUITE } from '../../properties/registry.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  let t = 0;
  return { chunks, stream: { isTTY, columns: 100, write: (s: string) => chunks.push(s) }, now: () => (t += 250) };
}

function drive(p: Progress) {
  p.start(2, 20, 'quick (runs ×1), seed 1');
  p.unitStarted('C3 · rank');
  for (let i = 0; i < 12; i++) p.caseDone();
  p.unitDone({ label: 'C3 · rank', cases: 12, verdict: 'pass', seconds: 0.25 });
  p.unitStarted('C2a · spectrum');
  for (let i = 0; i < 8; i++) p.caseDone();
  p.unitDone({ label: 'C2a · spectrum', cases: 8, verdict: 'fail', seconds: 1.5 });
  p.finish('2 claims: 1 pass, 1 fail; wrote out/conformance.{json,html,md}');
}

describe('progress', () => {
  it('not a terminal: whole lines only — headline, one per unit, closing line', () => {
    const f = fakeStream(false);
    drive(createProgress({ stream: f.stream, now: f.now }));
    const text = f.chunks.join('');
    expect(text).not.toMatch(/[\r\x1b]/);
    expect(text.split('\n').filter(Boolean)).toEqual([
      'report: quick (runs ×1), seed 1 — 2 units, 20 cases',
      'report: [1/2] pass         C3 · rank (12 cases, 0.3 s)',
      'report: [2/2] fail         C2a · spectrum (8 cases, 1.5 s)',
      'report: 2 claims: 1 pass, 1 fail; wrote out/conformance.{json,html,md} (0.3 s)',
    ]);
  });

  it('a terminal: a bar redrawn in place with cases and units done, finished units scrolling above', () => {
    const f = fakeStream(true);
    drive(createProgress({ stream: f.stream, now: f.now }));
    const text = f.chunks.join('');
    expect(text).toContain('\r\x1b[2K[');
    expect(text).toMatch(/100%\s+20\/20 cases {2}2\/2 units/);
    expect(text).toContain('  pass         C3 · rank (12 cases, 0.3 s)\n');
    expect(f.chunks.every((c) => c.replace(/\r\x1b\[2K/g, '').split('\n').every((line) => line.length <= 100))).toBe(true);
  });

  it('IPC: a child’s events replay into the parent’s progress, case ticks batched', () => {
    const sent: ProgressMessage[] = [];
    const child = new IpcProgress((m) => sent.push(m));
    drive(child);
    expect(sent.filter((m) => m.hcProgress === 'caseDone').length).toBeLessThan(20);
    const f = fakeStream(false);
    const parent = createProgress({ stream: f.stream, now: f.now });
    parent.start(2, 20, 'parent');
    for (const m of sent) forwardProgress(m, parent);
    expect(f.chunks.join('')).toContain('[2/2] fail         C2a · spectrum');
  });

  it('a real run reports every unit in non-TTY mode', async () => {
    const f = fakeStream(false);
    await smallReport({ claims: ['C2c', 'S1'], runsScale: 0.05 }, undefined, createProgress({ stream: f.stream, now: f.now }));
    const lines = f.chunks.join('').split('\n').filter(Boolean);
    const n = planUnits(PROPERTY_SUITE, ['C2c', 'S1'], [20251216]).length;
    expect(lines[0]).toMatch(new RegExp(`^report: custom \\(runs ×0\\.05, ci sizes\\), seed 20251216 — ${n} units, \\d+ cases$`));
    expect(lines.filter((l) => new RegExp(`^report: \\[\\d+/${n}\\] pass`).test(l))).toHaveLength(n);
    expect(lines.at(-1)).toMatch(/^report: 2 claims: 2 pass, 0 fail, 0 inconclusive; wrote .*conformance\.\{json,html,md\} \(/);
  }, 60_000);

  it('formatDuration', () => {
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
