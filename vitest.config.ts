import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    // Properties build dense Hessians; generous per-test ceiling, not a timing assertion.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One worker per core. vitest's own default in run mode is cores − 1, i.e. ONE worker on the
    // 2-core machines this suite targets: the files then ran one after another (≈ 200 s of CPU
    // in test files, measured per file with bench/vitest/perFile.ts) while the second core idled.
    maxWorkers: availableParallelism(),
    // With a worker per core, BLAS threads inside each worker only oversubscribe the cores
    // (OpenBLAS threads spin while they wait), so each worker's native backend uses one thread.
    // Read once when the addon loads; nothing in the tests depends on the count. Child
    // processes the tests start inherit it.
    env: { OPENBLAS_NUM_THREADS: process.env.OPENBLAS_NUM_THREADS ?? '1' },
    // Console output, plus machine-readable results for CI: JSON (each property test carries
    // its evidence in task.meta.hcProperty, see properties/support/assertProperty.ts; `npm run
    // report -- from-vitest .vitest-results/main.json` turns it into the conformance report)
    // and JUnit XML (evidence summaries as <property> elements). Command-line --reporter flags
    // replace this list (as .ci/run does); --outputFile.<name> overrides one path.
    reporters: ['default', 'json', 'junit'],
    outputFile: { json: '.vitest-results/main.json', junit: '.vitest-results/junit.xml' },
  },
});
