/** vitest.config.ts plus the per-file CPU setup (bench/vitest/cpuSetup.ts); used by bench/vitest/perFile.ts. */
import { mergeConfig } from 'vitest/config';
import base from '../../vitest.config.js';

export default mergeConfig(base, { test: { setupFiles: ['bench/vitest/cpuSetup.ts'] } });
