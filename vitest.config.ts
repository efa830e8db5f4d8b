import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    // Properties build dense Hessians; generous per-test ceiling, not a timing assertion.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Console output, plus machine-readable results for CI: JSON (each property test carries
    // its evidence in task.meta.hcProperty, see properties/support/assertProperty.ts; `npm run
    // report -- from-vitest .vitest-results/main.json` turns it into the conformance report)
    // and JUnit XML (evidence summaries as <property> elements). Command-line --reporter flags
    // replace this list (as .ci/run does); --outputFile.<name> overrides one path.
    reporters: ['default', 'json', 'junit'],
    outputFile: { json: '.vitest-results/main.json', junit: '.vitest-results/junit.xml' },
  },
});
