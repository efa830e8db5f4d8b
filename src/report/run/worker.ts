/**
 * A --jobs worker process: loads the property suite from the module URL it is given, takes
 * units (property × seed) from the parent one at a time over IPC, runs each with runUnits (the
 * same path as an in-process run), and sends back its PropertyRecord and progress events.
 * Started by parallel.ts; argv: <suite module URL> <unit settings as JSON> <seed count>.
 */
import { resolveRunSettings } from '../../harness/runSettings.js';
import { IpcProgress, type ProgressMessage } from '../progress/ipcProgress.js';
import { runUnits } from './runUnits.js';
import { SUITE_EXPORT, type PropertySuite } from './suite.js';
import type { WorkerReply, WorkerRequest } from './workerProtocol.js';

const send = (m: WorkerReply | ProgressMessage) => process.send!(m);

async function start(): Promise<void> {
  const [moduleUrl, settingsJson, seedCountText] = process.argv.slice(2);
  const suite = (await import(moduleUrl))[SUITE_EXPORT] as PropertySuite | undefined;
  if (!suite) throw new Error(`worker: ${moduleUrl} exports no ${SUITE_EXPORT}`);
  const { runsScale, sizeTier, theoryMutant } = resolveRunSettings(JSON.parse(settingsJson));
  const seedCount = Number(seedCountText);
  const progress = new IpcProgress(send);
  process.on('message', async (m: WorkerRequest) => {
    if (m.hcStop) {
      process.disconnect();
      return;
    }
    const def = suite.properties[m.index];
    if (!def || def.claim !== m.claim || def.name !== m.name) {
      send({ hcError: `worker: property ${m.index} is not ${m.claim} · ${m.name}; the property registry changed while the report ran` });
      return;
    }
    try {
      const [record] = await runUnits(suite, [{ index: m.index, def, seed: m.seed }], { runsScale, sizeTier, theoryMutant }, progress, seedCount);
      progress.finish();
      send({ hcRecord: record });
    } catch (e) {
      send({ hcError: `worker: ${m.claim} · ${m.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
  send({ hcReady: true });
}

start().catch((e) => {
  send({ hcError: e instanceof Error ? e.message : String(e) });
});
