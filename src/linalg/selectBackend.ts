/**
 * The single place that maps a backend name to a `LinalgBackend`. Later work
 * (a native LAPACK binding) plugs in here; callers only ever ask `getBackend`.
 *
 *  - 'portable': pure TypeScript float64 (always available).
 *  - 'native':   not built yet — throws, telling the user to pass --backend portable.
 *  - 'auto' (default): the best available backend; today that is 'portable'.
 */
import type { LinalgBackend } from './backend.js';
import { portableBackend } from './portableBackend.js';

export type BackendName = 'portable' | 'native' | 'auto';

export const BACKEND_NAMES: readonly BackendName[] = ['portable', 'native', 'auto'];

export function getBackend(name: BackendName = 'auto'): LinalgBackend {
  switch (name) {
    case 'portable':
    case 'auto':
      return portableBackend;
    case 'native':
      throw new Error(
        "getBackend: the native LAPACK backend is not built in this installation; use --backend portable (or 'auto')",
      );
    default:
      throw new Error(`getBackend: unknown backend name ${JSON.stringify(name)}; expected one of ${BACKEND_NAMES.join(', ')}`);
  }
}
