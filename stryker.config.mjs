// Mutation testing (StrykerJS 9.6, the last line that runs on Node 20; 10.x needs Node 22).
// Run: `npm run mutation` (all five folders, a few hours on 2 cores), or one folder at a time:
//   npx stryker run --mutate 'theory/**/*.ts'
//   npx stryker run --mutate 'src/stats/**/*.ts,!src/stats/index.ts'
// Results: reports/mutation/ (mutation.html, mutation.json; summary.md is the committed digest).
// Which tests run, and why: vitest.mutation.config.ts.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'theory/**/*.ts',
    'src/stats/**/*.ts',
    'src/linalg/**/*.ts',
    'src/hessian/**/*.ts',
    'src/nets/**/*.ts',
    // barrels (re-exports only) and type-only modules: nothing to mutate
    '!**/index.ts',
    '!src/nets/mlp/types.ts',
    '!src/nets/mlp/outputLoss.ts',
    '!src/linalg/backend.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level initialisers) can only be tested by reloading every module and
  // rerunning all related tests, instrumented: minutes each here. They are reported as Ignored.
  ignoreStatic: true,
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // Shared 2-core machine: one test runner (and one checker) at a time.
  concurrency: 1,
  // Busy machine (other agents share the CPU): wider absolute margin than the 5 s default
  // before a slow mutant counts as a timeout.
  timeoutMS: 10_000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  ignorePatterns: ['reports', '.vitest-results', '.vitest-reports', 'scratch', 'html'],
  // The instrumented initial run (perTest coverage counts every hit) is several times slower
  // than plain vitest on this numerical code.
  dryRunTimeoutMinutes: 60,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 80, low: 60, break: null },
};
