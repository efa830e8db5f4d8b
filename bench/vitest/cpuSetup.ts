/**
 * Per-file CPU accounting for bench/vitest/perFile.ts (`npx tsx bench/vitest/perFile.ts`): a vitest setup
 * file, so it runs in the worker before each test file is imported. It reads the worker's CPU
 * time from /proc/self/stat — its own user + system time and that of the child processes it
 * waited for (nested CLI runs, report workers) — and at the end of the file appends one JSON
 * line {file, cpuMs, wallMs} to $HC_VITEST_CPU_LOG. Linux only; elsewhere it records nothing.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

const TICK_MS = 10; // USER_HZ = 100 on Linux (sysconf(_SC_CLK_TCK)), so one tick is 10 ms

function cpuTicks(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the parenthesised command name: state is field 3; utime, stime, cutime, cstime are 14–17.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  } catch {
    return null;
  }
}

const log = process.env.HC_VITEST_CPU_LOG;
const start = cpuTicks();
const t0 = performance.now();
afterAll(() => {
  const end = cpuTicks();
  if (!log || start === null || end === null) return;
  const file = expect.getState().testPath ?? 'unknown';
  appendFileSync(log, `${JSON.stringify({ file, cpuMs: (end - start) * TICK_MS, wallMs: performance.now() - t0 })}\n`);
});
