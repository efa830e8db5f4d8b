/**
 * loadTf — one memoized TensorFlow.js instance for the autodiff cross-check.
 *
 * What: resolves to `{ tf, backend }` where `backend` is the name of the
 * backend actually active ('tensorflow' | 'wasm' | 'cpu'). Order of preference:
 *   1. `@tensorflow/tfjs-node` (native TensorFlow). It is an *optional*
 *      dependency and usually absent; a present-but-broken native binary throws
 *      errors other than MODULE_NOT_FOUND (dlopen failures, ABI mismatches), so
 *      EVERY error from that attempt is swallowed and we fall through.
 *   2. `@tensorflow/tfjs` + `@tensorflow/tfjs-backend-wasm`. Under Node the
 *      .wasm binaries are not fetched from a URL: `setWasmPaths` is given the
 *      on-disk directory node_modules/@tensorflow/tfjs-backend-wasm/dist/,
 *      resolved with `createRequire(import.meta.url)`. SIMD works in Node;
 *      the threaded build does not (tfjs issue #3830), so multithreading is
 *      forced off before initialisation.
 *   3. The pure-JS 'cpu' backend.
 *
 * Why wasm is acceptable for second derivatives (measured, not assumed): every
 * kernel the Hessian route uses (BatchMatMul, Slice/Pad, Reshape, Tanh, Sigmoid,
 * Erf, Exp, Softplus, Step, Mul/Sub/Sum, ...) exists in the wasm backend, and the
 * wasm and cpu Hessians of every activation agree to float32 round-off
 * (relative Frobenius difference 7e-8..2e-7; both 0.5–9e-7 from float64), and
 * both show the same naive-op trap. wasm is ~5× faster than cpu here (P=300,
 * N=100: ~0.1 s vs ~0.7 s), so it is the preferred fallback; cpu is only used if
 * wasm fails to initialise.
 * (The well-known second-derivative trap — tanh/sigmoid/exp — is a tfjs-core
 * *tape* bug, identical on every backend; see activations.ts.)
 *
 * Silence: library code logs nothing. tfjs itself prints a "you are running in
 * Node.js, install tfjs-node" banner on first use of 'cpu' and warnings when a
 * backend fails to initialise; `tf.enableProdMode()` is switched on to silence
 * those (in tfjs 4.22 the PROD flag is read only by log.ts/environment.ts, i.e.
 * it gates warnings and nothing numerical). For tfjs-node the native TF logger
 * is quietened with TF_CPP_MIN_LOG_LEVEL=2 unless the caller already set it.
 *
 * Safety across test files: vitest (pool 'forks') runs each file in its own
 * process, so each file initialises once. Within a process the *promise* is
 * memoized on globalThis (see MEMO_KEY), so concurrent callers — even from two
 * evaluated copies of this module — share one initialisation. A failed
 * initialisation is not cached (a later call retries). Note the tfjs backend is
 * process-global: loadTf() switches it to its choice; code that later calls
 * tf.setBackend itself changes what every caller computes on.
 *
 * Accuracy caveat: every backend here computes in float32. Anything built on
 * this module is a CROSS-CHECK of the float64 closed forms, never a verdict.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export type Tf = typeof import('@tensorflow/tfjs');

export interface LoadedTf {
  readonly tf: Tf;
  /** Name of the active backend: 'tensorflow' (tfjs-node), 'wasm' or 'cpu'. */
  readonly backend: string;
}

/**
 * The memo lives on globalThis under a registry symbol, not in a module-local
 * variable: if this module is evaluated twice in one process (a test runner
 * without isolation, two bundles), both copies must share ONE initialisation.
 * Measured: two module copies racing `tf.setBackend('wasm')` leave one of them
 * on 'cpu' and the global backend in a state neither asked for.
 */
const MEMO_KEY = Symbol.for('hessian-conformance/autodiff/loadTf');
type MemoHolder = { [MEMO_KEY]?: Promise<LoadedTf> };

/** Load TensorFlow.js once per process and pick the best working backend. */
export function loadTf(): Promise<LoadedTf> {
  const holder = globalThis as MemoHolder;
  let memo = holder[MEMO_KEY];
  if (memo === undefined) {
    memo = doLoad().catch((err: unknown) => {
      holder[MEMO_KEY] = undefined;
      throw err;
    });
    holder[MEMO_KEY] = memo;
  }
  return memo;
}

function isTf(mod: unknown): mod is Tf {
  return typeof mod === 'object' && mod !== null && typeof (mod as { tidy?: unknown }).tidy === 'function';
}

/** True if a trivial computation on the active backend returns the right numbers. */
async function smokeTest(tf: Tf): Promise<boolean> {
  try {
    const t = tf.tidy(() => tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([1, 1], [2, 1])));
    const v = await t.data();
    t.dispose();
    return v[0] === 3 && v[1] === 7;
  } catch {
    return false;
  }
}

async function tryNode(): Promise<LoadedTf | undefined> {
  try {
    const specifier = '@tensorflow/tfjs-node';
    // Not installed (the usual case): bail out without side effects.
    createRequire(import.meta.url).resolve(specifier);
    // TensorFlow's C++ logging is its own (TF_CPP_MIN_LOG_LEVEL=2 in your shell quiets it);
    // the suite never writes to process.env.
    // A variable specifier keeps TypeScript and the bundler from resolving the
    // (usually absent) optional dependency at build time.
    const mod: unknown = await import(/* @vite-ignore */ specifier);
    const def = (mod as { default?: unknown }).default;
    const tf = isTf(def) ? def : isTf(mod) ? mod : undefined;
    if (tf === undefined) return undefined;
    tf.enableProdMode();
    if (!(await tf.setBackend('tensorflow'))) return undefined;
    await tf.ready();
    if (tf.getBackend() !== 'tensorflow' || !(await smokeTest(tf))) return undefined;
    return { tf, backend: 'tensorflow' };
  } catch {
    // Missing module, broken native binary, ABI mismatch: all mean "not available".
    return undefined;
  }
}

async function loadCore(): Promise<Tf> {
  const mod: unknown = await import('@tensorflow/tfjs');
  const def = (mod as { default?: unknown }).default;
  const tf = isTf(mod) ? mod : isTf(def) ? def : undefined;
  if (tf === undefined) throw new Error('loadTf: @tensorflow/tfjs did not load as a module with tidy()');
  tf.enableProdMode();
  return tf;
}

async function tryWasm(tf: Tf): Promise<LoadedTf | undefined> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const req = createRequire(import.meta.url);
    // Resolves to .../tfjs-backend-wasm/dist/tf-backend-wasm.node.js; the .wasm files sit beside it.
    const dir = path.dirname(req.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
    // Both must precede backend initialisation (harmless no-ops afterwards).
    // Threads do not work under Node. Do not call tf.getBackend() before this:
    // it would initialise the highest-priority backend without these settings.
    wasm.setWasmPaths(dir);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) return undefined;
    await tf.ready();
    if (tf.getBackend() !== 'wasm' || !(await smokeTest(tf))) return undefined;
    return { tf, backend: 'wasm' };
  } catch {
    return undefined;
  }
}

async function doLoad(): Promise<LoadedTf> {
  const native = await tryNode();
  if (native) return native;
  const tf = await loadCore();
  const w = await tryWasm(tf);
  if (w) return w;
  if (!(await tf.setBackend('cpu'))) throw new Error('loadTf: no TensorFlow.js backend (tensorflow, wasm, cpu) initialised');
  await tf.ready();
  if (!(await smokeTest(tf))) throw new Error('loadTf: the cpu backend failed a smoke test');
  return { tf, backend: 'cpu' };
}
