#!/usr/bin/env bash
# Local test of the workflow's merge job (docs/ci.md): lays out artifacts exactly as
# actions/download-artifact does in .github/workflows/ci.yml — vitest blobs from real shards,
# a portable-backend JSON, report partitions — runs .ci/merge-shards.sh on them, and checks the
# result against the same work done unsharded:
#   1. the merged vitest JSON has the same tests, passed and failed counts as one run;
#   2. the conformance report from the merged evidence has the same claims and verdicts as a
#      report built from the unsharded run's evidence;
#   3. the merged report partitions equal a single report run (cases and verdicts per claim);
#   4. the last line is "N passed, N failed" with N = the sum over all result files;
#   5. the summing step alone (.ci/summary.mjs, also the end of .ci/run) counts failures it must:
#      failed tests, a test file that did not load, an unreadable result file, no result at all.
# Uses a small but real selection (fast property files and unit tests) so it runs in minutes.
#
#   .ci/test-merge.sh [shards=3]
set -euo pipefail
cd "$(dirname "$0")/.."
shards=${1:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/hc-merge-test-XXXX")
trap 'rm -rf "$work"' EXIT
files=(properties/C1.gaussNewton.test.ts properties/C3.rank.test.ts test/stats test/rng)
claims=C1,C3

echo "== $shards vitest shards (blob reporter), as the matrix jobs run them"
for i in $(seq 1 "$shards"); do
  npx vitest run "${files[@]}" --shard="$i/$shards" --reporter=blob --outputFile.blob="$work/artifacts/blobs/blob-$i.json" >/dev/null
done
echo "== the portable-backend result file, as the portable job uploads it"
HC_BACKEND=portable npx vitest run test/rng --reporter=json --outputFile.json="$work/artifacts/results/portable-backend.json" >/dev/null
echo "== two report partitions, as the report-full jobs upload them"
for i in 1 2; do
  npx tsx cli/main.ts report --quick --claims "$claims" --partition "$i/2" --out "$work/artifacts/parts/part-$i" >/dev/null
done

echo "== the merge job"
bash .ci/merge-shards.sh "$work/artifacts" "$work/merged" | tee "$work/merge.log"

echo "== the same work unsharded"
npx vitest run "${files[@]}" --reporter=json --outputFile.json="$work/single.json" >/dev/null
npx tsx cli/main.ts report from-vitest "$work/single.json" --out "$work/single-report" >/dev/null
npx tsx cli/main.ts report --quick --claims "$claims" --out "$work/single-full" >/dev/null

node - "$work" <<'JS'
const fs = require('fs');
const w = process.argv[2];
const read = (p) => JSON.parse(fs.readFileSync(`${w}/${p}`, 'utf8'));
const fail = (m) => { console.error(`merge test FAILED: ${m}`); process.exit(1); };
const names = (r) => r.testResults.flatMap((f) => f.assertionResults.map((a) => `${f.name.replace(/.*\/(test|properties)\//, '$1/')} > ${a.fullName}: ${a.status}`)).sort();
const merged = read('merged/vitest-results/main.json');
const single = read('single.json');
for (const k of ['numTotalTests', 'numPassedTests', 'numFailedTests']) if (merged[k] !== single[k]) fail(`${k}: merged ${merged[k]}, unsharded ${single[k]}`);
if (JSON.stringify(names(merged)) !== JSON.stringify(names(single))) fail('the merged shards hold different tests or statuses than one run');
const verdicts = (r) => JSON.stringify(r.claims.map((c) => [c.id, c.verdict, c.cases]));
if (verdicts(read('merged/report/conformance.json')) !== verdicts(read('single-report/conformance.json'))) fail('report from merged shards differs from the report from one run');
const full = read('merged/report-full/conformance.json');
const one = read('single-full/conformance.json');
if (verdicts(full) !== verdicts(one)) fail('merged partitions differ from one report run');
const strip = (r) => JSON.stringify(r.claims.map((c) => c.evidence));
if (strip(full) !== strip(one)) fail('merged partitions carry different evidence than one report run');
const portable = read('merged/vitest-results/portable-backend.json');
const expected = `${merged.numPassedTests + portable.numPassedTests} passed, ${merged.numFailedTests + portable.numFailedTests} failed`;
const last = fs.readFileSync(`${w}/merge.log`, 'utf8').trim().split('\n').pop();
if (last !== expected) fail(`last line "${last}", expected "${expected}"`);
console.log(`merge test passed: ${merged.numTotalTests} tests in ${merged.testResults.length} files from the shards = one run; ${full.claims.length} claims from 2 partitions = one run; "${last}"`);
JS

echo "== the summing step on failing inputs (.ci/summary.mjs)"
expect_line() { # <dir> <expected line>
  local got rc
  got=$(node .ci/summary.mjs "$1") && rc=0 || rc=$?
  [ "$got" = "$2" ] || { echo "merge test FAILED: summary of $1 printed \"$got\", expected \"$2\""; exit 1; }
  case "$2" in *" 0 failed") [ $rc -eq 0 ] ;; *) [ $rc -ne 0 ] ;; esac || { echo "merge test FAILED: summary of $1 exited $rc for \"$2\""; exit 1; }
}
mkdir -p "$work/sum/empty" "$work/sum/mixed" "$work/sum/ok"
expect_line "$work/sum/empty" "0 passed, 1 failed"
echo '{"numPassedTests":5,"numFailedTests":0,"testResults":[]}' > "$work/sum/ok/a.json"
expect_line "$work/sum/ok" "5 passed, 0 failed"
cp "$work/sum/ok/a.json" "$work/sum/mixed/a.json"
echo '{"numPassedTests":3,"numFailedTests":2,"testResults":[{"status":"failed","assertionResults":[]},{"status":"failed","assertionResults":[{"status":"failed"}]}]}' > "$work/sum/mixed/b.json"
echo '{"numPassedTests":' > "$work/sum/mixed/c.json"
expect_line "$work/sum/mixed" "8 passed, 4 failed" # 2 failed tests + 1 file that did not load + 1 unreadable result
echo "summary test passed: empty, passing and failing inputs give the expected line and exit status"
