/**
 * conformance.json: serialisation (reading back, with validation, is ./readReport.ts).
 *
 * Serialised indented for reading, except that each case of `cases` arrays sits on one
 * line, so thousands of cases stay diffable without tripling the file.
 */
import type { ConformanceReport } from './types.js';

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
