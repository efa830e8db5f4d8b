/**
 * A --jobs worker process: takes units (property × seed) from the parent one at a time over
 * IPC, runs each with runUnits (the same path as an in-process run), and sends back its
 * PropertyRecord and progress events. Started by parallel.ts with the tsx loader; argv:
 * <runsScale> <seedCount>.
 */
import { IpcProgress, type ProgressMessage } from '../../src/report/progress/ipcProgress.js';
import { PROPERTY_REGISTRY } from '../registry.js';
import type { WorkerReply, WorkerRequest } from './workerProtocol.js';
import { runUnits } from './runUnits.js';

const send = (m: WorkerReply | ProgressMessage) => process.send!(m);
const runsScale = Number(process.argv[2]);
const seedCount = Number(process.argv[3]);
const progress = new IpcProgress(send);

process.on('message', async (m: WorkerRequest) => {
  if (m.hcStop) {
    process.disconnect();
    return;
  }
  const def = PROPERTY_REGISTRY[m.index];
  if (!def || def.claim !== m.claim || def.name !== m.name) {
    send({ hcError: `worker: registry entry ${m.index} is not ${m.claim} · ${m.name}; the property registry changed while the report ran` });
    return;
  }
  const [record] = await runUnits([{ index: m.index, def, seed: m.seed }], runsScale, progress, seedCount);
  progress.finish();
  send({ hcRecord: record });
});

send({ hcReady: true });
