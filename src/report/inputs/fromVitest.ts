/**
 * `report from-vitest results.json ...`: a conformance report from vitest's own results —
 * for CI, and for vitest shards (`--shard i/n --reporter=blob`, then `--merge-reports
 * --reporter=json`). assertProperty attaches each property's PropertyRecord to its test as
 * task.meta.hcProperty; vitest's JSON reporter writes it out; this reads it back, checks it
 * against the record schema and its claim's evidence schema, and assembles it as a report run
 * would, so the two routes cannot disagree.
 */
import { assembleReport } from '../assemble/assemble.js';
import { issueText } from '../assemble/issueText.js';
import type { ClaimCatalogue } from '../claims/claimHook.js';
import { ReportInputError } from '../json.js';
import { compareUnits, unitKey } from '../merge.js';
import { checkUnitEvidence } from '../readReport.js';
import type { BuiltReport } from '../run/buildReport.js';
import { collectEnvironment } from '../run/environment.js';
import { defaultOutDir } from '../run/outDir.js';
import { PropertyRecordSchema, type EnvironmentInfo, type PropertyRecord } from '../types.js';
import { writeReport } from '../writeReport.js';
import { META_KEY } from './metaKey.js';
import { jsonErrorText, readInputText } from './readInputText.js';

interface VitestJson {
  testResults?: Array<{ assertionResults?: Array<{ meta?: Record<string, unknown> }> }>;
}

export function recordsFromVitestJson(text: string, source: string, catalogue: ClaimCatalogue): PropertyRecord[] {
  let data: VitestJson;
  try {
    data = JSON.parse(text) as VitestJson;
  } catch (e) {
    throw new ReportInputError(`from-vitest: ${source} is not valid JSON (${jsonErrorText(e)}); pass the file written by vitest's json reporter`);
  }
  if (!Array.isArray(data?.testResults)) throw new ReportInputError(`from-vitest: ${source} has no "testResults"; pass the file written by \`npx vitest run --reporter=json --outputFile.json=<file>\``);
  const out: PropertyRecord[] = [];
  data.testResults.forEach((file, i) =>
    (Array.isArray(file?.assertionResults) ? file.assertionResults : []).forEach((a, j) => {
      const raw = a?.meta?.[META_KEY];
      if (raw === undefined) return;
      const where = `from-vitest: ${source}: testResults[${i}].assertionResults[${j}].meta.${META_KEY}`;
      const parsed = PropertyRecordSchema.safeParse(raw);
      if (!parsed.success) throw new ReportInputError(`${where}: ${issueText(parsed.error)}; re-run vitest with this version`);
      const record = parsed.data as PropertyRecord;
      checkUnitEvidence(record, catalogue, where);
      out.push(record);
    }),
  );
  return out;
}

export async function reportFromVitest(
  files: readonly string[],
  out: string | null,
  catalogue: ClaimCatalogue,
  claimsWithProperties: ReadonlySet<string>,
  generatedAt = new Date().toISOString(),
  environment?: EnvironmentInfo,
): Promise<BuiltReport> {
  const units = new Map<string, PropertyRecord>();
  for (const file of files) {
    const text = readInputText(file, "vitest JSON results", 'from-vitest: ');
    for (const r of recordsFromVitestJson(text, file, catalogue)) {
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
  const tiers = [...new Set(records.map((r) => r.sizeTier))];
  if (tiers.length > 1) throw new ReportInputError(`from-vitest: the results mix size tiers ${tiers.join(', ')} (HC_SIZE_TIER); merge results of one configuration`);
  const present = [...new Set(records.map((r) => r.claim))];
  const complete = [...claimsWithProperties].every((c) => present.includes(c));
  const plan = { seed: seeds[0], seeds, mode: 'vitest' as const, runsScale: scales[0], sizeTier: tiers[0], selection: { claims: complete ? null : present } };
  const report = await assembleReport({ plan, environment: environment ?? (await collectEnvironment()), partition: null, units: records, generatedAt, catalogue, claimsWithProperties });
  const written = await writeReport(out ?? defaultOutDir(generatedAt, seeds, null), report, catalogue);
  return { report, files: written };
}
