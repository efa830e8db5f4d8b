/**
 * The single place that maps a backend name to a `LinalgBackend`; callers only ever ask
 * `getBackend`.
 *
 *  - 'portable': pure TypeScript float64 (always available).
 *  - 'native':   LAPACKE/OpenBLAS through the optional addon in native/; throws a
 *                ConfigError naming the reason and the fix when it is not built.
 *  - 'auto' (default): the environment variable HC_BACKEND ('portable' | 'native') if set,
 *                else native when the addon loaded, else portable.
 *
 * Saying so once: library code never prints. When 'auto' falls back to portable, the reason
 * is available from `backendNote()` (null when nothing needs saying); the CLI commands and the
 * bench print it once, and `npm ci` prints the build outcome once (native/status.cjs).
 */
import { ConfigError } from '../config/configError.js';
import type { LinalgBackend } from './backend.js';
import { nativeStatus } from './native/loadNative.js';
import { createNativeBackend } from './nativeBackend.js';
import { portableBackend } from './portableBackend.js';

export type BackendName = 'portable' | 'native' | 'auto';

export const BACKEND_NAMES: readonly BackendName[] = ['portable', 'native', 'auto'];

/** Environment variable that pins what 'auto' means (the CI's portable-backend job sets it). */
export const BACKEND_ENV = 'HC_BACKEND';

let native: LinalgBackend | null = null;

export function getBackend(name: BackendName = 'auto'): LinalgBackend {
  switch (name) {
    case 'portable':
      return portableBackend;
    case 'native':
      return nativeBackendOrThrow();
    case 'auto': {
      const pinned = envChoice();
      if (pinned !== null) return getBackend(pinned);
      return nativeStatus().loaded ? nativeBackendOrThrow() : portableBackend;
    }
    default:
      throw new Error(`getBackend: unknown backend name ${JSON.stringify(name)}; expected one of ${BACKEND_NAMES.join(', ')}`);
  }
}

/** True when the native addon is built and loads here. */
export function nativeAvailable(): boolean {
  return nativeStatus().loaded;
}

/**
 * What to tell the user once about the choice `getBackend(name)` makes: the fallback reason
 * when 'auto' could not use the native backend, else null.
 */
export function backendNote(name: BackendName = 'auto'): string | null {
  if (name !== 'auto' || envChoice() !== null) return null;
  const s = nativeStatus();
  return s.loaded ? null : `using the portable backend: ${s.reason}`;
}

/** One line naming the backend and its library, e.g. for bench and CLI headers. */
export function describeBackend(b: LinalgBackend): string {
  const s = nativeStatus();
  return b.name === 'native' && s.loaded ? `native (${s.blas}; ${s.threads} threads)` : b.name;
}

function nativeBackendOrThrow(): LinalgBackend {
  const s = nativeStatus();
  if (!s.loaded) {
    throw new ConfigError('backend', `the native LAPACK backend is not built in this installation (${s.reason})`, "use --backend portable (or 'auto')");
  }
  native ??= createNativeBackend(s.addon);
  return native;
}

function envChoice(): 'portable' | 'native' | null {
  const v = process.env[BACKEND_ENV];
  if (v === undefined || v === '' || v === 'auto') return null;
  if (v === 'portable' || v === 'native') return v;
  throw new ConfigError(BACKEND_ENV, `must be portable, native or auto, got ${JSON.stringify(v)}`, `unset ${BACKEND_ENV} or set it to one of them`);
}
