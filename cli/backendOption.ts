/** The --backend option every linear-algebra command shares, and the backend's cost class (src/config/routeCost.ts). */
import type { BackendKind } from '../src/config/routeCost.js';
import type { LinalgBackend } from '../src/linalg/backend.js';
import { BACKEND_NAMES, type BackendName } from '../src/linalg/selectBackend.js';
import { option } from './commandSpec.js';
import { oneOf } from './flagTypes.js';

export const BACKEND_OPTION = option<BackendName>({
  name: 'backend',
  value: 'name',
  description: 'float64 linear algebra (auto: native when its addon loaded)',
  type: oneOf(BACKEND_NAMES as [BackendName, ...BackendName[]]),
  default: 'auto',
});

export function backendKind(b: LinalgBackend): BackendKind {
  return b.name === 'native' ? 'native' : 'portable';
}
