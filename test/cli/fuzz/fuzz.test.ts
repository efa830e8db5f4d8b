/**
 * The command line, fuzzed: every command on valid inputs and on mutations
 * of them (./inputs.ts), run in-process under a small memory and time budget; each outcome must
 * be an answer or one refusal line (./runCase.ts says exactly what is checked).
 *
 * NUM_RUNS is sized so this file takes well under 40 s on the busy 2-core machine; a soak run
 * multiplies it with HC_RUNS_SCALE (read through properties/support/settingsFromEnv.ts with
 * HC_SEED and HC_PATH), e.g. `HC_RUNS_SCALE=20 npx vitest run test/cli/fuzz/fuzz.test.ts`.
 * A failure prints fast-check's seed and path (replay: HC_SEED=<seed> HC_PATH=<path>) and the
 * case as one JSON line: add it to ./corpus/ (see ./README.md) once it is fixed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { settingsFromEnv } from '../../../properties/support/settingsFromEnv.js';
import { fuzzCase, type Json, type ReportInputs } from './inputs.js';
import { caseText, runCase } from './runCase.js';

/** Cases per run at HC_RUNS_SCALE = 1: ≈ 0.05 s a case on average here (most refusals take milliseconds; `check`, `conform` and report cases up to a second), ≈ 15 s in all. */
export const NUM_RUNS = 250;

const settings = settingsFromEnv();
const numRuns = Math.max(1, Math.round(NUM_RUNS * settings.runsScale));

function reportInputs(): ReportInputs {
  const conformance = JSON.parse(readFileSync(new URL('../../../reports/example-failure/conformance.json', import.meta.url), 'utf8')) as { claims: { evidence: { properties: Json[] } }[] };
  const assertionResults = conformance.claims.flatMap((c) => c.evidence.properties.map((p) => ({ meta: { hcProperty: p } })));
  return { conformance: conformance as unknown as Json, vitestResults: { testResults: [{ assertionResults }] } as Json };
}

/** Outcomes by command and exit code ("spectrum 0": 12), printed after the run: the README's counts come from here. */
const tally = new Map<string, number>();

describe('the command line under fuzzing', () => {
  it(`every outcome is an answer or one refusal line, in bounded time and memory (${numRuns} cases, seed ${settings.seed})`, { timeout: 600_000 }, async () => {
    const details = await fc.check(
      fc.asyncProperty(fuzzCase(reportInputs()), async (c) => {
        const o = await runCase(c);
        const key = `${c.command} → exit ${o.run.code}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        if (o.problems.length) {
          throw new Error(`${o.problems.join('; ')}\nexit ${o.run.code} in ${o.seconds.toFixed(1)} s\nstdout: ${o.run.out.slice(0, 400)}\nstderr: ${o.run.err.slice(0, 600)}`);
        }
      }),
      { seed: settings.seed, numRuns, ...(settings.path ? { path: settings.path } : {}), endOnFailure: true },
    );
    if (details.failed) {
      // The case can hold megabytes (a 100,000-deep array): it goes to a file, the message stays short.
      const c = details.counterexample?.[0];
      const file = join(mkdtempSync(join(tmpdir(), 'hc-fuzz-failure-')), 'case.json');
      if (c) writeFileSync(file, `${caseText(c)}\n`);
      const err = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        `fuzz case failed after ${details.numRuns} runs (seed ${details.seed}, path ${details.counterexamplePath}; replay: HC_SEED=${details.seed} HC_PATH=${details.counterexamplePath} npx vitest run test/cli/fuzz/fuzz.test.ts)\n` +
          `${err}\ncase (${c ? caseText(c).length : 0} characters) written to ${file}; add it to test/cli/fuzz/corpus/ once fixed\n${c && caseText(c).length <= 2000 ? caseText(c) : ''}`,
      );
    }
    console.log(`fuzz outcomes (${numRuns} cases, seed ${settings.seed}):\n${[...tally].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
  });
});
