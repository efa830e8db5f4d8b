/**
 * `report merge a.json b.json ...`: the union of partial reports' units, re-assembled
 * exactly as a single run would assemble them (assemble.ts), and written as a whole report.
 */
import { readFileSync } from 'node:fs';
import { parseReport, ReportInputError } from '../../src/report/json.js';
import { mergeUnits } from '../../src/report/merge.js';
import { writeReport } from '../../src/report/writeReport.js';
import { assembleReport } from './assemble.js';
import type { BuiltReport } from './buildReport.js';
import { defaultOutDir } from './outDir.js';

export async function mergeReportFiles(files: readonly string[], out: string | null, generatedAt = new Date().toISOString()): Promise<BuiltReport> {
  const partials = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ReportInputError(`merge: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}); pass the conformance.json of each partition`);
    }
    return { source: file, report: parseReport(text, file) };
  });
  const merged = mergeUnits(partials);
  const { report, figures } = await assembleReport({ plan: merged.plan, environment: merged.environment, partition: null, units: merged.units, generatedAt });
  const written = await writeReport(out ?? defaultOutDir(generatedAt, merged.plan.seeds, null), report, figures);
  return { report, files: written };
}
