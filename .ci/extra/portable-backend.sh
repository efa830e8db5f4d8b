#!/usr/bin/env bash
# The main run (npx vitest run) uses the native LAPACK backend when its addon built. This run
# pins the portable backend (HC_BACKEND=portable makes getBackend('auto') portable) on the unit
# tests in test/ (the filter is the absolute path of test/, so properties/ is not included),
# which cover every backend-dependent module; the property suite runs on the portable backend
# wherever the addon is missing. test/report/ is left out: it compares evidence from nested
# vitest runs whose environment drops HC_* variables (so they would use 'auto' = native).
set -uo pipefail
cd "$(dirname "$0")/../.."
HC_BACKEND=portable npx vitest run "$PWD/test/" --exclude 'test/report/**' --reporter=default --reporter=json --outputFile.json=.vitest-results/portable-backend.json
