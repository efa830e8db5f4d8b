// Prints ONE line "N passed, N failed" summed over every vitest JSON result file in a folder
// (default .vitest-results/). A file that fails to load, or a test file that failed without a
// failed assertion (it did not import), counts as a failure; an empty folder is one failure.
// Used by .ci/run and by the GitHub Actions merge job (.github/workflows/ci.yml).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.vitest-results';
let passed = 0;
let failed = 0;
let files = [];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  files = [];
}
if (files.length === 0) failed = 1;
for (const f of files) {
  let r;
  try {
    r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  } catch {
    failed++;
    continue;
  }
  const broken = (r.testResults || []).filter((s) => s.status === 'failed' && !(s.assertionResults || []).some((a) => a.status === 'failed')).length;
  passed += r.numPassedTests || 0;
  failed += (r.numFailedTests || 0) + broken;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
