/**
 * Test helpers for the command line: run `main` in-process with captured output, and write
 * input files into a fresh temporary folder.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../cli/io.js';
import { main } from '../../cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  return runCliWith(process.env, ...argv);
}

/**
 * Runs with an environment of its own (the budgets HC_MEMORY_BUDGET_MB, HC_TIME_BUDGET_S are
 * read from it by cli/main.ts): nothing writes process.env. Unset variables take their defaults.
 * `runCli` passes process.env, as the real entry point does.
 */
export async function runCliWith(env: Readonly<Record<string, string | undefined>>, ...argv: string[]): Promise<CliRun> {
  const io = memoryIO();
  const code = await main(argv, io, env);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** A writer into a new temporary folder: strings are written as they are, anything else as JSON. */
export function tempFiles(prefix: string): (name: string, content: unknown) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, content) => {
    const p = join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };
}

/** A path in a new, empty temporary folder: a file that does not exist. */
export function missingPath(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'hc-missing-')), name);
}
