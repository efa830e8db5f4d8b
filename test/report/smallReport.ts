/**
 * Test helper: a real report run at a fraction of the CI runs, written to a temporary folder.
 * A run over every claim uses ALL_CLAIMS_SCALE: one case per property (runProperty runs at
 * least one), since a single case of a statistical property is a whole KS experiment (C2e:
 * ~10 s), and the cost must stay bounded as claims are added.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, type BuiltReport } from '../../src/report/run/buildReport.js';
import { resolveReportOptions, type ReportRunOptionsInput } from '../../src/report/run/options.js';
import { silentProgress, type Progress } from '../../src/report/progress/progress.js';
import { PROPERTY_SUITE } from '../../properties/registry.js';

export const ALL_CLAIMS_SCALE = 0.001;

export const FIXED_TIME = '2025-12-16T00:00:00.000Z';

export function tempDir(prefix = 'hc-report-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function smallReport(input: ReportRunOptionsInput = {}, out = tempDir(), progress: Progress = silentProgress): Promise<BuiltReport> {
  const opts = resolveReportOptions({ runsScale: 0.1, jobs: 1, ...input });
  return buildReport(PROPERTY_SUITE, { ...opts, out, progress, generatedAt: FIXED_TIME });
}
