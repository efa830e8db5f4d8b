/**
 * Loads the optional native addon once per process and remembers why it did not load.
 *
 * Where it is looked for, in order: the installed optional dependency
 * `hessian-conformance-native` (npm links it to ./native and builds it with node-gyp), then
 * native/build/Release/hc_lapack.node in this repository — what `npm run build:native` builds
 * after a failed install (npm removes an optional dependency whose build failed, so
 * `npm rebuild hessian-conformance-native` then finds nothing to rebuild). That file is
 * reached from this module's place in the sources (src/linalg/native/) and in the compiled
 * bin's dist/src/linalg/native/. Neither existing is normal: the build is optional.
 */
import { createRequire } from 'node:module';
import { NATIVE_API_VERSION, isNativeAddon, type NativeAddon } from './addon.js';

export type NativeStatus =
  | { readonly loaded: true; readonly addon: NativeAddon; readonly from: string; readonly blas: string; readonly threads: number }
  | { readonly loaded: false; readonly reason: string };

/** [require id, how to name it in messages]. */
const CANDIDATES: readonly [string, string][] = [
  ['hessian-conformance-native', 'package hessian-conformance-native'],
  ['../../../native/build/Release/hc_lapack.node', 'native/build/Release/hc_lapack.node'],
  ['../../../../native/build/Release/hc_lapack.node', 'native/build/Release/hc_lapack.node'],
];

/** What to run on Debian/Ubuntu to get the native backend after an install without it. */
export const NATIVE_BUILD_HINT = 'sudo apt-get install liblapacke-dev libopenblas-dev, then npm run build:native';

let cached: NativeStatus | null = null;

/** The addon and where it came from, or why it is unavailable. Cached after the first call. */
export function nativeStatus(): NativeStatus {
  if (cached === null) cached = load();
  return cached;
}

function load(): NativeStatus {
  const require = createRequire(import.meta.url);
  const failures: string[] = [];
  for (const [id, label] of CANDIDATES) {
    let mod: unknown;
    try {
      mod = require(id);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = err.code === 'MODULE_NOT_FOUND' ? `${label}: not built` : `${label}: ${String(err.message).split('\n')[0]}`;
      if (!failures.includes(why)) failures.push(why);
      continue;
    }
    if (!isNativeAddon(mod)) {
      failures.push(`${label}: loaded but lacks the expected functions (stale build: run npm run build:native)`);
      continue;
    }
    const info = mod.info();
    if (info.api !== NATIVE_API_VERSION) {
      failures.push(`${label}: built for addon API ${info.api ?? 1}, this code needs API ${NATIVE_API_VERSION} (stale build: run npm run build:native)`);
      continue;
    }
    return { loaded: true, addon: mod, from: label, blas: info.config, threads: info.threads };
  }
  return {
    loaded: false,
    reason: `native LAPACK addon not available (${failures.join('; ')}); to build it: ${NATIVE_BUILD_HINT}`,
  };
}
