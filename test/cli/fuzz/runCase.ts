/**
 * Runs one fuzz case (./inputs.ts) in-process and says what is wrong with its outcome — the
 * contract (README.md here), shared by the fuzz property (./fuzz.test.ts) and the corpus
 * replay (./corpus.test.ts):
 *
 *  - the exit code is 0 (an answer), 2 (refused), or 1 only where 1 is a verdict (`check`: a
 *    claim failed; `conform`: the subject does not conform);
 *  - a refusal is exactly ONE stderr line, not empty, at most MAX_ERROR_LINE characters, with
 *    nothing on stdout; an internal error ("a bug in hessian-conformance") is a finding, not a
 *    refusal;
 *  - nothing anywhere looks like a stack trace;
 *  - an answer has something on stdout and no NaN or Infinity in it; with --json it is one JSON
 *    value (JSON.stringify writes NaN and ±Infinity as null, so an array mixing numbers and
 *    nulls counts as a non-finite number);
 *  - the case ends within CASE_TIME_BOUND_S (a hang detector, not a timing assertion);
 *  - its peak memory stays within the budget it was given plus MEMORY_SLACK_BYTES.
 *
 * Memory, coarsely: process.resourceUsage().maxRSS is the process's high-water mark, so a case
 * that allocated far past the budget raises it above (RSS before the case + budget + slack).
 * A case whose peak stayed below an earlier case's peak is not measured (the mark does not
 * move) — which is fine for a detector: every allocation past the budget that matters
 * raises the mark. The slack covers V8's heap growth, module loading (the first `report` or
 * `conform` case imports a lot) and garbage not yet collected.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FuzzCase } from './inputs.js';
import { runCliWith, type CliRun } from '../runCli.js';

/** The budgets every case runs under (cli/main.ts reads them from the env it is given; nothing writes process.env). */
export const FUZZ_MEMORY_BUDGET_MB = 256;
export const FUZZ_TIME_BUDGET_S = 5;
export const FUZZ_ENV: Readonly<Record<string, string>> = { HC_MEMORY_BUDGET_MB: String(FUZZ_MEMORY_BUDGET_MB), HC_TIME_BUDGET_S: String(FUZZ_TIME_BUDGET_S) };

/** A case slower than this is reported as a hang (generous: a busy 2-core machine; the time budget above is 5 s). */
export const CASE_TIME_BOUND_S = 20;
/** Peak memory allowed above RSS-before-the-case + budget (V8 heap growth, first imports, uncollected garbage). */
export const MEMORY_SLACK_BYTES = 256 * 2 ** 20;
/** A one-line error a person reads; longer means input is echoed unbounded. */
export const MAX_ERROR_LINE = 1000;

/** Commands whose exit code 1 is a verdict, not a crash. */
const VERDICT_COMMANDS = new Set(['check', 'conform']);

export interface CaseOutcome {
  readonly run: CliRun;
  readonly stderrLines: readonly string[];
  readonly seconds: number;
  readonly peakGrowthBytes: number;
  readonly problems: readonly string[];
}

const STACK_LINE = /^\s+at\s+\S.*(?:\(.*:\d+:\d+\)|:\d+:\d+)\s*$/m;
const NON_FINITE_TEXT = /(?<![\w-])(?:NaN|-?Infinity)(?![\w-])/;

/** Arrays that mix numbers and nulls: where JSON.stringify put a NaN or ±Infinity. */
function nullAmongNumbers(v: unknown, at = '$'): string | null {
  if (Array.isArray(v)) {
    if (v.some((x) => typeof x === 'number') && v.some((x) => x === null)) return at;
    for (let i = 0; i < v.length; i++) {
      const r = nullAmongNumbers(v[i], `${at}[${i}]`);
      if (r) return r;
    }
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const r = nullAmongNumbers(x, `${at}.${k}`);
      if (r) return r;
    }
  }
  return null;
}

