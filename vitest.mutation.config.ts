/**
 * The vitest configuration Stryker uses (stryker.config.mjs → vitest.configFile); `npm test`
 * and CI keep vitest.config.ts. It runs the tests that can detect wrong code in the mutated
 * folders (theory/, src/stats, src/linalg, src/hessian, src/nets) within a run of a few hours
 * on 2 cores, and leaves out:
 *  - properties/C2d*, C2e*, S2*, C4*: statistical properties of 9–21 s each (about 66 s of the
 *    suite). Every mutant they cover would cost that much per run, and they decide a verdict
 *    with a calibrated false-alarm rate, so a mutant they "kill" may be a statistical miss.
 *    The unit tests in test/theory, test/training and test/dynamics cover the same theory code
 *    deterministically; the fast properties (C1, C2, C3, S1, S3, S4) stay in.
 *  - test/report/*: spawn nested vitest runs, a browser and the CLI as subprocesses, which do
 *    not see Stryker's active mutant, and they test src/report (not mutated).
 *  - test/cli/process.test.ts: spawns the CLI as a subprocess (same reason).
 * HC_BACKEND=portable: as in CI's portable-backend job (.ci/extra/portable-backend.sh), so
 * 'auto' resolves to the TypeScript kernels in src/linalg/portable that are being mutated;
 * under the default (native LAPACK when the addon loads) most of that code would run only in
 * the tests that pin 'portable'. Tests that ask for 'native' explicitly still get it.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/**/*.test.ts',
      'properties/C1.*.test.ts',
      'properties/C2.*.test.ts',
      'properties/C3.*.test.ts',
      'properties/S1.*.test.ts',
      'properties/S3.*.test.ts',
      'properties/S4.*.test.ts',
      'properties/coverage.test.ts',
    ],
    exclude: ['test/report/**', 'test/cli/process.test.ts', '**/node_modules/**'],
    env: { HC_BACKEND: 'portable' },
    // Stryker's instrumentation counts every evaluation of every mutated expression, which makes
    // the numerical inner loops 10–50× slower than under `npm test`; Stryker sets its own
    // per-mutant timeout from the measured initial run, so this ceiling only has to let the
    // initial (dry) run finish.
    testTimeout: 900_000,
    hookTimeout: 900_000,
    reporters: ['default'],
  },
});
