import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadTf } from '../../src/autodiff/index.js';

function resolvable(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

describe('loadTf', () => {
  it('is memoized: concurrent and repeated calls share one instance', async () => {
    const [a, b] = await Promise.all([loadTf(), loadTf()]);
    const c = await loadTf();
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(a.tf.getBackend()).toBe(a.backend);
  });

  it('picks a real backend; without tfjs-node it is wasm (files located on disk, threads off)', async () => {
    const { tf, backend } = await loadTf();
    expect(['tensorflow', 'wasm', 'cpu']).toContain(backend);
    if (!resolvable('@tensorflow/tfjs-node')) {
      expect(backend).toBe('wasm');
      expect(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    }
    const t = tf.tidy(() => tf.sum(tf.tensor1d([1, 2, 3])));
    expect((await t.data())[0]).toBe(6);
    t.dispose();
  });
});
