/**
 * Whole-process measurement: one command as a user runs it, from exec to exit — interpreter
 * start-up, imports, reading the input and printing included. Wall time comes from this
 * process's clock around the child; CPU time (user + system, all threads and waited-for
 * descendants) and peak resident memory from GNU time (`/usr/bin/time -f '%U %S %M'`, which reads
 * the kernel's rusage of the child). Where GNU time is missing only the wall time is recorded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  readonly wallMs: number;
  /** User + system CPU of the process tree, ms (null without GNU time). */
  readonly cpuMs: number | null;
  /** Peak resident set of the largest process in the tree, MiB (null without GNU time). */
  readonly peakRssMiB: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const haveGnuTime = (): boolean => existsSync(GNU_TIME);

/**
 * Runs `command args` to completion; throws (with the child's stderr tail) unless it exits 0.
 * `scratch` is a directory for GNU time's output file.
 */
export function runProcess(command: string, args: readonly string[], scratch: string, env: NodeJS.ProcessEnv = process.env): ProcessRun {
  const timeFile = join(scratch, `time-${process.pid}-${Date.now()}.txt`);
  const timed = haveGnuTime();
  const argv = timed ? ['-f', '%U %S %M', '-o', timeFile, command, ...args] : [...args];
  const t0 = performance.now();
  const r = spawnSync(timed ? GNU_TIME : command, argv, { encoding: 'utf8', maxBuffer: 1 << 28, env });
  const wallMs = performance.now() - t0;
  if (r.error) throw new Error(`${command}: could not start: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = (r.stderr ?? '').trim().split('\n').slice(-6).join('\n');
    throw new Error(`${[command, ...args].join(' ')} exited with ${r.status ?? r.signal}:\n${tail}`);
  }
  let cpuMs: number | null = null;
  let peakRssMiB: number | null = null;
  if (timed) {
    // GNU time may print a "Command exited…" line first; the format line is the last one.
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const [user, sys, kb] = last.split(/\s+/).map(Number);
    if ([user, sys, kb].every(Number.isFinite)) {
      cpuMs = (user + sys) * 1000;
      peakRssMiB = kb / 1024;
    }
    rmSync(timeFile, { force: true });
  }
  return { wallMs, cpuMs, peakRssMiB, stdout: r.stdout, stderr: r.stderr };
}
