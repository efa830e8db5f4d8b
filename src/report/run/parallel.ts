/**
 * --jobs n on one machine: n worker processes (worker.ts, each loading the registry once)
 * pull units (property × seed) from a shared queue — a free worker takes the next unit — so
 * one slow property (a C2e KS experiment) does not hold back a whole static partition.
 * Units are deterministic, and the records are put back in canonical order, so the report is
 * identical to an in-process run (test/report/cli.test.ts checks it). Workers report progress
 * over IPC; their stderr is passed through so a crash is visible.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareUnits } from '../merge.js';
import { forwardProgress, isProgressMessage } from '../progress/ipcProgress.js';
import type { Progress } from '../progress/progress.js';
import type { PropertyRecord } from '../types.js';
import type { WorkUnit } from './plan.js';
import type { UnitSettings } from './runUnits.js';
import type { PropertySuite } from './suite.js';
import type { WorkerReply, WorkerRequest } from './workerProtocol.js';

/** The worker beside this module: worker.ts under tsx (development), worker.js when compiled. */
const SELF_IS_TS = import.meta.url.endsWith('.ts');
const WORKER = fileURLToPath(new URL(SELF_IS_TS ? './worker.ts' : './worker.js', import.meta.url));

export function runInWorkers(suite: Pick<PropertySuite, 'moduleUrl'>, units: readonly WorkUnit[], settings: UnitSettings, seedCount: number, jobs: number, progress: Progress): Promise<PropertyRecord[]> {
  const execArgv = SELF_IS_TS ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
  const queue = [...units];
  const records: PropertyRecord[] = [];
  return new Promise((resolve, reject) => {
    let failed = false;
    let running = jobs;
    const workers: ChildProcess[] = [];
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) w.kill();
      reject(e);
    };
    const next = (w: ChildProcess) => {
      const u = queue.shift();
      const request: WorkerRequest = u ? { index: u.index, claim: u.def.claim, name: u.def.name, seed: u.seed } : { hcStop: true };
      w.send(request);
    };
    for (let k = 0; k < jobs; k++) {
      const w = fork(WORKER, [suite.moduleUrl, JSON.stringify(settings), String(seedCount)], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      workers.push(w);
      w.on('message', (m: WorkerReply | unknown) => {
        if (isProgressMessage(m)) return forwardProgress(m, progress);
        const r = m as WorkerReply;
        if ('hcError' in r) return fail(new Error(r.hcError));
        if ('hcRecord' in r) records.push(r.hcRecord);
        next(w);
      });
      w.on('error', fail);
      w.on('exit', (code, signal) => {
        if (code !== 0) return fail(new Error(`report: a --jobs worker exited with ${signal ?? `code ${code}`} (its stderr is above); rerun with --jobs 1 to see the error in-process`));
        if (--running === 0 && !failed) {
          if (records.length !== units.length) return fail(new Error(`report: workers returned ${records.length} of ${units.length} units`));
          resolve(records.sort(compareUnits));
        }
      });
    }
  });
}
