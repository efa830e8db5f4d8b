/**
 * Where a report ran: Node version, the float64 linear-algebra backend that decided the
 * verdicts, the TensorFlow.js backend of the float32 cross-check, and the platform.
 */
import { loadTf } from '../../autodiff/loadTf.js';
import { getBackend } from '../../linalg/selectBackend.js';
import type { EnvironmentInfo } from '../types.js';

export async function collectEnvironment(): Promise<EnvironmentInfo> {
  let tfjsBackend: string;
  try {
    tfjsBackend = (await loadTf()).backend;
  } catch (e) {
    tfjsBackend = `unavailable (${e instanceof Error ? e.message : String(e)})`;
  }
  return { node: process.version, backend: getBackend().name, tfjsBackend, platform: `${process.platform}-${process.arch}` };
}
