/**
 * Timing and reporting helpers shared by the benchmark cases. A case runs in its own child
 * process (bench/run.ts) so that its peak resident memory — process.resourceUsage().maxRSS —
 * is its own; it prints exactly one JSON line, a CaseResult, as its last stdout line.
 */
import { writeFileSync } from 'node:fs';

export interface Timing {
  readonly medianMs: number;
  readonly runsMs: number[];
  /** Process CPU time (user + system, all threads) per run, ms: steadier than wall time on a shared machine. */
  readonly cpuMs?: number[];
}

export interface CaseResult {
  readonly id: string;
  readonly operation: string;
  readonly size: string;
  readonly backend: string;
  readonly ours: Timing;
  /** Peak resident set of this case's process, MiB (includes Node's own ≈ 50–100 MiB). */
  readonly peakRssMiB: number;
  /** Accuracy evidence (what was compared, the error, the bound or target). */
  readonly checks: Record<string, number | string | boolean>;
  /** Files the peer reads (same data), if any. */
  readonly peerInput?: Record<string, unknown>;
}

export function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn `reps` times after `warmup` untimed runs; returns the last result and the timings. */
export function timeIt<T>(fn: () => T, reps: number, warmup = 0): { result: T; timing: Timing } {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = fn();
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    runsMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  return { result, timing: { medianMs: median(runsMs), runsMs, cpuMs } };
}

export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Writes a Float64Array as raw little-endian float64 (numpy.fromfile(path, '<f8')). */
export function writeF64(path: string, data: Float64Array): void {
  writeFileSync(path, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

export function emit(r: CaseResult): void {
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

/** Command-line arguments of a case: --key value pairs. */
export function caseArgs(): Map<string, string> {
  const out = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out.set(argv[i].replace(/^--/, ''), argv[i + 1]);
  return out;
}