export function problemsOf(c: FuzzCase, run: CliRun, stderrLines: readonly string[], seconds: number, peakGrowthBytes: number): string[] {
  const p: string[] = [];
  const verdictOk = VERDICT_COMMANDS.has(c.argv[0]) && run.code === 1;
  if (run.code !== 0 && run.code !== 2 && !verdictOk) p.push(`exit code ${run.code} (expected 0, or 2 with one line${VERDICT_COMMANDS.has(c.argv[0]) ? ', or 1 for a verdict' : ''})`);
  if (STACK_LINE.test(run.out) || STACK_LINE.test(run.err)) p.push('a stack trace reached the output');
  if (/internal error/.test(run.err)) p.push(`internal error: ${run.err.slice(0, 300)}`);
  if (run.code === 2) {
    const lines = stderrLines.flatMap((l) => l.split('\n'));
    if (lines.length !== 1) p.push(`refusal with ${lines.length} stderr lines (expected exactly 1)`);
    else if (lines[0].trim() === '') p.push('refusal with an empty stderr line');
    else if (lines[0].length > MAX_ERROR_LINE) p.push(`refusal line of ${lines[0].length} characters (> ${MAX_ERROR_LINE})`);
    if (run.out !== '') p.push(`refusal with stdout: ${run.out.slice(0, 200)}`);
  } else if (run.code === 0 || verdictOk) {
    if (run.out.trim() === '') p.push('an answer with nothing on stdout');
    const m = NON_FINITE_TEXT.exec(run.out);
    if (m) p.push(`non-finite number in the answer: …${run.out.slice(Math.max(0, m.index - 80), m.index + 20)}…`);
    if (c.argv.includes('--json')) {
      try {
        const where = nullAmongNumbers(JSON.parse(run.out));
        if (where) p.push(`null among numbers at ${where} (a NaN or ±Infinity serialised)`);
      } catch {
        p.push(`--json answer is not one JSON value: ${run.out.slice(0, 200)}`);
      }
    }
  }
  if (seconds > CASE_TIME_BOUND_S) p.push(`took ${seconds.toFixed(1)} s (> ${CASE_TIME_BOUND_S} s hang bound)`);
  const allowed = FUZZ_MEMORY_BUDGET_MB * 2 ** 20 + MEMORY_SLACK_BYTES;
  if (peakGrowthBytes > allowed) p.push(`peak memory grew ${(peakGrowthBytes / 2 ** 20).toFixed(0)} MiB over the RSS before the case (> budget ${FUZZ_MEMORY_BUDGET_MB} MiB + slack ${MEMORY_SLACK_BYTES / 2 ** 20} MiB)`);
  return p;
}

type ConsoleMethod = 'log' | 'error' | 'warn' | 'info' | 'debug';
const CONSOLE_METHODS: readonly ConsoleMethod[] = ['log', 'error', 'warn', 'info', 'debug'];

/**
 * Runs `f` with the console and process.stdout/stderr writes recorded into `leaked` instead of
 * printed: a command writes through its CliIO only, so anything here would reach a user's
 * terminal unasked (a library's logger printing a stack trace, say).
 */
async function withConsoleCaptured<T>(leaked: string[], f: () => Promise<T>): Promise<T> {
  const saved = CONSOLE_METHODS.map((m) => [m, console[m]] as const);
  const writes = [process.stdout.write, process.stderr.write] as const;
  for (const m of CONSOLE_METHODS) console[m] = (...a: unknown[]) => void leaked.push(a.map(String).join(' '));
  const record = (chunk: unknown) => {
    leaked.push(String(chunk));
    return true;
  };
  process.stdout.write = record as typeof process.stdout.write;
  process.stderr.write = record as typeof process.stderr.write;
  try {
    return await f();
  } finally {
    for (const [m, fn] of saved) console[m] = fn;
    [process.stdout.write, process.stderr.write] = writes;
  }
}

/** Writes the case's files into a fresh folder, replaces "@name" arguments by paths there, runs it, removes the folder. */
export async function runCase(c: FuzzCase): Promise<CaseOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'hc-fuzz-'));
  try {
    for (const f of c.files) {
      const p = join(dir, f.name);
      if (f.base64 !== undefined) writeFileSync(p, Buffer.from(f.base64, 'base64'));
      else writeFileSync(p, f.text ?? '');
    }
    const argv = c.argv.map((a) => (a.startsWith('@') && a.length > 1 ? join(dir, a.slice(1).replace(/[\\/]/g, '_')) : a));
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const leaked: string[] = [];
    const run = await withConsoleCaptured(leaked, () => runCliWith(FUZZ_ENV, ...argv));
    const seconds = (performance.now() - started) / 1000;
    const peakGrowthBytes = process.resourceUsage().maxRSS * 1024 - rssBefore;
    const lines = run.err === '' ? [] : run.err.split('\n');
    const problems = problemsOf(c, run, lines, seconds, peakGrowthBytes);
    if (leaked.length) problems.push(`output past the command's CliIO (a library writing to the console): ${leaked.join(' ').slice(0, 300)}`);
    return { run, stderrLines: lines, seconds, peakGrowthBytes, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A case as the one JSON line a corpus file holds (./corpus/README in ../README.md). */
export function caseText(c: FuzzCase): string {
  return JSON.stringify(c);
}
