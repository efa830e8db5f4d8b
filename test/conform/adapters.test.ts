/**
 * The shipped adapters: the suite's own tfjs route conforms at float32, and its raw tf.tanh
 * variant — the known second-derivative trap — fails with a shrunk counterexample. The PyTorch
 * adapter runs only where /usr/bin/python3 has torch (the suite itself never needs Python).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConformResultSchema } from '../../src/conform/output/resultSchema.js';
import { runCli } from '../cli/runCli.js';

function torchAvailable(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

async function conform(subject: string, ...extra: string[]) {
  const r = await runCli('conform', '--subject', subject, '--runs', '25', '--json', '--startup-timeout', '120', ...extra);
  return { code: r.code, result: ConformResultSchema.parse(JSON.parse(r.out)) };
}

describe('adapters', () => {
  it('tfjs (custom gradients, float32) conforms on every op', async () => {
    const { code, result } = await conform('npx tsx adapters/tfjs/subject.ts');
    expect(result.subject.dtype).toBe('float32');
    expect(code).toBe(0);
    for (const op of ['hessian', 'hvp', 'top-eigenvalues'] as const) expect(result.ops[op]!.failed).toBe(0);
  });

  it('tfjs with the raw tf.tanh/tf.sigmoid ops is known bad: it fails, shrunk to P = 2', async () => {
    const { code, result } = await conform('npx tsx adapters/tfjs/subject.ts --naive', '--ops', 'hessian');
    expect(code).toBe(1);
    const c = result.counterexample!;
    expect(c.kind).toBe('wrong-answer');
    // The lost term is a_j g''(z) x xᵀ·r/N: the W–W block.
    expect(c.at).toBe('H[0][0]');
    expect(c.size).toMatch(/^two-layer, (tanh|sigmoid), Ni = 1, Nh = 1, N = 1, P = 2$/);
  });

  it.skipIf(!torchAvailable())('PyTorch autograd (float64) conforms on every op', async () => {
    const { code, result } = await conform('/usr/bin/python3 adapters/pytorch/subject.py');
    expect(code).toBe(0);
    expect(result.subject.dtype).toBe('float64');
    expect(result.ops.hessian!.worstRatio!).toBeLessThan(1);
  });
});
