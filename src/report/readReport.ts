/**
 * conformance.json read back (render, merge, diff): parsed against the report schema
 * (types.ts), then every case's evidence against its claim's schema from the catalogue. A
 * report is input like any other — anything wrong is a ReportInputError naming the file and
 * the field, never a crash inside a figure.
 */
import type { ClaimCatalogue } from './claims/claimHook.js';
import { claimIn } from './claims/claimHook.js';
import { issueText } from './assemble/issueText.js';
import { ReportInputError } from './json.js';
import { jsonErrorText } from './inputs/readInputText.js';
import { oneLine } from '../formats/formatError.js';
import { ConformanceReportSchema, REPORT_FORMAT_VERSION, type ConformanceReport, type PropertyRecord } from './types.js';

export { MAX_REPORT_BYTES } from './inputs/readInputText.js';

export function parseReportText(text: string, source: string, catalogue: ClaimCatalogue): ConformanceReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReportInputError(`${source}: not valid JSON (${jsonErrorText(e)}); pass a conformance.json written by \`npm run report\``);
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (typeof data === 'object' && data !== null && format !== undefined && format !== REPORT_FORMAT_VERSION) {
    throw new ReportInputError(`${source}: format ${oneLine(JSON.stringify(format) ?? String(format), 40)} is not the supported ${REPORT_FORMAT_VERSION}; regenerate it with this version (npm run report)`);
  }
  const parsed = ConformanceReportSchema.safeParse(data);
  if (!parsed.success) throw new ReportInputError(`${source}: not a conformance.json of this version: ${issueText(parsed.error)}; regenerate it with \`npm run report\``);
  const report = parsed.data as ConformanceReport;
  report.claims.forEach((c, i) => c.evidence.properties.forEach((u, j) => checkUnitEvidence(u, catalogue, `${source}: claims[${i}].evidence.properties[${j}]`)));
  return report;
}

/** Checks one unit's case evidence against its claim's schema (claims not in the catalogue pass as they are). */
export function checkUnitEvidence(u: PropertyRecord, catalogue: ClaimCatalogue, where: string): void {
  const schema = claimIn(catalogue, u.claim)?.evidence;
  if (!schema) return;
  const check = (value: unknown, at: string) => {
    if (value === null) return;
    const r = schema.safeParse(value);
    if (!r.success) throw new ReportInputError(`${where}${at}.evidence (${u.claim}): ${issueText(r.error)}; the file does not match this version's evidence for ${u.claim} — regenerate it`);
  };
  u.cases.forEach((c, k) => check(c.evidence, `.cases[${k}]`));
  if (u.failure) check(u.failure.evidence, '.failure');
}
