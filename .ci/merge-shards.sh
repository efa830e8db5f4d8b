#!/usr/bin/env bash
# The final job of .github/workflows/ci.yml, runnable locally (docs/ci.md): merges what the
# matrix jobs uploaded into one result.
#
#   .ci/merge-shards.sh <artifacts> <out>
#
# <artifacts>/blobs/*.json          vitest blob reports, one per shard (--shard i/n --reporter=blob)
# <artifacts>/results/*.json        other vitest JSON results (the portable-backend run), optional
# <artifacts>/parts/*/conformance.json   partitions of the --full report (--partition i/n), optional
#
# Writes <out>/vitest-results/main.json (the shards merged by vitest), <out>/report/ (the
# conformance report from the merged vitest evidence), <out>/report-full/ (the partitions merged,
# when there are any) and ends with ONE line "N passed, N failed" over all vitest results.
# Exit status: non-zero when a test failed or a merge step failed.
set -uo pipefail
in=${1:?usage: .ci/merge-shards.sh <artifacts> <out>}
out=${2:?usage: .ci/merge-shards.sh <artifacts> <out>}
cd "$(dirname "$0")/.."
status=0
mkdir -p "$out/vitest-results"

shopt -s nullglob
blobs=("$in"/blobs/*.json)
if [ ${#blobs[@]} -eq 0 ]; then
  echo "merge: no vitest blobs in $in/blobs (did the shard jobs upload them?)"
  status=1
else
  echo "== vitest --merge-reports (${#blobs[@]} shards)"
  npx vitest run --merge-reports="$in/blobs" --reporter=default --reporter=json --outputFile.json="$out/vitest-results/main.json" \
    --reporter=junit --outputFile.junit="$out/junit.xml" || status=1
  echo "== report from-vitest"
  npx tsx cli/main.ts report from-vitest "$out/vitest-results/main.json" --out "$out/report" || status=1
fi
for r in "$in"/results/*.json; do cp "$r" "$out/vitest-results/"; done

parts=("$in"/parts/*/conformance.json)
if [ ${#parts[@]} -gt 0 ]; then
  echo "== report merge (${#parts[@]} partitions)"
  npx tsx cli/main.ts report merge "${parts[@]}" --out "$out/report-full" || status=1
fi

node .ci/summary.mjs "$out/vitest-results" || status=1
exit $status
