/**
 * `report merge a.json b.json ...`: the union of partial reports' units, re-assembled
 * exactly as a single run would assemble them (assemble.ts), and written as a whole report.
 */
import { assembleReport } from '../assemble/assemble.js';
import type { ClaimCatalogue } from '../claims/claimHook.js';
import { mergeUnits } from '../merge.js';
import type { BuiltReport } from '../run/buildReport.js';
import { defaultOutDir } from '../run/outDir.js';
import { readReportFile, writeReport } from '../writeReport.js';

export async function mergeReportFiles(files: readonly string[], out: string | null, catalogue: ClaimCatalogue, claimsWithProperties: ReadonlySet<string>, generatedAt = new Date().toISOString()): Promise<BuiltReport> {
  const partials = files.map((file) => ({ source: file, report: readReportFile(file, catalogue) }));
  const merged = mergeUnits(partials);
  const report = await assembleReport({ plan: merged.plan, environment: merged.environment, partition: null, units: merged.units, generatedAt, catalogue, claimsWithProperties });
  const written = await writeReport(out ?? defaultOutDir(generatedAt, merged.plan.seeds, null), report, catalogue);
  return { report, files: written };
}
