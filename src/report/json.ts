/**
 * conformance.json: serialisation and validation.
 *
 * Serialised indented for reading, except that each case of `cases` arrays sits on one
 * line, so thousands of cases stay diffable without tripling the file. `parseReport`
 * validates what merging relies on and throws ReportInputError naming the file and field.
 */
import { REPORT_FORMAT_VERSION, type ConformanceReport } from './types.js';

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

function write(value: unknown, indent: string, compactChildren: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (compactChildren || value.every((v) => v === null || typeof v !== 'object')) {
      if (!compactChildren) return JSON.stringify(value);
      return `[\n${value.map((v) => inner + JSON.stringify(v)).join(',\n')}\n${indent}]`;
    }
    return `[\n${value.map((v) => inner + write(v, inner, false)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, k === 'cases' && Array.isArray(v))}`).join(',\n')}\n${indent}}`;
}

export function serializeReport(report: ConformanceReport): string {
  return `${write(report, '', false)}\n`;
}

const REQUIRED: ReadonlyArray<[keyof ConformanceReport, string]> = [
  ['format', 'number'],
  ['generatedAt', 'string'],
  ['seed', 'number'],
  ['mode', 'string'],
  ['runsScale', 'number'],
  ['environment', 'object'],
  ['selection', 'object'],
  ['claims', 'object'],
];

export function parseReport(text: string, source: string): ConformanceReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReportInputError(`${source}: not valid JSON (${e instanceof Error ? e.message : String(e)}); pass a conformance.json written by \`npm run report\``);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ReportInputError(`${source}: expected a JSON object (a conformance.json)`);
  const o = data as Record<string, unknown>;
  for (const [field, type] of REQUIRED) {
    if (typeof o[field] !== type || o[field] === null) throw new ReportInputError(`${source}: field "${field}" is missing or not a ${type}; is this a conformance.json written by \`npm run report\`?`);
  }
  if (o.format !== REPORT_FORMAT_VERSION) throw new ReportInputError(`${source}: format ${String(o.format)} is not the supported ${REPORT_FORMAT_VERSION}; regenerate it with this version`);
  if (!Array.isArray(o.seeds) || !o.seeds.every((s) => Number.isSafeInteger(s))) throw new ReportInputError(`${source}: field "seeds" must be an array of integers`);
  if (!Array.isArray(o.claims)) throw new ReportInputError(`${source}: field "claims" must be an array`);
  o.claims.forEach((c, i) => {
    const claim = c as Record<string, unknown>;
    if (typeof claim?.id !== 'string') throw new ReportInputError(`${source}: claims[${i}].id is missing`);
    const props = (claim.evidence as Record<string, unknown> | undefined)?.properties;
    if (!Array.isArray(props)) throw new ReportInputError(`${source}: claims[${i}] (${claim.id}) has no evidence.properties array`);
    props.forEach((p, j) => {
      const u = p as Record<string, unknown>;
      if (typeof u?.name !== 'string' || typeof u.index !== 'number' || typeof u.seed !== 'number' || !Array.isArray(u.cases)) {
        throw new ReportInputError(`${source}: claims[${i}].evidence.properties[${j}] needs name, index, seed and cases`);
      }
    });
  });
  return data as ConformanceReport;
}
