/**
 * `report from-vitest results.json ...`: a conformance report from vitest's own results —
 * for CI, and for vitest shards (`--shard i/n --reporter=blob`, then `--merge-reports
 * --reporter=json`). assertProperty attaches each property's PropertyRecord to its test as
 * task.meta.hcProperty; vitest's JSON reporter writes it out; this reads it back. The
 * assembly is the same as for a report run, so the two routes cannot disagree.
 */
import { readFileSync } from 'node:fs';
import { ReportInputError } from '../../src/report/json.js';
import { compareUnits, unitKey } from '../../src/report/merge.js';
import type { EnvironmentInfo, PropertyRecord } from '../../src/report/types.js';
import { writeReport } from '../../src/report/writeReport.js';
import { PROPERTY_REGISTRY } from '../registry.js';
import { assembleReport, type RunPlan } from './assemble.js';
import type { BuiltReport } from './buildReport.js';
import { collectEnvironment } from './environment.js';
import { META_KEY } from './metaKey.js';
import { defaultOutDir } from './outDir.js';

interface VitestJson {
  testResults?: Array<{ assertionResults?: Array<{ meta?: Record<string, unknown> }> }>;
}

export function recordsFromVitestJson(text: string, source: string): PropertyRecord[] {
  let data: VitestJson;
  try {
    data = JSON.parse(text) as VitestJson;
  } catch (e) {
    throw new ReportInputError(`from-vitest: ${source} is not valid JSON (${e instanceof Error ? e.message : String(e)}); pass the file written by vitest's json reporter`);
  }
  if (!Array.isArray(data?.testResults)) throw new ReportInputError(`from-vitest: ${source} has no "testResults"; pass the file written by \`npx vitest run --reporter=json --outputFile.json=<file>\``);
  const out: PropertyRecord[] = [];
  for (const file of data.testResults) for (const a of file.assertionResults ?? []) {
    const r = a.meta?.[META_KEY] as PropertyRecord | undefined;
    if (r && typeof r.claim === 'string' && Array.isArray(r.cases)) out.push(r);
  }
  return out;
}

export async function reportFromVitest(files: readonly string[], out: string | null, generatedAt = new Date().toISOString(), environment?: EnvironmentInfo): Promise<BuiltReport> {
  const units = new Map<string, PropertyRecord>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ReportInputError(`from-vitest: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    for (const r of recordsFromVitestJson(text, file)) {
      const key = unitKey(r);
      if (units.has(key)) throw new ReportInputError(`from-vitest: ${r.claim} · ${r.name} (seed ${r.seed}) appears twice (again in ${file}); pass each shard's results once`);
      units.set(key, r);
    }
  }
  if (units.size === 0) throw new ReportInputError(`from-vitest: no property evidence in ${files.join(', ')}; run the property files (properties/*.test.ts) with the json reporter`);
  const records = [...units.values()].sort(compareUnits);
  const seeds = [...new Set(records.map((r) => r.seed))].sort((a, b) => a - b);
  const scales = [...new Set(records.map((r) => r.runsScale))];
  if (scales.length > 1) throw new ReportInputError(`from-vitest: the results mix runs scales ${scales.join(', ')} (HC_RUNS_SCALE); merge results of one configuration`);
  const present = [...new Set(records.map((r) => r.claim))];
  const allWithProperties = [...new Set(PROPERTY_REGISTRY.map((d) => d.claim))];
  const complete = allWithProperties.every((c) => present.includes(c));
  const plan: RunPlan = { seed: seeds[0], seeds, mode: 'vitest', runsScale: scales[0], selection: { claims: complete ? null : present } };
  const { report, figures } = await assembleReport({ plan, environment: environment ?? (await collectEnvironment()), partition: null, units: records, generatedAt });
  const written = await writeReport(out ?? defaultOutDir(generatedAt, seeds, null), report, figures);
  return { report, files: written };
}
